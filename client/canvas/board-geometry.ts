import type { Rect } from './viewport.ts'

/** An element as the canvas reads it from the board store (plain fields, narrowed here). */
export type ElementLike = Readonly<{ id: string; kind: string } & Record<string, unknown>>

const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value)

/** The box of a positioned element, or null for links and malformed entries. */
export function boxOf(element: ElementLike | undefined): Rect | null {
  if (!element || element.kind === 'link') return null
  const { x, y, w, h } = element
  if (!isFiniteNumber(x) || !isFiniteNumber(y) || !isFiniteNumber(w) || !isFiniteNumber(h)) return null
  return { x, y, width: w, height: h }
}

export const isBox = (element: ElementLike | undefined): boolean => boxOf(element) !== null

const inside = (outer: Rect, inner: Rect) =>
  inner.x >= outer.x &&
  inner.y >= outer.y &&
  inner.x + inner.width <= outer.x + outer.width &&
  inner.y + inner.height <= outer.y + outer.height

/**
 * The ids a move of `ids` moves: the boxes themselves plus every box that lies fully inside a
 * moved frame (nested frames carry their own contents, which are inside the outer frame too).
 * Links have no position: they follow their ends.
 */
export function withFrameContents(ids: readonly string[], elements: Readonly<Record<string, ElementLike>>): string[] {
  const result = new Set<string>()
  const frames: Rect[] = []
  for (const id of ids) {
    const element = elements[id]
    const box = boxOf(element)
    if (!box) continue
    result.add(id)
    if (element?.kind === 'frame') frames.push(box)
  }
  if (frames.length === 0) return [...result]
  for (const element of Object.values(elements)) {
    if (result.has(element.id)) continue
    const box = boxOf(element)
    if (box && frames.some((frame) => inside(frame, box))) result.add(element.id)
  }
  return [...result]
}

/** Links whose two ends are both among `ids`. */
export function linksAmong(ids: ReadonlySet<string>, elements: Readonly<Record<string, ElementLike>>): string[] {
  const result: string[] = []
  for (const element of Object.values(elements)) {
    if (element.kind !== 'link') continue
    if (typeof element.from === 'string' && typeof element.to === 'string' && ids.has(element.from) && ids.has(element.to)) {
      result.push(element.id)
    }
  }
  return result
}

/** Kinds that links start from through the hover handle. */
export const linkableKinds: readonly string[] = ['actor', 'use', 'phase', 'zone']

/** The relation a new link gets before the inspector changes it. */
export function defaultRelation(fromKind: string, toKind: string): 'operates' | 'cooperates' | 'synergy' | 'supports' {
  if (fromKind === 'actor' && toKind === 'use') return 'operates'
  if (fromKind === 'actor' && toKind === 'actor') return 'cooperates'
  if (fromKind === 'use' && toKind === 'use') return 'synergy'
  return 'supports'
}
