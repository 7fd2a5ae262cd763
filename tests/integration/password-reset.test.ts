import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createHarness, errorCode, type RestHarness, signup } from './rest-harness.ts'

/** The token of a reset link (after `#`). */
const tokenOf = (url: string) => url.slice(url.indexOf('#') + 1)

describe('password reset (REST)', () => {
  let h: RestHarness
  beforeEach(async () => {
    h = await createHarness()
  })
  afterEach(() => h.close())

  it('stores only a hash of the token, keeps the link after a refused password, then works once', async () => {
    const account = await signup(h, 'Mira')
    const link = await h.services.passwordReset.linkFor(account.email, 'http://localhost:8787')
    const token = tokenOf(link?.url ?? '')
    expect(token).toMatch(/^[A-Za-z0-9_-]{40,}$/)
    const keys = await h.storage.getKeys('auth:reset')
    expect(keys).toHaveLength(1)
    expect(keys.join()).not.toContain(token)

    const weak = await h.request('POST', '/api/auth/reset', { body: { token, password: 'short' } })
    expect(weak.status).toBe(400)
    expect(errorCode(weak)).toBe('weak_password')
    const personal = await h.request('POST', '/api/auth/reset', { body: { token, password: account.email } })
    expect(errorCode(personal)).toBe('weak_password')

    const done = await h.request('POST', '/api/auth/reset', { body: { token, password: 'a brand new passphrase' } })
    expect(done.status).toBe(200)
    expect((await h.request('GET', '/api/auth/me', { token: account.token })).status).toBe(401)
    const twice = await h.request('POST', '/api/auth/reset', { body: { token, password: 'yet another passphrase' } })
    expect(twice.status).toBe(410)
    expect(errorCode(twice)).toBe('reset_link_invalid')
    expect(await h.storage.getKeys('auth:reset')).toHaveLength(0)
  })

  it('a reset ends the account’s other outstanding links too', async () => {
    const account = await signup(h, 'Mira')
    const first = tokenOf((await h.services.passwordReset.linkFor(account.email, 'http://localhost:8787'))?.url ?? '')
    const second = tokenOf((await h.services.passwordReset.linkFor(account.email, 'http://localhost:8787'))?.url ?? '')
    expect(
      (await h.request('POST', '/api/auth/reset', { body: { token: second, password: 'a brand new passphrase' } })).status,
    ).toBe(200)
    const stale = await h.request('POST', '/api/auth/reset', { body: { token: first, password: 'another new passphrase' } })
    expect(stale.status).toBe(410)
    expect(await h.storage.getKeys('auth:reset')).toHaveLength(0)
  })

  it('a link expires after an hour; unknown tokens and bad bodies are refused', async () => {
    const account = await signup(h, 'Mira')
    const link = await h.services.passwordReset.linkFor(account.email, 'http://localhost:8787')
    const later = await createHarness({}, { storage: h.storage, now: () => new Date(Date.now() + 61 * 60_000) })
    const expired = await later.request('POST', '/api/auth/reset', {
      body: { token: tokenOf(link?.url ?? ''), password: 'a brand new passphrase' },
    })
    expect(expired.status).toBe(410)
    await later.close()
    expect(
      (await h.request('POST', '/api/auth/reset', { body: { token: 'nope', password: 'a brand new passphrase' } })).status,
    ).toBe(410)
    expect(errorCode(await h.request('POST', '/api/auth/reset', { body: { token: 'x' } }))).toBe('validation_failed')
  })

  it('without SMTP_URL a mailed link is not available (501), and says whom to ask', async () => {
    const res = await h.request('POST', '/api/auth/reset-request', { body: { email: 'someone@example.org' } })
    expect(res.status).toBe(501)
    expect(errorCode(res)).toBe('not_implemented')
  })
})
