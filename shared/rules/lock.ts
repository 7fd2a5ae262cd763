import { canEdit, canFacilitate, type Role } from '../schema/roles.ts'

/**
 * The lock rule, once for the server's guard, the canvas and the inspector (CONTRACT.md): an
 * element whose `locked` is true was locked by a facilitator; editors may not change it,
 * delete it or (un)lock anything.
 */
export const isLocked = (element: Readonly<Record<string, unknown>> | undefined): boolean => element?.locked === true

/** Whether `role` may change (or delete) `element`. */
export function mayChangeElement(role: Role, element: Readonly<Record<string, unknown>> | undefined): boolean {
  return canEdit(role) && (!isLocked(element) || canFacilitate(role))
}

/** Whether `role` may lock or unlock elements. */
export const mayLock = (role: Role): boolean => canFacilitate(role)
