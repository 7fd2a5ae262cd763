import { describe, expect, it } from 'vitest'
import { textileMillDocument } from '../demo/textile-mill.ts'
import { type BoardDocument, parseBoardDocument } from '../schema/document.ts'
import { diffDocuments, isEmptyDiff } from './diff-documents.ts'

function doc(input: unknown): BoardDocument {
  const parsed = parseBoardDocument(input)
  if (!parsed.ok) throw new Error(parsed.error.message)
  return parsed.value
}

const base = () =>
  doc({
    format: 'refresh-board',
    version: 1,
    board: { id: 'b', title: 'Mill' },
    site: { name: 'Přádelna', areaM2: 1000 },
    elements: [
      { id: 'u1', kind: 'use', x: 0, y: 0, w: 10, h: 10, label: 'Workshop', category: 'makerspace', areaM2: 400 },
      { id: 'a1', kind: 'actor', x: 0, y: 0, w: 10, h: 10, label: 'Łódź Makers', sector: 'creative', commitment: 'idea' },
      {
        id: 'p1',
        kind: 'phase',
        x: 0,
        y: 0,
        w: 10,
        h: 10,
        label: 'Interim',
        stage: 'interim',
        start: '2027-01',
        end: '2027-12',
        refs: ['u1', 'a1'],
        labels: { de: 'Zwischennutzung', cs: 'Dočasné využití' },
      },
      { id: 'site', kind: 'note', x: 0, y: 0, w: 10, h: 10, label: 'a note whose id is "site"' },
    ],
  })

describe('diffDocuments', () => {
  it('finds nothing between a document and itself (or a deep copy)', () => {
    const a = base()
    expect(isEmptyDiff(diffDocuments(a, a))).toBe(true)
    expect(diffDocuments(a, structuredClone(a))).toEqual({ added: [], removed: [], changed: [], site: null, settings: null })
    expect(isEmptyDiff(diffDocuments(textileMillDocument, structuredClone(textileMillDocument)))).toBe(true)
  })

  it('lists added, removed and changed elements by id, fields by name', () => {
    const from = base()
    const to = structuredClone(from)
    to.elements = to.elements.filter((e) => e.id !== 'a1')
    to.elements.push(
      doc({ ...structuredClone(from), elements: [{ id: 'z9', kind: 'zone', x: 1, y: 2, w: 3, h: 4, label: 'Hall' }] })
        .elements[0] as never,
    )
    to.elements.push(
      doc({ ...structuredClone(from), elements: [{ id: 'b0', kind: 'note', x: 1, y: 2, w: 3, h: 4, label: 'Heating?' }] })
        .elements[0] as never,
    )
    const use = to.elements.find((e) => e.id === 'u1')
    if (use?.kind !== 'use') throw new Error('fixture')
    use.label = 'Open workshop'
    use.areaM2 = 450
    const diff = diffDocuments(from, to)
    expect(diff.added.map((e) => e.id)).toEqual(['b0', 'z9'])
    expect(diff.removed.map((e) => e.id)).toEqual(['a1'])
    expect(diff.changed).toEqual([{ id: 'u1', fields: { areaM2: [400, 450], label: ['Workshop', 'Open workshop'] } }])
    expect(Object.keys(diff.changed[0]?.fields ?? {})).toEqual(['areaM2', 'label'])
  })

  it('compares refs and labels by value: same content no change, other order or text a change', () => {
    const from = base()
    const same = structuredClone(from)
    const phase = same.elements.find((e) => e.id === 'p1')
    if (phase?.kind !== 'phase') throw new Error('fixture')
    phase.refs = ['u1', 'a1'] as typeof phase.refs
    phase.labels = { de: 'Zwischennutzung', cs: 'Dočasné využití' } // other key order
    expect(isEmptyDiff(diffDocuments(from, same))).toBe(true)

    phase.refs = ['a1', 'u1'] as typeof phase.refs
    phase.labels = { cs: 'Dočasné využití', de: 'Zwischennutzung', pl: 'Użytkowanie tymczasowe' }
    expect(diffDocuments(from, same).changed).toEqual([
      {
        id: 'p1',
        fields: {
          labels: [
            { cs: 'Dočasné využití', de: 'Zwischennutzung' },
            { cs: 'Dočasné využití', de: 'Zwischennutzung', pl: 'Użytkowanie tymczasowe' },
          ],
          refs: [
            ['u1', 'a1'],
            ['a1', 'u1'],
          ],
        },
      },
    ])
  })

  it('writes a field one side lacks as null (and survives JSON)', () => {
    const from = base()
    const to = structuredClone(from)
    const actor = to.elements.find((e) => e.id === 'a1')
    const use = to.elements.find((e) => e.id === 'u1')
    if (actor?.kind !== 'actor' || use?.kind !== 'use') throw new Error('fixture')
    actor.country = 'PL'
    delete use.areaM2
    const diff = diffDocuments(from, to)
    expect(diff.changed).toEqual([
      { id: 'a1', fields: { country: [null, 'PL'] } },
      { id: 'u1', fields: { areaM2: [400, null] } },
    ])
    expect(JSON.parse(JSON.stringify(diff))).toEqual(diff)
  })

  it('reports site and settings changes apart from elements, even beside an element with id "site"', () => {
    const from = base()
    const to = structuredClone(from)
    to.site = { name: 'Přádelna Dvůr', areaM2: 1000, country: 'CZ' }
    to.settings = {
      creativeThreshold: 3,
      commitmentWeights: { idea: 0.1, interested: 0.25, loi: 0.6, precontract: 0.8, signed: 1 },
    }
    const diff = diffDocuments(from, to)
    expect(diff.changed).toEqual([])
    expect(diff.site).toEqual({ fields: { country: [null, 'CZ'], name: ['Přádelna', 'Přádelna Dvůr'] } })
    expect(diff.settings?.fields).toMatchObject({ creativeThreshold: [null, 3], 'commitmentWeights.loi': [null, 0.6] })
  })

  it('reports a kind change as a change of the kind and every differing field', () => {
    const from = base()
    const to = structuredClone(from)
    to.elements = to.elements.map((e) =>
      e.id === 'site'
        ? (doc({
            ...from,
            elements: [{ id: 'site', kind: 'frame', x: 0, y: 0, w: 10, h: 10, label: 'a note whose id is "site"' }],
          }).elements[0] as never)
        : e,
    )
    expect(diffDocuments(from, to).changed).toEqual([{ id: 'site', fields: { kind: ['note', 'frame'] } }])
  })

  it('is deterministic: the same documents give the same JSON, whatever their element order', () => {
    const from = base()
    const to = structuredClone(textileMillDocument)
    const shuffled = { ...to, elements: [...to.elements].reverse() }
    expect(JSON.stringify(diffDocuments(from, to))).toBe(JSON.stringify(diffDocuments(from, shuffled)))
  })
})
