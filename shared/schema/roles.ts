import { z } from 'zod'

/** Roles on a board, from most to least (CONTRACT.md). Reviewers read, comment and review; they write nothing else. */
export const roles = ['owner', 'facilitator', 'editor', 'reviewer', 'viewer'] as const
export const Role = z.enum(roles)
export type Role = z.infer<typeof Role>

const rank: Record<Role, number> = { owner: 5, facilitator: 4, editor: 3, reviewer: 2, viewer: 1 }

/** True when `role` is at least `min` (owner ≥ facilitator ≥ editor ≥ reviewer ≥ viewer). */
export function hasRole(role: Role, min: Role): boolean {
  return rank[role] >= rank[min]
}

export const canEdit = (role: Role) => hasRole(role, 'editor')
export const canFacilitate = (role: Role) => hasRole(role, 'facilitator')
