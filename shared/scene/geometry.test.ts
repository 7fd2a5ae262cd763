import { describe, expect, it } from 'vitest'
import { intersects, linkEndpoints, linkLabelRect } from './geometry.ts'
import type { Box, Rect } from './types.ts'

const rect = (box: Box): Rect => ({ x: box.x, y: box.y, width: box.w, height: box.h })
const plate = { width: 120, height: 32 }

/** The label and the arrow of a link between two cards, as the scene builder places them. */
function place(from: Box, to: Box) {
  const ends = linkEndpoints(from, to)
  if (!ends) throw new Error('no ends')
  return { ends, label: linkLabelRect(ends.start, ends.end, [from, to], plate) }
}

describe('link geometry', () => {
  it('clips the arrow to the cards’ borders: it never enters a card (or its text)', () => {
    const from = { x: 0, y: 0, w: 180, h: 90 }
    const to = { x: 500, y: 300, w: 180, h: 90 }
    const { ends } = place(from, to)
    const inside = (p: { x: number; y: number }, b: Box) => p.x > b.x && p.x < b.x + b.w && p.y > b.y && p.y < b.y + b.h
    for (let i = 0; i <= 20; i++) {
      const p = {
        x: ends.start.x + ((ends.end.x - ends.start.x) * i) / 20,
        y: ends.start.y + ((ends.end.y - ends.start.y) * i) / 20,
      }
      expect(inside(p, from) || inside(p, to)).toBe(false)
    }
  })

  it('puts the label on the middle of a long arrow', () => {
    const from = { x: 0, y: 0, w: 180, h: 90 }
    const to = { x: 600, y: 0, w: 180, h: 90 }
    const { label } = place(from, to)
    expect(label.x + label.width / 2).toBeCloseTo(390)
    expect(label.y + label.height / 2).toBeCloseTo(45)
  })

  it('puts the label beside, not on, two cards close together (side by side and stacked)', () => {
    const pairs: [Box, Box][] = [
      [
        { x: 0, y: 0, w: 180, h: 90 },
        { x: 220, y: 0, w: 180, h: 90 },
      ],
      [
        { x: 0, y: 0, w: 180, h: 90 },
        { x: 0, y: 110, w: 180, h: 90 },
      ],
      [
        { x: 0, y: 0, w: 180, h: 90 },
        { x: 150, y: 100, w: 180, h: 90 },
      ],
    ]
    for (const [from, to] of pairs) {
      const { label } = place(from, to)
      expect(intersects(label, rect(from))).toBe(false)
      expect(intersects(label, rect(to))).toBe(false)
    }
  })

  it('keeps the label off a third card lying on the arrow', () => {
    const from = { x: 0, y: 0, w: 180, h: 90 }
    const to = { x: 800, y: 0, w: 180, h: 90 }
    const other = { x: 400, y: 0, w: 180, h: 90 }
    const ends = linkEndpoints(from, to)
    if (!ends) throw new Error('no ends')
    const label = linkLabelRect(ends.start, ends.end, [from, to], plate, [other])
    for (const box of [from, to, other]) expect(intersects(label, rect(box))).toBe(false)
  })
})
