import type * as Y from 'yjs'
import type { OperationError } from './operation-error.ts'

/**
 * An operation is checked against the document first and only then written: a plan is the
 * write, ready to run inside `applyOperation`'s one transaction. Refusing before writing
 * matters because a Yjs transaction cannot be rolled back.
 */
export type Write = (doc: Y.Doc) => void
export type Plan = { ok: true; write: Write; summary?: Record<string, number> } | { ok: false; error: OperationError }

export const planned = (write: Write, summary?: Record<string, number>): Plan =>
  summary ? { ok: true, write, summary } : { ok: true, write }
