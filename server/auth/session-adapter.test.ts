import { describe, expect, it } from 'vitest'
import { openStorage } from '../storage/create-storage.ts'
import { UnstorageSessionAdapter } from './session-adapter.ts'
import { sessionHash } from './session-hash.ts'
import { UserStore } from './user-store.ts'

const user = {
  id: 'user_1',
  email: 'a@example.org',
  displayName: 'A',
  passwordHash: null,
  guestBoardId: null,
  createdAt: '2030-01-01T00:00:00.000Z',
}

describe('UnstorageSessionAdapter', () => {
  it('implements Lucia’s seven methods over unstorage', async () => {
    const storage = openStorage('memory:')
    const users = new UserStore(storage)
    const adapter = new UnstorageSessionAdapter(storage, users)
    await users.put(user)
    const future = new Date(Date.now() + 60_000)
    await adapter.setSession({ id: 's1', userId: 'user_1', expiresAt: future, attributes: {} })
    await adapter.setSession({ id: 's2', userId: 'user_1', expiresAt: new Date(Date.now() - 1), attributes: {} })
    expect(await adapter.getSessionAndUser('s1')).toEqual([
      { id: 's1', userId: 'user_1', expiresAt: future, attributes: {} },
      { id: 'user_1', attributes: {} },
    ])
    expect(await adapter.getSessionAndUser('nope')).toEqual([null, null])
    expect(await adapter.getSessionAndUser('a:b')).toEqual([null, null])
    expect((await adapter.getUserSessions('user_1')).map((s) => s.id).sort()).toEqual(['s1', 's2'])
    const later = new Date(Date.now() + 120_000)
    await adapter.updateSessionExpiration('s1', later)
    expect((await adapter.getSessionAndUser('s1'))[0]?.expiresAt).toEqual(later)
    await adapter.deleteExpiredSessions()
    expect((await adapter.getUserSessions('user_1')).map((s) => s.id)).toEqual(['s1'])
    await adapter.deleteSession('s1')
    expect(await adapter.getSessionAndUser('s1')).toEqual([null, null])
    await adapter.setSession({ id: 's3', userId: 'user_1', expiresAt: future, attributes: {} })
    await adapter.deleteUserSessions('user_1')
    expect(await adapter.getUserSessions('user_1')).toEqual([])
    expect(await storage.getKeys('auth:session-hash')).toEqual([])
    expect(await storage.getKeys('auth:user-session-hash')).toEqual([])
  })

  it('reports a session whose user is gone without the user', async () => {
    const storage = openStorage('memory:')
    const adapter = new UnstorageSessionAdapter(storage, new UserStore(storage))
    await adapter.setSession({ id: 's1', userId: 'ghost', expiresAt: new Date(Date.now() + 60_000), attributes: {} })
    expect((await adapter.getSessionAndUser('s1'))[1]).toBeNull()
  })
})

describe('sessions stored the old way (the token as key)', () => {
  const legacyToken = 'abcdefghijklmnopqrstuvwxyz234567abcdefgh'
  async function legacyStore() {
    const storage = openStorage('memory:')
    const users = new UserStore(storage)
    await users.put(user)
    const expiresAt = new Date(Date.now() + 60_000).toISOString()
    await storage.setItem(`auth:sessions:${legacyToken}`, { id: legacyToken, userId: 'user_1', expiresAt })
    await storage.setItem(`auth:usersessions:user_1:${legacyToken}`, 1)
    const expired = 'expiredexpiredexpiredexpiredexpired23456'
    await storage.setItem(`auth:sessions:${expired}`, { id: expired, userId: 'user_1', expiresAt: '2001-01-01T00:00:00.000Z' })
    await storage.setItem(`auth:usersessions:user_1:${expired}`, 1)
    return { storage, adapter: new UnstorageSessionAdapter(storage, users), expiresAt }
  }

  it('are re-stored under the hash of their token, and the old keys deleted (on use)', async () => {
    const { storage, adapter, expiresAt } = await legacyStore()
    expect(await adapter.migrateLegacySession('not-stored')).toBe(false)
    expect(await adapter.migrateLegacySession(legacyToken)).toBe(true)
    const [session] = await adapter.getSessionAndUser(sessionHash(legacyToken))
    expect(session).toEqual({ id: sessionHash(legacyToken), userId: 'user_1', expiresAt: new Date(expiresAt), attributes: {} })
    expect(await storage.getKeys(`auth:sessions:${legacyToken}`)).toEqual([])
    expect((await adapter.getUserSessions('user_1')).map((s) => s.id)).toEqual([sessionHash(legacyToken)])
    expect(await adapter.migrateLegacySession(legacyToken)).toBe(false) // once
  })

  it('are all migrated by one sweep, expired ones dropped, leaving no token in storage', async () => {
    const { storage, adapter } = await legacyStore()
    expect(await adapter.migrateLegacySessions()).toBe(1)
    const keys = await storage.getKeys()
    const values = JSON.stringify(await Promise.all(keys.map((k) => storage.getItem(k))))
    expect(keys.join(' ')).not.toMatch(/expiredexpired|abcdefghijklmnop/)
    expect(values).not.toMatch(/expiredexpired|abcdefghijklmnop/)
    expect(await storage.getKeys('auth:sessions')).toEqual([])
    expect(await storage.getKeys('auth:usersessions')).toEqual([])
    expect((await adapter.getUserSessions('user_1')).map((s) => s.id)).toEqual([sessionHash(legacyToken)])
  })
})
