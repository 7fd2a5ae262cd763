import type * as Y from 'yjs'
import { setIfChanged } from '../schema/convert.ts'
import { elementSchemas, isElementKind, parseElement } from '../schema/elements.ts'
import { getElementMap } from '../schema/layout.ts'
import type { OperationOf } from './operation.ts'
import { refuse } from './operation-error.ts'
import { type Plan, planned } from './plan.ts'

/**
 * Changes some fields of one element. The merged element must be valid for its kind
 * (required fields present, phase start ≤ end, …); only the given fields are written, so
 * concurrent edits of other fields of the same element merge.
 */
export function planUpdateElement(doc: Y.Doc, op: OperationOf<'element.update'>): Plan {
  const at = { elementId: op.id }
  const map = getElementMap(doc, op.id)
  if (!map) return refuse('element_not_found', `there is no element with id ${JSON.stringify(op.id)}`, at)
  const kind = map.get('kind')
  if (!isElementKind(kind)) return refuse('invalid_element', `the element has no valid kind`, { ...at, field: 'kind' })
  const known = new Set(Object.keys(elementSchemas[kind].shape))
  for (const field of Object.keys(op.fields)) {
    if (field === 'id' || field === 'kind') return refuse('invalid_operation', `${field} cannot be changed`, { ...at, field })
    if (!known.has(field)) return refuse('invalid_operation', `${field} is not a field of a ${kind}`, { ...at, field })
  }

  const merged: Record<string, unknown> = { ...(map.toJSON() as Record<string, unknown>), id: op.id }
  for (const [field, value] of Object.entries(op.fields)) {
    if (value === null) delete merged[field]
    else merged[field] = value
  }
  const parsed = parseElement(merged)
  if (!parsed.ok) return refuse('invalid_element', parsed.error.message, { ...at, field: parsed.error.field })
  const next: Record<string, unknown> = parsed.value

  return planned(() => {
    for (const [field, value] of Object.entries(op.fields)) {
      if (value === null) map.delete(field)
      else setIfChanged(map, field, next[field])
    }
  })
}
