import { addMonths, MONTH_WIDTH_PX } from '../../shared/scene/timeline.ts'
import { DOCUMENT_FORMAT, DOCUMENT_VERSION, parseBoardDocument } from '../../shared/schema/document.ts'
import { type Element, isPositioned, parseElement } from '../../shared/schema/elements.ts'
import { newElementId } from '../../shared/schema/ids.ts'
import { sortByZOrder } from '../../shared/schema/z-order.ts'
import { type ElementLike, linksAmong } from './board-geometry.ts'
import { type Point, type Rect, unionRect } from './viewport.ts'

/**
 * Copy, cut, paste and duplicate move elements as the contract's JSON board document
 * (`format: "refresh-board"`), so a copy from one board pastes into another — or into any
 * tool that reads the export format. Pasting gives every element a new id and rewrites the
 * references among the pasted elements (`from`/`to`, `zone`, `refs`).
 */
export interface ClipboardDocument {
  format: typeof DOCUMENT_FORMAT
  version: typeof DOCUMENT_VERSION
  board: { id: string; title: string }
  site: Record<string, never>
  elements: Element[]
}

/** The selected elements plus the links among them, valid and in drawing order. */
export function copySelection(
  ids: readonly string[],
  elements: Readonly<Record<string, ElementLike>>,
  board: { id: string; title: string },
): ClipboardDocument {
  const chosen = new Set(ids.filter((id) => elements[id] !== undefined))
  const boxIds = new Set([...chosen].filter((id) => elements[id]?.kind !== 'link'))
  for (const link of linksAmong(boxIds, elements)) chosen.add(link)
  const parsed: Element[] = []
  for (const id of chosen) {
    const result = parseElement(elements[id])
    if (result.ok) parsed.push(result.value)
  }
  const boxes = sortByZOrder(parsed.filter(isPositioned))
  const links = parsed.filter((element) => element.kind === 'link').sort((a, b) => (a.id < b.id ? -1 : 1))
  return {
    format: DOCUMENT_FORMAT,
    version: DOCUMENT_VERSION,
    board: { id: board.id, title: board.title },
    site: {},
    elements: [...boxes, ...links],
  }
}

/** The elements of a pasted text, if it is a valid board document; otherwise null. */
export function readClipboardText(text: string): Element[] | null {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return null
  }
  const parsed = parseBoardDocument(json)
  return parsed.ok ? parsed.value.elements : null
}

export interface RemapOptions {
  /** added to every box position */
  dx: number
  dy: number
  /** true when the target board has an element with this id (references outside the paste stay only then) */
  exists(id: string): boolean
  newId?(element: Element): string
}

const prefixOf: Record<string, string> = {
  actor: 'a',
  use: 'u',
  link: 'l',
  phase: 'p',
  note: 'n',
  zone: 'z',
  frame: 'f',
  image: 'i',
}

/**
 * Copies of `elements` with new ids, moved by (dx, dy), references rewritten: references to
 * pasted elements follow their copies; references to others stay if the target board has
 * them (a paste into the same board keeps a use's zone) and are dropped otherwise. Links
 * whose ends are not both present after the paste are left out. `z` and `locked` are not
 * copied: the copies go on top, in the copied order, and are free to edit.
 */
export function remapElements(elements: readonly Element[], options: RemapOptions): Element[] {
  const makeId = options.newId ?? ((element: Element) => newElementId(prefixOf[element.kind] ?? 'e'))
  const ids = new Map<string, string>()
  for (const element of elements) ids.set(element.id, makeId(element))
  const mapRef = (ref: string): string | null => ids.get(ref) ?? (options.exists(ref) ? ref : null)
  const result: Element[] = []
  for (const element of elements) {
    const id = ids.get(element.id) as string
    const { z: _z, locked: _locked, ...rest } = element as Element & { z?: unknown; locked?: unknown }
    const copy = { ...rest, id } as Record<string, unknown>
    if (element.kind === 'link') {
      const from = mapRef(element.from)
      const to = mapRef(element.to)
      if (!from || !to || from === to) continue
      copy.from = from
      copy.to = to
    } else if (element.kind === 'phase') {
      // a phase sits on whole months: its copy moves by whole months and its dates with it
      const months = Math.round(options.dx / MONTH_WIDTH_PX)
      copy.x = element.x + months * MONTH_WIDTH_PX
      copy.y = element.y + options.dy
      copy.start = addMonths(element.start, months)
      copy.end = addMonths(element.end, months)
    } else {
      copy.x = element.x + options.dx
      copy.y = element.y + options.dy
    }
    if (element.kind === 'use' && element.zone !== undefined) {
      const zone = mapRef(element.zone)
      if (zone) copy.zone = zone
      else delete copy.zone
    }
    if (element.kind === 'phase' && element.refs !== undefined) {
      copy.refs = element.refs.map(mapRef).filter((ref): ref is string => ref !== null)
    }
    result.push(copy as Element)
  }
  return result
}

export function boundsOfElements(elements: readonly Element[]): Rect | null {
  return unionRect(elements.filter(isPositioned).map((e) => ({ x: e.x, y: e.y, width: e.w, height: e.h })))
}

/** The offset that centres the pasted elements on `point`. */
export function offsetToCentre(elements: readonly Element[], point: Point): { dx: number; dy: number } {
  const bounds = boundsOfElements(elements)
  if (!bounds) return { dx: 0, dy: 0 }
  return { dx: Math.round(point.x - (bounds.x + bounds.width / 2)), dy: Math.round(point.y - (bounds.y + bounds.height / 2)) }
}

export const DUPLICATE_OFFSET = 24

/** Duplicates of the selected elements (+24, +24) with the links among them. */
export function duplicateSelection(
  ids: readonly string[],
  elements: Readonly<Record<string, ElementLike>>,
  exists: (id: string) => boolean,
): Element[] {
  const copied = copySelection(ids, elements, { id: '', title: '' }).elements
  return remapElements(copied, { dx: DUPLICATE_OFFSET, dy: DUPLICATE_OFFSET, exists })
}
