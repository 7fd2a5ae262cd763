import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createBoard, createHarness, errorCode, invite, join, type RestHarness, signup } from './rest-harness.ts'

describe('invites', () => {
  let h: RestHarness
  beforeEach(async () => {
    h = await createHarness()
  })
  afterEach(() => h.close())

  it('mints {token, url, role, expiresAt} with a URL-safe token and a join URL on the request origin', async () => {
    const owner = await signup(h, 'Owner')
    const boardId = await createBoard(h, owner.token)
    const res = await h.request('POST', `/api/boards/${boardId}/invites`, {
      token: owner.token,
      body: { role: 'editor', expiresInHours: 2 },
    })
    expect(res.status).toBe(201)
    const { invite: inv } = res.body as { invite: { token: string; url: string; role: string; expiresAt: string } }
    expect(inv.token).toMatch(/^[A-Za-z0-9_-]{20,}$/)
    expect(inv.url).toBe(`http://localhost:8787/join/${inv.token}`)
    expect(inv.role).toBe('editor')
    const hours = (new Date(inv.expiresAt).getTime() - Date.now()) / 3_600_000
    expect(hours).toBeGreaterThan(1.9)
    expect(hours).toBeLessThanOrEqual(2)
    const list = await h.request('GET', `/api/boards/${boardId}/invites`, { token: owner.token })
    expect((list.body as { invites: { token: string }[] }).invites.map((i) => i.token)).toEqual([inv.token])
  })

  it('joins a guest: 200 {board:{id}, user, token} + cookie, scoped to that board with the invite role', async () => {
    const owner = await signup(h, 'Owner')
    const boardId = await createBoard(h, owner.token)
    const otherBoard = await createBoard(h, owner.token, { title: 'Other' })
    const token = await invite(h, owner.token, boardId, { role: 'viewer' })
    const res = await h.request('POST', `/api/invites/${token}/join`, { body: { displayName: 'Grete' } })
    expect(res.status).toBe(200)
    const body = res.body as { board: { id: string }; user: Record<string, unknown>; token: string }
    expect(body.board).toEqual({ id: boardId })
    expect(body.user).toEqual({ id: expect.any(String), email: null, displayName: 'Grete', guest: true, language: null })
    expect(res.headers.get('set-cookie')).toContain(`rb_session=${body.token}`)
    const board = await h.request('GET', `/api/boards/${boardId}`, { cookie: body.token })
    expect((board.body as { board: { role: string } }).board.role).toBe('viewer')
    expect((await h.request('GET', `/api/boards/${otherBoard}`, { token: body.token })).status).toBe(404)
    expect((await h.request('POST', '/api/boards', { token: body.token, body: { title: 'Mine' } })).status).toBe(403)
  })

  it('adds the role to a signed-in account instead of making a guest, never lowering it', async () => {
    const owner = await signup(h, 'Owner')
    const boardId = await createBoard(h, owner.token)
    const member = await signup(h, 'Member')
    const joined = await join(h, await invite(h, owner.token, boardId, { role: 'facilitator' }), member.token)
    expect(joined.id).toBe(member.id)
    const ownJoin = await join(h, await invite(h, owner.token, boardId, { role: 'viewer' }), owner.token)
    expect(ownJoin.id).toBe(owner.id)
    const list = await h.request('GET', '/api/boards', { token: member.token })
    expect((list.body as { boards: { id: string; role: string }[] }).boards).toEqual([
      expect.objectContaining({ id: boardId, role: 'facilitator' }),
    ])
    const own = await h.request('GET', `/api/boards/${boardId}`, { token: owner.token })
    expect((own.body as { board: { role: string } }).board.role).toBe('owner')
  })

  it('answers 410 when used up, 410 when revoked, 404 when unknown', async () => {
    const owner = await signup(h, 'Owner')
    const boardId = await createBoard(h, owner.token)
    const once = await invite(h, owner.token, boardId, { role: 'editor', maxUses: 1 })
    await join(h, once)
    const usedUp = await h.request('POST', `/api/invites/${once}/join`, { body: { displayName: 'Second' } })
    expect(usedUp.status).toBe(410)
    expect(errorCode(usedUp)).toBe('invite_gone')

    const revoked = await invite(h, owner.token, boardId, { role: 'editor' })
    expect((await h.request('DELETE', `/api/boards/${boardId}/invites/${revoked}`, { token: owner.token })).status).toBe(204)
    expect((await h.request('POST', `/api/invites/${revoked}/join`, { body: { displayName: 'X' } })).status).toBe(410)
    const list = await h.request('GET', `/api/boards/${boardId}/invites`, { token: owner.token })
    expect((list.body as { invites: { token: string }[] }).invites.map((i) => i.token)).not.toContain(revoked)

    const unknown = await h.request('POST', '/api/invites/AAAAAAAAAAAAAAAAAAAAAAAA/join', { body: { displayName: 'X' } })
    expect(unknown.status).toBe(404)
    expect(errorCode(unknown)).toBe('invite_not_found')
    expect(
      (await h.request('DELETE', `/api/boards/${boardId}/invites/AAAAAAAAAAAAAAAAAAAAAAAA`, { token: owner.token })).status,
    ).toBe(404)
  })

  it('answers 410 once the link has expired', async () => {
    const timed = await createHarness()
    const owner = await signup(timed, 'Owner')
    const boardId = await createBoard(timed, owner.token)
    const token = await invite(timed, owner.token, boardId, { role: 'editor', expiresInHours: 1 })
    // a second app on the same storage, with a clock two hours later
    const later = await createHarness({}, { storage: timed.storage, now: () => new Date(Date.now() + 2 * 3_600_000) })
    const res = await later.request('POST', `/api/invites/${token}/join`, { body: { displayName: 'Late' } })
    expect(res.status).toBe(410)
    expect(errorCode(res)).toBe('invite_gone')
    await later.close()
    await timed.close()
  })

  it('GET /api/invites/:token tells the link holder the board title, inviter, role, validity and status, and no more', async () => {
    const owner = await signup(h, 'Olga')
    const boardId = await createBoard(h, owner.token, { title: 'Brewery' })
    const once = await invite(h, owner.token, boardId, { role: 'reviewer', maxUses: 1 })
    const res = await h.request('GET', `/api/invites/${once}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('no-store')
    expect(res.body).toEqual({
      board: { title: 'Brewery' },
      invitedBy: 'Olga',
      role: 'reviewer',
      expiresAt: expect.any(String),
      status: 'active',
    })
    await join(h, once)
    expect((await h.request('GET', `/api/invites/${once}`)).body).toMatchObject({ status: 'used_up', invitedBy: 'Olga' })

    const revoked = await invite(h, owner.token, boardId, { role: 'editor' })
    await h.request('DELETE', `/api/boards/${boardId}/invites/${revoked}`, { token: owner.token })
    // a withdrawn link names neither board nor inviter
    expect((await h.request('GET', `/api/invites/${revoked}`)).body).toMatchObject({
      board: null,
      invitedBy: null,
      status: 'revoked',
    })
    const unknown = await h.request('GET', '/api/invites/AAAAAAAAAAAAAAAAAAAAAAAA')
    expect(unknown.status).toBe(404)
    expect(errorCode(unknown)).toBe('invite_not_found')

    const later = await createHarness({}, { storage: h.storage, now: () => new Date(Date.now() + 8 * 24 * 3_600_000) })
    const fresh = await invite(h, owner.token, boardId, { role: 'editor' })
    expect((await later.request('GET', `/api/invites/${fresh}`)).body).toMatchObject({
      status: 'expired',
      board: { title: 'Brewery' },
    })
    await later.close()
  })

  it('requires a display name from a guest', async () => {
    const owner = await signup(h, 'Owner')
    const boardId = await createBoard(h, owner.token)
    const token = await invite(h, owner.token, boardId, { role: 'editor' })
    const res = await h.request('POST', `/api/invites/${token}/join`, { body: {} })
    expect(res.status).toBe(400)
    expect(errorCode(res)).toBe('validation_failed')
  })

  it('redacts invite tokens in the request log', async () => {
    const owner = await signup(h, 'Owner')
    const boardId = await createBoard(h, owner.token)
    const token = await invite(h, owner.token, boardId, { role: 'editor' })
    await join(h, token)
    await h.request('DELETE', `/api/boards/${boardId}/invites/${token}`, { token: owner.token })
    await h.request('GET', `/join/${token}`, { headers: { accept: 'text/html' } })
    const log = h.logLines.join('\n')
    expect(log).not.toContain(token)
    expect(log).toContain('/api/invites/[redacted]/join')
    expect(log).toContain('"path":"/join/[redacted]"')
  })
})
