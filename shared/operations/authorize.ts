import type * as Y from 'yjs'
import { facilitationOf, mayCreateKind, mayEditNow } from '../rules/facilitation.ts'
import { mayChangeElement, mayLock } from '../rules/lock.ts'
import { getElementMap } from '../schema/layout.ts'
import { hasRole, type Role } from '../schema/roles.ts'
import type { Operation } from './operation.ts'
import { type OperationError, refuse } from './operation-error.ts'

/** The least role each operation asks for (the lock rule comes on top, per element). */
export const operationRoles: Readonly<Record<Operation['type'], Role>> = {
  'element.add': 'editor',
  'element.update': 'editor',
  'element.move': 'editor',
  'element.resize': 'editor',
  'element.delete': 'editor',
  'element.reorder': 'editor',
  'link.add': 'editor',
  'link.remove': 'editor',
  'site.update': 'facilitator',
  'settings.update': 'facilitator',
  'element.lock': 'facilitator',
  'board.profile': 'facilitator',
  'board.replace': 'facilitator',
  'template.add': 'facilitator',
  'facilitation.set': 'facilitator',
  // who may write which comment (its author, a facilitator) the comment service decides
  'comment.set': 'reviewer',
  'comment.delete': 'reviewer',
}

/** Operations that write board content (paused while a facilitator pauses editing). */
const elementOperations: ReadonlySet<Operation['type']> = new Set([
  'element.add',
  'element.update',
  'element.move',
  'element.resize',
  'element.delete',
  'element.reorder',
  'link.add',
  'link.remove',
])

/** The existing elements an operation changes or deletes. */
function touchedIds(op: Operation): readonly string[] {
  switch (op.type) {
    case 'element.update':
    case 'element.resize':
      return [op.id]
    case 'element.move':
      return op.moves.map((move) => move.id)
    case 'element.delete':
    case 'element.reorder':
    case 'link.remove':
    case 'element.lock':
      return op.ids
    default:
      return []
  }
}

/** Whether the operation writes `locked` (only facilitators lock and unlock). */
function setsLock(op: Operation): boolean {
  if (op.type === 'element.update') return 'locked' in op.fields
  if (op.type === 'element.add') return op.elements.some((element) => element.locked === true)
  return false
}

/**
 * Whether `role` may apply `op` to `doc` now: the operation's role, the lock rule for every
 * element it touches (shared/rules/lock.ts, the same the sync guard runs). Null: allowed.
 */
export function authorizeOperation(doc: Y.Doc, op: Operation, role: Role): OperationError | null {
  const least = operationRoles[op.type]
  if (!hasRole(role, least)) return refuse('forbidden', `${op.type} needs the ${least} role`).error
  if (setsLock(op) && !mayLock(role)) return refuse('forbidden', 'only facilitators lock and unlock elements').error
  if (op.type === 'element.lock' || op.type === 'facilitation.set' || op.type === 'comment.set' || op.type === 'comment.delete')
    return null
  if (elementOperations.has(op.type)) {
    const state = facilitationOf(doc)
    if (!mayEditNow(role, state)) return refuse('editing_paused', 'a facilitator paused editing').error
    const kind = op.type === 'element.add' ? op.elements.find((e) => !mayCreateKind(role, state, e.kind))?.kind : undefined
    if (kind) return refuse('kind_not_allowed', `the current agenda step does not ask for ${kind} elements`).error
  }
  for (const id of touchedIds(op)) {
    const element = getElementMap(doc, id)
    if (element && !mayChangeElement(role, { locked: element.get('locked') }))
      return refuse('locked', `element ${id} is locked`, { elementId: id }).error
  }
  return null
}
