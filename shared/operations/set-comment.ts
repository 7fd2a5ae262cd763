import type * as Y from 'yjs'
import { getComments } from '../comments/comment.ts'
import type { OperationOf } from './operation.ts'
import { type Plan, planned } from './plan.ts'

/** Writes one comment under its id (the schema checked it already). */
export function planSetComment(doc: Y.Doc, op: OperationOf<'comment.set'>): Plan {
  return planned(() => getComments(doc).set(op.comment.id, op.comment))
}

/** Removes the comments that exist among `ids`. */
export function planDeleteComments(doc: Y.Doc, op: OperationOf<'comment.delete'>): Plan {
  return planned(() => {
    const map = getComments(doc)
    for (const id of op.ids) if (map.has(id)) map.delete(id)
  })
}
