import { boxOf, type ElementLike } from './board-geometry.ts'
import type { Point, Rect, Size, Viewport } from './viewport.ts'

/**
 * The elements as a keyboard walks them (Tab, Alt+arrows): boxes in reading order, top to
 * bottom, then left to right, by the top-left corner of their box. Links have no box and are
 * skipped (they are reached through their ends).
 */
export function readingOrder(elements: Readonly<Record<string, ElementLike>>): string[] {
  const boxes = Object.values(elements).flatMap((element) => {
    const box = boxOf(element)
    return box ? [{ id: element.id, box }] : []
  })
  boxes.sort((a, b) => a.box.y - b.box.y || a.box.x - b.box.x || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  return boxes.map((b) => b.id)
}

/**
 * The element after (`step` 1) or before (-1) the selection in reading order; the first (or
 * last) when nothing is selected; null past either end, so Tab can leave the canvas.
 */
export function walkFrom(order: readonly string[], selection: readonly string[], step: 1 | -1): string | null {
  if (order.length === 0) return null
  const current = selection.length > 0 ? order.indexOf(selection[selection.length - 1] ?? '') : -1
  if (current < 0) return step === 1 ? (order[0] ?? null) : (order[order.length - 1] ?? null)
  return order[current + step] ?? null
}

/** A view that shows `box` (with a margin): the same view when it is already in it, else one centred on it at the same scale. */
export function viewShowing(box: Rect, view: Viewport, size: Size, margin = 24): Viewport | null {
  const left = box.x * view.scale + view.x
  const top = box.y * view.scale + view.y
  const right = (box.x + box.width) * view.scale + view.x
  const bottom = (box.y + box.height) * view.scale + view.y
  if (left >= margin && top >= margin && right <= size.width - margin && bottom <= size.height - margin) return null
  const centre: Point = { x: box.x + box.width / 2, y: box.y + box.height / 2 }
  return { x: size.width / 2 - centre.x * view.scale, y: size.height / 2 - centre.y * view.scale, scale: view.scale }
}
