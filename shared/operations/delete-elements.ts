import type * as Y from 'yjs'
import { getElements, isYMap } from '../schema/layout.ts'
import type { OperationOf } from './operation.ts'
import { refuse } from './operation-error.ts'
import { type Plan, planned } from './plan.ts'

/** Deletes elements and, unless `withLinks` is false, the links attached to them. */
export function planDeleteElements(doc: Y.Doc, op: OperationOf<'element.delete'>): Plan {
  const elements = getElements(doc)
  const doomed = new Set<string>(op.ids.filter((id) => elements.has(id)))
  if (op.withLinks) {
    elements.forEach((value, id) => {
      if (!isYMap(value) || value.get('kind') !== 'link') return
      const from = value.get('from')
      const to = value.get('to')
      if ((typeof from === 'string' && doomed.has(from)) || (typeof to === 'string' && doomed.has(to))) doomed.add(id)
    })
  }
  return planned(() => {
    for (const id of doomed) elements.delete(id)
  })
}

/** Removes links; an id that names another kind of element is refused. */
export function planRemoveLinks(doc: Y.Doc, op: OperationOf<'link.remove'>): Plan {
  const elements = getElements(doc)
  const present = op.ids.filter((id) => elements.has(id))
  for (const id of present) {
    const value = elements.get(id)
    if (!isYMap(value) || value.get('kind') !== 'link') {
      return refuse('not_a_link', `${JSON.stringify(id)} is not a link`, { elementId: id })
    }
  }
  return planned(() => {
    for (const id of present) elements.delete(id)
  })
}
