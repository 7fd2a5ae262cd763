import { describe, expect, it } from 'vitest'
import { drawOrder } from './order.ts'

const box = (id: string, kind: string, z?: string) => ({ id, kind, ...(z ? { z } : {}) })

describe('drawOrder', () => {
  it('draws containers under cards whatever their z: frames, images, zones, then links, then cards', () => {
    const elements = [
      box('a1', 'actor', 'a0'),
      box('n1', 'note', 'a1'),
      box('f-late', 'frame', 'a9'), // drawn last, over the cards
      box('z-late', 'zone', 'a8'),
      box('i1', 'image', 'a7'),
      box('l1', 'link'),
      box('f-early', 'frame', 'Zz'),
      box('p1', 'phase', 'a2'),
    ]
    expect(drawOrder(elements).map((e) => e.id)).toEqual(['f-early', 'f-late', 'i1', 'z-late', 'l1', 'a1', 'n1', 'p1'])
  })

  it('keeps z among containers of a kind and among cards; the same in any input order', () => {
    const elements = [box('f2', 'frame', 'a1'), box('f1', 'frame', 'a3'), box('u1', 'use', 'a2'), box('u0', 'use')]
    const order = drawOrder(elements).map((e) => e.id)
    expect(order).toEqual(['f2', 'f1', 'u0', 'u1'])
    expect(drawOrder([...elements].reverse()).map((e) => e.id)).toEqual(order)
  })
})
