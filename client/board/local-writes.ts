import * as Y from 'yjs'
import { applyOperation } from '../../shared/operations/apply-operation.ts'
import type { OperationInput } from '../../shared/operations/operation.ts'
import type { OperationResult } from '../../shared/operations/operation-error.ts'

/**
 * Every change this person makes goes through `apply`, with one origin per tab. The undo
 * manager tracks only that origin, so undo never takes back someone else's change (Yjs #273).
 */
export interface LocalWrites {
  readonly origin: object
  readonly undoManager: Y.UndoManager
  /** Applies a typed operation as one local transaction (one undo step). */
  apply(op: OperationInput): OperationResult
  /** Applies several operations as one transaction (one undo step); stops at the first refused one (those before it stay applied). */
  applyAll(ops: readonly OperationInput[]): OperationResult
}

export function createLocalWrites(doc: Y.Doc): LocalWrites {
  const origin = { name: 'local' }
  const undoManager = new Y.UndoManager([doc.getMap('elements'), doc.getMap('site')], {
    trackedOrigins: new Set([origin]),
    // consecutive small edits (typing) within this window become one undo step
    captureTimeout: 400,
  })
  const apply = (op: OperationInput) => applyOperation(doc, op, origin)
  const applyAll = (ops: readonly OperationInput[]): OperationResult => {
    let result: OperationResult = { ok: true }
    doc.transact(() => {
      for (const op of ops) {
        result = applyOperation(doc, op, origin)
        if (!result.ok) return
      }
    }, origin)
    return result
  }
  return { origin, undoManager, apply, applyAll }
}
