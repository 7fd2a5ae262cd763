import type * as Y from 'yjs'
import { toElementMap } from '../schema/convert.ts'
import { isPositioned } from '../schema/elements.ts'
import { indicesBetween } from '../schema/fractional-index.ts'
import { getElements } from '../schema/layout.ts'
import { readBoxes, topIndex } from './boxes.ts'
import type { OperationOf } from './operation.ts'
import { refuse } from './operation-error.ts'
import { type Plan, planned } from './plan.ts'

/** Adds new elements; boxes without `z` go on top, in the order given. */
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
  const unkeyed = op.elements.filter((element) => isPositioned(element) && element.z === undefined)
  const keys = indicesBetween(topIndex(readBoxes(doc)), null, unkeyed.length)
  if (!keys.ok) return refuse('invalid_operation', keys.error)
  const zOf = new Map(unkeyed.map((element, index) => [element.id, keys.value[index]]))
  return planned(() => {
    for (const element of op.elements) {
      const z = zOf.get(element.id)
      elements.set(element.id, toElementMap(z !== undefined && isPositioned(element) ? { ...element, z } : element))
    }
  })
}
