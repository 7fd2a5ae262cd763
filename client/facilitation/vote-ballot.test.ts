import { describe, expect, it } from 'vitest'
import { addDot, dotsLeft, ranking, removeDot } from './vote-ballot.ts'

const vote = { elementIds: ['a', 'b', 'c'], dotsPerPerson: 3, maxPerElement: 2 }

describe('a ballot on the client', () => {
  it('adds dots within the limits and says which limit a refused dot meets', () => {
    let dots = {}
    for (const id of ['a', 'a', 'b']) {
      const next = addDot(vote, dots, id)
      if (!next.ok) throw new Error(next.reason)
      dots = next.dots
    }
    expect(dots).toEqual({ a: 2, b: 1 })
    expect(dotsLeft(vote, dots)).toBe(0)
    expect(addDot(vote, dots, 'c')).toEqual({ ok: false, reason: 'total' })
    expect(addDot(vote, { a: 2 }, 'a')).toEqual({ ok: false, reason: 'element' })
    expect(addDot(vote, {}, 'z')).toEqual({ ok: false, reason: 'not_in_vote' })
  })

  it('takes dots back, dropping an element at zero', () => {
    expect(removeDot({ a: 2, b: 1 }, 'a')).toEqual({ ok: true, dots: { a: 1, b: 1 } })
    expect(removeDot({ a: 2, b: 1 }, 'b')).toEqual({ ok: true, dots: { a: 2 } })
    expect(removeDot({ a: 2 }, 'c')).toEqual({ ok: false, reason: 'none_here' })
  })

  it('ranks results most dots first, ties sharing a place', () => {
    const ranked = ranking([
      { elementId: 'a', dots: 2 },
      { elementId: 'b', dots: 5 },
      { elementId: 'c', dots: 2 },
      { elementId: 'd', dots: 0 },
    ])
    expect(ranked.map((r) => [r.elementId, r.rank])).toEqual([
      ['b', 1],
      ['a', 2],
      ['c', 2],
      ['d', 4],
    ])
    expect(ranking(null)).toEqual([])
  })
})
