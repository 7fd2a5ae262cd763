import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readBoardDocument, readElement, writeBoardDocument } from './convert.ts'
import { type BoardDocument, parseBoardDocument } from './document.ts'
import { contractExample } from './fixtures/contract-example.ts'
import { getElements, getMeta, getSettings, getSite, SCHEMA_VERSION } from './layout.ts'

const board = { id: 'b1', title: 'Mill' }
const parse = (input: unknown): BoardDocument => {
  const result = parseBoardDocument(input)
  if (!result.ok) throw new Error(result.error.message)
  return result.value
}
const byId = (a: Record<string, unknown>, b: Record<string, unknown>) => (String(a.id) < String(b.id) ? -1 : 1)

describe('JSON ↔ Y.Doc', () => {
  it('round-trips the contract example: same elements, ids, kinds and fields', () => {
    const input = contractExample()
    const doc = new Y.Doc()
    writeBoardDocument(doc, parse(input))
    const { document, issues } = readBoardDocument(doc, board)
    expect(issues).toEqual([])
    expect(document.elements).toEqual([...input.elements].sort(byId))
    expect(document.site).toEqual(input.site)
    expect(document.settings).toBeUndefined()
    expect(getMeta(doc).get('schemaVersion')).toBe(SCHEMA_VERSION)
    expect(parseBoardDocument(JSON.parse(JSON.stringify(document))).ok).toBe(true)
  })

  it('stores each element as a Y.Map of plain values (refs a plain array)', () => {
    const doc = new Y.Doc()
    writeBoardDocument(doc, parse(contractExample()))
    const phase = getElements(doc).get('p1')
    expect(phase).toBeInstanceOf(Y.Map)
    expect((phase as Y.Map<unknown>).get('refs')).toEqual(['u1', 'a1'])
    expect(getSite(doc).get('areaM2')).toBe(12000)
  })

  it('exports the same bytes for the same state, whatever the insertion order', () => {
    const input = contractExample()
    const reversed = { ...input, elements: [...input.elements].reverse() }
    const a = new Y.Doc()
    const b = new Y.Doc()
    writeBoardDocument(a, parse(input))
    writeBoardDocument(b, parse(reversed))
    expect(JSON.stringify(readBoardDocument(a, board).document)).toBe(JSON.stringify(readBoardDocument(b, board).document))
  })

  it('writes a restore in one transaction, touching only what changed', () => {
    const doc = new Y.Doc()
    const first = parse(contractExample())
    writeBoardDocument(doc, first)
    let transactions = 0
    doc.on('afterTransaction', () => transactions++)
    const updates: Uint8Array[] = []
    doc.on('update', (update: Uint8Array) => updates.push(update))
    writeBoardDocument(doc, first)
    expect(updates).toHaveLength(0) // nothing changed, nothing written
    const second = parse({ ...contractExample(), elements: contractExample().elements.filter((e) => e.id !== 'n1') })
    writeBoardDocument(
      doc,
      {
        ...second,
        settings: {
          creativeThreshold: 3,
          commitmentWeights: { idea: 0.1, interested: 0.25, loi: 0.5, precontract: 0.8, signed: 1 },
        },
      },
      'restore',
    )
    expect(transactions).toBe(2)
    expect(getElements(doc).has('n1')).toBe(false)
    expect(getSettings(doc).get('creativeThreshold')).toBe(3)
    expect(readBoardDocument(doc, board).document.settings?.creativeThreshold).toBe(3)
  })

  it('reads garbage without throwing and reports what it skipped', () => {
    const doc = new Y.Doc()
    writeBoardDocument(doc, parse(contractExample()))
    const elements = getElements(doc)
    doc.transact(() => {
      elements.set('plain', { id: 'plain', kind: 'note' }) // not a Y.Map
      elements.set('num', 42)
      const unknownKind = new Y.Map<unknown>()
      unknownKind.set('kind', 'hologram')
      elements.set('holo', unknownKind)
      const badEnum = new Y.Map<unknown>()
      for (const [key, value] of Object.entries({
        id: 'a9',
        kind: 'actor',
        x: 0,
        y: 0,
        w: 1,
        h: 1,
        label: '',
        sector: 'aliens',
        commitment: 'loi',
      }))
        badEnum.set(key, value)
      elements.set('a9', badEnum)
      const wrongTypes = new Y.Map<unknown>()
      for (const [key, value] of Object.entries({ kind: 'note', x: 'left', y: 0, w: 1, h: 1, label: '' }))
        wrongTypes.set(key, value)
      elements.set('n9', wrongTypes)
      const mismatched = new Y.Map<unknown>()
      for (const [key, value] of Object.entries({ id: 'other', kind: 'frame', x: 0, y: 0, w: 1, h: 1, label: '' }))
        mismatched.set(key, value)
      elements.set('f9', mismatched)
      const extraKey = new Y.Map<unknown>()
      for (const [key, value] of Object.entries({ kind: 'frame', x: 0, y: 0, w: 1, h: 1, label: 'ok', shiny: true }))
        extraKey.set(key, value)
      elements.set('f8', extraKey)
      getSite(doc).set('areaM2', 'huge')
      getSettings(doc).set('creativeThreshold', -1)
    })
    const { document, issues } = readBoardDocument(doc, board)
    expect(document.elements.map((element) => element.id)).toEqual(['a1', 'f1', 'f8', 'l1', 'n1', 'p1', 'u1', 'z1'])
    expect(document.elements.find((element) => element.id === 'f8')).toEqual({
      id: 'f8',
      kind: 'frame',
      x: 0,
      y: 0,
      w: 1,
      h: 1,
      label: 'ok',
    })
    expect(issues).toEqual([
      { elementId: 'a9', field: 'sector', message: expect.stringMatching(/^sector must be one of creative/) },
      { elementId: 'f9', field: 'id', message: 'id "other" differs from its key in the elements map' },
      { elementId: 'holo', field: 'kind', message: expect.stringMatching(/^kind must be one of actor/) },
      { elementId: 'n9', field: 'x', message: 'x must be a finite number' },
      { elementId: 'num', message: 'is not a Y.Map of fields' },
      { elementId: 'plain', message: 'is not a Y.Map of fields' },
      { field: 'site.areaM2', message: 'site.areaM2 must be a number ≥ 0' },
      { field: 'settings.creativeThreshold', message: 'settings.creativeThreshold must be a whole number from 0 to 1000' },
    ])
    expect(document.site.areaM2).toBeUndefined()
    expect(document.settings?.creativeThreshold).toBe(5)
    expect(parseBoardDocument(document).ok).toBe(true)
  })

  it('reads one element map as a result', () => {
    const map = new Y.Map<unknown>()
    new Y.Doc().getMap('x').set('n', map)
    map.set('kind', 'note')
    expect(readElement(map, 'n').ok).toBe(false)
    map.set('x', 1)
    map.set('y', 2)
    map.set('w', 3)
    map.set('h', 4)
    map.set('label', 'Hi')
    expect(readElement(map, 'n')).toEqual({ ok: true, value: { id: 'n', kind: 'note', x: 1, y: 2, w: 3, h: 4, label: 'Hi' } })
    expect(readElement('nope')).toEqual({ ok: false, error: { message: 'is not a Y.Map of fields' } })
  })

  it('merges concurrent edits of different fields of one element', () => {
    const alice = new Y.Doc()
    const bob = new Y.Doc()
    writeBoardDocument(alice, parse(contractExample()))
    Y.applyUpdate(bob, Y.encodeStateAsUpdate(alice))
    const actor = (doc: Y.Doc) => getElements(doc).get('a1') as Y.Map<unknown>
    actor(alice).set('label', 'Makers e.V. (Weißenau)')
    actor(bob).set('x', 240)
    actor(bob).set('commitment', 'signed')
    Y.applyUpdate(alice, Y.encodeStateAsUpdate(bob, Y.encodeStateVector(alice)))
    Y.applyUpdate(bob, Y.encodeStateAsUpdate(alice, Y.encodeStateVector(bob)))
    for (const doc of [alice, bob]) {
      const read = readElement(actor(doc), 'a1')
      expect(read.ok && read.value).toMatchObject({ label: 'Makers e.V. (Weißenau)', x: 240, commitment: 'signed', y: 0 })
    }
  })
})
