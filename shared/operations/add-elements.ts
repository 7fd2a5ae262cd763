import type * as Y from 'yjs'
import { toElementMap } from '../schema/convert.ts'
import { isPositioned } from '../schema/elements.ts'
import { indicesBetween } from '../schema/fractional-index.ts'
import { getElements } from '../schema/layout.ts'
import { isContainerKind } from '../schema/z-order.ts'
import { readBoxes, topIndex } from './boxes.ts'
import { containerKeyFor } from './container-placement.ts'
import type { OperationOf } from './operation.ts'
import { refuse } from './operation-error.ts'
import { type Plan, planned } from './plan.ts'

/**
 * Adds new elements. Boxes without `z` go on top, in the order given, except containers
 * (frames, images, zones) drawn over existing boxes: they go behind what they cover
 * (`containerKeyFor`), so nothing new hides what is there.
 */
export function planAddElements(doc: Y.Doc, op: OperationOf<'element.add'>): Plan {
  const elements = getElements(doc)
  const seen = new Set<string>()
  for (const element of op.elements) {
    if (elements.has(element.id) || seen.has(element.id)) {
      return refuse('element_exists', `an element with id ${JSON.stringify(element.id)} already exists`, {
        elementId: element.id,
      })
    }
    seen.add(element.id)
  }
  const boxes = readBoxes(doc)
  const zOf = new Map<string, string>()
  for (const element of op.elements) {
    if (!isPositioned(element) || element.z !== undefined || !isContainerKind(element.kind)) continue
    const z = containerKeyFor(boxes, element)
    if (z !== null) zOf.set(element.id, z)
  }
  const unkeyed = op.elements.filter((element) => isPositioned(element) && element.z === undefined && !zOf.has(element.id))
  const keys = indicesBetween(topIndex(boxes), null, unkeyed.length)
  if (!keys.ok) return refuse('invalid_operation', keys.error)
  unkeyed.forEach((element, index) => {
    const z = keys.value[index]
    if (z !== undefined) zOf.set(element.id, z)
  })
  return planned(() => {
    for (const element of op.elements) {
      const z = zOf.get(element.id)
      elements.set(element.id, toElementMap(z !== undefined && isPositioned(element) ? { ...element, z } : element))
    }
  })
}
