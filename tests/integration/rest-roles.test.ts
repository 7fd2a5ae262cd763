import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBoard, createHarness, errorCode, invite, join, type RestHarness, signup } from './rest-harness.ts'

type Actor = 'owner' | 'facilitator' | 'editor' | 'viewer' | 'outsider' | 'anonymous' | 'otherGuest'
const actors: Actor[] = ['owner', 'facilitator', 'editor', 'viewer', 'outsider', 'anonymous', 'otherGuest']

interface Fixture {
  boardId: string
  tokens: Record<Actor, string | undefined>
  /** an invite each actor may try to revoke */
  inviteToken: string
}

/**
 * A board with one person of every role. The facilitator and the viewer are accounts that
 * joined by invite, the editor is a guest; the outsider has an account but no role; the other
 * guest joined a different board.
 */
async function fixture(h: RestHarness): Promise<Fixture> {
  const owner = await signup(h, 'Owner')
  const boardId = await createBoard(h, owner.token, { title: 'Spinnerei Pottendorf' })
  const facilitator = await signup(h, 'Facilitator')
  await join(h, await invite(h, owner.token, boardId, { role: 'facilitator' }), facilitator.token)
  const editor = await join(h, await invite(h, owner.token, boardId, { role: 'editor' }), undefined, 'Eddie')
  const viewer = await signup(h, 'Viewer')
  await join(h, await invite(h, owner.token, boardId, { role: 'viewer' }), viewer.token)
  const outsider = await signup(h, 'Outsider')
  const otherOwner = await signup(h, 'Other')
  const otherBoard = await createBoard(h, otherOwner.token, { title: 'Other' })
  const otherGuest = await join(h, await invite(h, otherOwner.token, otherBoard, { role: 'facilitator' }))
  return {
    boardId,
    inviteToken: await invite(h, owner.token, boardId, { role: 'viewer' }),
    tokens: {
      owner: owner.token,
      facilitator: facilitator.token,
      editor: editor.token,
      viewer: viewer.token,
      outsider: outsider.token,
      anonymous: undefined,
      otherGuest: otherGuest.token,
    },
  }
}

/** Expected status per actor, in the order of `actors`. */
type Row = [
  method: string,
  path: (f: Fixture) => string,
  body: unknown,
  expected: [number, number, number, number, number, number, number],
]

const hidden = [404, 401, 404] as const
const rows: Row[] = [
  ['GET', (f) => `/api/boards/${f.boardId}`, undefined, [200, 200, 200, 200, ...hidden]],
  ['PATCH', (f) => `/api/boards/${f.boardId}`, { title: 'Renamed' }, [200, 200, 403, 403, ...hidden]],
  ['GET', (f) => `/api/boards/${f.boardId}/invites`, undefined, [200, 200, 403, 403, ...hidden]],
  ['POST', (f) => `/api/boards/${f.boardId}/invites`, { role: 'editor' }, [201, 201, 403, 403, ...hidden]],
  ['DELETE', (f) => `/api/boards/${f.boardId}/invites/${f.inviteToken}`, undefined, [204, 204, 403, 403, ...hidden]],
  ['GET', (f) => `/api/boards/${f.boardId}/export/json`, undefined, [200, 200, 200, 200, ...hidden]],
  ['GET', (f) => `/api/boards/${f.boardId}/export/png`, undefined, [200, 200, 200, 200, ...hidden]],
  ['POST', (f) => `/api/boards/${f.boardId}/snapshots`, { label: 'x' }, [201, 201, 201, 403, ...hidden]],
  ['GET', (f) => `/api/boards/${f.boardId}/snapshots`, undefined, [200, 200, 200, 200, ...hidden]],
  ['GET', (f) => `/api/boards/${f.boardId}/snapshots/s1`, undefined, [404, 404, 404, 404, ...hidden]],
  ['POST', (f) => `/api/boards/${f.boardId}/snapshots/s1/restore`, undefined, [404, 404, 403, 403, ...hidden]],
  ['GET', (f) => `/api/boards/${f.boardId}/diff?from=a&to=live`, undefined, [404, 404, 404, 404, ...hidden]],
  ['GET', (f) => `/api/boards/${f.boardId}/analysis`, undefined, [200, 200, 200, 200, ...hidden]],
  ['GET', () => '/api/boards/AAAAAAAAAAAAAAAAAAAAAAAA', undefined, [404, 404, 404, 404, 404, 401, 404]],
  ['POST', () => '/api/boards', { title: 'New' }, [201, 201, 403, 201, 201, 401, 403]],
  // last: the owner's delete removes the board
  ['DELETE', (f) => `/api/boards/${f.boardId}`, undefined, [204, 403, 403, 403, ...hidden]],
]

describe('REST routes × roles', () => {
  let h: RestHarness
  beforeAll(async () => {
    h = await createHarness()
  })
  afterAll(() => h.close())

  for (const [index, actor] of actors.entries()) {
    it(`answers ${actor} as the contract says`, async () => {
      const f = await fixture(h)
      const token = f.tokens[actor]
      const seen: string[] = []
      const wanted: string[] = []
      for (const [method, path, body, expected] of rows) {
        const res = await h.request(method, path(f), { body, ...(token ? { token } : {}) })
        seen.push(`${method} ${path(f)} → ${res.status}`)
        wanted.push(`${method} ${path(f)} → ${expected[index]}`)
        if (res.status >= 400) {
          expect(errorCode(res), `${method} ${path(f)}`).toMatch(/^[a-z_]+$/)
          expect(res.headers.get('content-type')).toContain('application/json')
        }
      }
      expect(seen).toEqual(wanted)
    })
  }

  it('lists the board, with the caller role, for its members only', async () => {
    const f = await fixture(h)
    const expected: Record<Actor, string | null> = {
      owner: 'owner',
      facilitator: 'facilitator',
      editor: 'editor',
      viewer: 'viewer',
      outsider: null,
      anonymous: null,
      otherGuest: null,
    }
    for (const actor of actors) {
      const token = f.tokens[actor]
      const res = await h.request('GET', '/api/boards', token ? { token } : {})
      if (actor === 'anonymous') {
        expect(res.status).toBe(401)
        continue
      }
      expect(res.status).toBe(200)
      const boards = (res.body as { boards: { id: string; role: string }[] }).boards
      expect(boards.find((b) => b.id === f.boardId)?.role ?? null, actor).toBe(expected[actor])
    }
  })

  it('shows a guest only the board they joined', async () => {
    const f = await fixture(h)
    const res = await h.request('GET', '/api/boards', { token: f.tokens.otherGuest })
    const boards = (res.body as { boards: { id: string; role: string }[] }).boards
    expect(boards).toHaveLength(1)
    expect(boards[0]?.role).toBe('facilitator')
    expect(boards[0]?.id).not.toBe(f.boardId)
  })

  it('lets neither a facilitator nor anyone mint an owner invite', async () => {
    const f = await fixture(h)
    for (const actor of ['owner', 'facilitator'] as const) {
      const res = await h.request('POST', `/api/boards/${f.boardId}/invites`, { token: f.tokens[actor], body: { role: 'owner' } })
      expect(res.status).toBe(400)
      expect(errorCode(res)).toBe('validation_failed')
    }
  })

  it('makes the board and its invites disappear for everyone after delete', async () => {
    const f = await fixture(h)
    expect((await h.request('DELETE', `/api/boards/${f.boardId}`, { token: f.tokens.owner })).status).toBe(204)
    for (const actor of ['owner', 'facilitator', 'viewer'] as const) {
      expect((await h.request('GET', `/api/boards/${f.boardId}`, { token: f.tokens[actor] })).status).toBe(404)
    }
    // the editor was a guest of this board only: their session is gone with it
    expect((await h.request('GET', '/api/auth/me', { token: f.tokens.editor })).status).toBe(401)
    const joinRes = await h.request('POST', `/api/invites/${f.inviteToken}/join`, { body: { displayName: 'Late' } })
    expect(joinRes.status).toBe(404)
  })
})
