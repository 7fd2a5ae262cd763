import { edgePoint, linkEndpoints } from '../../../shared/scene/geometry.ts'
import { FRAME_TAB_H } from '../../../shared/scene/kinds/frame.ts'
import { ZONE_TAB_H } from '../../../shared/scene/kinds/zone.ts'
import type { Box, Rect } from '../../../shared/scene/types.ts'
import type { Element } from '../../../shared/schema/elements.ts'

/** Looks up an element as drawn (with previews). */
export type ElementLookup = (id: string) => Element | undefined

type Point = { x: number; y: number }

export const boxOfElement = (element: Element | undefined): Box | undefined =>
  element && element.kind !== 'link' ? { x: element.x, y: element.y, w: element.w, h: element.h } : undefined

const insideRect = (rect: Rect | null, p: Point): boolean =>
  !!rect && p.x >= rect.x && p.x <= rect.x + rect.width && p.y >= rect.y && p.y <= rect.y + rect.height

/** A link's arrow's bounds; a dangling link's stub with its warning plate; null without ends. */
export function linkRect(link: Element & { kind: 'link' }, lookup: ElementLookup): Rect | null {
  const from = boxOfElement(lookup(link.from))
  const to = boxOfElement(lookup(link.to))
  if (from && to) {
    const ends = linkEndpoints(from, to)
    if (!ends) return null
    const x = Math.min(ends.start.x, ends.end.x)
    const y = Math.min(ends.start.y, ends.end.y)
    return { x, y, width: Math.abs(ends.end.x - ends.start.x), height: Math.abs(ends.end.y - ends.start.y) }
  }
  const box = from ?? to
  if (!box) return null
  // the dangling stub runs up and to the right of the existing end, with its warning plate
  const start = edgePoint(box, { x: box.x + box.w / 2 + 1000, y: box.y + box.h / 2 - 1000 })
  return { x: start.x, y: start.y - 60, width: 260, height: 60 }
}

export function boundsOf(element: Element | undefined, lookup: ElementLookup): Rect | null {
  if (!element) return null
  if (element.kind === 'link') return linkRect(element, lookup)
  return { x: element.x, y: element.y, width: element.w, height: element.h }
}

/** What the spatial index holds: the bounds, with a frame's or zone's title tab. */
export function indexRectOf(element: Element | undefined, lookup: ElementLookup): Rect | null {
  const bounds = boundsOf(element, lookup)
  if (!bounds || !element) return null
  // frames and zones are named on a tab above their top edge, which takes clicks too
  const tab = element.kind === 'frame' ? FRAME_TAB_H : element.kind === 'zone' ? ZONE_TAB_H : 0
  return tab > 0 ? { ...bounds, y: bounds.y - tab, height: bounds.height + tab } : bounds
}

function distanceToSegment(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x
  const dy = b.y - a.y
  const length2 = dx * dx + dy * dy
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / length2))
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy))
}

/** Whether `point` is on `element`: inside its index rect, or within `tolerance` of a link's line. */
export function hits(element: Element | undefined, point: Point, tolerance: number, lookup: ElementLookup): boolean {
  if (!element) return false
  if (element.kind !== 'link') return insideRect(indexRectOf(element, lookup), point)
  const from = boxOfElement(lookup(element.from))
  const to = boxOfElement(lookup(element.to))
  if (!from || !to) return insideRect(linkRect(element, lookup), point)
  const ends = linkEndpoints(from, to)
  return !!ends && distanceToSegment(point, ends.start, ends.end) <= tolerance
}
