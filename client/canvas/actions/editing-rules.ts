import { mayChangeElement } from '../../../shared/rules/lock.ts'
import { canEdit, type Role } from '../../../shared/schema/roles.ts'
import type { ElementLike } from '../board-geometry.ts'

/**
 * Whether this person may change `element`: the lock rule the server holds
 * (shared/rules/lock.ts, one rule for the guard, the canvas and the inspector); the UI does not
 * offer what it refuses.
 */
export function canChange(element: ElementLike | undefined, role: Role): boolean {
  return element !== undefined && mayChangeElement(role, element)
}

/**
 * Why `role` may not change `element` (the server's refusal code for it), or null when it may:
 * a change this client knows the server would refuse is not sent, and explained the same way.
 */
export function refusalFor(element: ElementLike, role: Role): 'read_only' | 'locked' | null {
  if (!canEdit(role)) return 'read_only'
  return canChange(element, role) ? null : 'locked'
}

/** The ids among `ids` this person may change. */
export const changeableIds = (ids: readonly string[], elements: Readonly<Record<string, ElementLike>>, role: Role): string[] =>
  ids.filter((id) => canChange(elements[id], role))
