import type * as Y from 'yjs'
import { setIfChanged } from '../schema/convert.ts'
import { getElementMap } from '../schema/layout.ts'
import type { OperationOf } from './operation.ts'
import { type OperationError, refuse } from './operation-error.ts'
import { type Plan, planned } from './plan.ts'

/** The element's Y.Map when it exists and is a box (not a link). */
export function findBox(doc: Y.Doc, id: string): { ok: true; map: Y.Map<unknown> } | { ok: false; error: OperationError } {
  const map = getElementMap(doc, id)
  if (!map) return refuse('element_not_found', `there is no element with id ${JSON.stringify(id)}`, { elementId: id })
  const kind = map.get('kind')
  if (typeof kind !== 'string' || kind === 'link') {
    return refuse('not_positioned', `${JSON.stringify(id)} is not a box that can be moved or resized`, { elementId: id })
  }
  return { ok: true, map }
}

/** Moves boxes to new absolute positions. */
export function planMoveElements(doc: Y.Doc, op: OperationOf<'element.move'>): Plan {
  const targets: { map: Y.Map<unknown>; x: number; y: number }[] = []
  for (const move of op.moves) {
    const box = findBox(doc, move.id)
    if (!box.ok) return box
    targets.push({ map: box.map, x: move.x, y: move.y })
  }
  return planned(() => {
    for (const { map, x, y } of targets) {
      setIfChanged(map, 'x', x)
      setIfChanged(map, 'y', y)
    }
  })
}

/** Resizes one box (and moves it when resized from its top or left edge). */
export function planResizeElement(doc: Y.Doc, op: OperationOf<'element.resize'>): Plan {
  const box = findBox(doc, op.id)
  if (!box.ok) return box
  const { map } = box
  return planned(() => {
    setIfChanged(map, 'w', op.w)
    setIfChanged(map, 'h', op.h)
    if (op.x !== undefined) setIfChanged(map, 'x', op.x)
    if (op.y !== undefined) setIfChanged(map, 'y', op.y)
  })
}
