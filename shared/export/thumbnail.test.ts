import { describe, expect, it } from 'vitest'
import type { BoardDocument } from '../schema/document.ts'
import { boardThumbnailSvg, THUMBNAIL_MAX_BOXES } from './thumbnail.ts'

const board = (elements: unknown[]) =>
  ({ format: 'refresh-board', version: 1, board: { id: 'b', title: '' }, site: {}, elements }) as unknown as BoardDocument

describe('boardThumbnailSvg', () => {
  it('stays small on a board of thousands of cards: the largest boxes, the zone among them', () => {
    const notes = Array.from({ length: 6000 }, (_, n) => ({
      id: `n${n}`,
      kind: 'note',
      x: (n % 100) * 200,
      y: Math.floor(n / 100) * 200,
      w: 160,
      h: 120,
      label: 'a note',
    }))
    const zone = { id: 'z1', kind: 'zone', x: 0, y: 0, w: 4000, h: 3000, label: 'Hall', areaM2: 900 }
    const svg = boardThumbnailSvg(board([...notes, zone]))
    // the background and the kept boxes
    expect((svg.match(/<rect /g) ?? []).length).toBe(THUMBNAIL_MAX_BOXES + 1)
    expect(svg).toContain('width="4000" height="3000"')
    expect(svg.length).toBeLessThan(200_000)
  })
})
