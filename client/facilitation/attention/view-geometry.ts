import { clampScale, type Size, type Viewport } from '../../canvas/viewport.ts'

/** A board rect as awareness and the facilitation state carry it (`w`/`h`). */
export interface ViewRect {
  x: number
  y: number
  w: number
  h: number
}

const finite = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value)

/** Reads a rect someone published; null unless it is four finite numbers with a positive size. */
export function readViewRect(value: unknown): ViewRect | null {
  if (typeof value !== 'object' || value === null) return null
  const { x, y, w, h } = value as Record<string, unknown>
  return finite(x) && finite(y) && finite(w) && finite(h) && w > 0 && h > 0 ? { x, y, w, h } : null
}

/**
 * The viewport that shows `rect` on a stage of `size`: the whole rect, as large as it fits,
 * centred (a follower with a wider screen sees a little more at the sides, never less).
 */
export function viewportShowing(rect: ViewRect, size: Size): Viewport {
  const scale = clampScale(Math.min(size.width / rect.w, size.height / rect.h))
  return {
    x: size.width / 2 - (rect.x + rect.w / 2) * scale,
    y: size.height / 2 - (rect.y + rect.h / 2) * scale,
    scale,
  }
}

/** Two viewports show the same (within half a pixel and a thousandth of the zoom). */
export const sameViewport = (a: Viewport, b: Viewport): boolean =>
  Math.abs(a.x - b.x) < 0.5 && Math.abs(a.y - b.y) < 0.5 && Math.abs(a.scale - b.scale) < 1e-3 * Math.max(a.scale, b.scale)
