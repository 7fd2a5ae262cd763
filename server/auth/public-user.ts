import { isGuest, type SessionUser } from '../access.ts'
import type { StoredUser } from './user-store.ts'

/** The contract's `user` JSON. */
export interface PublicUser {
  id: string
  email: string | null
  displayName: string
  guest: boolean
  /** the UI language the person chose, null when none (then ?lang= and the browser decide) */
  language: string | null
}

export const toSessionUser = (u: StoredUser): SessionUser => ({
  id: u.id,
  email: u.email,
  displayName: u.displayName,
  guestBoardId: u.guestBoardId,
  ...(u.guestCollectionId !== undefined ? { guestCollectionId: u.guestCollectionId } : {}),
  ...(u.language ? { language: u.language } : {}),
})

export const toPublicUser = (u: SessionUser): PublicUser => ({
  id: u.id,
  email: u.email,
  displayName: u.displayName,
  guest: isGuest(u),
  language: u.language ?? null,
})
