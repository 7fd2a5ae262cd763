import type * as Y from 'yjs'
import { setIfChanged } from '../schema/convert.ts'
import { getElementMap } from '../schema/layout.ts'
import type { OperationOf } from './operation.ts'
import { type OperationError, refuse } from './operation-error.ts'
import { areaOfMap, placementWrites } from './placement.ts'
import { type Plan, planned } from './plan.ts'

/** Writes the fields that follow a new place (`placementWrites`); undefined removes a field. */
function writeFields(map: Y.Map<unknown>, fields: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) {
      if (map.has(key)) map.delete(key)
    } else setIfChanged(map, key, value)
  }
}

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

/**
 * Moves boxes to new absolute positions. What follows the place is written with it: a use
 * dropped on a zone takes it, a phase's months follow the timeline (`placementWrites`).
 */
export function planMoveElements(doc: Y.Doc, op: OperationOf<'element.move'>): Plan {
  const targets: { map: Y.Map<unknown>; x: number; y: number }[] = []
  for (const move of op.moves) {
    const box = findBox(doc, move.id)
    if (!box.ok) return box
    targets.push({ map: box.map, x: move.x, y: move.y })
  }
  return planned(() => {
    const placements = targets.flatMap(({ map, x, y }) => {
      const area = areaOfMap(map)
      return area ? [{ map, to: { ...area, x, y } }] : []
    })
    const follow = placementWrites(doc, placements)
    for (const { map, x, y } of targets) {
      setIfChanged(map, 'x', x)
      setIfChanged(map, 'y', y)
      const fields = follow.get(map)
      if (fields) writeFields(map, fields)
    }
  })
}

/** Resizes one box (and moves it when resized from its top or left edge); a phase's months follow. */
export function planResizeElement(doc: Y.Doc, op: OperationOf<'element.resize'>): Plan {
  const box = findBox(doc, op.id)
  if (!box.ok) return box
  const { map } = box
  return planned(() => {
    const area = areaOfMap(map)
    const to = area ? { x: op.x ?? area.x, y: op.y ?? area.y, w: op.w, h: op.h } : null
    const fields = to && map.get('kind') === 'phase' ? placementWrites(doc, [{ map, to }]).get(map) : undefined
    setIfChanged(map, 'w', op.w)
    setIfChanged(map, 'h', op.h)
    if (op.x !== undefined) setIfChanged(map, 'x', op.x)
    if (op.y !== undefined) setIfChanged(map, 'y', op.y)
    if (fields) writeFields(map, fields)
  })
}
