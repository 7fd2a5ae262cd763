import { describe, expect, it } from 'vitest'
import { parseBoardDocument } from '../../shared/schema/document.ts'
import { withFrameContents } from './board-geometry.ts'
import {
  copySelection,
  DUPLICATE_OFFSET,
  duplicateSelection,
  offsetToCentre,
  readClipboardText,
  remapElements,
} from './clipboard-document.ts'

const elements = {
  a1: {
    id: 'a1',
    kind: 'actor',
    x: 0,
    y: 0,
    w: 180,
    h: 90,
    label: 'Makers',
    sector: 'creative',
    commitment: 'loi',
    z: 'a1',
    locked: true,
  },
  u1: { id: 'u1', kind: 'use', x: 300, y: 0, w: 180, h: 90, label: 'Workshop', category: 'makerspace', zone: 'z1', z: 'a2' },
  z1: { id: 'z1', kind: 'zone', x: 0, y: 600, w: 500, h: 300, label: 'Hall B', z: 'a0' },
  p1: {
    id: 'p1',
    kind: 'phase',
    x: 0,
    y: 400,
    w: 300,
    h: 60,
    label: 'Interim',
    stage: 'interim',
    start: '2027-03',
    end: '2028-02',
    refs: ['u1', 'a1', 'gone'],
  },
  l1: { id: 'l1', kind: 'link', from: 'a1', to: 'u1', relation: 'operates' },
  l2: { id: 'l2', kind: 'link', from: 'a1', to: 'z1', relation: 'supports' },
  f1: { id: 'f1', kind: 'frame', x: -50, y: -50, w: 600, h: 200, label: 'Group 1' },
  junk: { id: 'junk', kind: 'actor', x: 'nope' },
}

describe('copySelection', () => {
  it('writes a valid board document with the links among the copied elements', () => {
    const document = copySelection(['a1', 'u1', 'junk'], elements, { id: 'b1', title: 'Mill' })
    expect(document.format).toBe('refresh-board')
    expect(parseBoardDocument(JSON.parse(JSON.stringify(document))).ok).toBe(true)
    expect(document.elements.map((e) => e.id)).toEqual(['a1', 'u1', 'l1'])
  })

  it('reads only valid board documents back', () => {
    const text = JSON.stringify(copySelection(['a1'], elements, { id: 'b1', title: 'Mill' }))
    expect(readClipboardText(text)?.map((e) => e.id)).toEqual(['a1'])
    expect(readClipboardText('hello')).toBeNull()
    expect(readClipboardText('{"format":"other"}')).toBeNull()
  })
})

describe('remapElements (paste)', () => {
  it('gives new ids, moves boxes and rewrites references among the pasted elements', () => {
    const copied = copySelection(['a1', 'u1', 'z1', 'p1'], elements, { id: 'b1', title: 'Mill' }).elements
    let n = 0
    const pasted = remapElements(copied, { dx: 10, dy: 20, exists: () => false, newId: (e) => `${e.kind}-${++n}` })
    const byKind = Object.fromEntries(pasted.map((e) => [e.kind, e]))
    const actor = byKind.actor as Record<string, unknown>
    const use = byKind.use as Record<string, unknown>
    const zone = byKind.zone as Record<string, unknown>
    const link = pasted.find((e) => e.kind === 'link' && e.relation === 'operates') as Record<string, unknown>
    const phase = byKind.phase as Record<string, unknown>
    expect(new Set(pasted.map((e) => e.id)).size).toBe(pasted.length)
    for (const e of pasted) expect(['a1', 'u1', 'z1', 'p1', 'l1', 'l2']).not.toContain(e.id)
    expect(actor).toMatchObject({ x: 10, y: 20 })
    expect(actor.locked).toBeUndefined()
    expect(actor.z).toBeUndefined()
    expect(use.zone).toBe(zone.id)
    expect(link).toMatchObject({ from: actor.id, to: use.id })
    expect(pasted.find((e) => e.kind === 'link' && e.relation === 'supports')).toMatchObject({ from: actor.id, to: zone.id })
    // refs to pasted elements follow them; to elements the target lacks are dropped
    expect(phase.refs).toEqual([use.id, actor.id])
    // a phase moves by whole months (10 px is none), and its dates with it
    expect(phase).toMatchObject({ x: 0, y: 420, start: '2027-03', end: '2028-02' })
    const later = remapElements(copied, { dx: 3 * 24 + 5, dy: 0, exists: () => false }).find((e) => e.kind === 'phase')
    expect(later).toMatchObject({ x: 72, start: '2027-06', end: '2028-05' })
    expect(parseBoardDocument({ format: 'refresh-board', version: 1, board: { id: 'x', title: 'x' }, elements: pasted }).ok).toBe(
      true,
    )
  })

  it('keeps references to elements the target board has, drops links whose ends are missing', () => {
    const copied = copySelection(['u1', 'l1'], elements, { id: 'b1', title: 'Mill' }).elements
    const sameBoard = remapElements(copied, { dx: 0, dy: 0, exists: (id) => id in elements })
    expect(sameBoard.find((e) => e.kind === 'use')).toMatchObject({ zone: 'z1' })
    expect(sameBoard.find((e) => e.kind === 'link')).toMatchObject({ from: 'a1' })
    const otherBoard = remapElements(copied, { dx: 0, dy: 0, exists: () => false })
    expect(otherBoard.find((e) => e.kind === 'use')).not.toHaveProperty('zone')
    expect(otherBoard.some((e) => e.kind === 'link')).toBe(false)
  })

  it('centres pasted elements on a point', () => {
    const copied = copySelection(['a1', 'u1'], elements, { id: 'b1', title: 'Mill' }).elements
    expect(offsetToCentre(copied, { x: 240, y: 45 })).toEqual({ dx: 0, dy: 0 })
    expect(offsetToCentre(copied, { x: 1240, y: 1045 })).toEqual({ dx: 1000, dy: 1000 })
  })
})

describe('duplicateSelection', () => {
  it('copies with a +24 offset, new ids and the links among the copies remapped', () => {
    const copies = duplicateSelection(['a1', 'u1'], elements, (id) => id in elements)
    expect(copies).toHaveLength(3)
    const [actor, use, link] = copies as Record<string, unknown>[]
    expect(actor).toMatchObject({ kind: 'actor', x: DUPLICATE_OFFSET, y: DUPLICATE_OFFSET })
    expect(use).toMatchObject({ kind: 'use', x: 300 + DUPLICATE_OFFSET, zone: 'z1' })
    expect(link).toMatchObject({ kind: 'link', from: actor?.id, to: use?.id, relation: 'operates' })
    expect(actor?.id).not.toBe('a1')
  })
})

describe('withFrameContents', () => {
  it('adds the boxes fully inside a moved frame, not links or boxes that stick out', () => {
    expect(withFrameContents(['f1'], elements).sort()).toEqual(['a1', 'f1', 'u1'])
    expect(withFrameContents(['a1', 'l1'], elements)).toEqual(['a1'])
  })
})
