import { describe, expect, it } from 'vitest'
import { analyse } from '../analysis/analyse.ts'
import { workedExample } from '../analysis/worked-example.fixture.ts'
import { textileMillDocument } from '../demo/textile-mill.ts'
import { diffDocuments } from '../diff/diff-documents.ts'
import type { BoardDocument } from '../schema/document.ts'
import { escapeInline, toMarkdown } from './markdown.ts'
import { briefWords } from './markdown-text.ts'

const demo = textileMillDocument

/** The rows of the Markdown table that follows `heading`. */
function tableAfter(markdown: string, heading: string): string[] {
  const start = markdown.indexOf(`${heading}\n`)
  if (start < 0) throw new Error(`no ${heading}`)
  const lines = markdown.slice(start).split('\n').slice(2)
  const table: string[] = []
  for (const line of lines) {
    if (line.startsWith('|')) table.push(line)
    else if (table.length > 0) break
  }
  return table
}

describe('toMarkdown', () => {
  const md = toMarkdown(demo, { analysis: analyse(demo) })

  it('has the brief sections in order', () => {
    const headings = md.split('\n').filter((line) => /^## /.test(line))
    expect(headings).toEqual([
      '## Site profile',
      '## Actor constellation',
      '## Use mix',
      '## Relationships',
      '## Phasing roadmap',
      '## Indicators',
      '## Gaps',
      '## Notes',
    ])
    expect(md.startsWith(`# ${demo.board.title}\n`)).toBe(true)
    expect(md.endsWith('\n')).toBe(true)
    expect(md.endsWith('\n\n')).toBe(false)
  })

  it('writes the site profile as a table with plain numbers', () => {
    expect(md).toContain('| Name | Spinnerei Weißenau |')
    expect(md).toContain('| Floor area | 12,400 m² |')
    expect(md).toContain('| Built | 1889 |')
  })

  it('lists actors by sector with their names spelled right, counts and commitment', () => {
    expect(md).toContain('### Creative industries (6)')
    for (const name of [
      'Pracownia Łęczyca – Małgorzata Świątek-Kośmider',
      'Szőnyi Műhely Építésziroda Kft.',
      'Spolek Přádelna Dvůr',
    ])
      expect(md).toContain(`| ${name} |`)
    expect(md).toMatch(/\| Szőnyi Műhely Építésziroda Kft\. \| Architecture \| HU \| Letter of intent \| Supporter \| 80 m² \|/)
  })

  it('gives the use mix per zone with m² and shares that add up', () => {
    const rows = tableAfter(md, '### Areas per zone')
    expect(rows[0]).toBe('| Zone | Zone area | Uses | Planned area | Share of planned area | Zone occupancy |')
    const planned = demo.elements.reduce((sum, e) => sum + (e.kind === 'use' ? (e.areaM2 ?? 0) : 0), 0)
    // the total's zone area is the sum of the zones (10,450 m²), not the site's 12,400 m²
    const zonesM2 = demo.elements.reduce((sum, e) => sum + (e.kind === 'zone' ? (e.areaM2 ?? 0) : 0), 0)
    expect(zonesM2).toBe(10450)
    expect(rows.at(-1)).toBe(`| **Total** | 10,450 m² | 14 | ${planned.toLocaleString('en')} m² | 100% | 72% |`)
  })

  it('writes numbers in the locale asked for, English by hand by default', () => {
    const german = toMarkdown(demo, { analysis: analyse(demo), locale: 'de' })
    const { say } = briefWords('de')
    expect(tableAfter(german, `### ${say('byZone')}`).at(-1)).toMatch(
      new RegExp(`^\\| \\*\\*${say('total')}\\*\\* \\| 10\\.450 m² \\| 14 \\| 7\\.520 m² \\| 100\\s%`),
    )
    expect(german).toContain(`| ${say('siteArea')} | 12.400 m² |`)
    expect(md).toContain('| Floor area | 12,400 m² |')
  })

  it('states the relationships in words', () => {
    const section = md.slice(md.indexOf('## Relationships'), md.indexOf('## Phasing roadmap'))
    expect(section).toContain('21 relationships, in words:')
    expect(section).toContain(
      '- Dizajn studio Đurđević d.o.o. supplies Kaffeerösterei Großmann & Söhne (packaging and shop design).\n',
    )
    expect(section).toContain('- Kaffeerösterei Großmann & Söhne operates Café and roastery.\n')
    expect(section).toContain('- Bürgerstiftung Weißenau funds Community room (€40,000).\n')
    expect(section).toContain('- Café and roastery and Summer market have a synergy.\n')
    expect(section).toContain('- Anwohnerinitiative Mühlgraben is in conflict with Event hall (noise at weekends).\n')
    expect(section).toContain('mentors Werkstatt Weißenau e.V.\n')
  })

  it('says one in the singular: "1 use", "1 actor in 1 sector", "1 relationship"', () => {
    const one: BoardDocument = {
      board: { title: 'Brewery' },
      site: { name: 'Brewery' },
      elements: [
        { id: 'a1', kind: 'actor', x: 0, y: 0, w: 10, h: 10, label: 'Makers e.V.', sector: 'civil', commitment: 'loi' },
        { id: 'u1', kind: 'use', x: 0, y: 0, w: 10, h: 10, label: 'Open workshop', category: 'makerspace', areaM2: 1200 },
        { id: 'l1', kind: 'link', from: 'a1', to: 'u1', relation: 'operates' },
      ],
    } as unknown as BoardDocument
    const text = toMarkdown(one)
    expect(text).toContain('1 use with 1,200 m² planned.')
    expect(text).toContain('1 actor in 1 sector; 1 committed')
    expect(text).toContain('1 relationship, in words:\n\n- Makers e.V. operates Open workshop.')
    expect(text).not.toMatch(/\b1 (uses|actors|sectors|relationships)\b/)
  })

  it('writes the roadmap by stage with months and the scheduled uses and actors', () => {
    const rows = tableAfter(md, '## Phasing roadmap')
    expect(rows[0]).toBe('| Stage | Phase | Start | End | Months | Uses | Actors |')
    expect(rows[2]).toMatch(/^\| Analysis \|/)
    expect(rows.some((row) => row.includes('| Interim use |') && row.includes('Spolek Přádelna Dvůr'))).toBe(true)
    // months in words, as a reader writes them: English by hand, else Intl in the language asked for
    expect(rows[2]).toContain('| Sep 2026 | Feb 2027 | 6 |')
    const german = tableAfter(toMarkdown(demo, { locale: 'de' }), `## ${briefWords('de').say('roadmap')}`)
    expect(german[2]).toContain('| Sept. 2026 | Feb. 2027 | 6 |')
  })

  it('lists indicators and gaps from the analysis, and says so without one', () => {
    const indicators = tableAfter(md, '## Indicators')
    expect(indicators.some((row) => row.startsWith('| Occupancy (planned / site area) | 60.6% |'))).toBe(true)
    expect(md).toContain('### Occupancy per phase')
    const without = toMarkdown(demo)
    expect(without).toContain('## Indicators\n\nThe analysis is not available for this export.')
  })

  it('names gaps in words', () => {
    const gappy: BoardDocument = {
      ...demo,
      elements: [
        ...demo.elements,
        { id: 'u-orphan', kind: 'use', x: 0, y: 0, w: 1, h: 1, label: 'Sauna', category: 'leisure' } as never,
      ],
    }
    expect(toMarkdown(gappy, { analysis: analyse(gappy) })).toContain('- Use "Sauna" has no operator yet')
  })

  it('adds what changed since a snapshot, in words', () => {
    const before = structuredClone(demo)
    const after = structuredClone(demo)
    const actor = after.elements.find((e) => e.kind === 'actor' && e.label.startsWith('Spolek'))
    if (actor?.kind !== 'actor') throw new Error('fixture')
    actor.commitment = 'signed'
    after.elements = after.elements.filter((e) => e.kind !== 'note' || !e.label.startsWith('Bilingual'))
    after.elements.push({
      id: 'a-new',
      kind: 'actor',
      x: 0,
      y: 0,
      w: 1,
      h: 1,
      label: 'Žižkov Lab s.r.o.',
      sector: 'creative',
      commitment: 'idea',
    } as never)
    after.site = { ...after.site, areaM2: 13000 }
    const text = toMarkdown(after, { since: { label: 'Round 1', diff: diffDocuments(before, after) } })
    const since = text.slice(text.indexOf('## What changed since "Round 1"'))
    expect(since).toContain('### Added (1)\n\n- actor "Žižkov Lab s.r.o."')
    expect(since).toContain('### Removed (1)\n\n- note "Bilingual signage, German and Czech?"')
    expect(since).toContain('- actor "Spolek Přádelna Dvůr": commitment Interested → Signed')
    expect(since).toContain('### Site profile\n\n- area 12,400 m² → 13,000 m²')
    expect(toMarkdown(demo, { since: { label: 'R', diff: diffDocuments(demo, demo) } })).toContain('Nothing changed.')
  })

  it('writes what changed since a snapshot in the language asked for: areas, numbers, months, counts', () => {
    const before = structuredClone(demo)
    const after = structuredClone(demo)
    after.site = { ...after.site, areaM2: 13000 }
    const interim = after.elements.find((e) => e.id === 'p-interim')
    const makers = after.elements.find((e) => e.id === 'a-makers')
    if (interim?.kind !== 'phase' || makers?.kind !== 'actor') throw new Error('fixture')
    interim.end = '2028-10'
    makers.budgetEurM2Month = 5.25
    const since = (locale?: string) => {
      const text = toMarkdown(after, {
        since: { label: 'Round 1', diff: diffDocuments(before, after) },
        ...(locale ? { locale } : {}),
      })
      // Intl puts thin spaces around a range's dash and a no-break space before %
      const { say } = briefWords(locale === 'de' ? 'de' : 'en')
      return text.slice(text.indexOf(`## ${say('since', { label: 'Round 1' })}`)).replace(/[\u2009\u202f\u00a0]/g, ' ')
    }
    const english = since()
    expect(english).toContain('### Site profile\n\n- area 12,400 m² → 13,000 m²')
    expect(english).toContain('end Aug 2028 → Oct 2028')
    expect(english).toContain('budget (€/m²/month) 4.5 → 5.25')
    expect(english).toContain('### Changed (2)')
    // the words from the German catalog (English where it lacks a key), numbers and months as German writes them
    const german = since('de')
    const { say, fieldName } = briefWords('de')
    const changed = (field: string, before: string, after: string) =>
      say('changedValue', { field: fieldName(field), before, after })
    expect(german).toContain(`### ${say('siteChanged')}\n\n- ${changed('areaM2', '12.400 m²', '13.000 m²')}`)
    expect(german).toContain(changed('end', 'Aug. 2028', 'Okt. 2028'))
    expect(german).toContain(changed('budgetEurM2Month', '4,5', '5,25'))
    expect(german).not.toMatch(/\b2028-\d\d\b/)
  })

  it('escapes names that would change the rendering', () => {
    expect(escapeInline('a|b *c* [d](e) <f>')).toBe('a\\|b \\*c\\* \\[d\\](e) \\<f\\>')
    const odd: BoardDocument = {
      ...demo,
      elements: [
        { id: 'a', kind: 'actor', x: 0, y: 0, w: 1, h: 1, label: 'Pipe | Co\nLtd', sector: 'civil', commitment: 'idea' } as never,
      ],
    }
    expect(toMarkdown(odd)).toContain('| Pipe \\| Co Ltd |')
  })

  it('is deterministic', () => {
    expect(toMarkdown(structuredClone(demo), { analysis: analyse(demo) })).toBe(md)
  })

  it('money: a table of the uses with money and a total, funding amounts on their links, in the language', () => {
    const english = toMarkdown(workedExample)
    // the demo's table: the seven uses with money and their total
    expect(tableAfter(md, '### Investment and funding').at(-1)).toBe('| **Total** | 2,580,000 | 274,000 | 205,600 | — |')
    // a board without money has no such table
    expect(toMarkdown({ ...demo, elements: demo.elements.filter((e) => e.kind !== 'use') })).not.toContain(
      '### Investment and funding',
    )
    expect(tableAfter(english, '### Investment and funding')).toEqual([
      '| Use | investment (€) | running cost (€/year) | income (€/year) | funding source |',
      '| --- | ---: | ---: | ---: | --- |',
      '| Open workshop | 300,000 | 18,000 | — | EU funding |',
      '| Café | 120,000 | 30,000 | 42,000 | Loan |',
      '| Festival hall | 80,000 | 12,000 | — | — |',
      '| Workshop hall | 100,000 | — | — | Own funds |',
      '| **Total** | 600,000 | 60,000 | 42,000 | — |',
    ])
    expect(english).toMatch(/funds Workshop hall \(€60,000\)\./)
    const german = toMarkdown(workedExample, { locale: 'de' })
    expect(tableAfter(german, '### Investition und Finanzierung')).toContain(
      '| Open workshop | 300.000 | 18.000 | — | EU-Förderung |',
    )
    expect(german).toMatch(/Workshop hall \(60\.000\s€\)\./)
  })
})
