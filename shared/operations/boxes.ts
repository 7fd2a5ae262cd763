import type * as Y from 'yjs'
import { isFractionalIndex } from '../schema/fractional-index.ts'
import { getElements, isYMap } from '../schema/layout.ts'

/** A box (any element Y.Map but a link) as z-ordering sees it, read without validation. */
export type BoxEntry = { id: string; kind: string; z: string | undefined; map: Y.Map<unknown> }

export function readBoxes(doc: Y.Doc): BoxEntry[] {
  const boxes: BoxEntry[] = []
  getElements(doc).forEach((value, id) => {
    if (!isYMap(value)) return
    const kind = value.get('kind')
    if (typeof kind !== 'string' || kind === 'link') return
    const z = value.get('z')
    boxes.push({ id, kind, z: isFractionalIndex(z) ? z : undefined, map: value })
  })
  return boxes
}

/** The highest `z` on the board, or null when no box has one. */
export function topIndex(boxes: readonly BoxEntry[]): string | null {
  let top: string | null = null
  for (const box of boxes) if (box.z !== undefined && (top === null || box.z > top)) top = box.z
  return top
}
