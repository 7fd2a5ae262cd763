import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { inflateRawSync } from 'node:zlib'
import mammoth from 'mammoth'
import { afterAll, describe, expect, it } from 'vitest'
import { analyse } from '../../../shared/analysis/index.ts'
import { workedExample } from '../../../shared/analysis/worked-example.fixture.ts'
import { type Collection, defaultCriteria, type Review } from '../../../shared/collections/collection.ts'
import { compareSites, meetingsOf } from '../../../shared/collections/compare.ts'
import { textileMillDocument } from '../../../shared/demo/textile-mill.ts'
import { numbersFor } from '../../../shared/export/format.ts'
import { type LanguageCode, translatorFor } from '../../../shared/i18n/index.ts'
import { BoardDocument, emptyBoardDocument } from '../../../shared/schema/document.ts'
import type { Element } from '../../../shared/schema/elements.ts'
import { siteScanTemplate } from '../../../shared/templates/site-scan.ts'
import { renderStrategy } from './render-strategy.ts'
import { chapterIds } from './strategy-doc.ts'
import type { StrategyInput, StrategySite } from './strategy-input.ts'
import { strategyModel } from './strategy-model.ts'
import { siteSwot } from './swot.ts'

// ---------------------------------------------------------------- three real boards

/** The demo mill with money on its uses (issue 17 fields) and one funding link with an amount. */
function millWithMoney(): BoardDocument {
  const money: Record<string, Record<string, unknown>> = {
    'u-workshop': { investmentEur: 240000, runningCostEurYear: 36000, incomeEurYear: 30000, fundingSource: 'eu' },
    'u-events': { investmentEur: 410000, runningCostEurYear: 52000, incomeEurYear: 61000, fundingSource: 'municipal' },
    'u-visitor': { investmentEur: 95500, runningCostEurYear: 18000, incomeEurYear: 6000, fundingSource: 'foundation' },
  }
  const elements = textileMillDocument.elements.map((element): Element => {
    if (element.kind === 'use' && money[element.id]) return { ...element, ...money[element.id] } as Element
    if (element.id === 'l-town-visitor' && element.kind === 'link') return { ...element, amountEur: 45000 }
    return element
  })
  return { ...textileMillDocument, elements }
}

/** A site scan (the template) with findings written into its SWOT frames, two actors and a use. */
function siteScanBoard(): BoardDocument {
  const template = siteScanTemplate()
  const frameOf = (id: string) => {
    const frame = template.elements.find((element) => element.id === id)
    if (frame?.kind !== 'frame') throw new Error(`no frame ${id}`)
    return frame
  }
  const strengths = frameOf('swot-strengths')
  const threats = frameOf('swot-threats')
  const note = (id: string, label: string, x: number, y: number) =>
    ({ id, kind: 'note', x, y, w: 200, h: 90, label, color: 'yellow' }) as const
  return BoardDocument.parse({
    ...template,
    board: { id: 'komlo', title: 'Komló – Bányatelep' },
    site: { name: 'Komló bányatelep', location: 'Komló', country: 'HU', areaM2: 12000 },
    elements: [
      ...template.elements,
      note('n-strength', 'Erős bányász-hagyomány és örökségvédelmi védettség', strengths.x + 20, strengths.y + 190),
      note('n-strength-2', 'Zsolnay Negyed közelsége (Pécs)', strengths.x + 240, strengths.y + 190),
      note('n-threat', 'Elvándorlás, kevés fiatal alkotó', threats.x + 20, threats.y + 190),
      note('n-outside', 'Parkolási terv – nem SWOT', strengths.x - 3000, strengths.y),
      {
        id: 'a-egyesulet',
        kind: 'actor',
        x: -2000,
        y: 0,
        w: 180,
        h: 90,
        label: 'Komlói Bányász Egyesület',
        sector: 'culture',
        subsector: 'heritage_museums',
        commitment: 'loi',
        spaceNeedM2: 150,
      },
      {
        id: 'a-muhely',
        kind: 'actor',
        x: -2000,
        y: 200,
        w: 180,
        h: 90,
        label: 'Őrház Műhely Kft.',
        sector: 'creative',
        subsector: 'crafts',
        commitment: 'interested',
        spaceNeedM2: 80,
      },
      {
        id: 'u-studio',
        kind: 'use',
        x: -1700,
        y: 0,
        w: 180,
        h: 90,
        label: 'Studio *Nord* | Halle',
        category: 'studio',
        areaM2: 300,
        investmentEur: 120000,
        runningCostEurYear: 9000,
        incomeEurYear: 14000,
      },
      { id: 'l-op', kind: 'link', from: 'a-muhely', to: 'u-studio', relation: 'operates' },
    ],
  })
}

const site = (boardId: string, title: string, document: BoardDocument, snapshotLabel: string | null = null): StrategySite => ({
  boardId,
  title,
  snapshotLabel,
  site: document.site,
  document,
  analysis: analyse(document),
})

/** The collection's comparison as the compare endpoint makes it (without trends). */
const compareOf = (sites: StrategySite[]) =>
  compareSites(
    sites.map((s) => ({
      boardId: s.boardId,
      title: s.title,
      snapshotId: null,
      snapshotLabel: s.snapshotLabel,
      site: null,
      indicators: s.analysis.indicators,
      matrix: s.analysis.matrix,
      meetings: meetingsOf(s.document),
      trend: [],
    })),
  )

function threeSites(): StrategyInput {
  const sites = [
    site('mill', 'Spinnerei Weißenau', millWithMoney()),
    site('worked', 'Příklad – Hala Šimek', workedExample, 'Kolo 2 – září'),
    site('komlo', 'Komló – Bányatelep', siteScanBoard()),
  ]
  const collection: Collection = {
    id: 'c1',
    title: 'Průmyslové dědictví — Region Süd',
    createdAt: '2026-12-01T10:00:00.000Z',
    createdBy: 'u1',
    role: 'owner',
    sites: sites.map((s) => ({ boardId: s.boardId, snapshotId: null, addedAt: '2026-12-01T10:00:00.000Z', title: s.title })),
    criteria: [...defaultCriteria(), { id: 'own', title: 'Zapojení mládeže' }],
    texts: {
      introduction: 'Region tří areálů.',
      vision: 'Do roku 2032 bude každý areál žít.\nŽádná hala nezůstane prázdná.\n\nDruhý odstavec vize.',
      operation: 'Provoz zajišťují místní spolky.',
      marketing: 'Společná značka „Fabriky jihu“.',
      investments: 'Investice se soustředí do etapy 2028.',
    },
  }
  const reviews: Review[] = [
    {
      boardId: 'mill',
      reviewerId: 'r1',
      reviewerName: 'Łucja Wiśniewska',
      scores: {
        criticalMass: { score: 4, text: 'Dobrá kritická masa.' },
        combination: { score: 3, text: '' },
        own: { score: null, text: '' },
      },
      summary: 'Silný koncept, slabé financování.',
      updatedAt: '2026-12-02T10:00:00.000Z',
    },
    {
      boardId: 'mill',
      reviewerId: 'r2',
      reviewerName: 'Gábor Szőke',
      scores: { criticalMass: { score: 5, text: '' }, combination: { score: 2, text: 'Kevés közös funkció.' } },
      summary: '',
      updatedAt: '2026-12-02T11:00:00.000Z',
    },
  ]
  return { collection, sites, compare: compareOf(sites), reviews, generatedAt: new Date('2026-12-03T12:00:00.000Z') }
}

const emptyInput = (): StrategyInput => ({
  collection: {
    id: 'c0',
    title: '',
    createdAt: '2026-12-01T10:00:00.000Z',
    createdBy: 'u1',
    role: 'owner',
    sites: [],
    criteria: [],
    texts: {},
  },
  sites: [],
  compare: compareOf([]),
  reviews: [],
  generatedAt: new Date('2026-12-03T12:00:00.000Z'),
})

// ---------------------------------------------------------------- reading the files back

const work = mkdtempSync(join(tmpdir(), 'rb-strategy-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

const squash = (text: string) => text.replace(/\s+/g, ' ')

function pdfText(bytes: Uint8Array, name: string): { text: string; info: string; h1: string[] } {
  const file = join(work, `${name}.pdf`)
  writeFileSync(file, bytes)
  // the structure tree's text: each H1 element followed by its quoted text
  const tree = execFileSync('pdfinfo', ['-struct-text', file], { encoding: 'utf8' }).split('\n')
  const h1 = tree.flatMap((line, index) =>
    line.trim() === 'H1 (block)' ? [(tree[index + 1] ?? '').trim().replace(/^"|"$/g, '').trim()] : [],
  )
  return {
    text: execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }),
    info: execFileSync('pdfinfo', [file], { encoding: 'utf8' }),
    h1,
  }
}

/** One file of a ZIP archive (a DOCX), from its central directory. */
function zipEntry(bytes: Uint8Array, name: string): string {
  const buffer = Buffer.from(bytes)
  const end = buffer.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]))
  const count = buffer.readUInt16LE(end + 10)
  let at = buffer.readUInt32LE(end + 16)
  for (let index = 0; index < count; index++) {
    const method = buffer.readUInt16LE(at + 10)
    const size = buffer.readUInt32LE(at + 20)
    const nameLength = buffer.readUInt16LE(at + 28)
    const extra = buffer.readUInt16LE(at + 30)
    const comment = buffer.readUInt16LE(at + 32)
    const local = buffer.readUInt32LE(at + 42)
    const entry = buffer.toString('utf8', at + 46, at + 46 + nameLength)
    if (entry === name) {
      const start = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28)
      const data = buffer.subarray(start, start + size)
      return (method === 8 ? inflateRawSync(data) : data).toString('utf8')
    }
    at += 46 + nameLength + extra + comment
  }
  throw new Error(`no ${name} in the archive`)
}

async function docxHtml(bytes: Uint8Array): Promise<string> {
  const result = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })
  return result.value
}

const chapterTitles = (language: LanguageCode) => {
  const t = translatorFor(language)
  return chapterIds.map((id) => t(`strategy.chapter.${id}`))
}

const viabilityNumber = (s: StrategySite, key: string) =>
  (s.analysis.indicators.viability as unknown as Record<string, number>)[key] ?? 0

// ---------------------------------------------------------------- the model

describe('strategy model', () => {
  it('follows the chapter plan, every chapter with content even for an empty collection', () => {
    for (const input of [threeSites(), emptyInput()]) {
      const doc = strategyModel(input, 'en')
      expect(doc.chapters.map((chapter) => chapter.id)).toEqual([...chapterIds])
      for (const chapter of doc.chapters) expect(chapter.blocks.length).toBeGreaterThan(0)
    }
    const empty = strategyModel(emptyInput(), 'de')
    expect(empty.title).toBe('Sammlung ohne Titel')
    const vision = empty.chapters.find((chapter) => chapter.id === 'vision')
    expect(vision?.blocks).toEqual([{ kind: 'paragraph', text: 'Noch nichts erfasst.' }])
  })

  it('reads the SWOT from the site-scan frames by geometry, without the template prompts', () => {
    const swot = siteSwot(siteScanBoard())
    expect(swot.found).toBe(true)
    expect(swot.fields.strengths).toEqual([
      'Erős bányász-hagyomány és örökségvédelmi védettség',
      'Zsolnay Negyed közelsége (Pécs)',
    ])
    expect(swot.fields.threats).toEqual(['Elvándorlás, kevés fiatal alkotó'])
    expect(swot.fields.weaknesses).toEqual([])
    expect(siteSwot(textileMillDocument).found).toBe(false)
  })

  it('sums the creative sector and the money over the sites as the analyses give them', () => {
    const input = threeSites()
    const doc = strategyModel(input, 'en')
    const creative = input.sites.reduce((sum, s) => sum + s.analysis.indicators.creative.count, 0)
    const actors = input.sites.reduce((sum, s) => sum + s.analysis.indicators.actors.total, 0)
    const investment = input.sites.reduce((sum, s) => sum + viabilityNumber(s, 'investmentEur'), 0)
    // the mill's three uses, the Komló studio and whatever the worked example plans
    expect(investment).toBeGreaterThanOrEqual(240000 + 410000 + 95500 + 120000)
    const figure = (label: string) => doc.figures.find((item) => item.label === label)?.value
    expect(figure('Creative and cultural actors')).toBe(String(creative))
    expect(figure('Actors across all sites')).toBe(String(actors))
    expect(figure('Investment')).toBe(`€${numbersFor(undefined).number(investment, 0)}`)
  })

  it('a site nobody has costed reads "not known", and its rents do not raise the region\'s cost recovery', async () => {
    // a board whose uses have rents (income) but no investment and no running cost yet
    const rented = BoardDocument.parse({
      ...emptyBoardDocument({ id: 'rented', title: 'Skladišče soli' }),
      elements: [
        {
          id: 'u-a',
          kind: 'use',
          x: 0,
          y: 0,
          w: 200,
          h: 100,
          label: 'Ateljeji',
          category: 'studio',
          areaM2: 600,
          rentEurM2Month: 6,
        },
        { id: 'u-b', kind: 'use', x: 240, y: 0, w: 200, h: 100, label: 'Dvorana', category: 'events', areaM2: 800 },
      ],
    })
    const sites = [site('mill', 'Spinnerei Weißenau', millWithMoney()), site('rented', 'Skladišče soli', rented)]
    const input: StrategyInput = { ...threeSites(), sites, compare: compareOf(sites), reviews: [] }
    const [mill, rentedSite] = sites.map((s) => s.analysis.indicators.viability)
    if (!mill || !rentedSite) throw new Error('two sites')
    const rentedIncome = rentedSite.incomeEurYear
    expect(rentedIncome).toBe(600 * 6 * 12)
    const md = (await renderStrategy(input, 'md', 'de')).body as string
    const de = numbersFor('de')
    // investments per site: the uncosted site is not known, not 0 €
    expect(md).toContain('| Skladišče soli | — |')
    expect(md).not.toContain('| Skladišče soli | 0 € |')
    // financial plan: its running cost not known, its income as the analysis gives it
    expect(md).toContain(`| Skladišče soli | — | ${de.number(rentedIncome, 0)} € | k. A. |`)
    // the region's cost recovery is the mill's alone (the only site with running costs), 136 % not 155 %
    const plan = md.slice(md.indexOf('## Finanzplan'), md.indexOf('\n## Betrieb\n'))
    const cells = (start: string) =>
      plan
        .split('\n')
        .find((line) => line.startsWith(start))
        ?.split(' | ')
        .map((cell) => cell.trim())
    const costRecovery = cells('| Spinnerei Weißenau |')?.[3]
    expect(costRecovery?.replace(/\s/g, ' ')).toBe(
      `${de.number(Math.round((mill.incomeEurYear / mill.runningCostEurYear) * 1000) / 10, 1)} %`,
    )
    expect(cells('| **Summe** |')?.[3], plan).toBe(costRecovery)
    // and the table says why its totals do not divide to it
    expect(plan).toContain(
      '\n\nDie Kostendeckung der Region zählt nur die Standorte mit Betriebskosten; die Einnahmen der übrigen stehen in der Summe.\n',
    )
    // not said where every site with income has running costs
    const costed = (await renderStrategy(threeSites(), 'md', 'de')).body as string
    expect(costed).not.toContain('Die Kostendeckung der Region zählt nur')
    // the key figures read "label: value" ("Davon verbindlich …: 4", not "4 Davon verbindlich …")
    expect(md).toContain('\n- Standorte: **2**\n')
    expect(md).toMatch(/\n- Davon verbindlich \(ab Absichtserklärung\): \*\*\d+\*\*\n/)
    const docx = await mammoth.extractRawText({
      buffer: Buffer.from((await renderStrategy(input, 'docx', 'de')).body as Uint8Array),
    })
    expect(docx.value).toMatch(/\nDavon verbindlich \(ab Absichtserklärung\): \d+\n/)
  })
})

// ---------------------------------------------------------------- the files

describe('strategy files', () => {
  it('Markdown: every chapter, escaped names, texts and reviews', async () => {
    const input = threeSites()
    const { body, contentType, extension } = await renderStrategy(input, 'md', 'en')
    expect(contentType).toBe('text/markdown; charset=utf-8')
    expect(extension).toBe('md')
    const md = body as string
    expect(md.startsWith('# Průmyslové dědictví — Region Süd\n')).toBe(true)
    let last = -1
    for (const title of chapterTitles('en')) {
      const at = md.indexOf(`\n## ${title}\n`)
      expect(at, title).toBeGreaterThan(last)
      last = at
    }
    expect(md).toContain('Studio \\*Nord\\* \\| Halle')
    expect(md).toContain('- Erős bányász-hagyomány és örökségvédelmi védettség')
    expect(md).not.toContain('Parkolási terv')
    expect(md).toContain('Do roku 2032 bude každý areál žít.  \nŽádná hala nezůstane prázdná.\n\nDruhý odstavec vize.')
    expect(md).toContain('| Komlói Bányász Egyesület | Komló – Bányatelep | Heritage and museums | Letter of intent | 150 m² |')
    // the operator link as a sentence, the review table with the mean of 4 and 5
    expect(md).toContain('- Őrház Műhely Kft. operates Studio \\*Nord\\* \\| Halle')
    const t = translatorFor('en')
    const key: string = 'criterion.criticalMass'
    const criticalMass = t.has(key) ? t(key) : 'criticalMass'
    expect(md).toContain(`| ${criticalMass} | 5 | 4 | 4.5 |`)
    expect(md).toContain('| Zapojení mládeže | — | — | — |')
    expect(md).toContain('Kolo 2 – září')
    // a funding link with its amount, under the site's investments
    expect(md).toContain('| Stadt Weißenau – Amt für Stadtentwicklung | Visitor centre | €45,000 |')
    // each site's key indicators beside the comparison's median
    const mill = input.sites[0]?.analysis.indicators
    expect(md).toContain(`| Actors | ${mill?.actors.total} | ${input.compare.median['actors.total']} |`)
  })

  it('Markdown of an empty collection: every chapter with a line saying so', async () => {
    const md = (await renderStrategy(emptyInput(), 'md', 'en')).body as string
    for (const title of chapterTitles('en')) expect(md).toContain(`## ${title}`)
    expect(md).toContain('The collection holds no sites yet.')
    expect(md).toContain('Nothing recorded yet.')
  })

  it('a site whose board is empty still gives every chapter in all three formats (Slovak)', async () => {
    const empty = site('empty', 'Prázdny areál Šaľa', emptyBoardDocument({ id: 'empty', title: 'Prázdny areál Šaľa' }))
    const input: StrategyInput = { ...emptyInput(), sites: [empty], compare: compareOf([empty]) }
    const md = (await renderStrategy(input, 'md', 'sk')).body as string
    for (const title of chapterTitles('sk')) expect(md).toContain(`## ${title}`)
    expect(md).toContain('Na tejto tabuli nie je prieskum areálu.')
    expect(md).toContain('Zatiaľ nie sú naplánované žiadne funkcie.')
    expect(md).toContain('Tento areál zatiaľ nikto nehodnotil.')
    const html = await docxHtml((await renderStrategy(input, 'docx', 'sk')).body as Uint8Array)
    expect([...html.matchAll(/<h1>(.*?)<\/h1>/g)].map((match) => match[1])).toEqual(chapterTitles('sk'))
    const { h1 } = pdfText((await renderStrategy(input, 'pdf', 'sk')).body as Uint8Array, 'empty-site-sk')
    expect(h1).toEqual(['Zbierka bez názvu', ...chapterTitles('sk')])
  })

  it('DOCX in Czech: chapters as Heading 1, figures of the analysis, diacritics, language and properties', async () => {
    const input = threeSites()
    const { body, contentType, extension } = await renderStrategy(input, 'docx', 'cs')
    expect(contentType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
    expect(extension).toBe('docx')
    const bytes = body as Uint8Array
    const html = await docxHtml(bytes)
    const h1 = [...html.matchAll(/<h1>(.*?)<\/h1>/g)].map((match) => match[1])
    expect(h1).toEqual(chapterTitles('cs'))
    expect(h1).toContain('Kreativní odvětví v regionu')
    expect(html).toContain('<h2>Spinnerei Weißenau</h2>')
    expect(html).toContain('<table>')
    const numbers = numbersFor('cs')
    const creative = input.sites.reduce((sum, s) => sum + s.analysis.indicators.creative.count, 0)
    const investment = input.sites.reduce((sum, s) => sum + viabilityNumber(s, 'investmentEur'), 0)
    expect(html).toContain(`Kreativní a kulturní aktéři: <strong>${numbers.number(creative, 0)}</strong>`)
    expect(html).toContain(`Investice: <strong>${numbers.number(investment, 0)} €</strong>`)
    for (const name of [
      'Spolek Přádelna Dvůr',
      'Pracownia Łęczyca – Małgorzata Świątek-Kośmider',
      'Remeselný inkubátor Čičmany o.z.',
    ])
      expect(html).toContain(name)
    expect(html).toContain('Společná značka „Fabriky jihu“.')
    const styles = zipEntry(bytes, 'word/styles.xml')
    expect(styles).toContain('w:lang w:val="cs-CZ"')
    // the heading styles carry outline levels: the navigation pane lists the chapters
    expect(styles).toMatch(/w:styleId="Heading1">.*?<w:outlineLvl w:val="0"\/>/)
    expect(styles).toMatch(/w:styleId="Heading2">.*?<w:outlineLvl w:val="1"\/>/)
    const core = zipEntry(bytes, 'docProps/core.xml')
    expect(core).toContain('<dc:title>Průmyslové dědictví — Region Süd</dc:title>')
    expect(core).toContain('<dc:creator>Refresh Board</dc:creator>')
  })

  it('DOCX in Hungarian: headings and names with ő and ű', async () => {
    const html = await docxHtml((await renderStrategy(threeSites(), 'docx', 'hu')).body as Uint8Array)
    const h1 = [...html.matchAll(/<h1>(.*?)<\/h1>/g)].map((match) => match[1])
    expect(h1).toEqual(chapterTitles('hu'))
    expect(h1[0]).toBe('A kreatív ágazat a régióban')
    expect(html).toContain('Szőnyi Műhely Építésziroda Kft.')
    expect(html).toContain('<h3>Erősségek</h3>')
    expect(html).toContain('Erős bányász-hagyomány és örökségvédelmi védettség')
  })

  it('PDF in Czech: tagged, every chapter and the figures in the extracted text', async () => {
    const input = threeSites()
    const { body, contentType } = await renderStrategy(input, 'pdf', 'cs')
    expect(contentType).toBe('application/pdf')
    const { text, info, h1 } = pdfText(body as Uint8Array, 'cs')
    expect(info).toMatch(/Tagged:\s+yes/)
    // the title, then every chapter as a level-1 heading of the structure tree, in order
    expect(h1).toEqual([input.collection.title, ...chapterTitles('cs')])
    expect(info).toMatch(/Title:\s+Průmyslové dědictví — Region Süd/)
    const flat = squash(text)
    for (const title of chapterTitles('cs')) expect(flat).toContain(title)
    const numbers = numbersFor('cs')
    const actors = input.sites.reduce((sum, s) => sum + s.analysis.indicators.actors.total, 0)
    const investment = input.sites.reduce((sum, s) => sum + viabilityNumber(s, 'investmentEur'), 0)
    expect(flat).toContain(squash(`${numbers.number(actors, 0)} Aktéři ve všech areálech`))
    expect(flat).toContain(squash(`${numbers.number(investment, 0)} € Investice`))
    expect(flat).toContain('Spolek Přádelna Dvůr')
    expect(flat).toContain('Łucja Wiśniewska')
  })

  it('PDF in Hungarian: no column header broken inside a word', async () => {
    const { text } = pdfText((await renderStrategy(threeSites(), 'pdf', 'hu')).body as Uint8Array, 'three-hu')
    const t = translatorFor('hu')
    // the financial plan's header row (its lines up to the first site's row, joined): every header
    // whole — the weights alone gave "Költségmegtérül" / "és", wrapping between words is fine
    const lines = text.split('\n')
    const from = lines.indexOf(t('strategy.financial.bySite')) + 1
    const to = lines.findIndex((line, index) => index >= from && line.startsWith('Spinnerei Weißenau'))
    expect(from).toBeGreaterThan(0)
    expect(to).toBeGreaterThan(from)
    const header = lines.slice(from, to).join(' ')
    for (const key of [
      'strategy.column.site',
      'strategy.column.runningCost',
      'strategy.column.income',
      'strategy.column.costRecovery',
      'strategy.column.breakEven',
      'strategy.column.subsidyDependency',
    ] as const)
      expect(header).toContain(t(key))
  })

  it('PDF: no table leaves its total row alone on the next page', async () => {
    // the demo mill's money at three sites, with the texts: in Hungarian the investments table of a
    // site ran over the page by its total row, which stood alone under the repeated header
    const mill = site('mill', 'Tuchfabrik Crimmitschau', millWithMoney())
    const sites = [
      mill,
      { ...mill, boardId: 'mill-2', title: 'Skladišče soli Piran' },
      { ...mill, boardId: 'mill-3', title: 'Komló' },
    ]
    const input: StrategyInput = { ...threeSites(), sites, compare: compareOf(sites), reviews: [] }
    for (const language of ['hu', 'de', 'en'] as const) {
      const { text } = pdfText((await renderStrategy(input, 'pdf', language)).body as Uint8Array, `money-${language}`)
      const total = translatorFor(language)('strategy.total')
      for (const [index, page] of text.split('\f').entries()) {
        const lines = page.split('\n')
        // a continued page: its marker, the repeated header, then at least one row before the total
        expect(
          lines[2]?.startsWith(`${total} `) ?? false,
          `${language} page ${index + 1}:\n${lines.slice(0, 4).join('\n')}`,
        ).toBe(false)
      }
    }
  })

  it('PDF of an empty collection in Hungarian: every chapter, no crash', async () => {
    const { text, info } = pdfText((await renderStrategy(emptyInput(), 'pdf', 'hu')).body as Uint8Array, 'empty-hu')
    expect(info).toMatch(/Tagged:\s+yes/)
    const flat = squash(text)
    for (const title of chapterTitles('hu')) expect(flat).toContain(title)
    expect(flat).toContain('A gyűjteményben még nincs helyszín.')
  })
})
