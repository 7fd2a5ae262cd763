import type { Adapter, DatabaseSession, DatabaseUser } from 'lucia'
import type { Storage } from 'unstorage'
import { z } from 'zod'
import { isUrlSafeId } from './ids.ts'
import type { UserStore } from './user-store.ts'

const StoredSession = z.object({ id: z.string(), userId: z.string(), expiresAt: z.string() })
type StoredSession = z.infer<typeof StoredSession>

const sessionKey = (id: string) => `auth:sessions:${id}`
/** Index of a user's sessions, so that all of them can be found (logout everywhere, guest clean-up). */
const userSessionsBase = (userId: string) => `auth:usersessions:${userId}`
const userSessionKey = (userId: string, sessionId: string) => `${userSessionsBase(userId)}:${sessionId}`

const toDatabaseSession = (s: StoredSession): DatabaseSession => ({
  id: s.id,
  userId: s.userId,
  expiresAt: new Date(s.expiresAt),
  attributes: {},
})

/**
 * Lucia's seven adapter methods over unstorage. Only server/auth/lucia-sessions.ts uses it.
 * User attributes are not passed through Lucia: the auth service reads the user itself.
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
    const sessions = await Promise.all(keys.map((key) => this.read(key.slice(key.lastIndexOf(':') + 1))))
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
    const keys = await this.storage.getKeys('auth:sessions')
    for (const key of keys) {
      const session = await this.read(key.slice(key.lastIndexOf(':') + 1))
      if (session && new Date(session.expiresAt).getTime() <= now) await this.deleteSession(session.id)
    }
  }
}
