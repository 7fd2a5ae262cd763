import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { drawOrder } from '../scene/order.ts'
import { readElement } from '../schema/convert.ts'
import type { Element } from '../schema/elements.ts'
import { getElements, getSettings } from '../schema/layout.ts'
import { applyOperation } from './apply-operation.ts'
import type { OperationInput } from './operation.ts'

/** An empty board with a few cards; the operations are the only writers. */
function board() {
  const doc = new Y.Doc()
  const apply = (op: OperationInput) => {
    const result = applyOperation(doc, op, 'me')
    if (!result.ok) throw new Error(result.error.message)
  }
  const element = (id: string): Element => {
    const read = readElement(getElements(doc).get(id), id)
    if (!read.ok) throw new Error(`no ${id}`)
    return read.value
  }
  const z = (id: string) => (element(id) as { z?: string }).z ?? ''
  return { doc, apply, element, z }
}

const card = (id: string, x: number, y: number, extra: Record<string, unknown> = {}) => ({
  id,
  kind: 'use' as const,
  x,
  y,
  w: 180,
  h: 90,
  label: id,
  category: 'studio' as const,
  areaM2: 100,
  ...extra,
})
const zone = (id: string, x: number, y: number, w = 400, h = 300) => ({ id, kind: 'zone' as const, x, y, w, h, label: id })
const frame = (id: string, x: number, y: number, w: number, h: number) => ({ id, kind: 'frame' as const, x, y, w, h, label: id })

describe('containers are put behind what they cover', () => {
  it('a frame drawn over cards gets a key under theirs; one drawn on empty board goes on top', () => {
    const { apply, z } = board()
    apply({ type: 'element.add', elements: [card('u1', 100, 100), card('u2', 400, 100), card('far', 3000, 3000)] })
    apply({ type: 'element.add', elements: [frame('f1', 50, 50, 700, 300)] })
    expect(z('f1') < z('u1')).toBe(true)
    expect(z('f1') < z('u2')).toBe(true)
    apply({ type: 'element.add', elements: [frame('f2', 5000, 5000, 200, 200)] })
    expect(z('f2') > z('far')).toBe(true)
  })

  it('a frame drawn inside a frame stays above it, and under the cards it covers', () => {
    const { apply, z } = board()
    apply({ type: 'element.add', elements: [frame('outer', 0, 0, 1000, 800)] })
    apply({ type: 'element.add', elements: [card('u1', 100, 100)] })
    apply({ type: 'element.add', elements: [frame('inner', 50, 50, 400, 300)] })
    expect(z('outer') < z('inner')).toBe(true)
    expect(z('inner') < z('u1')).toBe(true)
  })

  it('a new zone over uses is drawn under them (and under the links)', () => {
    const { apply, element } = board()
    apply({ type: 'element.add', elements: [card('u1', 100, 100), card('u2', 600, 100)] })
    apply({ type: 'link.add', link: { id: 'l1', from: 'u1', to: 'u2', relation: 'synergy' } })
    apply({ type: 'element.add', elements: [zone('z1', 0, 0, 900, 400)] })
    const order = drawOrder(['u1', 'u2', 'l1', 'z1'].map(element)).map((e) => e.id)
    expect(order).toEqual(['z1', 'l1', 'u1', 'u2'])
  })
})

describe('a use takes the zone it is dropped on', () => {
  it('dropped on a zone: zone set; moved to another: that one; moved out: cleared; all in the move', () => {
    const { doc, apply, element } = board()
    apply({ type: 'element.add', elements: [zone('hall', 0, 0), zone('yard', 500, 0), card('u1', 1200, 0)] })
    let transactions = 0
    doc.on('afterTransaction', () => transactions++)
    apply({ type: 'element.move', moves: [{ id: 'u1', x: 100, y: 100 }] })
    expect(transactions).toBe(1)
    expect(element('u1')).toMatchObject({ x: 100, y: 100, zone: 'hall' })
    apply({ type: 'element.move', moves: [{ id: 'u1', x: 600, y: 100 }] })
    expect(element('u1')).toMatchObject({ zone: 'yard' })
    apply({ type: 'element.move', moves: [{ id: 'u1', x: 1200, y: 600 }] })
    expect(element('u1')).not.toHaveProperty('zone')
  })

  it('a use listed beside the plan keeps the zone set in the inspector when moved beside it', () => {
    const { apply, element } = board()
    apply({ type: 'element.add', elements: [zone('hall', 0, 0), card('u1', 1200, 0, { zone: 'hall' })] })
    apply({ type: 'element.move', moves: [{ id: 'u1', x: 1200, y: 300 }] })
    expect(element('u1')).toMatchObject({ zone: 'hall' })
  })

  it('a zone moved with its uses keeps them; the topmost of two overlapping zones wins', () => {
    const { apply, element } = board()
    apply({ type: 'element.add', elements: [zone('hall', 0, 0), card('u1', 100, 100)] })
    apply({ type: 'element.move', moves: [{ id: 'u1', x: 110, y: 100 }] })
    expect(element('u1')).toMatchObject({ zone: 'hall' })
    apply({
      type: 'element.move',
      moves: [
        { id: 'hall', x: 2000, y: 0 },
        { id: 'u1', x: 2110, y: 100 },
      ],
    })
    expect(element('u1')).toMatchObject({ zone: 'hall' })
    apply({ type: 'element.add', elements: [zone('room', 2050, 50, 300, 200)] })
    apply({ type: 'element.move', moves: [{ id: 'u1', x: 2100, y: 100 }] })
    expect(element('u1')).toMatchObject({ zone: 'room' })
  })
})

describe("a phase's months follow its place on the timeline", () => {
  const phase = { id: 'p1', kind: 'phase' as const, x: 0, y: 0, w: 144, h: 60, label: '', stage: 'pilot' as const }

  it('moved by three months and a bit: snapped, months shifted, length kept', () => {
    const { apply, element } = board()
    apply({ type: 'element.add', elements: [{ ...phase, start: '2027-01', end: '2027-06' }] })
    apply({ type: 'element.move', moves: [{ id: 'p1', x: 3 * 24 + 5, y: 40 }] })
    expect(element('p1')).toMatchObject({ x: 72, y: 40, w: 144, start: '2027-04', end: '2027-09' })
  })

  it('resized: months follow; on a board whose timeline starts elsewhere, by that origin', () => {
    const { doc, apply, element } = board()
    getSettings(doc).set('timelineOrigin', '2030-01')
    apply({ type: 'element.add', elements: [{ ...phase, start: '2030-01', end: '2030-06' }] })
    apply({ type: 'element.resize', id: 'p1', x: -24, w: 24 * 13 - 3, h: 60 })
    expect(element('p1')).toMatchObject({ x: -24, w: 24 * 13, start: '2029-12', end: '2030-12' })
  })
})
