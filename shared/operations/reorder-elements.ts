import type * as Y from 'yjs'
import { compareIndex, indicesBetween } from '../schema/fractional-index.ts'
import { sortByZOrder } from '../schema/z-order.ts'
import { type BoxEntry, readBoxes } from './boxes.ts'
import { findBox } from './move-elements.ts'
import type { OperationOf } from './operation.ts'
import { type Plan, planned } from './plan.ts'

type Target = OperationOf<'element.reorder'>['to']

/**
 * Changes the drawing order by writing new `z` keys, only to the boxes that need one: the
 * selected boxes, and boxes that had no key yet (they cannot be placed relative to a key
 * otherwise). `forward`/`backward` move each selected box one step past its next unselected
 * neighbour in the stack; a selected block moves together.
 */
export function planReorderElements(doc: Y.Doc, op: OperationOf<'element.reorder'>): Plan {
  for (const id of op.ids) {
    const box = findBox(doc, id)
    if (!box.ok) return box
  }
  const selected = new Set<string>(op.ids)
  const before = sortByZOrder(readBoxes(doc))
  const after = reorder(before, (box) => selected.has(box.id), op.to)
  const unchanged = after.every((box, index) => box === before[index])
  if (unchanged && after.every((box) => box.z !== undefined)) return planned(() => {})

  const keys = assignKeys(after, (box) => selected.has(box.id) || box.z === undefined)
  return planned(() => {
    for (const [box, z] of keys) box.map.set('z', z)
  })
}

function reorder(stack: readonly BoxEntry[], isSelected: (box: BoxEntry) => boolean, to: Target): BoxEntry[] {
  if (to === 'front') return [...stack.filter((box) => !isSelected(box)), ...stack.filter(isSelected)]
  if (to === 'back') return [...stack.filter(isSelected), ...stack.filter((box) => !isSelected(box))]
  const order = [...stack]
  const swap = (i: number, j: number) => {
    const a = order[i]
    const b = order[j]
    if (a && b) [order[i], order[j]] = [b, a]
  }
  // Walk against the direction of travel so a selected block moves as a whole.
  if (to === 'forward') {
    for (let i = order.length - 2; i >= 0; i--) {
      const here = order[i]
      const next = order[i + 1]
      if (here && next && isSelected(here) && !isSelected(next)) swap(i, i + 1)
    }
  } else {
    for (let i = 1; i < order.length; i++) {
      const here = order[i]
      const previous = order[i - 1]
      if (here && previous && isSelected(here) && !isSelected(previous)) swap(i - 1, i)
    }
  }
  return order
}

/**
 * New keys for the boxes that need one, fitted between their unchanged neighbours. If the
 * neighbours' keys do not allow it (two boxes share a key after concurrent adds), every box
 * gets a fresh key — rare, and still one transaction.
 */
function assignKeys(stack: readonly BoxEntry[], needsKey: (box: BoxEntry) => boolean): Map<BoxEntry, string> {
  const keys = new Map<BoxEntry, string>()
  let lower: string | null = null
  let run: BoxEntry[] = []
  const flush = (upper: string | null): boolean => {
    if (run.length === 0) return true
    const fresh = indicesBetween(lower, upper, run.length)
    if (!fresh.ok) return false
    run.forEach((box, index) => {
      const key = fresh.value[index]
      if (key !== undefined) keys.set(box, key)
    })
    run = []
    return true
  }
  for (const box of stack) {
    if (needsKey(box) || box.z === undefined) {
      run.push(box)
      continue
    }
    if ((lower !== null && compareIndex(lower, box.z) >= 0) || !flush(box.z)) return renumber(stack)
    lower = box.z
  }
  return flush(null) ? keys : renumber(stack)
}

function renumber(stack: readonly BoxEntry[]): Map<BoxEntry, string> {
  const fresh = indicesBetween(null, null, stack.length)
  const keys = new Map<BoxEntry, string>()
  if (!fresh.ok) return keys
  for (const [index, box] of stack.entries()) {
    const key = fresh.value[index]
    if (key !== undefined) keys.set(box, key)
  }
  return keys
}
