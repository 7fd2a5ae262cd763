import type * as Y from 'yjs'
import type { Role } from '../schema/roles.ts'
import { planAddElements } from './add-elements.ts'
import { planAddLink } from './add-link.ts'
import { planAddTemplate } from './add-template.ts'
import { authorizeOperation } from './authorize.ts'
import { planLockElements, planReplaceBoard, planUpdateProfile } from './board-writes.ts'
import { planDeleteElements, planRemoveLinks } from './delete-elements.ts'
import { planMoveElements, planResizeElement } from './move-elements.ts'
import { Operation, type OperationInput } from './operation.ts'
import { invalidOperation, type OperationError, type OperationResult } from './operation-error.ts'
import type { Plan } from './plan.ts'
import { planReorderElements } from './reorder-elements.ts'
import { planDeleteComments, planSetComment } from './set-comment.ts'
import { planSetFacilitation } from './set-facilitation.ts'
import { planUpdateElement } from './update-element.ts'
import { planUpdateSettings } from './update-settings.ts'
import { planUpdateSite } from './update-site.ts'

/** Checks an operation (from any source) without applying it. */
export function parseOperation(input: unknown): { ok: true; value: Operation } | { ok: false; error: OperationError } {
  const parsed = Operation.safeParse(input)
  return parsed.success ? { ok: true, value: parsed.data } : invalidOperation(parsed.error.issues[0])
}

/**
 * Validates `op` against its schema and the current document, then applies it in exactly
 * one `doc.transact(…, origin)` (the origin lets each person's UndoManager track only their
 * own changes). An invalid operation writes nothing and opens no transaction. Never throws.
 */
export function applyOperation(doc: Y.Doc, op: OperationInput, origin?: unknown): OperationResult {
  const parsed = parseOperation(op)
  if (!parsed.ok) return parsed
  const plan = planOperation(doc, parsed.value)
  if (!plan.ok) return plan
  doc.transact(() => plan.write(doc), origin)
  return plan.summary ? { ok: true, summary: plan.summary } : { ok: true }
}

/**
 * The one way the server writes on someone's behalf (REST, restore, facilitation commands):
 * `applyOperation` after checking that `role` may apply it (authorize.ts). Refused: nothing
 * is written.
 */
export function applyOperationAs(doc: Y.Doc, op: OperationInput, role: Role, origin?: unknown): OperationResult {
  const parsed = parseOperation(op)
  if (!parsed.ok) return parsed
  const refusal = authorizeOperation(doc, parsed.value, role)
  if (refusal) return { ok: false, error: refusal }
  return applyOperation(doc, parsed.value, origin)
}

function planOperation(doc: Y.Doc, op: Operation): Plan {
  switch (op.type) {
    case 'element.add':
      return planAddElements(doc, op)
    case 'element.update':
      return planUpdateElement(doc, op)
    case 'element.move':
      return planMoveElements(doc, op)
    case 'element.resize':
      return planResizeElement(doc, op)
    case 'element.delete':
      return planDeleteElements(doc, op)
    case 'element.reorder':
      return planReorderElements(doc, op)
    case 'link.add':
      return planAddLink(doc, op)
    case 'link.remove':
      return planRemoveLinks(doc, op)
    case 'site.update':
      return planUpdateSite(doc, op)
    case 'settings.update':
      return planUpdateSettings(doc, op)
    case 'element.lock':
      return planLockElements(doc, op)
    case 'board.profile':
      return planUpdateProfile(doc, op)
    case 'board.replace':
      return planReplaceBoard(doc, op)
    case 'template.add':
      return planAddTemplate(doc, op)
    case 'facilitation.set':
      return planSetFacilitation(doc, op)
    case 'comment.set':
      return planSetComment(doc, op)
    case 'comment.delete':
      return planDeleteComments(doc, op)
  }
}
