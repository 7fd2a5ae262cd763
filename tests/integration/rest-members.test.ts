import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { sessionHash } from '../../server/auth/session-hash.ts'
import { createBoard, createHarness, errorCode, invite, join, type RestHarness, signup } from './rest-harness.ts'

type Actor = 'owner' | 'facilitator' | 'editor' | 'reviewer' | 'viewer' | 'outsider' | 'anonymous'
const actors: Actor[] = ['owner', 'facilitator', 'editor', 'reviewer', 'viewer', 'outsider', 'anonymous']

interface Member {
  id: string
  token: string
}

interface Fixture {
  boardId: string
  owner: Member
  facilitator: Member
  editor: Member
  reviewer: Member
  viewer: Member
  outsider: Member
  /** a guest editor, the target of the PATCH/DELETE rows */
  target: Member
  token(actor: Actor): string | undefined
}

/** A board with one person of every role; accounts joined by invite, and a guest editor as target. */
async function fixture(h: RestHarness): Promise<Fixture> {
  const owner = await signup(h, 'Owner')
  const boardId = await createBoard(h, owner.token, { title: 'Spinnerei Pottendorf' })
  const asMember = async (name: string, role: string): Promise<Member> => {
    const account = await signup(h, name)
    await join(h, await invite(h, owner.token, boardId, { role }), account.token)
    return account
  }
  const f = {
    boardId,
    owner,
    facilitator: await asMember('Facilitator', 'facilitator'),
    editor: await asMember('Editor', 'editor'),
    reviewer: await asMember('Reviewer', 'reviewer'),
    viewer: await asMember('Viewer', 'viewer'),
    outsider: await signup(h, 'Outsider'),
    target: await join(h, await invite(h, owner.token, boardId, { role: 'editor' }), undefined, 'Guest Editor'),
  }
  return { ...f, token: (actor) => (actor === 'anonymous' ? undefined : f[actor].token) }
}

const as = (token: string | undefined) => (token ? { token } : {})

type MemberJson = { userId: string; displayName: string; role: string; guest: boolean; connected: boolean }

describe('members routes × roles', () => {
  let h: RestHarness
  beforeAll(async () => {
    h = await createHarness()
  })
  afterAll(() => h.close())

  const expected: Record<Actor, [list: number, patch: number, remove: number]> = {
    owner: [200, 200, 204],
    facilitator: [200, 200, 204],
    editor: [200, 403, 403],
    reviewer: [200, 403, 403],
    viewer: [200, 403, 403],
    outsider: [404, 404, 404],
    anonymous: [401, 401, 401],
  }

  for (const actor of actors) {
    it(`answers ${actor}: GET ${expected[actor][0]}, PATCH ${expected[actor][1]}, DELETE ${expected[actor][2]}`, async () => {
      const f = await fixture(h)
      const base = `/api/boards/${f.boardId}/members`
      const list = await h.request('GET', base, as(f.token(actor)))
      const patch = await h.request('PATCH', `${base}/${f.target.id}`, { body: { role: 'viewer' }, ...as(f.token(actor)) })
      const remove = await h.request('DELETE', `${base}/${f.target.id}`, as(f.token(actor)))
      expect([list.status, patch.status, remove.status]).toEqual(expected[actor])
      for (const res of [list, patch, remove].filter((r) => r.status >= 400)) {
        expect(errorCode(res)).toMatch(/^[a-z_]+$/)
        expect(res.headers.get('content-type')).toContain('application/json')
      }
      // what the target's role is afterwards, as the owner sees it
      const after = (await h.request('GET', base, { token: f.owner.token })).body as { members: MemberJson[] }
      const target = after.members.find((m) => m.userId === f.target.id)
      if (expected[actor][2] === 204) expect(target).toBeUndefined()
      else expect(target?.role).toBe('editor')
    })
  }
})

describe('members', () => {
  let h: RestHarness
  let f: Fixture
  beforeEach(async () => {
    h = await createHarness()
    f = await fixture(h)
  })
  afterEach(() => h.close())
  const base = () => `/api/boards/${f.boardId}/members`

  it('lists every member with userId, displayName, role, guest and connected, owner first', async () => {
    const res = await h.request('GET', base(), { token: f.reviewer.token })
    expect(res.status).toBe(200)
    const { members } = res.body as { members: MemberJson[] }
    expect(members.map((m) => m.role)).toEqual(['owner', 'facilitator', 'editor', 'editor', 'reviewer', 'viewer'])
    expect(members[0]).toEqual({ userId: f.owner.id, displayName: 'Owner', role: 'owner', guest: false, connected: false })
    expect(members.find((m) => m.userId === f.target.id)).toEqual({
      userId: f.target.id,
      displayName: 'Guest Editor',
      role: 'editor',
      guest: true,
      connected: false,
    })
    expect(members.map((m) => m.userId)).not.toContain(f.outsider.id)
  })

  it('takes `connected` from the live side', async () => {
    vi.spyOn(h.content, 'connectedUserIds').mockReturnValue(new Set([f.editor.id]))
    const { members } = (await h.request('GET', base(), { token: f.viewer.token })).body as { members: MemberJson[] }
    expect(members.filter((m) => m.connected).map((m) => m.userId)).toEqual([f.editor.id])
  })

  it('changes a role: 200 {member}, stored, and the live side told after storing', async () => {
    const changed = vi.spyOn(h.content, 'memberChanged').mockImplementation((boardId, userId) => {
      // called only once the change is stored
      void h.services.boards.store.roleOf(boardId, userId).then((role) => roleWhenTold.push(role))
    })
    const roleWhenTold: unknown[] = []
    const res = await h.request('PATCH', `${base()}/${f.editor.id}`, { token: f.facilitator.token, body: { role: 'reviewer' } })
    expect(res.status).toBe(200)
    expect((res.body as { member: MemberJson }).member).toEqual({
      userId: f.editor.id,
      displayName: 'Editor',
      role: 'reviewer',
      guest: false,
      connected: false,
    })
    expect(changed.mock.calls).toEqual([[f.boardId, f.editor.id, 'reviewer']])
    await vi.waitFor(() => expect(roleWhenTold).toEqual(['reviewer']))
    // the new role applies to REST at once: a reviewer writes nothing
    expect(
      (await h.request('POST', `/api/boards/${f.boardId}/snapshots`, { token: f.editor.token, body: { label: 'x' } })).status,
    ).toBe(403)
    const board = await h.request('GET', `/api/boards/${f.boardId}`, { token: f.editor.token })
    expect((board.body as { board: { role: string } }).board.role).toBe('reviewer')
  })

  it('never changes the owner, and raises no one to owner (403); the owner cannot be removed', async () => {
    const changed = vi.spyOn(h.content, 'memberChanged')
    const attempts = [
      await h.request('PATCH', `${base()}/${f.owner.id}`, { token: f.owner.token, body: { role: 'facilitator' } }),
      await h.request('PATCH', `${base()}/${f.owner.id}`, { token: f.facilitator.token, body: { role: 'viewer' } }),
      await h.request('PATCH', `${base()}/${f.editor.id}`, { token: f.owner.token, body: { role: 'owner' } }),
      await h.request('PATCH', `${base()}/${f.facilitator.id}`, { token: f.owner.token, body: { role: 'owner' } }),
      await h.request('DELETE', `${base()}/${f.owner.id}`, { token: f.owner.token }),
      await h.request('DELETE', `${base()}/${f.owner.id}`, { token: f.facilitator.token }),
    ]
    expect(attempts.map((r) => r.status)).toEqual([403, 403, 403, 403, 403, 403])
    expect(attempts.map(errorCode)).toEqual(Array(6).fill('forbidden'))
    expect(changed).not.toHaveBeenCalled()
    const { members } = (await h.request('GET', base(), { token: f.owner.token })).body as { members: MemberJson[] }
    expect(members.filter((m) => m.role === 'owner').map((m) => m.userId)).toEqual([f.owner.id])
    expect(members.find((m) => m.userId === f.editor.id)?.role).toBe('editor')
  })

  it('lets a facilitator manage editors, reviewers and viewers (up to facilitator), but not other facilitators', async () => {
    const other = await signup(h, 'Second Facilitator')
    await join(h, await invite(h, f.owner.token, f.boardId, { role: 'facilitator' }), other.token)
    const patch = (target: string, role: string, token = f.facilitator.token) =>
      h.request('PATCH', `${base()}/${target}`, { token, body: { role } })
    expect((await patch(f.viewer.id, 'editor')).status).toBe(200)
    expect((await patch(f.reviewer.id, 'facilitator')).status).toBe(200)
    expect((await patch(other.id, 'editor')).status).toBe(403)
    expect((await patch(f.facilitator.id, 'editor')).status).toBe(403) // not themselves either
    expect((await h.request('DELETE', `${base()}/${other.id}`, { token: f.facilitator.token })).status).toBe(403)
    // the owner may
    expect((await patch(other.id, 'viewer', f.owner.token)).status).toBe(200)
    expect((await h.request('DELETE', `${base()}/${f.facilitator.id}`, { token: f.owner.token })).status).toBe(204)
  })

  it('answers 404 for someone who is not a member, 400 for a role that does not exist', async () => {
    const notMember = await h.request('PATCH', `${base()}/${f.outsider.id}`, { token: f.owner.token, body: { role: 'viewer' } })
    expect(notMember.status).toBe(404)
    expect(errorCode(notMember)).toBe('member_not_found')
    expect((await h.request('DELETE', `${base()}/${f.outsider.id}`, { token: f.owner.token })).status).toBe(404)
    expect((await h.request('DELETE', `${base()}/..%2F..%2Fetc`, { token: f.owner.token })).status).toBe(404)
    const bad = await h.request('PATCH', `${base()}/${f.editor.id}`, { token: f.owner.token, body: { role: 'admin' } })
    expect(bad.status).toBe(400)
    expect(errorCode(bad)).toBe('validation_failed')
    expect((bad.body as { error: { message: string } }).error.message).toMatch(/^role/)
    // a board the caller may not see: 404, as for one that does not exist
    const otherBoard = await createBoard(h, f.outsider.token)
    expect((await h.request('GET', `/api/boards/${otherBoard}/members`, { token: f.owner.token })).status).toBe(404)
  })

  it('removes an account: its access ends, the live side is told (null), the account stays', async () => {
    const changed = vi.spyOn(h.content, 'memberChanged')
    const ended = vi.spyOn(h.content, 'sessionEnded')
    expect((await h.request('DELETE', `${base()}/${f.editor.id}`, { token: f.owner.token })).status).toBe(204)
    expect(changed.mock.calls).toEqual([[f.boardId, f.editor.id, null]])
    expect(ended).not.toHaveBeenCalled()
    expect((await h.request('GET', `/api/boards/${f.boardId}`, { token: f.editor.token })).status).toBe(404)
    expect((await h.request('GET', '/api/boards', { token: f.editor.token })).body).toEqual({ boards: [] })
    expect((await h.request('GET', '/api/auth/me', { token: f.editor.token })).status).toBe(200)
  })

  it('removes a guest: their session and account end, and every session is told to the live side', async () => {
    const changed = vi.spyOn(h.content, 'memberChanged')
    const ended = vi.spyOn(h.content, 'sessionEnded')
    const res = await h.request('DELETE', `${base()}/${f.target.id}`, { token: f.facilitator.token })
    expect(res.status).toBe(204)
    expect(changed.mock.calls).toEqual([[f.boardId, f.target.id, null]])
    expect(ended.mock.calls).toEqual([[sessionHash(f.target.token)]])
    expect(changed.mock.invocationCallOrder[0]).toBeLessThan(ended.mock.invocationCallOrder[0] ?? 0) // 4403 before 4401
    expect((await h.request('GET', '/api/auth/me', { token: f.target.token })).status).toBe(401)
    expect((await h.request('GET', `/api/boards/${f.boardId}`, { token: f.target.token })).status).toBe(401)
    expect(await h.services.auth.users.get(f.target.id)).toBeNull()
  })
})

describe('the reviewer role', () => {
  let h: RestHarness
  beforeAll(async () => {
    h = await createHarness()
  })
  afterAll(() => h.close())

  it('can be given by invite, to a guest or an account', async () => {
    const owner = await signup(h, 'Owner')
    const boardId = await createBoard(h, owner.token)
    const res = await h.request('POST', `/api/boards/${boardId}/invites`, { token: owner.token, body: { role: 'reviewer' } })
    expect(res.status).toBe(201)
    expect((res.body as { invite: { role: string } }).invite.role).toBe('reviewer')
    const guest = await join(h, (res.body as { invite: { token: string } }).invite.token, undefined, 'Rita')
    const board = await h.request('GET', `/api/boards/${boardId}`, { token: guest.token })
    expect((board.body as { board: { role: string } }).board.role).toBe('reviewer')
  })

  it('raising an existing member by invite tells the live side', async () => {
    const owner = await signup(h, 'Owner')
    const boardId = await createBoard(h, owner.token)
    const member = await signup(h, 'Member')
    await join(h, await invite(h, owner.token, boardId, { role: 'viewer' }), member.token)
    const changed = vi.spyOn(h.content, 'memberChanged')
    await join(h, await invite(h, owner.token, boardId, { role: 'reviewer' }), member.token)
    await join(h, await invite(h, owner.token, boardId, { role: 'viewer' }), member.token) // never lowered: no change
    expect(changed.mock.calls).toEqual([[boardId, member.id, 'reviewer']])
    changed.mockRestore()
  })

  it('answers every board route as a viewer does (reads everything, writes nothing)', async () => {
    const owner = await signup(h, 'Owner')
    const boardId = await createBoard(h, owner.token, { title: 'Roles', template: 'use-mix' })
    const reviewer = await signup(h, 'Reviewer')
    await join(h, await invite(h, owner.token, boardId, { role: 'reviewer' }), reviewer.token)
    const viewer = await signup(h, 'Viewer')
    await join(h, await invite(h, owner.token, boardId, { role: 'viewer' }), viewer.token)
    const snapshot = await h.request('POST', `/api/boards/${boardId}/snapshots`, { token: owner.token, body: { label: 's' } })
    const sid = (snapshot.body as { snapshot: { id: string } }).snapshot.id
    const routes: Array<[string, string, unknown?]> = [
      ['GET', `/api/boards/${boardId}`],
      ['GET', `/api/boards/${boardId}/members`],
      ['GET', `/api/boards/${boardId}/export/json`],
      ['GET', `/api/boards/${boardId}/export/md`],
      ['GET', `/api/boards/${boardId}/export/csv`],
      ['GET', `/api/boards/${boardId}/analysis`],
      ['GET', `/api/boards/${boardId}/snapshots`],
      ['GET', `/api/boards/${boardId}/snapshots/${sid}`],
      ['GET', `/api/boards/${boardId}/diff?from=${sid}&to=live`],
      ['PATCH', `/api/boards/${boardId}`, { title: 'Renamed' }],
      ['GET', `/api/boards/${boardId}/invites`],
      ['POST', `/api/boards/${boardId}/invites`, { role: 'viewer' }],
      ['POST', `/api/boards/${boardId}/snapshots`, { label: 'x' }],
      ['POST', `/api/boards/${boardId}/snapshots/${sid}/restore`],
      ['PATCH', `/api/boards/${boardId}/members/${owner.id}`, { role: 'viewer' }],
      ['DELETE', `/api/boards/${boardId}/members/${viewer.id}`],
      ['DELETE', `/api/boards/${boardId}`],
    ]
    const statuses = async (token: string) => {
      const seen: string[] = []
      for (const [method, path, body] of routes)
        seen.push(`${method} ${path} → ${(await h.request(method, path, { token, ...(body ? { body } : {}) })).status}`)
      return seen
    }
    const asReviewer = await statuses(reviewer.token)
    expect(asReviewer).toEqual(await statuses(viewer.token))
    expect(asReviewer.filter((s) => s.endsWith('200'))).toHaveLength(9)
    expect(asReviewer.filter((s) => s.endsWith('403'))).toHaveLength(8)
  })
})
