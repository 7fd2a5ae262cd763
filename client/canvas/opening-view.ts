import { compareZOrder } from '../../shared/schema/z-order.ts'
import { boxOf, type ElementLike } from './board-geometry.ts'
import { fitRect, type Rect, type Size, unionRect, type Viewport } from './viewport.ts'

/**
 * Where a board opens, and fitting around the minimap. Fitting a whole workshop board into a
 * projector's screen shows it at 30 %, where no card can be read: a board opens on its first
 * frame (or, without frames, its content) at a readable zoom instead.
 */

/** The lowest scale a board opens at: a card's 13 px label is still about 8 screen px. */
export const READABLE_SCALE = 0.6
/** The highest: a small first frame is not blown up past its natural size. */
export const OPENING_MAX_SCALE = 1

export interface FitOptions {
  padding: number
  maxScale: number
  insets?: { left?: number; right?: number; top?: number; bottom?: number }
}

/** A frame whose title says it comes first: "1 · Site context", "Start here", "Intro", "Agenda". */
const START_TITLE = /^\s*(?:(?:step|#|no\.?)?\s*0*1(?![\d.,]?\d)|start|begin|intro|welcome|agenda|overview)/i

const inside = (outer: Rect, inner: Rect) =>
  inner.x >= outer.x &&
  inner.y >= outer.y &&
  inner.x + inner.width <= outer.x + outer.width &&
  inner.y + inner.height <= outer.y + outer.height &&
  (inner.width < outer.width || inner.height < outer.height)

/**
 * The frames in reading order: rows top to bottom (a frame whose top lies above the middle of
 * the row's first frame joins that row), left to right within a row; equal places by z.
 */
export function framesInReadingOrder(elements: readonly ElementLike[]): { element: ElementLike; box: Rect }[] {
  const frames = elements
    .filter((element) => element.kind === 'frame')
    .map((element) => ({ element, box: boxOf(element) }))
    .filter((f): f is { element: ElementLike; box: Rect } => f.box !== null)
  // frames inside another frame are its parts, not a place to start
  const outer = frames.filter((f) => !frames.some((other) => other !== f && inside(other.box, f.box)))
  outer.sort((a, b) => a.box.y - b.box.y || a.box.x - b.box.x || compareZOrder(a.element, b.element))
  const rows: (typeof outer)[] = []
  for (const frame of outer) {
    const row = rows.at(-1)
    const first = row?.[0]
    if (row && first && frame.box.y < first.box.y + first.box.height / 2) row.push(frame)
    else rows.push([frame])
  }
  return rows.flatMap((row) => row.sort((a, b) => a.box.x - b.box.x || a.box.y - b.box.y || compareZOrder(a.element, b.element)))
}

/** What a board opens on: the frame titled as the start, else the first frame, else all content. */
export function openingRect(elements: readonly ElementLike[]): Rect | null {
  const frames = framesInReadingOrder(elements)
  const titled = frames.find((f) => typeof f.element.label === 'string' && START_TITLE.test(f.element.label))
  const first = titled ?? frames[0]
  if (first) return first.box
  return unionRect(elements.map(boxOf).filter((box): box is Rect => box !== null))
}

/**
 * Fits `rect` like `fitRect`, keeping `avoid` (the minimap's box, in stage px) free: the rect
 * goes left of it or above it, whichever leaves it larger.
 */
export function fitAvoiding(rect: Rect, size: Size, options: FitOptions, avoid: Rect | null): Viewport {
  if (!avoid || avoid.width <= 0 || avoid.height <= 0) return fitRect(rect, size, options)
  const insets = options.insets ?? {}
  const padding = options.padding
  const leftOf = fitRect(rect, size, {
    ...options,
    insets: { ...insets, right: Math.max(insets.right ?? 0, size.width - avoid.x - padding + 8) },
  })
  const above = fitRect(rect, size, {
    ...options,
    insets: { ...insets, bottom: Math.max(insets.bottom ?? 0, size.height - avoid.y - padding + 8) },
  })
  return above.scale > leftOf.scale ? above : leftOf
}

/**
 * The view a board opens with: `rect` fitted (minimap kept free) but never below the readable
 * scale. When the rect is larger than the view at that scale, it shows from its start (top or
 * left edge: a frame's title) along that axis and centred along the other.
 */
export function readableView(rect: Rect, size: Size, options: FitOptions, avoid: Rect | null): Viewport {
  const fitted = fitAvoiding(rect, size, { ...options, maxScale: Math.min(options.maxScale, OPENING_MAX_SCALE) }, avoid)
  if (fitted.scale >= READABLE_SCALE) return fitted
  const scale = READABLE_SCALE
  const insets = options.insets ?? {}
  const left = options.padding + (insets.left ?? 0)
  const top = options.padding + (insets.top ?? 0)
  const width = Math.max(1, size.width - left - options.padding - (insets.right ?? 0))
  const height = Math.max(1, size.height - top - options.padding - (insets.bottom ?? 0))
  const along = (start: number, length: number, from: number, room: number) =>
    length * scale <= room ? from + room / 2 - (start + length / 2) * scale : from - start * scale
  return {
    scale,
    x: along(rect.x, rect.width, left, width),
    y: along(rect.y, rect.height, top, height),
  }
}
