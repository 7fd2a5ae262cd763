import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { sessionHash } from '../../server/auth/session-hash.ts'
import { api, createBoard, joinAs, signup } from '../helpers/api.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'
import { closeCodeOf, connectClient } from '../helpers/sync-client.ts'

/**
 * Members and sessions over a real server: what REST stores decides who may open a socket, and
 * the room manager is told (memberChanged / sessionEnded) so that open sockets follow. What the
 * room manager then does with open sockets (4403 / 4401 at once) is the sync core's to test.
 */
describe('members and sessions, live', () => {
  let server: TestServer
  let ws: string
  beforeAll(async () => {
    server = await startTestServer()
    ws = server.url.replace(/^http/, 'ws')
  })
  afterAll(() => server.stop())

  it('a removed guest can no longer connect (4401) nor use REST; the room manager was told', async () => {
    const owner = await signup(server.url, 'Owner')
    const boardId = await createBoard(server.url, owner.token)
    const guest = await joinAs(server.url, owner.token, boardId, 'editor', 'Gustav')
    const client = connectClient(server.url, boardId, guest.token)
    await client.synced
    const changed = vi.spyOn(server.rooms, 'memberChanged')
    const ended = vi.spyOn(server.rooms, 'sessionEnded')
    const res = await api(server.url, 'DELETE', `/api/boards/${boardId}/members/${guest.user.id}`, { token: owner.token })
    expect(res.status).toBe(204)
    expect(changed.mock.calls).toEqual([[boardId, guest.user.id, null]])
    expect(ended.mock.calls).toEqual([[sessionHash(guest.token)]])
    client.destroy()
    expect(await closeCodeOf(`${ws}/sync/${boardId}?token=${guest.token}`)).toBe(4401)
    expect((await api(server.url, 'GET', '/api/auth/me', { token: guest.token })).status).toBe(401)
    changed.mockRestore()
    ended.mockRestore()
  })

  it('a removed account can no longer open the board (4404); a demoted one connects with the new role', async () => {
    const owner = await signup(server.url, 'Owner')
    const boardId = await createBoard(server.url, owner.token)
    const member = await signup(server.url, 'Member')
    const inv = await api<{ invite: { token: string } }>(server.url, 'POST', `/api/boards/${boardId}/invites`, {
      token: owner.token,
      body: { role: 'editor' },
    })
    await api(server.url, 'POST', `/api/invites/${inv.body.invite.token}/join`, { token: member.token, body: {} })
    const patched = await api<{ member: { role: string } }>(
      server.url,
      'PATCH',
      `/api/boards/${boardId}/members/${member.user.id}`,
      {
        token: owner.token,
        body: { role: 'reviewer' },
      },
    )
    expect(patched.body.member.role).toBe('reviewer')
    expect(await server.app.access.roleOf({ ...member.user, email: null, guestBoardId: null }, boardId)).toBe('reviewer')
    expect(
      (await api(server.url, 'DELETE', `/api/boards/${boardId}/members/${member.user.id}`, { token: owner.token })).status,
    ).toBe(204)
    expect(await closeCodeOf(`${ws}/sync/${boardId}?token=${member.token}`)).toBe(4404)
  })

  it('a logged-out session can no longer connect (4401)', async () => {
    const account = await signup(server.url, 'Leaving')
    const boardId = await createBoard(server.url, account.token)
    const ended = vi.spyOn(server.rooms, 'sessionEnded')
    expect((await api(server.url, 'POST', '/api/auth/logout', { token: account.token })).status).toBe(204)
    expect(ended.mock.calls).toEqual([[sessionHash(account.token)]])
    expect(await closeCodeOf(`${ws}/sync/${boardId}?token=${account.token}`)).toBe(4401)
    ended.mockRestore()
  })
})
