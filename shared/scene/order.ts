import type { Element } from '../schema/elements.ts'
import { compareZOrder } from '../schema/z-order.ts'

/** Frames, site-plan images and zones hold other elements; links are drawn above them. */
export const isContainerKind = (kind: string): boolean => kind === 'frame' || kind === 'image' || kind === 'zone'

/**
 * The drawing order of a board, bottom first: boxes by `compareZOrder` (shared/schema), with
 * the links (which have no z) right above the topmost container (frame, image or zone) and
 * under the cards, so that an arrow passing a card never hides its text. Links among
 * themselves by id. Deterministic for the same elements in any order.
 */
export function drawOrder<T extends Pick<Element, 'id' | 'kind'> & { z?: unknown }>(elements: readonly T[]): T[] {
  const boxes = elements.filter((element) => element.kind !== 'link').sort(compareZOrder)
  const links = elements.filter((element) => element.kind === 'link').sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  let lastContainer = -1
  boxes.forEach((box, index) => {
    if (isContainerKind(box.kind)) lastContainer = index
  })
  return [...boxes.slice(0, lastContainer + 1), ...links, ...boxes.slice(lastContainer + 1)]
}
