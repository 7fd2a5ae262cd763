import type { Rect } from '../../../shared/scene/types.ts'

/**
 * The board area drawn around the viewport: elements outside it are hidden and not rebuilt.
 * The margin (a quarter of the view and 128 px) keeps a short pan from showing unbuilt groups.
 */
export function cullRectOf(viewport: Rect | null): Rect | null {
  if (!viewport) return null
  const margin = 128 + 0.25 * Math.max(viewport.width, viewport.height)
  return {
    x: viewport.x - margin,
    y: viewport.y - margin,
    width: viewport.width + 2 * margin,
    height: viewport.height + 2 * margin,
  }
}

/** Whether a rect (unknown: yes) meets the cull rect (none: everything is in view). */
export function isInView(rect: Rect | undefined, cull: Rect | null): boolean {
  if (!cull || !rect) return true
  return (
    rect.x <= cull.x + cull.width &&
    cull.x <= rect.x + rect.width &&
    rect.y <= cull.y + cull.height &&
    cull.y <= rect.y + rect.height
  )
}

export const containsRect = (outer: Rect, inner: Rect): boolean =>
  inner.x >= outer.x &&
  inner.y >= outer.y &&
  inner.x + inner.width <= outer.x + outer.width &&
  inner.y + inner.height <= outer.y + outer.height
