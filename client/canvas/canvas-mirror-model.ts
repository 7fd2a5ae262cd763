import type { ElementLike } from './board-geometry.ts'

/**
 * What the canvas's hidden accessible mirror (`canvas-mirror.tsx`) lists: the boxes in the key
 * walk's reading order, then the links. A large board lists a window of the order around the
 * focused element (each entry carries its place in the whole list), so a board of thousands
 * of elements keeps a few hundred nodes in the accessibility tree.
 */

/** Boards up to this many boxes are mirrored whole; larger ones as a window of this size. */
export const MIRROR_WINDOW = 300

/** The DOM id of an element's entry in the mirror (the canvas's `aria-activedescendant`). */
export const mirrorEntryId = (id: string): string => `canvas-mirror-${id}`

export interface MirrorWindow {
  /** index in the reading order of the first listed box */
  readonly start: number
  readonly ids: readonly string[]
}

/** The part of `order` that is listed: all of it when small, else `size` ids around `focus`. */
export function mirrorWindow(order: readonly string[], focus: string | null, size = MIRROR_WINDOW): MirrorWindow {
  if (order.length <= size) return { start: 0, ids: order }
  const at = focus === null ? -1 : order.indexOf(focus)
  const start = Math.min(Math.max(0, at - Math.floor(size / 2)), order.length - size)
  return { start, ids: order.slice(start, start + size) }
}

/**
 * The links of the board, ordered by their start, then their end, in reading order; with
 * `listed`, only those that touch a listed box.
 */
export function mirrorLinks(
  elements: Readonly<Record<string, ElementLike>>,
  order: readonly string[],
  listed?: ReadonlySet<string>,
): string[] {
  const place = new Map(order.map((id, index) => [id, index]))
  const at = (id: unknown) => (typeof id === 'string' ? (place.get(id) ?? order.length) : order.length)
  const links: ElementLike[] = []
  for (const element of Object.values(elements)) {
    if (element.kind !== 'link') continue
    if (listed && !listed.has(String(element.from)) && !listed.has(String(element.to))) continue
    links.push(element)
  }
  links.sort((a, b) => at(a.from) - at(b.from) || at(a.to) - at(b.to) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  return links.map((link) => link.id)
}

/** Equal lists of ids (a re-sort that changed nothing re-renders nothing). */
export const sameIds = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((id, i) => id === b[i])
