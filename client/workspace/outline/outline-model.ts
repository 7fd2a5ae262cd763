import type { BoardElement } from '../../board/board-store.ts'

/** The kinds the outline lists inside a frame, in this order. */
export const outlineKinds = ['actor', 'use', 'zone', 'phase', 'note', 'image'] as const

export type OutlineGroup = { frame: BoardElement | null; kinds: { kind: string; elements: BoardElement[] }[] }

type Box = { x: number; y: number; w: number; h: number }
const boxOf = (element: BoardElement): Box | null => {
  const { x, y, w, h } = element as Record<string, unknown>
  return typeof x === 'number' && typeof y === 'number' && typeof w === 'number' && typeof h === 'number' ? { x, y, w, h } : null
}
const inside = (box: Box, point: { x: number; y: number }) =>
  point.x >= box.x && point.x <= box.x + box.w && point.y >= box.y && point.y <= box.y + box.h

/** The frame whose box holds the element's centre (the smallest when frames nest), or null. */
export function frameOf(element: BoardElement, frames: readonly BoardElement[]): BoardElement | null {
  const box = boxOf(element)
  if (!box) return null
  const centre = { x: box.x + box.w / 2, y: box.y + box.h / 2 }
  let best: { frame: BoardElement; area: number } | null = null
  for (const frame of frames) {
    const f = boxOf(frame)
    if (!f || frame.id === element.id || !inside(f, centre)) continue
    if (!best || f.w * f.h < best.area) best = { frame, area: f.w * f.h }
  }
  return best?.frame ?? null
}

const byPosition = (a: BoardElement, b: BoardElement) => {
  const pa = boxOf(a)
  const pb = boxOf(b)
  return (pa?.y ?? 0) - (pb?.y ?? 0) || (pa?.x ?? 0) - (pb?.x ?? 0) || a.id.localeCompare(b.id)
}

/** Frames first (reading order), then "not in a frame"; inside each, the contents by kind. */
export function outlineGroups(elements: readonly BoardElement[]): OutlineGroup[] {
  const frames = elements.filter((e) => e.kind === 'frame').sort(byPosition)
  const members = new Map<string | null, BoardElement[]>()
  for (const element of elements) {
    if (element.kind === 'frame' || element.kind === 'link') continue
    const key = frameOf(element, frames)?.id ?? null
    members.set(key, [...(members.get(key) ?? []), element])
  }
  const group = (frame: BoardElement | null): OutlineGroup => {
    const list = (members.get(frame?.id ?? null) ?? []).sort(byPosition)
    return {
      frame,
      kinds: outlineKinds
        .map((kind) => ({ kind, elements: list.filter((e) => e.kind === kind) }))
        .filter((k) => k.elements.length > 0),
    }
  }
  const groups = frames.map(group)
  const loose = group(null)
  if (loose.kinds.length > 0 || groups.length === 0) groups.push(loose)
  return groups
}

/** Where an element goes when moved into `container`: its box centred in the container's. */
export function positionInside(element: BoardElement, container: BoardElement): { x: number; y: number } | null {
  const box = boxOf(element)
  const c = boxOf(container)
  if (!box || !c) return null
  return { x: Math.round(c.x + (c.w - box.w) / 2), y: Math.round(c.y + (c.h - box.h) / 2) }
}

/**
 * A point in `container` for a new element: its centre when nothing lies there, else the first
 * point of a grid spreading from the centre (`step` board px apart, nearest first) that no
 * element covers (frames and zones are places, not obstacles). The centre when all are taken.
 */
export function freeSpotIn(
  container: BoardElement,
  elements: readonly BoardElement[],
  step = 120,
): { x: number; y: number } | null {
  const c = boxOf(container)
  if (!c) return null
  const centre = { x: c.x + c.w / 2, y: c.y + c.h / 2 }
  const obstacles = elements
    .filter((e) => e.id !== container.id && e.kind !== 'frame' && e.kind !== 'zone' && e.kind !== 'link')
    .flatMap((e) => boxOf(e) ?? [])
  const free = (p: { x: number; y: number }) => inside(c, p) && !obstacles.some((box) => inside(box, p))
  const reach = Math.ceil(Math.max(c.w, c.h) / 2 / step)
  const spots: { x: number; y: number; d: number }[] = []
  for (let i = -reach; i <= reach; i++)
    for (let j = -reach; j <= reach; j++) spots.push({ x: centre.x + i * step, y: centre.y + j * step, d: i * i + j * j })
  spots.sort((a, b) => a.d - b.d || a.y - b.y || a.x - b.x)
  const spot = spots.find(free)
  return spot ? { x: Math.round(spot.x), y: Math.round(spot.y) } : { x: Math.round(centre.x), y: Math.round(centre.y) }
}
