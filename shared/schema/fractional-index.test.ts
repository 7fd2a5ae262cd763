import { describe, expect, it } from 'vitest'
import { compareIndex, indexBetween, indicesBetween, isFractionalIndex } from './fractional-index.ts'

const unwrap = <T>(result: { ok: true; value: T } | { ok: false; error: string }): T => {
  if (!result.ok) throw new Error(result.error)
  return result.value
}

describe('fractional index', () => {
  it('makes keys between, above and below', () => {
    const first = unwrap(indexBetween(null, null))
    const above = unwrap(indexBetween(first, null))
    const below = unwrap(indexBetween(null, first))
    const middle = unwrap(indexBetween(first, above))
    expect([below, first, middle, above].sort(compareIndex)).toEqual([below, first, middle, above])
    expect(compareIndex(below, first)).toBeLessThan(0)
  })

  it('keeps inserting between two neighbours without running out', () => {
    let low = unwrap(indexBetween(null, null))
    const high = unwrap(indexBetween(low, null))
    for (let i = 0; i < 200; i++) {
      const next = unwrap(indexBetween(low, high))
      expect(compareIndex(low, next)).toBeLessThan(0)
      expect(compareIndex(next, high)).toBeLessThan(0)
      low = next
    }
    expect(low.length).toBeLessThan(60)
  })

  it('makes n ascending keys', () => {
    const keys = unwrap(indicesBetween('a0', 'a1', 5))
    expect(keys).toHaveLength(5)
    expect([...keys].sort(compareIndex)).toEqual(keys)
    expect(keys.every((key) => key > 'a0' && key < 'a1')).toBe(true)
  })

  it('reports bad bounds as values', () => {
    expect(indexBetween('a1', 'a0').ok).toBe(false)
    expect(indexBetween('a0', 'a0').ok).toBe(false)
    expect(indexBetween('!!', null).ok).toBe(false)
    expect(indexBetween('a10', null).ok).toBe(false) // trailing zero
  })

  it('recognises well-formed keys', () => {
    expect(isFractionalIndex('a0')).toBe(true)
    expect(isFractionalIndex('Zz')).toBe(true)
    expect(isFractionalIndex('a0V')).toBe(true)
    expect(isFractionalIndex('')).toBe(false)
    expect(isFractionalIndex('a')).toBe(false)
    expect(isFractionalIndex('a10')).toBe(false)
    expect(isFractionalIndex(3)).toBe(false)
  })
})
