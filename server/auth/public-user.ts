import type { SessionUser } from '../access.ts'
import type { StoredUser } from './user-store.ts'

/** The contract's `user` JSON. */
export interface PublicUser {
  id: string
  email: string | null
  displayName: string
  guest: boolean
}

export const toSessionUser = (u: StoredUser): SessionUser => ({
  id: u.id,
  email: u.email,
  displayName: u.displayName,
  guestBoardId: u.guestBoardId,
})

export const toPublicUser = (u: SessionUser): PublicUser => ({
  id: u.id,
  email: u.email,
  displayName: u.displayName,
  guest: u.guestBoardId !== null,
})
