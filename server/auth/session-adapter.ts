import type { Adapter, DatabaseSession, DatabaseUser } from 'lucia'
import type { Storage } from 'unstorage'
import { z } from 'zod'
import { isUrlSafeId } from './ids.ts'
import { sessionHash } from './session-hash.ts'
import type { UserStore } from './user-store.ts'

const StoredSession = z.object({ id: z.string(), userId: z.string(), expiresAt: z.string() })
type StoredSession = z.infer<typeof StoredSession>

/**
 * Sessions are stored by their id, which server/auth/lucia-sessions.ts makes the
 * `sessionHash` of the token: no key or value here holds a token. The prefixes differ from
 * the old ones (below), so a hash taken from a stolen copy can never be read as a token.
 */
const sessionKey = (id: string) => `auth:session-hash:${id}`
/** Index of a user's sessions, so that all of them can be found (logout everywhere, guest clean-up). */
const userSessionsBase = (userId: string) => `auth:user-session-hash:${userId}`
const userSessionKey = (userId: string, sessionId: string) => `${userSessionsBase(userId)}:${sessionId}`

/** Before issue 11 the token itself was the key: `auth:sessions:<token>`, `auth:usersessions:<userId>:<token>`. */
const legacySessionsBase = 'auth:sessions'
const legacySessionKey = (token: string) => `${legacySessionsBase}:${token}`
const legacyUserSessionsBase = 'auth:usersessions'
const legacyUserSessionKey = (userId: string, token: string) => `${legacyUserSessionsBase}:${userId}:${token}`

const lastSegment = (key: string) => key.slice(key.lastIndexOf(':') + 1)

const toDatabaseSession = (s: StoredSession): DatabaseSession => ({
  id: s.id,
  userId: s.userId,
  expiresAt: new Date(s.expiresAt),
  attributes: {},
})

/**
 * Lucia's seven adapter methods over unstorage, plus the migration of sessions stored the old
 * way. Only server/auth/lucia-sessions.ts uses it. User attributes are not passed through
 * Lucia: the auth service reads the user itself.
 */
export class UnstorageSessionAdapter implements Adapter {
  constructor(
    private readonly storage: Storage,
    private readonly users: UserStore,
  ) {}

  private async read(sessionId: string): Promise<StoredSession | null> {
    if (!isUrlSafeId(sessionId)) return null
    const parsed = StoredSession.safeParse(await this.storage.getItem(sessionKey(sessionId)))
    return parsed.success ? parsed.data : null
  }

  async getSessionAndUser(sessionId: string): Promise<[DatabaseSession | null, DatabaseUser | null]> {
    const session = await this.read(sessionId)
    if (!session) return [null, null]
    const user: DatabaseUser | null = (await this.users.exists(session.userId)) ? { id: session.userId, attributes: {} } : null
    return [toDatabaseSession(session), user]
  }

  async getUserSessions(userId: string): Promise<DatabaseSession[]> {
    if (!isUrlSafeId(userId)) return []
    const keys = await this.storage.getKeys(userSessionsBase(userId))
    const sessions = await Promise.all(keys.map((key) => this.read(lastSegment(key))))
    return sessions.filter((s): s is StoredSession => s !== null).map(toDatabaseSession)
  }

  async setSession(session: DatabaseSession): Promise<void> {
    const stored: StoredSession = { id: session.id, userId: session.userId, expiresAt: session.expiresAt.toISOString() }
    await this.storage.setItem(sessionKey(session.id), stored)
    await this.storage.setItem(userSessionKey(session.userId, session.id), 1)
  }

  async updateSessionExpiration(sessionId: string, expiresAt: Date): Promise<void> {
    const session = await this.read(sessionId)
    if (!session) return
    await this.storage.setItem(sessionKey(sessionId), { ...session, expiresAt: expiresAt.toISOString() })
  }

  async deleteSession(sessionId: string): Promise<void> {
    const session = await this.read(sessionId)
    if (!session) return
    await this.storage.removeItem(sessionKey(sessionId))
    await this.storage.removeItem(userSessionKey(session.userId, sessionId))
  }

  async deleteUserSessions(userId: string): Promise<void> {
    const sessions = await this.getUserSessions(userId)
    await Promise.all(sessions.map((s) => this.deleteSession(s.id)))
  }

  async deleteExpiredSessions(): Promise<void> {
    const now = Date.now()
    for (const key of await this.storage.getKeys('auth:session-hash')) {
      const session = await this.read(lastSegment(key))
      if (session && new Date(session.expiresAt).getTime() <= now) await this.deleteSession(session.id)
    }
  }

  /**
   * Re-stores a session kept the old way (under its token) under the token's hash and deletes
   * the old keys, so the storage holds no token afterwards. True when there was one.
   */
  async migrateLegacySession(token: string): Promise<boolean> {
    if (!isUrlSafeId(token)) return false
    const parsed = StoredSession.safeParse(await this.storage.getItem(legacySessionKey(token)))
    if (!parsed.success || parsed.data.id !== token) return false
    const { userId, expiresAt } = parsed.data
    const isLive = new Date(expiresAt).getTime() > Date.now()
    if (isLive) await this.setSession({ id: sessionHash(token), userId, expiresAt: new Date(expiresAt), attributes: {} })
    await this.storage.removeItem(legacySessionKey(token))
    if (isUrlSafeId(userId)) await this.storage.removeItem(legacyUserSessionKey(userId, token))
    return isLive
  }

  /**
   * Migrates every session stored the old way (see `migrateLegacySession`) and drops the old
   * index, whose key names hold tokens too; the number of sessions migrated.
   */
  async migrateLegacySessions(): Promise<number> {
    let migrated = 0
    for (const key of await this.storage.getKeys(legacySessionsBase)) {
      if (await this.migrateLegacySession(lastSegment(key))) migrated++
      else await this.storage.removeItem(key) // expired or unreadable: it could never open a session
    }
    for (const key of await this.storage.getKeys(legacyUserSessionsBase)) await this.storage.removeItem(key)
    return migrated
  }
}
