import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { sessionHash } from '../../server/auth/session-hash.ts'
import { openStorage } from '../../server/storage/create-storage.ts'
import { createBoard, createHarness, invite, join, type RestHarness, signup } from './rest-harness.ts'

const password = 'correct horse battery'

/** Every key and every value in the storage, as one text. */
async function dumpStorage(h: RestHarness): Promise<{ keys: string[]; text: string }> {
  const keys = await h.storage.getKeys()
  const values = await Promise.all(keys.map(async (k) => JSON.stringify(await h.storage.getItem(k))))
  return { keys, text: `${keys.join('\n')}\n${values.join('\n')}` }
}

describe('sessions are stored by the hash of their token', () => {
  let h: RestHarness
  beforeEach(async () => {
    h = await createHarness()
  })
  afterEach(() => h.close())

  it('keeps no token in any storage key or value after signup, login and a guest join', async () => {
    const a = await signup(h, 'Ada')
    const login = await h.request('POST', '/api/auth/login', { body: { email: a.email, password } })
    expect(login.status).toBe(200)
    const loginToken = (login.body as { token: string }).token
    const boardId = await createBoard(h, a.token)
    const guest = await join(h, await invite(h, a.token, boardId, { role: 'editor' }))
    const tokens = [a.token, loginToken, guest.token]

    const { keys, text } = await dumpStorage(h)
    for (const token of tokens) expect(text).not.toContain(token)
    // …but their hashes are there, as the sessions' keys
    for (const token of tokens) expect(keys).toContain(`auth:session-hash:${sessionHash(token)}`)
    for (const token of tokens) expect((await h.request('GET', '/api/auth/me', { token })).status).toBe(200)
  })

  it('opens no session with anything taken from a copy of the storage', async () => {
    const a = await signup(h, 'Ada')
    const { keys, text } = await dumpStorage(h)
    const candidates = new Set<string>()
    for (const key of keys) for (const part of key.split(':')) candidates.add(part)
    for (const word of text.match(/[A-Za-z0-9_-]{16,}/g) ?? []) candidates.add(word)
    expect(candidates).toContain(sessionHash(a.token))
    for (const candidate of candidates) {
      expect((await h.request('GET', '/api/auth/me', { token: candidate })).status, candidate).toBe(401)
      expect((await h.request('GET', '/api/auth/me', { cookie: candidate })).status, candidate).toBe(401)
    }
    expect((await h.request('GET', '/api/auth/me', { token: a.token })).status).toBe(200)
  })

  it('logout ends the session, tells the live side its hash, and keeps other sessions', async () => {
    const a = await signup(h, 'Ada')
    const login = await h.request('POST', '/api/auth/login', { body: { email: a.email, password } })
    const token = (login.body as { token: string }).token
    const ended = vi.spyOn(h.content, 'sessionEnded')
    expect((await h.request('POST', '/api/auth/logout', { token })).status).toBe(204)
    expect(ended.mock.calls).toEqual([[sessionHash(token)]])
    expect((await h.request('GET', '/api/auth/me', { token })).status).toBe(401)
    expect((await h.request('GET', '/api/auth/me', { token: a.token })).status).toBe(200)
    expect(await h.storage.hasItem(`auth:session-hash:${sessionHash(token)}`)).toBe(false)
  })
})

describe('sessions stored the old way (token as key)', () => {
  it('written by an older instance while this one runs: work on first use, then only under the hash', async () => {
    const h = await createHarness()
    const a = await signup(h, 'Ada') // the one-off sweep has run
    const legacyToken = 'k7q2m4x6v8b3n5z7c9d2f4g6h8j3l5p7r9t2w4y6'
    const expiresAt = new Date(Date.now() + 86_400_000).toISOString()
    await h.storage.setItem(`auth:sessions:${legacyToken}`, { id: legacyToken, userId: a.id, expiresAt })
    await h.storage.setItem(`auth:usersessions:${a.id}:${legacyToken}`, 1)

    const me = await h.request('GET', '/api/auth/me', { token: legacyToken })
    expect(me.status).toBe(200)
    expect((me.body as { user: { id: string } }).user.id).toBe(a.id)
    const { text } = await dumpStorage(h)
    expect(text).not.toContain(legacyToken)
    expect(await h.storage.hasItem(`auth:session-hash:${sessionHash(legacyToken)}`)).toBe(true)
    // the same token goes on working; its logout ends it
    expect((await h.request('GET', '/api/auth/me', { token: legacyToken })).status).toBe(200)
    expect((await h.request('POST', '/api/auth/logout', { token: legacyToken })).status).toBe(204)
    expect((await h.request('GET', '/api/auth/me', { token: legacyToken })).status).toBe(401)
    await h.close()
  })

  it('are migrated all at once when the new server first handles a session, used or not', async () => {
    const storage = openStorage('memory:')
    const setup = await createHarness({}, { storage })
    const a = await signup(setup, 'Ada')
    await setup.close()
    const legacy = ['aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb']
    for (const token of legacy) {
      await storage.setItem(`auth:sessions:${token}`, {
        id: token,
        userId: a.id,
        expiresAt: new Date(Date.now() + 60_000).toISOString(),
      })
      await storage.setItem(`auth:usersessions:${a.id}:${token}`, 1)
    }
    const h = await createHarness({}, { storage })
    expect((await h.request('GET', '/api/auth/me', { token: a.token })).status).toBe(200) // any session use
    const { text } = await dumpStorage(h)
    for (const token of legacy) expect(text).not.toContain(token)
    for (const token of legacy) expect((await h.request('GET', '/api/auth/me', { token })).status).toBe(200)
    await h.close()
  })
})
