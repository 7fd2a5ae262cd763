import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createBoard, createHarness, type RestHarness, signup } from './rest-harness.ts'

const password = 'correct horse battery'

function expectContractError(res: { status: number; headers: Headers; body: unknown }, status: number, code: string) {
  expect(res.status).toBe(status)
  expect(res.headers.get('content-type')).toContain('application/json')
  expect(res.body).toEqual({ error: { code, message: expect.any(String) } })
}

describe('HTTP edge', () => {
  let h: RestHarness
  beforeEach(async () => {
    h = await createHarness({ MAX_BODY_BYTES: '2048' })
  })
  afterEach(() => h.close())

  it('GET /healthz', async () => {
    const res = await h.request('GET', '/healthz')
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ status: 'ok' })
  })

  it('answers bad JSON with 400 invalid_json', async () => {
    expectContractError(await h.request('POST', '/api/auth/signup', { body: '{"email": ' }), 400, 'invalid_json')
  })

  it('answers unknown /api routes with 404 and a wrong method with 405 and Allow', async () => {
    expectContractError(await h.request('GET', '/api/nothing/here'), 404, 'not_found')
    expectContractError(await h.request('POST', '/api/nothing'), 404, 'not_found')
    const wrong = await h.request('PUT', '/api/auth/login', { body: {} })
    expectContractError(wrong, 405, 'method_not_allowed')
    expect(wrong.headers.get('allow')).toContain('POST')
    expectContractError(await h.request('DELETE', '/healthz'), 405, 'method_not_allowed')
    expectContractError(await h.request('PUT', '/api/boards/abc'), 405, 'method_not_allowed')
  })

  it('refuses an oversize body with 413 payload_too_large', async () => {
    const res = await h.request('POST', '/api/auth/signup', {
      body: { email: 'a@example.org', password, displayName: 'x'.repeat(4000) },
    })
    expectContractError(res, 413, 'payload_too_large')
  })

  it('names the field of a zod failure without leaking zod shapes', async () => {
    const a = await signup(h, 'Ada')
    const res = await h.request('POST', '/api/boards', { token: a.token, body: { title: '' } })
    expectContractError(res, 400, 'validation_failed')
    expect((res.body as { error: { message: string } }).error.message).toMatch(/^title: /)
  })

  it('sets security headers', async () => {
    const res = await h.request('GET', '/healthz', { headers: { host: 'localhost:8787' } })
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('x-frame-options')).toBe('DENY')
    expect(res.headers.get('referrer-policy')).toBeTruthy()
    const csp = res.headers.get('content-security-policy') ?? ''
    // only the board's own origin and its WebSocket origin may be reached (no PUBLIC_ORIGIN: the request's host)
    expect(csp).toContain("connect-src 'self' ws://localhost:8787 wss://localhost:8787")
    expect(csp).toContain('img-src')
    expect(csp).toContain('blob:')
  })

  it('logs one JSON line per request without query string', async () => {
    await h.request('GET', '/api/boards?secret=1')
    const line = h.logLines.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.path === '/api/boards')
    expect(line).toMatchObject({ msg: 'request', method: 'GET', path: '/api/boards', status: 401, userId: null })
    expect(typeof line?.ms).toBe('number')
    expect(h.logLines.join('\n')).not.toContain('secret=1')
  })
})

describe('origin check', () => {
  const signupBody = () => ({ email: `o${Math.random()}@example.org`, password, displayName: 'O' })

  it('without PUBLIC_ORIGIN accepts the Host origin and no origin, refuses others', async () => {
    const h = await createHarness()
    const a = await signup(h, 'Ada')
    const create = (headers: Record<string, string>) =>
      h.request('POST', '/api/boards', { token: a.token, body: { title: 'T' }, headers })
    expectContractError(await create({ origin: 'http://evil.example', host: 'localhost:8787' }), 403, 'origin_mismatch')
    expect((await create({ origin: 'http://localhost:8787', host: 'localhost:8787' })).status).toBe(201)
    expect((await create({ origin: 'http://127.0.0.1:8787', host: '127.0.0.1:8787' })).status).toBe(201)
    expect((await create({})).status).toBe(201)
    expectContractError(await create({ origin: 'null' }), 403, 'origin_mismatch')
    // state-changing requests without a session are checked too
    expectContractError(
      await h.request('POST', '/api/auth/signup', { body: signupBody(), headers: { origin: 'http://evil.example' } }),
      403,
      'origin_mismatch',
    )
    // reads are not
    expect((await h.request('GET', '/api/auth/me', { token: a.token, headers: { origin: 'http://evil.example' } })).status).toBe(
      200,
    )
    await h.close()
  })

  it('with PUBLIC_ORIGIN accepts only that origin', async () => {
    const h = await createHarness({ PUBLIC_ORIGIN: 'https://board.example.org' })
    const ok = await h.request('POST', '/api/auth/signup', {
      body: signupBody(),
      headers: { origin: 'https://board.example.org' },
    })
    expect(ok.status).toBe(201)
    const token = (ok.body as { token: string }).token
    expectContractError(
      await h.request('POST', '/api/auth/signup', { body: signupBody(), headers: { origin: 'http://localhost:8787' } }),
      403,
      'origin_mismatch',
    )
    const invites = await h.request('POST', '/api/boards', {
      token,
      body: { title: 'T' },
      headers: { origin: 'https://board.example.org' },
    })
    const boardId = (invites.body as { board: { id: string } }).board.id
    const inv = await h.request('POST', `/api/boards/${boardId}/invites`, { token, body: { role: 'viewer' } })
    expect((inv.body as { invite: { url: string } }).invite.url).toMatch(/^https:\/\/board\.example\.org\/join\//)
    await h.close()
  })
})

describe('static client', () => {
  let dir: string
  let h: RestHarness
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'rb-client-'))
    mkdirSync(path.join(dir, 'assets'))
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Refresh Board</title><div id="app"></div>')
    writeFileSync(path.join(dir, 'assets', 'main-abc123.js'), 'console.log(1)')
    h = await createHarness({}, { clientDir: dir })
  })
  afterAll(async () => {
    await h.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('serves files, hashed assets with a long cache, and index.html for SPA paths', async () => {
    const asset = await h.request('GET', '/assets/main-abc123.js')
    expect(asset.status).toBe(200)
    expect(asset.headers.get('cache-control')).toContain('immutable')
    for (const p of ['/', '/join/abc', '/boards/xyz']) {
      const res = await h.request('GET', p, { headers: { accept: 'text/html' } })
      expect(res.status, p).toBe(200)
      expect(res.text).toContain('<div id="app">')
    }
    expect((await h.request('GET', '/assets/missing.js')).status).toBe(404)
    expectContractError(await h.request('GET', '/api/nope', { headers: { accept: 'text/html' } }), 404, 'not_found')
  })

  it('says to build the client when dist/client is missing', async () => {
    const bare = await createHarness()
    const res = await bare.request('GET', '/', { headers: { accept: 'text/html' } })
    expect(res.status).toBe(200)
    expect(res.text).toContain('npm run build')
    await bare.close()
  })
})

describe('ids', () => {
  it('are URL-safe and at least 20 characters', async () => {
    const h = await createHarness()
    const a = await signup(h, 'Ada')
    const boardId = await createBoard(h, a.token)
    const inv = await h.request('POST', `/api/boards/${boardId}/invites`, { token: a.token, body: { role: 'editor' } })
    const ids = [a.id, a.token, boardId, (inv.body as { invite: { token: string } }).invite.token]
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{20,}$/)
    expect((await h.request('GET', '/api/boards/a:b', { token: a.token })).status).toBe(404)
    await h.close()
  })
})
