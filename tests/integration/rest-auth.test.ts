import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createHarness, errorCode, type RestHarness, signup } from './rest-harness.ts'

const password = 'correct horse battery'

describe('auth API', () => {
  let h: RestHarness
  beforeEach(async () => {
    h = await createHarness()
  })
  afterEach(() => h.close())

  it('signs up: 201 {user, token}, an HttpOnly Lax cookie, and the token works as bearer and cookie', async () => {
    const res = await h.request('POST', '/api/auth/signup', { body: { email: 'Ada@Example.org', password, displayName: 'Ada' } })
    expect(res.status).toBe(201)
    const body = res.body as { user: Record<string, unknown>; token: string }
    expect(body.user).toEqual({
      id: expect.any(String),
      email: 'ada@example.org',
      displayName: 'Ada',
      guest: false,
      language: null,
    })
    expect(body.token).toMatch(/^[A-Za-z0-9_-]{20,}$/)
    const cookie = res.headers.get('set-cookie') ?? ''
    expect(cookie).toContain(`rb_session=${body.token}`)
    expect(cookie).toMatch(/HttpOnly/i)
    expect(cookie).toMatch(/SameSite=Lax/i)
    expect(cookie).toMatch(/Path=\//i)
    expect(cookie).not.toMatch(/Secure/i)
    expect((await h.request('GET', '/api/auth/me', { token: body.token })).body).toEqual({ user: body.user })
    expect((await h.request('GET', '/api/auth/me', { cookie: body.token })).body).toEqual({ user: body.user })
  })

  it('refuses a weak password with weak_password and a taken email (any case) with 409', async () => {
    const weak = await h.request('POST', '/api/auth/signup', {
      body: { email: 'a@example.org', password: 'short', displayName: 'A' },
    })
    expect(weak.status).toBe(400)
    expect(errorCode(weak)).toBe('weak_password')
    expect(
      (await h.request('POST', '/api/auth/signup', { body: { email: 'a@example.org', password, displayName: 'A' } })).status,
    ).toBe(201)
    const again = await h.request('POST', '/api/auth/signup', { body: { email: ' A@EXAMPLE.org ', password, displayName: 'B' } })
    expect(again.status).toBe(409)
    expect(errorCode(again)).toBe('email_taken')
  })

  it('refuses common and breached passwords, and the email or name as password, with weak_password', async () => {
    const cases = [
      { password: 'password123', message: /common or breached/ },
      { password: 'QWERTYUIOP', message: /common or breached/ },
      { password: 'Iloveyou12', message: /common or breached/ },
      { password: 'Marie.Curie@Example.org', message: /email address or your name/ },
      { password: 'marie.curie', message: /email address or your name/ },
      { password: 'Marie Curie 1867', message: /email address or your name/ },
      { password: 'short', message: /at least 10 characters/ },
    ]
    for (const { password: tried, message } of cases) {
      const res = await h.request('POST', '/api/auth/signup', {
        body: { email: 'marie.curie@example.org', password: tried, displayName: 'Marie Curie 1867' },
      })
      expect(res.status, tried).toBe(400)
      expect(errorCode(res), tried).toBe('weak_password')
      expect((res.body as { error: { message: string } }).error.message, tried).toMatch(message)
    }
    expect(await h.storage.getKeys('auth:users')).toEqual([]) // nothing was created
    const accepted = await h.request('POST', '/api/auth/signup', {
      body: { email: 'marie.curie@example.org', password: 'radium and polonium in paris', displayName: 'Marie Curie 1867' },
    })
    expect(accepted.status).toBe(201)
  })

  it('names the bad field when the body is incomplete', async () => {
    const res = await h.request('POST', '/api/auth/signup', { body: { email: 'not-an-email', password, displayName: 'A' } })
    expect(res.status).toBe(400)
    expect(errorCode(res)).toBe('validation_failed')
    expect((res.body as { error: { message: string } }).error.message).toMatch(/^email/)
  })

  it('logs in (any email case), 401 on a bad password, and logout ends the session', async () => {
    const a = await signup(h, 'Ada')
    const bad = await h.request('POST', '/api/auth/login', { body: { email: a.email, password: 'wrong password!' } })
    expect(bad.status).toBe(401)
    expect(errorCode(bad)).toBe('invalid_credentials')
    const unknown = await h.request('POST', '/api/auth/login', { body: { email: 'nobody@example.org', password } })
    expect(unknown.status).toBe(401)
    const ok = await h.request('POST', '/api/auth/login', { body: { email: a.email.toUpperCase(), password } })
    expect(ok.status).toBe(200)
    const { token, user } = ok.body as { token: string; user: { id: string } }
    expect(user.id).toBe(a.id)
    expect(ok.headers.get('set-cookie')).toContain(`rb_session=${token}`)
    const out = await h.request('POST', '/api/auth/logout', { cookie: token })
    expect(out.status).toBe(204)
    expect(out.headers.get('set-cookie')).toMatch(/rb_session=;/)
    expect((await h.request('GET', '/api/auth/me', { cookie: token })).status).toBe(401)
    // the other session (from signup) is still valid
    expect((await h.request('GET', '/api/auth/me', { token: a.token })).status).toBe(200)
  })

  it('answers 401 without or with a bad session', async () => {
    expect((await h.request('GET', '/api/auth/me')).status).toBe(401)
    expect((await h.request('GET', '/api/auth/me', { token: 'nonsense' })).status).toBe(401)
    expect((await h.request('GET', '/api/auth/me', { token: '../../etc' })).status).toBe(401)
    expect((await h.request('POST', '/api/auth/logout')).status).toBe(401)
  })

  it('throttles logins per account, with Retry-After', async () => {
    const a = await signup(h, 'Ada')
    for (let i = 0; i < 5; i++) {
      const res = await h.request('POST', '/api/auth/login', {
        body: { email: a.email, password: 'wrong password!' },
        address: `10.1.0.${i}`,
      })
      expect(res.status).toBe(401)
    }
    // even the right password, from yet another address, waits now
    const res = await h.request('POST', '/api/auth/login', { body: { email: a.email, password }, address: '10.1.0.99' })
    expect(res.status).toBe(429)
    expect(errorCode(res)).toBe('too_many_requests')
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0)
  })

  it('throttles logins per client address across accounts', async () => {
    const a = await signup(h, 'Ada')
    for (let i = 0; i < 20; i++) {
      const res = await h.request('POST', '/api/auth/login', {
        body: { email: `guess${i}@example.org`, password },
        address: '10.2.0.1',
      })
      expect(res.status).toBe(401)
    }
    const blocked = await h.request('POST', '/api/auth/login', { body: { email: a.email, password }, address: '10.2.0.1' })
    expect(blocked.status).toBe(429)
    expect(blocked.headers.get('retry-after')).toMatch(/^\d+$/)
    expect((await h.request('POST', '/api/auth/login', { body: { email: a.email, password }, address: '10.2.0.2' })).status).toBe(
      200,
    )
  })

  it('never logs passwords or tokens', async () => {
    const a = await signup(h, 'Ada')
    await h.request('POST', '/api/auth/login', { body: { email: a.email, password } })
    const log = h.logLines.join('\n')
    expect(log).not.toContain(password)
    expect(log).not.toContain(a.token)
    expect(log).toContain('"path":"/api/auth/login"')
  })
})

describe('cookies behind https', () => {
  it('are Secure when PUBLIC_ORIGIN is https', async () => {
    const h = await createHarness({ PUBLIC_ORIGIN: 'https://board.example.org' })
    const res = await h.request('POST', '/api/auth/signup', { body: { email: 's@example.org', password, displayName: 'S' } })
    expect(res.headers.get('set-cookie')).toMatch(/Secure/)
    await h.close()
  })
})

describe('parallel guessing', () => {
  it('cannot slip past the throttle while passwords are being checked', async () => {
    const h = await createHarness()
    const a = await signup(h, 'Ada')
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        h.request('POST', '/api/auth/login', { body: { email: a.email, password: `guess number ${i}` }, address: `10.3.0.${i}` }),
      ),
    )
    const statuses = results.map((r) => r.status)
    expect(statuses.filter((s) => s === 401)).toHaveLength(5)
    expect(statuses.filter((s) => s === 429)).toHaveLength(7)
    await h.close()
  })
})

describe('the account’s language', () => {
  let h: RestHarness
  beforeEach(async () => {
    h = await createHarness()
  })
  afterEach(() => h.close())

  it('is kept with the account: PATCH /api/auth/me sets it, null clears it, an unknown code is refused', async () => {
    const { token } = await signup(h, 'Lena')
    const set = await h.request('PATCH', '/api/auth/me', { token, body: { language: 'sl' } })
    expect(set.status).toBe(200)
    expect((set.body as { user: { language: string } }).user.language).toBe('sl')
    expect(((await h.request('GET', '/api/auth/me', { token })).body as { user: { language: string } }).user.language).toBe('sl')
    const bad = await h.request('PATCH', '/api/auth/me', { token, body: { language: 'xx' } })
    expect(bad.status).toBe(400)
    expect(errorCode(bad)).toBe('validation_failed')
    const cleared = await h.request('PATCH', '/api/auth/me', { token, body: { language: null } })
    expect((cleared.body as { user: { language: null } }).user.language).toBeNull()
    expect((await h.request('PATCH', '/api/auth/me', { body: { language: 'de' } })).status).toBe(401)
  })
})
