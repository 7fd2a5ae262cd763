import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { seedDemoIfEmpty } from '../../server/demo/seed-demo.ts'
import { createLogger } from '../../server/logger.ts'
import { createBoard, createHarness, errorCode, invite, join, type RestHarness, signup } from './rest-harness.ts'

describe('the demo board opens read-only for every signed-in account', () => {
  let h: RestHarness
  let demoId = ''
  beforeEach(async () => {
    h = await createHarness()
    const demo = await seedDemoIfEmpty(h.services, h.content, { publicOrigin: 'http://localhost:8787' }, createLogger('error'))
    demoId = demo?.boardId ?? ''
  })
  afterEach(() => h.close())

  it('GET /api/demo names it; an account that is no member reads it as a viewer and may change nothing', async () => {
    const someone = await signup(h, 'Someone')
    const found = await h.request('GET', '/api/demo', { token: someone.token })
    expect(found.status).toBe(200)
    expect(found.body).toMatchObject({ board: { id: demoId, title: expect.stringContaining('Demo:') } })
    const board = await h.request('GET', `/api/boards/${demoId}`, { token: someone.token })
    expect(board.status).toBe(200)
    expect(board.body).toMatchObject({ board: { id: demoId, role: 'viewer' } })
    expect((await h.request('GET', `/api/boards/${demoId}/export/json`, { token: someone.token })).status).toBe(200)
    const patch = await h.request('PATCH', `/api/boards/${demoId}`, { token: someone.token, body: { title: 'Mine' } })
    expect(patch.status).toBe(403)
    expect(
      (await h.request('POST', `/api/boards/${demoId}/invites`, { token: someone.token, body: { role: 'editor' } })).status,
    ).toBe(403)
    // it is not listed among the caller's boards: they are no member
    const list = await h.request('GET', '/api/boards', { token: someone.token })
    expect((list.body as { boards: { id: string }[] }).boards.map((b) => b.id)).not.toContain(demoId)
  })

  it('answers {board: null} on a server without a demo', async () => {
    const bare = await createHarness()
    const someone = await signup(bare, 'Someone')
    const res = await bare.request('GET', '/api/demo', { token: someone.token })
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ board: null })
    await bare.close()
  })

  it('guests of other boards and signed-out callers do not see it; other boards stay closed', async () => {
    const owner = await signup(h, 'Owner')
    const other = await createBoard(h, owner.token)
    const guest = await join(h, await invite(h, owner.token, other, { role: 'editor' }))
    const asGuest = await h.request('GET', `/api/boards/${demoId}`, { token: guest.token })
    expect(asGuest.status).toBe(404)
    expect((await h.request('GET', '/api/demo', { token: guest.token })).body).toEqual({ board: null })
    expect((await h.request('GET', `/api/boards/${demoId}`)).status).toBe(401)
    const stranger = await signup(h, 'Stranger')
    const closed = await h.request('GET', `/api/boards/${other}`, { token: stranger.token })
    expect(closed.status).toBe(404)
    expect(errorCode(closed)).toBe('board_not_found')
  })
})
