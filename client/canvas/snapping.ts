import type { Rect } from './viewport.ts'

/**
 * Snapping of a moving box to other boxes' edges and centres. The candidate lines are sorted
 * once when a drag starts (`createSnapIndex`), so each frame of the drag costs a few binary
 * searches, not a pass over every element.
 */
export interface SnapGuide {
  /** `x`: a vertical line at `at`; `y`: a horizontal line */
  axis: 'x' | 'y'
  at: number
  from: number
  to: number
}

export interface SnapResult {
  dx: number
  dy: number
  guides: SnapGuide[]
}

interface Line {
  at: number
  /** extent of the box that owns the line, along the other axis */
  from: number
  to: number
}

export interface SnapIndex {
  readonly xs: readonly Line[]
  readonly ys: readonly Line[]
}

const byAt = (a: Line, b: Line) => a.at - b.at

/** Left, centre and right (top, middle, bottom) of every candidate box. */
export function createSnapIndex(boxes: Iterable<Rect>): SnapIndex {
  const xs: Line[] = []
  const ys: Line[] = []
  for (const b of boxes) {
    const vertical = { from: b.y, to: b.y + b.height }
    const horizontal = { from: b.x, to: b.x + b.width }
    xs.push({ at: b.x, ...vertical }, { at: b.x + b.width / 2, ...vertical }, { at: b.x + b.width, ...vertical })
    ys.push({ at: b.y, ...horizontal }, { at: b.y + b.height / 2, ...horizontal }, { at: b.y + b.height, ...horizontal })
  }
  return { xs: xs.sort(byAt), ys: ys.sort(byAt) }
}

/** Index of the first line with `at >= value`. */
function lowerBound(lines: readonly Line[], value: number): number {
  let lo = 0
  let hi = lines.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if ((lines[mid]?.at ?? 0) < value) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** The candidate line nearest to any of `values` within `threshold`: the offset to it, or null. */
function nearest(lines: readonly Line[], values: readonly number[], threshold: number): number | null {
  let best: number | null = null
  for (const value of values) {
    const i = lowerBound(lines, value)
    for (const line of [lines[i - 1], lines[i]]) {
      if (!line) continue
      const offset = line.at - value
      if (Math.abs(offset) <= threshold && (best === null || Math.abs(offset) < Math.abs(best))) best = offset
    }
  }
  return best
}

/** All candidate lines at `at` (after snapping), merged into one guide spanning them and the box. */
function guideAt(lines: readonly Line[], at: number, axis: 'x' | 'y', box: Rect): SnapGuide {
  let from = axis === 'x' ? box.y : box.x
  let to = axis === 'x' ? box.y + box.height : box.x + box.width
  for (let i = lowerBound(lines, at - 0.01); i < lines.length; i++) {
    const line = lines[i]
    if (!line || line.at > at + 0.01) break
    from = Math.min(from, line.from)
    to = Math.max(to, line.to)
  }
  return { axis, at, from, to }
}

/**
 * Snaps `box` (where the drag would put it) to the index: returns the extra offset to apply
 * and the guides to draw. `threshold` is in board units (6 screen px ÷ scale).
 */
export function snapBox(box: Rect, index: SnapIndex, threshold: number): SnapResult {
  const xValues = [box.x, box.x + box.width / 2, box.x + box.width]
  const yValues = [box.y, box.y + box.height / 2, box.y + box.height]
  const dx = nearest(index.xs, xValues, threshold) ?? 0
  const dy = nearest(index.ys, yValues, threshold) ?? 0
  const snapped = { ...box, x: box.x + dx, y: box.y + dy }
  const guides: SnapGuide[] = []
  if (dx !== 0 || nearest(index.xs, xValues, 0.01) !== null) {
    for (const value of [snapped.x, snapped.x + snapped.width / 2, snapped.x + snapped.width]) {
      if (nearest(index.xs, [value], 0.01) !== null) guides.push(guideAt(index.xs, value, 'x', snapped))
    }
  }
  if (dy !== 0 || nearest(index.ys, yValues, 0.01) !== null) {
    for (const value of [snapped.y, snapped.y + snapped.height / 2, snapped.y + snapped.height]) {
      if (nearest(index.ys, [value], 0.01) !== null) guides.push(guideAt(index.ys, value, 'y', snapped))
    }
  }
  return { dx, dy, guides }
}

/** Rounds to the nearest multiple of `step` (grid snap). */
export const snapToGrid = (value: number, step: number): number => Math.round(value / step) * step
