import { compareIndex, indexBetween } from '../schema/fractional-index.ts'
import { isContainerKind } from '../schema/z-order.ts'
import type { BoxEntry } from './boxes.ts'

type Area = { x: number; y: number; w: number; h: number }

const areaOf = (box: BoxEntry): Area | null => {
  const [x, y, w, h] = (['x', 'y', 'w', 'h'] as const).map((key) => box.map.get(key))
  return typeof x === 'number' && typeof y === 'number' && typeof w === 'number' && typeof h === 'number' ? { x, y, w, h } : null
}
const overlaps = (a: Area, b: Area) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h
const encloses = (outer: Area, inner: Area) =>
  inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.w <= outer.x + outer.w && inner.y + inner.h <= outer.y + outer.h

/**
 * The `z` of a new container (frame, image, zone) drawn at `area`: right under the lowest of the
 * boxes it covers, and above the containers it lies inside (a frame drawn inside a frame stays
 * visible). Null when it covers nothing: it goes on top like any new box. The drawing order
 * keeps containers under cards anyway (shared/scene/order.ts); the key makes the stack say so
 * too, and orders it among other containers.
 */
export function containerKeyFor(boxes: readonly BoxEntry[], area: Area): string | null {
  let floor: string | null = null
  const covered: string[] = []
  const keys: string[] = []
  for (const box of boxes) {
    if (box.z === undefined) continue
    keys.push(box.z)
    const other = areaOf(box)
    if (!other || !overlaps(other, area)) continue
    if (isContainerKind(box.kind) && encloses(other, area)) {
      if (floor === null || compareIndex(box.z, floor) > 0) floor = box.z
    } else covered.push(box.z)
  }
  const above = covered.filter((key) => floor === null || compareIndex(key, floor) > 0).sort(compareIndex)
  const ceiling = above[0]
  if (ceiling === undefined) return null
  // the key just under the ceiling in the whole stack (never under the floor: the floor is a key below the ceiling)
  let below: string | null = null
  for (const key of keys) if (compareIndex(key, ceiling) < 0 && (below === null || compareIndex(key, below) > 0)) below = key
  const key = indexBetween(below, ceiling)
  return key.ok ? key.value : null
}
