import type * as Y from 'yjs'
import { createTimeline, snapPhaseBox } from '../scene/timeline.ts'
import { isFractionalIndex } from '../schema/fractional-index.ts'
import { getElements, getSettings, isYMap } from '../schema/layout.ts'
import { compareZOrder } from '../schema/z-order.ts'

/** A box (its Y.Map, where it is now) and where it goes. */
export type Placement = { map: Y.Map<unknown>; to: { x: number; y: number; w: number; h: number } }

type Area = { x: number; y: number; w: number; h: number }
type ZoneArea = Area & { id: string; kind: 'zone'; z?: string }

const num = (map: Y.Map<unknown>, key: string): number | undefined => {
  const value = map.get(key)
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined
}
export const areaOfMap = (map: Y.Map<unknown>): Area | null => {
  const x = num(map, 'x')
  const y = num(map, 'y')
  const w = num(map, 'w')
  const h = num(map, 'h')
  return x === undefined || y === undefined || w === undefined || h === undefined ? null : { x, y, w, h }
}

/** The topmost zone whose box holds `point` (zones drawn later lie on top), or null. */
export function zoneAt(zones: readonly ZoneArea[], point: { x: number; y: number }): string | null {
  let top: ZoneArea | null = null
  for (const zone of zones) {
    const inside = point.x >= zone.x && point.x <= zone.x + zone.w && point.y >= zone.y && point.y <= zone.y + zone.h
    if (inside && (top === null || compareZOrder(zone, top) > 0)) top = zone
  }
  return top?.id ?? null
}

const centre = (area: Area) => ({ x: area.x + area.w / 2, y: area.y + area.h / 2 })

/**
 * The fields that follow a box's new place, written with the move or resize in one
 * transaction (docs/board-model.md, "Placement"):
 * - a use takes the zone it is dropped on (its centre inside the zone's box) and gives up its
 *   zone when it is moved out of it; moved from nowhere to nowhere its `zone` stays as it is
 *   (uses listed beside the site plan keep the zone set in the inspector);
 * - a phase snaps to whole months of the board's timeline and its `start`/`end` follow.
 * Zones moved in the same operation count at their new places.
 */
export function placementWrites(doc: Y.Doc, placements: readonly Placement[]): Map<Y.Map<unknown>, Record<string, unknown>> {
  const out = new Map<Y.Map<unknown>, Record<string, unknown>>()
  const movedTo = new Map(placements.map((p) => [p.map, p.to]))
  const needsZones = placements.some((p) => p.map.get('kind') === 'use')
  const before: ZoneArea[] = []
  const after: ZoneArea[] = []
  if (needsZones) {
    getElements(doc).forEach((value, id) => {
      if (!isYMap(value) || value.get('kind') !== 'zone') return
      const area = areaOfMap(value)
      if (!area) return
      const z = value.get('z')
      const key = isFractionalIndex(z) ? { z } : {}
      before.push({ id, kind: 'zone', ...area, ...key })
      after.push({ id, kind: 'zone', ...(movedTo.get(value) ?? area), ...key })
    })
  }
  const timeline = createTimeline(getSettings(doc).get('timelineOrigin'))
  for (const { map, to } of placements) {
    const kind = map.get('kind')
    if (kind === 'use') {
      const from = areaOfMap(map)
      const was = from ? zoneAt(before, centre(from)) : null
      const now = zoneAt(after, centre(to))
      const current = map.get('zone')
      if (now !== null && current !== now) out.set(map, { zone: now })
      else if (now === null && was !== null && current === was) out.set(map, { zone: undefined })
    } else if (kind === 'phase') {
      const snapped = snapPhaseBox({ x: to.x, w: to.w }, timeline)
      out.set(map, { x: snapped.x, w: snapped.w, start: snapped.start, end: snapped.end })
    }
  }
  return out
}
