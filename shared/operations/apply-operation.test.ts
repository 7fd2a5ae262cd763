import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readBoardDocument, readElement, writeBoardDocument } from '../schema/convert.ts'
import { parseBoardDocument } from '../schema/document.ts'
import type { Element } from '../schema/elements.ts'
import { contractExample } from '../schema/fixtures/contract-example.ts'
import { getElements, getSettings, getSite } from '../schema/layout.ts'
import { compareZOrder } from '../schema/z-order.ts'
import { applyOperation } from './apply-operation.ts'
import type { OperationInput } from './operation.ts'

/** A board holding the contract example, and a counter of its transactions. */
function setup() {
  const doc = new Y.Doc()
  const parsed = parseBoardDocument(contractExample())
  if (!parsed.ok) throw new Error(parsed.error.message)
  writeBoardDocument(doc, parsed.value)
  const counter = { transactions: 0, origins: [] as unknown[] }
  doc.on('afterTransaction', (transaction: Y.Transaction) => {
    counter.transactions++
    counter.origins.push(transaction.origin)
  })
  const element = (id: string): Element | undefined => {
    const read = readElement(getElements(doc).get(id), id)
    return read.ok ? read.value : undefined
  }
  const apply = (op: OperationInput) => applyOperation(doc, op, 'me')
  const stack = () =>
    readBoardDocument(doc, { id: 'b', title: 't' })
      .document.elements.filter((e) => e.kind !== 'link')
      .sort(compareZOrder)
      .map((e) => e.id)
  return { doc, counter, element, apply, stack }
}

const note = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  kind: 'note' as const,
  x: 0,
  y: 0,
  w: 160,
  h: 160,
  label: '',
  ...extra,
})

describe('applyOperation', () => {
  it('element.add: adds validated elements on top, in one transaction with the origin', () => {
    const { apply, counter, element, stack } = setup()
    expect(apply({ type: 'element.add', elements: [note('n2'), note('n3', { color: 'green' })] })).toEqual({ ok: true })
    expect(counter).toEqual({ transactions: 1, origins: ['me'] })
    expect(element('n3')).toMatchObject({ kind: 'note', color: 'green' })
    expect(stack().slice(-2)).toEqual(['n2', 'n3'])
    expect(apply({ type: 'element.add', elements: [note('n4', { z: 'a0' })] })).toEqual({ ok: true })
    expect(element('n4')).toMatchObject({ z: 'a0' })
  })

  it('element.add: refuses invalid elements and existing ids, writing nothing', () => {
    const { apply, counter } = setup()
    expect(apply({ type: 'element.add', elements: [note('n2', { w: -1 })] })).toEqual({
      ok: false,
      error: { code: 'invalid_operation', message: "the operation's elements[0].w must be a number > 0", field: 'elements[0].w' },
    })
    expect(apply({ type: 'element.add', elements: [note('a1')] })).toMatchObject({
      ok: false,
      error: { code: 'element_exists', elementId: 'a1' },
    })
    expect(apply({ type: 'element.add', elements: [note('n5'), note('n5')] })).toMatchObject({
      ok: false,
      error: { code: 'element_exists' },
    })
    expect(counter.transactions).toBe(0)
  })

  it('element.update: merges fields, validates the result, null removes an optional field', () => {
    const { apply, counter, element } = setup()
    expect(
      apply({ type: 'element.update', id: 'a1', fields: { commitment: 'signed', stance: null, label: 'Makers Ő' } }),
    ).toEqual({ ok: true })
    expect(counter.transactions).toBe(1)
    const actor = element('a1')
    expect(actor).toMatchObject({ commitment: 'signed', label: 'Makers Ő', influence: 3 })
    expect(actor).not.toHaveProperty('stance')
    expect(apply({ type: 'element.update', id: 'a1', fields: { sector: null } })).toMatchObject({
      ok: false,
      error: { code: 'invalid_element', message: 'sector is required', field: 'sector', elementId: 'a1' },
    })
    expect(apply({ type: 'element.update', id: 'p1', fields: { end: '2020-01' } })).toMatchObject({
      ok: false,
      error: { message: 'end must not be before start' },
    })
    expect(apply({ type: 'element.update', id: 'u1', fields: { areaM2: -3 } })).toMatchObject({
      ok: false,
      error: { message: 'areaM2 must be a number ≥ 0' },
    })
    expect(apply({ type: 'element.update', id: 'u1', fields: { kind: 'note' } })).toMatchObject({
      ok: false,
      error: { message: 'kind cannot be changed' },
    })
    expect(apply({ type: 'element.update', id: 'u1', fields: { sector: 'civil' } })).toMatchObject({
      ok: false,
      error: { message: 'sector is not a field of a use' },
    })
    expect(apply({ type: 'element.update', id: 'nope', fields: { label: 'x' } })).toMatchObject({
      ok: false,
      error: { code: 'element_not_found' },
    })
    expect(apply({ type: 'element.update', id: 'u1', fields: {} })).toMatchObject({
      ok: false,
      error: { code: 'invalid_operation' },
    })
    expect(counter.transactions).toBe(1)
  })

  it('element.update: concurrent updates of different fields merge', () => {
    const alice = setup()
    const bob = new Y.Doc()
    Y.applyUpdate(bob, Y.encodeStateAsUpdate(alice.doc))
    alice.apply({ type: 'element.update', id: 'u1', fields: { areaM2: 450 } })
    applyOperation(bob, { type: 'element.update', id: 'u1', fields: { category: 'studio', label: 'Studios' } })
    Y.applyUpdate(alice.doc, Y.encodeStateAsUpdate(bob))
    expect(alice.element('u1')).toMatchObject({ areaM2: 450, category: 'studio', label: 'Studios', zone: 'z1' })
  })

  it('element.move and element.resize: boxes only', () => {
    const { apply, counter, element } = setup()
    expect(
      apply({
        type: 'element.move',
        moves: [
          { id: 'a1', x: 10, y: 20 },
          { id: 'u1', x: 300, y: 5 },
        ],
      }),
    ).toEqual({ ok: true })
    expect(element('a1')).toMatchObject({ x: 10, y: 20 })
    expect(element('u1')).toMatchObject({ x: 300, y: 5 })
    expect(apply({ type: 'element.resize', id: 'n1', w: 200, h: 100, x: -10 })).toEqual({ ok: true })
    expect(element('n1')).toMatchObject({ w: 200, h: 100, x: -10, y: 0 })
    expect(counter.transactions).toBe(2)
    expect(apply({ type: 'element.move', moves: [{ id: 'l1', x: 0, y: 0 }] })).toMatchObject({
      ok: false,
      error: { code: 'not_positioned' },
    })
    expect(
      apply({
        type: 'element.move',
        moves: [
          { id: 'a1', x: 1, y: 1 },
          { id: 'ghost', x: 0, y: 0 },
        ],
      }),
    ).toMatchObject({ ok: false, error: { code: 'element_not_found' } })
    expect(apply({ type: 'element.move', moves: [{ id: 'a1', x: Number.NaN, y: 0 }] })).toMatchObject({
      ok: false,
      error: { code: 'invalid_operation' },
    })
    expect(apply({ type: 'element.resize', id: 'a1', w: 0, h: 10 })).toMatchObject({
      ok: false,
      error: { message: "the operation's w must be a number > 0" },
    })
    expect(element('a1')).toMatchObject({ x: 10, y: 20 })
    expect(counter.transactions).toBe(2)
  })

  it('element.delete: removes elements and by default their links; ignores missing ids', () => {
    const withLinks = setup()
    expect(withLinks.apply({ type: 'element.delete', ids: ['a1', 'gone'] })).toEqual({ ok: true })
    expect(withLinks.counter.transactions).toBe(1)
    expect(getElements(withLinks.doc).has('a1')).toBe(false)
    expect(getElements(withLinks.doc).has('l1')).toBe(false)
    expect(withLinks.element('p1')).toMatchObject({ refs: ['u1', 'a1'] }) // references may dangle

    const keepLinks = setup()
    keepLinks.apply({ type: 'element.delete', ids: ['u1'], withLinks: false })
    expect(keepLinks.element('l1')).toMatchObject({ from: 'a1', to: 'u1' })
    expect(readBoardDocument(keepLinks.doc, { id: 'b', title: 't' }).issues).toEqual([])
  })

  it('link.add and link.remove', () => {
    const { apply, counter, element } = setup()
    expect(
      apply({ type: 'link.add', link: { id: 'l2', from: 'u1', to: 'z1', relation: 'depends_on', label: 'needs heating' } }),
    ).toEqual({ ok: true })
    expect(element('l2')).toEqual({
      id: 'l2',
      kind: 'link',
      from: 'u1',
      to: 'z1',
      relation: 'depends_on',
      label: 'needs heating',
    })
    expect(apply({ type: 'link.add', link: { id: 'l3', from: 'u1', to: 'ghost', relation: 'uses' } })).toMatchObject({
      ok: false,
      error: { code: 'element_not_found', field: 'to' },
    })
    expect(apply({ type: 'link.add', link: { id: 'l3', from: 'u1', to: 'u1', relation: 'uses' } })).toMatchObject({
      ok: false,
      error: { code: 'invalid_element' },
    })
    expect(
      apply({ type: 'link.add', link: { id: 'l3', from: 'u1', to: 'a1', relation: 'hates' } } as unknown as OperationInput),
    ).toMatchObject({ ok: false, error: { code: 'invalid_operation' } })
    expect(apply({ type: 'link.remove', ids: ['a1'] })).toMatchObject({ ok: false, error: { code: 'not_a_link' } })
    expect(apply({ type: 'link.remove', ids: ['l1', 'l2', 'gone'] })).toEqual({ ok: true })
    expect(getElements(setup().doc).has('l1')).toBe(true)
    expect(element('l1')).toBeUndefined()
    expect(counter.transactions).toBe(2)
  })

  it('element.reorder: front, back, forward, backward with fractional keys', () => {
    const { apply, counter, stack, element } = setup()
    // The example has no z: default order is frames, zones, then the rest by id.
    expect(stack()).toEqual(['f1', 'z1', 'a1', 'n1', 'p1', 'u1'])
    expect(apply({ type: 'element.reorder', ids: ['a1'], to: 'front' })).toEqual({ ok: true })
    expect(stack()).toEqual(['f1', 'z1', 'n1', 'p1', 'u1', 'a1'])
    expect(apply({ type: 'element.reorder', ids: ['a1'], to: 'backward' })).toEqual({ ok: true })
    expect(stack()).toEqual(['f1', 'z1', 'n1', 'p1', 'a1', 'u1'])
    expect(apply({ type: 'element.reorder', ids: ['n1', 'p1'], to: 'forward' })).toEqual({ ok: true })
    expect(stack()).toEqual(['f1', 'z1', 'a1', 'n1', 'p1', 'u1'])
    expect(apply({ type: 'element.reorder', ids: ['u1', 'a1'], to: 'back' })).toEqual({ ok: true })
    expect(stack()).toEqual(['a1', 'u1', 'f1', 'z1', 'n1', 'p1'])
    expect(counter.transactions).toBe(4)
    expect(element('a1')).toHaveProperty('z')
    expect(apply({ type: 'element.reorder', ids: ['l1'], to: 'front' })).toMatchObject({
      ok: false,
      error: { code: 'not_positioned' },
    })
    expect(apply({ type: 'element.reorder', ids: ['a1'], to: 'top' } as unknown as OperationInput)).toMatchObject({
      ok: false,
      error: { code: 'invalid_operation' },
    })
    expect(counter.transactions).toBe(4)
  })

  it('element.reorder: survives two boxes sharing one key', () => {
    const { apply, doc, stack } = setup()
    for (const id of ['f1', 'z1', 'a1', 'n1', 'p1', 'u1']) (getElements(doc).get(id) as Y.Map<unknown>).set('z', 'a0')
    expect(apply({ type: 'element.reorder', ids: ['a1'], to: 'forward' })).toEqual({ ok: true })
    // Ties sort by id (a1, f1, n1, …); a1 moves one step up and every box gets its own key.
    expect(stack()).toEqual(['f1', 'a1', 'n1', 'p1', 'u1', 'z1'])
    const keys = ['f1', 'a1', 'n1', 'p1', 'u1', 'z1'].map((id) => (getElements(doc).get(id) as Y.Map<unknown>).get('z'))
    expect(new Set(keys).size).toBe(6)
  })

  it('site.update and settings.update', () => {
    const { apply, doc, counter } = setup()
    expect(apply({ type: 'site.update', fields: { name: 'Přádelna', areaM2: 9000, condition: null } })).toEqual({ ok: true })
    expect(getSite(doc).toJSON()).toMatchObject({ name: 'Přádelna', areaM2: 9000 })
    expect(getSite(doc).has('condition')).toBe(false)
    expect(apply({ type: 'site.update', fields: { builtYear: 'old' } })).toMatchObject({
      ok: false,
      error: { code: 'invalid_site', message: 'site.builtYear must be a whole year like 1898' },
    })
    expect(apply({ type: 'site.update', fields: { owner: 'x' } })).toMatchObject({ ok: false, error: { code: 'invalid_site' } })

    expect(apply({ type: 'settings.update', fields: { creativeThreshold: 8, commitmentWeights: { idea: 0.2 } } })).toEqual({
      ok: true,
    })
    expect(apply({ type: 'settings.update', fields: { commitmentWeights: { signed: 0.9 } } })).toEqual({ ok: true })
    expect(getSettings(doc).toJSON()).toEqual({
      creativeThreshold: 8,
      commitmentWeights: { idea: 0.2, interested: 0.25, loi: 0.5, precontract: 0.8, signed: 0.9 },
    })
    expect(apply({ type: 'settings.update', fields: { commitmentWeights: { loi: 2 } } })).toMatchObject({
      ok: false,
      error: { code: 'invalid_settings', message: 'settings.commitmentWeights.loi must be a number from 0 to 1' },
    })
    expect(apply({ type: 'settings.update', fields: { creativeThreshold: 2.5 } })).toMatchObject({
      ok: false,
      error: { code: 'invalid_settings' },
    })
    expect(apply({ type: 'settings.update', fields: { creativeThreshold: null } })).toEqual({ ok: true })
    expect(getSettings(doc).has('creativeThreshold')).toBe(false)
    expect(counter.transactions).toBe(4)
  })

  it('refuses what is not an operation, without throwing', () => {
    const { doc, counter } = setup()
    expect(applyOperation(doc, { type: 'element.explode' } as unknown as OperationInput)).toMatchObject({
      ok: false,
      error: { code: 'invalid_operation', message: expect.stringMatching(/^the operation's type must be one of element.add/) },
    })
    expect(applyOperation(doc, 'nonsense' as unknown as OperationInput)).toMatchObject({
      ok: false,
      error: { message: 'the operation must be an object' },
    })
    expect(counter.transactions).toBe(0)
  })
})
