import { describe, expect, it } from 'vitest'
import type { BoardDocument } from '../schema/document.ts'
import type { Element } from '../schema/elements.ts'
import {
  actorRows,
  actorSummary,
  actorsBySector,
  briefIndex,
  relationshipLine,
  relationships,
  sectorRows,
  siteRows,
  useMixSummary,
  useRows,
  zoneRows,
} from './brief-rows.ts'

const box = { x: 0, y: 0, w: 10, h: 10 }
const element = (fields: Record<string, unknown>) => ({ ...box, ...fields }) as unknown as Element

const document: BoardDocument = {
  board: { title: 'Mill' },
  site: { name: 'Mill', areaM2: 1000, formerUse: '' },
  elements: [
    element({ id: 'n2', kind: 'note', label: 'zebra' }),
    element({ id: 'n1', kind: 'note', label: 'apple' }),
    element({ id: 'a1', kind: 'actor', label: 'Zadruga', sector: 'civil', commitment: 'signed', spaceNeedM2: 100 }),
    element({ id: 'a2', kind: 'actor', label: '', sector: 'creative', commitment: 'idea', country: 'SI' }),
    element({ id: 'a3', kind: 'actor', label: 'Atelier', sector: 'civil', commitment: 'loi', spaceNeedM2: 50 }),
    element({ id: 'z1', kind: 'zone', label: 'Hall', areaM2: 400 }),
    element({ id: 'u1', kind: 'use', label: 'Studio', category: 'makerspace', zone: 'z1', areaM2: 300 }),
    element({ id: 'u2', kind: 'use', label: '', category: 'makerspace', zone: 'gone', areaM2: 100 }),
    element({ id: 'u3', kind: 'use', label: 'Café', category: 'makerspace' }),
    element({ id: 'p2', kind: 'phase', label: 'Later', stage: 'pilot', start: '2028-01', end: '2028-06' }),
    element({ id: 'p1', kind: 'phase', label: 'Sooner', stage: 'pilot', start: '2027-01', end: '2027-06' }),
  ],
} as unknown as BoardDocument
const index = briefIndex(document)
const cells = (rows: { cells: string[] }[]) => rows.map((row) => row.cells)

describe('brief rows', () => {
  it('orders the index by name and phases by start, notes as on the board', () => {
    expect(index.actors.map((actor) => actor.id)).toEqual(['a2', 'a3', 'a1'])
    expect(index.phases.map((phase) => phase.id)).toEqual(['p1', 'p2'])
    expect(index.notes.map((note) => note.id)).toEqual(['n2', 'n1'])
  })

  it('writes only the site fields that are filled in', () => {
    expect(cells(siteRows(document.site))).toEqual([
      ['Name', 'Mill'],
      ['Floor area', '1,000 m²'],
    ])
  })

  it('counts actors per sector with a total row', () => {
    const rows = sectorRows(index)
    expect(cells(rows)).toEqual([
      ['Creative industries', '1', '0', '0 m²'],
      ['Civil society', '2', '2', '150 m²'],
      ['Total', '3', '2', '150 m²'],
    ])
    expect(rows.map((row) => row.total === true)).toEqual([false, false, true])
    expect(actorSummary(index)).toBe('3 actors in 2 sectors; 2 committed with a letter of intent or more.')
  })

  it('names nameless actors as asked, with or without the sector column', () => {
    const all = actorRows(actorsBySector(index))
    expect(all.map((row) => row.cells[0])).toEqual(['(untitled)', 'Atelier', 'Zadruga'])
    expect(all[0]?.cells).toEqual(['(untitled)', 'Creative industries', '—', 'SI', 'Idea', '—', '—'])
    expect(actorRows(index.actors.slice(0, 1), { untitled: '—', sectorColumn: false })[0]?.cells).toEqual([
      '—',
      '—',
      'SI',
      'Idea',
      '—',
      '—',
    ])
  })

  it('groups uses by zone, then missing zones, then no zone', () => {
    expect(cells(zoneRows(index))).toEqual([
      ['Hall', '400 m²', '1', '300 m²', '75%', '75%'],
      ['Missing zone (gone)', '—', '1', '100 m²', '25%', '—'],
      ['No zone', '—', '1', '0 m²', '0%', '—'],
      // the zones' area (400 m² measured), not the site's 1,000 m²; 300 m² planned in it
      ['Total', '400 m²', '3', '400 m²', '100%', '75%'],
    ])
    expect(cells(useRows(index)).map((row) => [row[0], row[2]])).toEqual([
      ['Studio', 'Hall'],
      ['(untitled)', 'Missing zone (gone)'],
      ['Café', 'No zone'],
    ])
    expect(useMixSummary(index, document.site)).toBe('3 uses with 400 m² planned on a site of 1,000 m² (40% of the site).')
    expect(useMixSummary(index, {})).toBe('3 uses with 400 m² planned.')
  })

  it('says every link in words, naming a missing end and keeping the link label', () => {
    const linked = {
      ...document,
      elements: [
        ...document.elements,
        element({ id: 'l2', kind: 'link', from: 'a3', to: 'u1', relation: 'funds', label: 'seed money' }),
        element({ id: 'l1', kind: 'link', from: 'a1', to: 'u1', relation: 'operates' }),
        element({ id: 'l3', kind: 'link', from: 'a1', to: 'gone', relation: 'supplies' }),
        element({ id: 'l4', kind: 'link', from: 'u1', to: 'u3', relation: 'synergy' }),
      ],
    } as unknown as BoardDocument
    const said = relationships(linked)
    expect(said.map((r) => relationshipLine(r.sentence, r.note))).toEqual([
      'Atelier funds Studio (seed money).',
      'Studio and Café have a synergy.',
      'Zadruga operates Studio.',
      'Zadruga supplies missing element gone.',
    ])
    expect(said[0]).toMatchObject({
      from: 'Atelier',
      relation: 'funds',
      relationLabel: 'funds',
      to: 'Studio',
      note: 'seed money',
    })
  })
})
