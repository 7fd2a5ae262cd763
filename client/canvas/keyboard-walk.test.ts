import { describe, expect, it } from 'vitest'
import { readingOrder, viewShowing, walkFrom } from './keyboard-walk.ts'

const box = (id: string, x: number, y: number, kind = 'note') => ({ id, kind, x, y, w: 100, h: 50 })

describe('keyboard walk', () => {
  const elements = {
    c: box('c', 0, 300),
    b: box('b', 400, 0),
    a: box('a', 0, 0),
    l: { id: 'l', kind: 'link', from: 'a', to: 'b' },
  }

  it('orders boxes top to bottom, then left to right, without links', () => {
    expect(readingOrder(elements)).toEqual(['a', 'b', 'c'])
  })

  it('steps from the selection; starts at an end; stops past either end', () => {
    const order = readingOrder(elements)
    expect(walkFrom(order, [], 1)).toBe('a')
    expect(walkFrom(order, [], -1)).toBe('c')
    expect(walkFrom(order, ['a'], 1)).toBe('b')
    expect(walkFrom(order, ['b'], -1)).toBe('a')
    expect(walkFrom(order, ['c'], 1)).toBeNull()
    expect(walkFrom(order, ['a'], -1)).toBeNull()
  })

  it('keeps the view when the box is in it, else centres it at the same scale', () => {
    const size = { width: 800, height: 600 }
    expect(viewShowing({ x: 100, y: 100, width: 100, height: 50 }, { x: 0, y: 0, scale: 1 }, size)).toBeNull()
    expect(viewShowing({ x: 2000, y: 100, width: 100, height: 50 }, { x: 0, y: 0, scale: 2 }, size)).toEqual({
      x: 400 - 2050 * 2,
      y: 300 - 125 * 2,
      scale: 2,
    })
  })
})
