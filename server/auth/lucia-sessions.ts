import { Lucia, TimeSpan } from 'lucia'
import type { Storage } from 'unstorage'
import { SESSION_COOKIE } from '../access.ts'
import { isUrlSafeId } from './ids.ts'
import { UnstorageSessionAdapter } from './session-adapter.ts'
import type { UserStore } from './user-store.ts'

/**
 * Sessions as the rest of the server sees them. Lucia is deprecated upstream, so this file is
 * the only one that imports it: replacing it means rewriting this file and the adapter.
 * A session's id is its token (cookie value, bearer token and WebSocket `?token=`).
 */
export interface SessionManager {
  create(userId: string): Promise<{ token: string; expiresAt: Date }>
  /** `fresh`: the expiry was extended, so the cookie should be sent again. */
  validate(token: string): Promise<{ userId: string; fresh: boolean } | null>
  invalidate(token: string): Promise<void>
  invalidateUser(userId: string): Promise<void>
  /** A `Set-Cookie` value carrying the token. */
  cookie(token: string): string
  /** A `Set-Cookie` value that removes the session cookie. */
  blankCookie(): string
}

export function createSessionManager(storage: Storage, users: UserStore, options: { secureCookie: boolean }): SessionManager {
  const lucia = new Lucia(new UnstorageSessionAdapter(storage, users), {
    sessionExpiresIn: new TimeSpan(30, 'd'),
    sessionCookie: {
      name: SESSION_COOKIE,
      expires: true,
      attributes: { secure: options.secureCookie, sameSite: 'lax', path: '/' },
    },
  })
  return {
    async create(userId) {
      const session = await lucia.createSession(userId, {})
      return { token: session.id, expiresAt: session.expiresAt }
    },
    async validate(token) {
      if (!isUrlSafeId(token)) return null
      const { session } = await lucia.validateSession(token)
      return session ? { userId: session.userId, fresh: session.fresh } : null
    },
    invalidate: (token) => (isUrlSafeId(token) ? lucia.invalidateSession(token) : Promise.resolve()),
    invalidateUser: (userId) => lucia.invalidateUserSessions(userId),
    cookie: (token) => lucia.createSessionCookie(token).serialize(),
    blankCookie: () => lucia.createBlankSessionCookie().serialize(),
  }
}
