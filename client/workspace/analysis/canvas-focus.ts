import type { CanvasApi } from '../../canvas/canvas-api.ts'
import type { Rect } from '../../canvas/viewport.ts'

/** How long a gap's element stays outlined after the panel showed it. */
export const GAP_HIGHLIGHT_MS = 4000
/** Room around the shown elements, in board units, so they do not touch the view's edge. */
const MARGIN = 160
/** The smallest area shown (board units): one card should arrive with its neighbours in view, not fill it. */
const MIN_VIEW = { width: 1200, height: 800 }

/** The smallest rect holding every rect, or null for none. */
export function unionOf(rects: readonly (Rect | null)[]): Rect | null {
  let left = Number.POSITIVE_INFINITY
  let top = Number.POSITIVE_INFINITY
  let right = Number.NEGATIVE_INFINITY
  let bottom = Number.NEGATIVE_INFINITY
  for (const rect of rects) {
    if (!rect) continue
    left = Math.min(left, rect.x)
    top = Math.min(top, rect.y)
    right = Math.max(right, rect.x + rect.width)
    bottom = Math.max(bottom, rect.y + rect.height)
  }
  if (!Number.isFinite(left)) return null
  return { x: left, y: top, width: right - left, height: bottom - top }
}

/** The rect with a margin, grown around its centre to at least MIN_VIEW. */
export function viewAround(rect: Rect): Rect {
  const width = Math.max(rect.width + 2 * MARGIN, MIN_VIEW.width)
  const height = Math.max(rect.height + 2 * MARGIN, MIN_VIEW.height)
  return { x: rect.x + rect.width / 2 - width / 2, y: rect.y + rect.height / 2 - height / 2, width, height }
}

/** Zooms (animated) to the elements; false when none of them is drawn. */
export function zoomToElements(canvas: CanvasApi, ids: readonly string[]): boolean {
  const bounds = unionOf(ids.map((id) => canvas.renderer.boundsOf(id)))
  if (!bounds) return false
  canvas.zoomTo(viewAround(bounds), { animate: true })
  return true
}

/**
 * Outlines elements as a gap for a few seconds. A newer call replaces an older one (the
 * renderer keeps one set per highlight kind), and only the newest clears it.
 */
export function createGapHighlighter(durationMs = GAP_HIGHLIGHT_MS) {
  let timer: ReturnType<typeof setTimeout> | undefined
  const clear = (canvas: CanvasApi | null) => {
    if (timer !== undefined) clearTimeout(timer)
    timer = undefined
    canvas?.renderer.setHighlight([], 'gap')
  }
  return {
    show(canvas: CanvasApi, ids: readonly string[]) {
      if (timer !== undefined) clearTimeout(timer)
      canvas.renderer.setHighlight(ids, 'gap')
      timer = setTimeout(() => {
        timer = undefined
        canvas.renderer.setHighlight([], 'gap')
      }, durationMs)
    },
    clear,
  }
}
