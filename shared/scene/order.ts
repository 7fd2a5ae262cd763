import { compareZOrder, containerLayerOf, isContainerKind, type ZOrdered } from '../schema/z-order.ts'

export { isContainerKind }

/**
 * The drawing order of a board, bottom first. Containers (frames, then site-plan images, then
 * zones) lie under everything else whatever their `z`, so that a frame or zone drawn over cards
 * never hides them; then the links (which have no z), so that an arrow passing a card never
 * hides its text; then the cards. Within each band by `compareZOrder` (shared/schema); links
 * among themselves by id. Hit tests follow the same order. Deterministic for the same elements
 * in any order.
 */
export function drawOrder<T extends ZOrdered>(elements: readonly T[]): T[] {
  const band = (element: T): number =>
    element.kind === 'link' ? 3 : isContainerKind(element.kind) ? containerLayerOf(element.kind) : 4
  return [...elements].sort((a, b) => {
    const byBand = band(a) - band(b)
    if (byBand !== 0) return byBand
    if (a.kind === 'link') return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
    return compareZOrder(a, b)
  })
}
