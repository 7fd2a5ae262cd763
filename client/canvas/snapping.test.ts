import { describe, expect, it } from 'vitest'
import { createSnapIndex, snapBox, snapToGrid } from './snapping.ts'

describe('snapBox', () => {
  const index = createSnapIndex([
    { x: 0, y: 0, width: 100, height: 50 },
    { x: 300, y: 200, width: 100, height: 100 },
  ])

  it('snaps a left edge to a nearby left edge and draws a guide', () => {
    const result = snapBox({ x: 4, y: 120, width: 60, height: 40 }, index, 6)
    expect(result.dx).toBe(-4)
    expect(result.dy).toBe(0)
    expect(result.guides).toContainEqual({ axis: 'x', at: 0, from: 0, to: 160 })
  })

  it('snaps centres to centres', () => {
    // box centre x = 345 + 5 → candidate centre 350
    const result = snapBox({ x: 325, y: 500, width: 50, height: 10 }, index, 6)
    expect(result.dx).toBe(0)
    const moved = snapBox({ x: 322, y: 500, width: 50, height: 10 }, index, 6)
    expect(moved.dx).toBe(3)
  })

  it('leaves the box alone beyond the threshold', () => {
    expect(snapBox({ x: 150, y: 120, width: 60, height: 40 }, index, 6)).toEqual({ dx: 0, dy: 0, guides: [] })
  })

  it('snaps both axes independently', () => {
    const result = snapBox({ x: 402, y: 297, width: 20, height: 20 }, index, 6)
    expect(result.dx).toBe(-2)
    expect(result.dy).toBe(3)
  })

  it('rounds to a grid', () => {
    expect(snapToGrid(37, 24)).toBe(48)
    expect(snapToGrid(-13, 24)).toBe(-24)
  })
})
