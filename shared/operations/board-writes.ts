import type * as Y from 'yjs'
import { diffDocuments } from '../diff/diff-documents.ts'
import { readBoardDocument, setIfChanged, syncFields, writeBoardDocument } from '../schema/convert.ts'
import { getElementMap, getMeta, getSite, META_TITLE } from '../schema/layout.ts'
import type { OperationOf } from './operation.ts'
import { refuse } from './operation-error.ts'
import { type Plan, planned } from './plan.ts'

/** Locks or unlocks elements; every id must name an element. Only what changes is written. */
export function planLockElements(doc: Y.Doc, op: OperationOf<'element.lock'>): Plan {
  for (const id of op.ids)
    if (!getElementMap(doc, id)) return refuse('element_not_found', `element ${id} does not exist`, { elementId: id })
  return planned(() => {
    for (const id of op.ids) {
      const element = getElementMap(doc, id)
      if (!element) continue
      if (op.locked) setIfChanged(element, 'locked', true)
      else element.delete('locked')
    }
  })
}

/** The title the document carries and the whole site profile; only changed fields are written. */
export function planUpdateProfile(doc: Y.Doc, op: OperationOf<'board.profile'>): Plan {
  return planned(() => {
    if (op.title !== undefined) setIfChanged(getMeta(doc), META_TITLE, op.title)
    if (op.site !== undefined) syncFields(getSite(doc), op.site ?? {})
  })
}

/** Makes the board hold exactly the document; reports how many elements it adds, removes and changes. */
export function planReplaceBoard(doc: Y.Doc, op: OperationOf<'board.replace'>): Plan {
  const diff = diffDocuments(readBoardDocument(doc, op.document.board).document, op.document)
  return planned((target) => writeBoardDocument(target, op.document), {
    added: diff.added.length,
    removed: diff.removed.length,
    changed: diff.changed.length,
  })
}
