import type * as Y from 'yjs'
import { toElementMap } from '../schema/convert.ts'
import { getElements } from '../schema/layout.ts'
import type { Link } from '../schema/link.ts'
import type { OperationOf } from './operation.ts'
import { refuse } from './operation-error.ts'
import { type Plan, planned } from './plan.ts'

/**
 * Adds a link between two different elements that exist now. (A document may hold links
 * to missing elements — the contract allows it — but a user draws a link between two
 * things on the board.)
 */
export function planAddLink(doc: Y.Doc, op: OperationOf<'link.add'>): Plan {
  const elements = getElements(doc)
  const { id, ...fields } = op.link
  const link: Link = { id, kind: 'link', ...fields }
  const at = { elementId: link.id }
  if (elements.has(link.id)) return refuse('element_exists', `an element with id ${JSON.stringify(link.id)} already exists`, at)
  if (link.from === link.to) return refuse('invalid_element', 'a link must join two different elements', { ...at, field: 'to' })
  for (const field of ['from', 'to'] as const) {
    if (!elements.has(link[field])) {
      return refuse('element_not_found', `${field} names no element on the board (${JSON.stringify(link[field])})`, {
        ...at,
        field,
      })
    }
  }
  return planned(() => {
    elements.set(link.id, toElementMap(link))
  })
}
