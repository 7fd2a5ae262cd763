import type { LanguageCode } from '../shared/i18n/languages.ts'
import type { Role } from '../shared/schema/roles.ts'

/** A signed-in person: an account, or a guest who joined one board or one collection through an invite. */
export interface SessionUser {
  id: string
  displayName: string
  /** null for guests */
  email: string | null
  /** set for guests of a board: the only board this session may open */
  guestBoardId: string | null
  /** set for guests of a collection: the only collection this session may open (and no board) */
  guestCollectionId?: string | null | undefined
  /** the UI language the person chose, if any */
  language?: LanguageCode | undefined
}

/**
 * True for a guest of a board or of a collection; false for an account. Ask this, never
 * `guestBoardId === null`: a collection's guest has no board and is no account either.
 */
export const isGuest = (user: { guestBoardId: string | null; guestCollectionId?: string | null | undefined }): boolean =>
  user.guestBoardId !== null || (user.guestCollectionId ?? null) !== null

/** What the sync endpoint needs from auth and boards; implemented in server/auth and server/boards. */
export interface AccessControl {
  /** The user behind a session token (cookie value or bearer token), or null. */
  userFromToken(token: string): Promise<SessionUser | null>
  /** The user's role on a board, or null when they may not see it (or it does not exist). */
  roleOf(user: SessionUser, boardId: string): Promise<Role | null>
}

/** Name of the session cookie. */
export const SESSION_COOKIE = 'rb_session'

/**
 * The live side of access changes: what open connections must learn at once. Implemented by
 * the sync room manager (server/sync/rooms.ts); the REST layer calls it after it has stored
 * the change. Other instances learn it through the fan-out.
 */
export interface LiveAccess {
  /** A member's role on a board changed; null: removed (their sockets on it close with 4403). */
  memberChanged(boardId: string, userId: string, role: Role | null): void
  /** A session ended (logout, a removed guest): its sockets close with 4401. `hash`: `sessionHash(token)`. */
  sessionEnded(hash: string): void
  /** The users with an open socket on the board (the members list's `connected`). */
  connectedUserIds(boardId: string): ReadonlySet<string>
}

/** For tests and tools that run the REST layer without sync. */
export const noLiveAccess: LiveAccess = {
  memberChanged: () => {},
  sessionEnded: () => {},
  connectedUserIds: () => new Set<string>(),
}
