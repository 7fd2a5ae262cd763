import { Lucia, TimeSpan } from 'lucia'
import type { Storage } from 'unstorage'
import { SESSION_COOKIE } from '../access.ts'
import { isUrlSafeId, randomId } from './ids.ts'
import { UnstorageSessionAdapter } from './session-adapter.ts'
import { sessionHash } from './session-hash.ts'
import type { UserStore } from './user-store.ts'

/**
 * Sessions as the rest of the server sees them. Lucia is deprecated upstream, so this file is
 * the only one that imports it: replacing it means rewriting this file and the adapter.
 *
 * The token (cookie value, bearer token and WebSocket `?token=`) is 32 random bytes that only
 * the client keeps; Lucia's session id is `sessionHash(token)`, so storage holds hashes only
 * and a copy of it opens no session. Sessions stored the old way (the token as id) are
 * migrated on the first use of the session manager (all of them) and, should an older
 * instance still write one, on their first use.
 */
export interface SessionManager {
  create(userId: string): Promise<{ token: string; expiresAt: Date }>
  /** `fresh`: the expiry was extended, so the cookie should be sent again. */
  validate(token: string): Promise<{ userId: string; fresh: boolean } | null>
  /** Ends one session; its hash (for `LiveAccess.sessionEnded`). */
  invalidate(token: string): Promise<string>
  /** Ends every session of a user; their hashes. */
  invalidateUser(userId: string): Promise<string[]>
  /** A `Set-Cookie` value carrying the token. */
  cookie(token: string): string
  /** A `Set-Cookie` value that removes the session cookie. */
  blankCookie(): string
}

export function createSessionManager(storage: Storage, users: UserStore, options: { secureCookie: boolean }): SessionManager {
  const adapter = new UnstorageSessionAdapter(storage, users)
  const lucia = new Lucia(adapter, {
    sessionExpiresIn: new TimeSpan(30, 'd'),
    sessionCookie: {
      name: SESSION_COOKIE,
      expires: true,
      attributes: { secure: options.secureCookie, sameSite: 'lax', path: '/' },
    },
  })
  let migration: Promise<unknown> | null = null
  /** Every session call waits for the one-off migration of sessions stored under their token. */
  const migrated = () => {
    migration ??= adapter.migrateLegacySessions().catch((error: unknown) => {
      migration = null // try again on the next call
      throw error
    })
    return migration
  }

  return {
    async create(userId) {
      await migrated()
      const token = randomId(32)
      const session = await lucia.createSession(userId, {}, { sessionId: sessionHash(token) })
      return { token, expiresAt: session.expiresAt }
    },
    async validate(token) {
      if (!isUrlSafeId(token)) return null
      await migrated()
      const hash = sessionHash(token)
      let { session } = await lucia.validateSession(hash)
      if (!session && (await adapter.migrateLegacySession(token))) ({ session } = await lucia.validateSession(hash))
      return session ? { userId: session.userId, fresh: session.fresh } : null
    },
    async invalidate(token) {
      const hash = sessionHash(token)
      if (!isUrlSafeId(token)) return hash
      await migrated()
      await adapter.migrateLegacySession(token)
      await lucia.invalidateSession(hash)
      return hash
    },
    async invalidateUser(userId) {
      await migrated()
      const sessions = await adapter.getUserSessions(userId)
      await lucia.invalidateUserSessions(userId)
      return sessions.map((s) => s.id)
    },
    cookie: (token) => lucia.createSessionCookie(token).serialize(),
    blankCookie: () => lucia.createBlankSessionCookie().serialize(),
  }
}
