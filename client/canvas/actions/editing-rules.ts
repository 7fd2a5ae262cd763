import { canEdit, canFacilitate, type Role } from '../../../shared/schema/roles.ts'
import type { ElementLike } from '../board-geometry.ts'

/**
 * Whether this person may change `element`. The server refuses editors' changes to a locked
 * element (CONTRACT.md); the UI does not offer them, so no refused change is ever applied locally.
 */
export function canChange(element: ElementLike | undefined, role: Role): boolean {
  if (!element || !canEdit(role)) return false
  return element.locked !== true || canFacilitate(role)
}

/** The ids among `ids` this person may change. */
export const changeableIds = (ids: readonly string[], elements: Readonly<Record<string, ElementLike>>, role: Role): string[] =>
  ids.filter((id) => canChange(elements[id], role))
