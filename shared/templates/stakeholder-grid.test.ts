import { describe, expect, it } from 'vitest'
import { quadrantOf } from '../analysis/stakeholder-quadrant.ts'
import { gridPositionFor, isOnGrid, quadrantBoxes, STAKEHOLDER_GRID, valuesAt } from './stakeholder-grid.ts'

const scores = [1, 2, 3, 4, 5]
const inside = (box: { x: number; y: number; w: number; h: number }, p: { x: number; y: number }) =>
  p.x > box.x && p.x < box.x + box.w && p.y > box.y && p.y < box.y + box.h

describe('stakeholder grid', () => {
  it('worked example: slot centres on a 1200 × 1200 grid', () => {
    // low half (600) in thirds of 200, high half in halves of 300; influence grows upwards
    expect(gridPositionFor(1, 1)).toEqual({ x: 100, y: 1100 })
    expect(gridPositionFor(3, 3)).toEqual({ x: 500, y: 700 })
    expect(gridPositionFor(4, 4)).toEqual({ x: 750, y: 450 })
    expect(gridPositionFor(5, 2)).toEqual({ x: 300, y: 150 })
  })

  it('placing and reading back are inverse for every pair of values', () => {
    for (const influence of scores)
      for (const interest of scores) {
        const { x, y } = gridPositionFor(influence, interest)
        expect(valuesAt(x, y)).toEqual({ influence, interest })
        expect(isOnGrid(x, y)).toBe(true)
      }
  })

  it('a value sits in the quadrant the analysis counts it in', () => {
    const boxes = quadrantBoxes()
    for (const influence of scores)
      for (const interest of scores) {
        const quadrant = quadrantOf(influence, interest)
        expect(quadrant).not.toBeNull()
        if (quadrant) expect(inside(boxes[quadrant], gridPositionFor(influence, interest))).toBe(true)
      }
  })

  it('dropping anywhere in a slot gives that slot’s values; off the grid, the nearest edge', () => {
    expect(valuesAt(0, 1200)).toEqual({ influence: 1, interest: 1 })
    expect(valuesAt(599, 601)).toEqual({ influence: 3, interest: 3 })
    expect(valuesAt(600, 600)).toEqual({ influence: 4, interest: 4 })
    expect(valuesAt(1200, 0)).toEqual({ influence: 5, interest: 5 })
    expect(valuesAt(-500, -500)).toEqual({ influence: 5, interest: 1 })
    expect(isOnGrid(-1, 10)).toBe(false)
  })

  it('works on a moved and resized grid; odd values are rounded and clamped', () => {
    const grid = { x: 1000, y: -200, w: 600, h: 400 }
    const point = gridPositionFor(4, 2, grid)
    expect(point).toEqual({ x: 1150, y: -50 }) // 1000 + 150; −200 + 400 − (200 + 50)
    expect(valuesAt(point.x, point.y, grid)).toEqual({ influence: 4, interest: 2 })
    expect(gridPositionFor(9, 0.4)).toEqual(gridPositionFor(5, 1))
    expect(gridPositionFor(Number.NaN, 4.6)).toEqual(gridPositionFor(1, 5))
    expect(STAKEHOLDER_GRID).toEqual({ x: 0, y: 0, w: 1200, h: 1200 })
  })
})
