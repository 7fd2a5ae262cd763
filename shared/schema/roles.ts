import { z } from 'zod'

/** Roles on a board, from most to least. */
export const roles = ['owner', 'facilitator', 'editor', 'viewer'] as const
export const Role = z.enum(roles)
export type Role = z.infer<typeof Role>

const rank: Record<Role, number> = { owner: 4, facilitator: 3, editor: 2, viewer: 1 }

/** True when `role` is at least `min` (owner ≥ facilitator ≥ editor ≥ viewer). */
export function hasRole(role: Role, min: Role): boolean {
  return rank[role] >= rank[min]
}

export const canEdit = (role: Role) => hasRole(role, 'editor')
export const canFacilitate = (role: Role) => hasRole(role, 'facilitator')
