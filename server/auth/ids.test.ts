import { describe, expect, it } from 'vitest'
import { isUrlSafeId, randomId } from './ids.ts'

describe('randomId', () => {
  it('is URL-safe, ≥ 20 characters and unique', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => randomId()))
    expect(ids.size).toBe(1000)
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{24}$/)
  })

  it('keeps key separators and path tricks out', () => {
    expect(isUrlSafeId('abc_DEF-123')).toBe(true)
    for (const bad of ['', 'a:b', '../x', 'a/b', 'a b', 'x'.repeat(129)]) expect(isUrlSafeId(bad)).toBe(false)
  })
})
