import { categoryColors, frameColors, noteColors, sectorColors, stageColors, zoneColors } from '../scene/palette.ts'
import type { BoardDocument } from '../schema/document.ts'
import { type Element, isPositioned } from '../schema/elements.ts'

/** Width of the thumbnail's picture; the height follows the content's aspect (at most square). */
export const THUMBNAIL_WIDTH = 320
const MAX_HEIGHT = 200
/**
 * The most boxes a picture draws (about 100 bytes of SVG each): at 320 px a board of thousands
 * of cards is a texture; its largest boxes keep its shape, the picture stays small.
 */
export const THUMBNAIL_MAX_BOXES = 1500

function fillOf(element: Element): { fill: string; stroke?: string } {
  switch (element.kind) {
    case 'frame':
      return { fill: frameColors.fill, stroke: frameColors.stroke }
    case 'zone':
      return { fill: zoneColors.fill, stroke: zoneColors.stroke }
    case 'actor':
      return { fill: sectorColors[element.sector] }
    case 'use':
      return { fill: categoryColors[element.category] }
    case 'phase':
      return { fill: stageColors[element.stage] }
    case 'note':
      return { fill: noteColors[element.color ?? 'yellow'].paper, stroke: noteColors[element.color ?? 'yellow'].edge }
    default:
      return { fill: '#d0d5dd' }
  }
}

const order = (element: Element) => (element.kind === 'frame' ? 0 : element.kind === 'zone' ? 1 : 2)

/** The largest `max` boxes (all when there are fewer), in their own order. */
function largest<T extends { w: number; h: number }>(boxes: T[], max: number): T[] {
  if (boxes.length <= max) return boxes
  const kept = new Set([...boxes].sort((a, b) => b.w * b.h - a.w * a.h).slice(0, max))
  return boxes.filter((box) => kept.has(box))
}

/**
 * A board at a glance for the board list: every box as a coloured rectangle (frames and zones
 * under the cards, colours as on the canvas), no text and no pictures; on a board of thousands
 * of cards, the `THUMBNAIL_MAX_BOXES` largest. Cheap enough to draw for every board of a list on
 * every change: one pass over the elements, no renderer.
 */
export function boardThumbnailSvg(document: BoardDocument): string {
  const boxes = largest(document.elements.filter(isPositioned), THUMBNAIL_MAX_BOXES).sort(
    (a, b) => order(a) - order(b) || (a.z ?? '').localeCompare(b.z ?? ''),
  )
  if (boxes.length === 0) {
    return `<svg xmlns="http://www.w3.org/2000/svg" width="${THUMBNAIL_WIDTH}" height="${MAX_HEIGHT}" viewBox="0 0 ${THUMBNAIL_WIDTH} ${MAX_HEIGHT}"><rect width="100%" height="100%" fill="#ffffff"/></svg>`
  }
  const minX = Math.min(...boxes.map((b) => b.x))
  const minY = Math.min(...boxes.map((b) => b.y))
  const maxX = Math.max(...boxes.map((b) => b.x + b.w))
  const maxY = Math.max(...boxes.map((b) => b.y + b.h))
  const margin = Math.max(maxX - minX, maxY - minY) * 0.03
  const width = maxX - minX + 2 * margin
  const height = Math.max(maxY - minY + 2 * margin, width * (MAX_HEIGHT / THUMBNAIL_WIDTH) * 0.5)
  const pictureHeight = Math.min(MAX_HEIGHT, Math.round((THUMBNAIL_WIDTH * height) / width))
  const stroke = width / THUMBNAIL_WIDTH
  const round = (n: number) => Math.round(n * 10) / 10
  const rects = boxes.map((box) => {
    const { fill, stroke: line } = fillOf(box)
    const outline = line ? ` stroke="${line}" stroke-width="${round(stroke)}"` : ''
    return `<rect x="${round(box.x)}" y="${round(box.y)}" width="${round(box.w)}" height="${round(box.h)}" fill="${fill}"${outline}/>`
  })
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${THUMBNAIL_WIDTH}" height="${pictureHeight}"`,
    ` viewBox="${round(minX - margin)} ${round(minY - margin)} ${round(width)} ${round(height)}" preserveAspectRatio="xMidYMid meet">`,
    `<rect x="${round(minX - margin)}" y="${round(minY - margin)}" width="${round(width)}" height="${round(height)}" fill="#ffffff"/>`,
    ...rects,
    '</svg>',
  ].join('')
}
