import { compareIndex, isFractionalIndex } from './fractional-index.ts'

/** The fields z-ordering looks at; `z` may be missing (or, in a raw Y.Map, malformed). */
export type ZOrdered = { id: string; kind: string; z?: unknown }

// Default layers for elements without `z`: containers under what they contain.
const layerOfKind: Readonly<Record<string, number>> = { frame: 0, image: 1, zone: 2 }
const layerOf = (kind: string): number => layerOfKind[kind] ?? 3

/**
 * Frames, site-plan images and zones hold other elements: they are drawn under everything else
 * whatever their `z` (a frame drawn around cards never hides them), frames under images under
 * zones; `z` orders them only among their own kind.
 */
export const isContainerKind = (kind: string): boolean => layerOf(kind) < 3
/** The container band of a kind (0 frame, 1 image, 2 zone), 3 for every other kind. */
export const containerLayerOf = layerOf

/**
 * Drawing order, bottom first: elements without a (valid) `z` lie under all that have one,
 * frames under site-plan images under zones under the rest, then by id; elements with `z`
 * follow their fractional index, ties (two clients picked the same key) broken by id.
 * Total and deterministic, so every client draws the same stack.
 */
export function compareZOrder(a: ZOrdered, b: ZOrdered): number {
  const aKey = isFractionalIndex(a.z) ? a.z : undefined
  const bKey = isFractionalIndex(b.z) ? b.z : undefined
  if (aKey === undefined && bKey === undefined) return layerOf(a.kind) - layerOf(b.kind) || compareIndex(a.id, b.id)
  if (aKey === undefined) return -1
  if (bKey === undefined) return 1
  return compareIndex(aKey, bKey) || compareIndex(a.id, b.id)
}

export const sortByZOrder = <T extends ZOrdered>(elements: readonly T[]): T[] => [...elements].sort(compareZOrder)
