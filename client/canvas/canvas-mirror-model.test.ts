import { describe, expect, it } from 'vitest'
import { mirrorLinks, mirrorWindow } from './canvas-mirror-model.ts'

const ids = (n: number) => Array.from({ length: n }, (_, i) => `e${i}`)

describe('canvas mirror model', () => {
  it('lists a small board whole', () => {
    expect(mirrorWindow(ids(5), 'e3', 10)).toEqual({ start: 0, ids: ids(5) })
  })

  it('lists a window around the focus on a large board, kept inside the order', () => {
    const order = ids(1000)
    expect(mirrorWindow(order, 'e500', 10)).toEqual({ start: 495, ids: order.slice(495, 505) })
    expect(mirrorWindow(order, 'e2', 10)).toEqual({ start: 0, ids: order.slice(0, 10) })
    expect(mirrorWindow(order, 'e998', 10)).toEqual({ start: 990, ids: order.slice(990) })
    expect(mirrorWindow(order, null, 10).start).toBe(0)
  })

  it('orders links by their start, then their end, in reading order; a window keeps those touching it', () => {
    const elements = {
      l1: { id: 'l1', kind: 'link', from: 'b', to: 'a' },
      l2: { id: 'l2', kind: 'link', from: 'a', to: 'c' },
      l3: { id: 'l3', kind: 'link', from: 'a', to: 'b' },
      a: { id: 'a', kind: 'actor' },
    }
    expect(mirrorLinks(elements, ['a', 'b', 'c'])).toEqual(['l3', 'l2', 'l1'])
    expect(mirrorLinks(elements, ['a', 'b', 'c'], new Set(['c']))).toEqual(['l2'])
  })
})
