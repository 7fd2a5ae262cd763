import { describe, expect, it } from 'vitest'
import { fitAvoiding, framesInReadingOrder, openingRect, READABLE_SCALE, readableView } from './opening-view.ts'
import { toScreen } from './viewport.ts'

const frame = (id: string, x: number, y: number, w: number, h: number, label = id) => ({ id, kind: 'frame', x, y, w, h, label })
const size = { width: 1200, height: 800 }
const options = { padding: 40, maxScale: 1.5, insets: { left: 72, bottom: 24 } }

describe('where a board opens', () => {
  it('reads frames in rows, left to right, and skips frames inside frames', () => {
    const frames = [
      frame('c', 0, 900, 500, 300),
      frame('b', 700, 20, 500, 300),
      frame('a', 0, 0, 500, 400),
      frame('inner', 10, 10, 100, 100),
    ]
    expect(framesInReadingOrder(frames).map((f) => f.element.id)).toEqual(['a', 'b', 'c'])
    expect(openingRect(frames)).toEqual({ x: 0, y: 0, width: 500, height: 400 })
  })

  it('prefers a frame titled as the start, and without frames takes the content', () => {
    const frames = [frame('a', 0, 0, 500, 400, 'Needs'), frame('b', 700, 0, 500, 300, '1 · Site context')]
    expect(openingRect(frames)?.x).toBe(700)
    expect(openingRect([frame('a', 0, 0, 500, 400, '10 ideas'), frame('b', 700, 0, 500, 300, 'Needs')])?.x).toBe(0)
    const cards = [
      { id: 'n', kind: 'note', x: 100, y: 50, w: 200, h: 200 },
      { id: 'u', kind: 'use', x: 600, y: 400, w: 200, h: 90 },
    ]
    expect(openingRect(cards)).toEqual({ x: 100, y: 50, width: 700, height: 440 })
  })

  it('never opens below the readable scale, showing a large frame from its start', () => {
    const huge = { x: 0, y: 0, width: 6000, height: 3000 }
    const view = readableView(huge, size, options, null)
    expect(view.scale).toBe(READABLE_SCALE)
    // the frame's top left corner (its title) is in view, past the tool palette
    const corner = toScreen(view, { x: 0, y: 0 })
    expect(corner.x).toBe(40 + 72)
    expect(corner.y).toBe(40)
  })

  it('fits beside or above the minimap, never under it', () => {
    const minimap = { x: 1200 - 12 - 202, y: 800 - 12 - 134, width: 202, height: 134 }
    for (const content of [
      { x: 0, y: 0, width: 4000, height: 1000 },
      { x: 0, y: 0, width: 1000, height: 4000 },
      { x: 0, y: 0, width: 1000, height: 700 },
    ]) {
      const view = fitAvoiding(content, size, options, minimap)
      const a = toScreen(view, { x: content.x, y: content.y })
      const b = toScreen(view, { x: content.x + content.width, y: content.y + content.height })
      const clear = b.x <= minimap.x || b.y <= minimap.y
      expect(clear).toBe(true)
      expect(a.x).toBeGreaterThanOrEqual(0)
      expect(a.y).toBeGreaterThanOrEqual(0)
    }
  })
})
