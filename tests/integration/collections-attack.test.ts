import { request } from 'node:http'
import { inflateRawSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Collection, Review } from '../../shared/collections/collection.ts'
import type { CompareResult } from '../../shared/collections/compare.ts'
import type { Comment } from '../../shared/comments/comment.ts'
import { type Account, api, createBoard, joinAs, signup } from '../helpers/api.ts'
import { type RedisServer, startRedis } from '../helpers/redis.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'
import { closeCodeOf } from '../helpers/sync-client.ts'

/**
 * Attacks on collections, collection invites and members, reviews and board comments (issue 17):
 * a role on a collection never opens a board, a guest of a collection is no account, nobody
 * raises a role past their own, every refusal is JSON `{error: {code, message}}` — 404 for what
 * the caller may not see, never 500 — and races leave one answer, not two.
 */

let server: TestServer
let owner: Account

type ErrorAnswer = { error: { code: string; message: string } }

const get = <T = Record<string, unknown>>(token: string | undefined, path: string) =>
  api<T>(server.url, 'GET', path, token ? { token } : {})
const send = <T = Record<string, unknown>>(token: string | undefined, method: string, path: string, body?: unknown) =>
  api<T>(server.url, method, path, { ...(token ? { token } : {}), ...(body === undefined ? {} : { body }) })

/** The answer is a JSON refusal with this status, a code and a message. */
function expectRefusal(res: { status: number; body: unknown; headers: Headers }, status: number, code?: string) {
  expect(res.status, JSON.stringify(res.body)).toBe(status)
  expect(res.headers.get('content-type')).toMatch(/application\/json/)
  const error = (res.body as ErrorAnswer).error
  expect(typeof error?.code).toBe('string')
  expect(error.message.length).toBeGreaterThan(0)
  if (code) expect(error.code).toBe(code)
}

const documentOf = (title: string) => ({
  format: 'refresh-board',
  version: 1,
  board: { id: 'x', title },
  site: { name: title, country: 'HU', areaM2: 1200 },
  elements: [
    { id: 'a1', kind: 'actor', x: 0, y: 0, w: 180, h: 90, label: 'Makers', sector: 'creative', commitment: 'loi' },
    { id: 'u1', kind: 'use', x: 300, y: 0, w: 180, h: 90, label: 'Workshop', category: 'makerspace', areaM2: 300 },
    { id: 'l1', kind: 'link', from: 'a1', to: 'u1', relation: 'operates' },
  ],
})

async function newCollection(token: string, title = 'Region'): Promise<Collection> {
  const res = await send<{ collection: Collection }>(token, 'POST', '/api/collections', { title })
  expect(res.status).toBe(201)
  return res.body.collection
}

async function collectionInvite(collectionId: string, role: string, by = owner.token): Promise<string> {
  const res = await send<{ invite: { token: string } }>(by, 'POST', `/api/collections/${collectionId}/invites`, { role })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return res.body.invite.token
}

type Joined = { token: string; user: { id: string; guest: boolean }; collection?: { id: string }; board?: { id: string } }

/** Joins a collection invite as `as` (an account's token) or as a new guest. */
async function joinCollection(collectionId: string, role: string, as?: string, name = 'Guest'): Promise<Joined> {
  const token = await collectionInvite(collectionId, role)
  const joined = await send<Joined>(as, 'POST', `/api/invites/${token}/join`, { displayName: name })
  expect(joined.status, JSON.stringify(joined.body)).toBe(200)
  return joined.body
}

/** An account with `role` on the board (through a board invite). */
async function boardMember(boardId: string, role: string, account?: Account): Promise<Account> {
  const person = account ?? (await signup(server.url, role))
  const inv = await send<{ invite: { token: string } }>(owner.token, 'POST', `/api/boards/${boardId}/invites`, { role })
  expect((await send(person.token, 'POST', `/api/invites/${inv.body.invite.token}/join`, {})).status).toBe(200)
  return person
}

/** A request whose path goes out as written (fetch would resolve its dot segments). */
function rawRequest(method: string, path: string, token: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const url = new URL(server.url)
    const req = request(
      { host: url.hostname, port: url.port, method, path, headers: { authorization: `Bearer ${token}` } },
      (res) => {
        let body = ''
        res.on('data', (chunk: Buffer) => {
          body += chunk.toString()
        })
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
      },
    )
    req.on('error', reject)
    req.end()
  })
}

/** The entries of a ZIP file (a DOCX) as text, read through its central directory. */
function zipEntries(zip: Uint8Array): Map<string, string> {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength)
  let end = zip.length - 22
  while (end >= 0 && view.getUint32(end, true) !== 0x06054b50) end--
  const entries = new Map<string, string>()
  let at = view.getUint32(end + 16, true)
  for (let i = 0; i < view.getUint16(end + 10, true); i++) {
    const method = view.getUint16(at + 10, true)
    const size = view.getUint32(at + 20, true)
    const nameLength = view.getUint16(at + 28, true)
    const skip = nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true)
    const name = new TextDecoder().decode(zip.subarray(at + 46, at + 46 + nameLength))
    const local = view.getUint32(at + 42, true)
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true)
    const data = zip.subarray(start, start + size)
    entries.set(name, new TextDecoder().decode(method === 8 ? inflateRawSync(data) : data))
    at += 46 + skip
  }
  return entries
}

beforeAll(async () => {
  server = await startTestServer({ API_REQUESTS_PER_SECOND: '0' })
  owner = await signup(server.url, 'Owner')
})
afterAll(() => server?.stop())

describe('a guest of a collection', () => {
  it('gets nothing of any board with its token: REST, sync, the board list, creating boards or collections', async () => {
    const boardId = await createBoard(server.url, owner.token, { title: 'Komló', content: documentOf('Komló') })
    const collection = await newCollection(owner.token)
    expect((await send(owner.token, 'PUT', `/api/collections/${collection.id}/boards/${boardId}`, {})).status).toBe(200)
    const guest = await joinCollection(collection.id, 'facilitator', undefined, 'Gast')
    expectRefusal(await get(guest.token, `/api/boards/${boardId}`), 404)
    expectRefusal(await get(guest.token, `/api/boards/${boardId}/comments`), 404)
    expectRefusal(await send(guest.token, 'POST', `/api/boards/${boardId}/comments`, { body: 'hi' }), 404)
    expectRefusal(await get(guest.token, `/api/boards/${boardId}/export/json`), 404)
    expect(await closeCodeOf(`${server.url.replace(/^http/, 'ws')}/sync/${boardId}?token=${guest.token}`)).toBe(4404)
    expect((await get<{ boards: unknown[] }>(guest.token, '/api/boards')).body.boards).toEqual([])
    expectRefusal(await send(guest.token, 'POST', '/api/boards', { title: 'Mine' }), 403)
    expectRefusal(await send(guest.token, 'POST', '/api/collections', { title: 'Mine' }), 403)
    // no board route without a board id lets them make one either (import, templates, history)
    const making = server.app.app.routes.filter(
      (r) => r.path.startsWith('/api/boards') && !r.path.includes(':id') && r.method === 'POST',
    )
    expect(making.length).toBeGreaterThan(0)
    for (const route of making) {
      const res = await send(guest.token, 'POST', route.path.replace(/:[A-Za-z]+/g, 'x'), { title: 'Mine' })
      expect(res.status, `${route.path} → ${res.status}`).toBeGreaterThanOrEqual(400)
      expect(res.status).toBeLessThan(500)
    }
    expect((await get<{ boards: unknown[] }>(guest.token, '/api/boards')).body.boards).toEqual([])
    // a facilitator of the collection by invite, but no board's facilitator: adding a board is refused
    const own = await createBoard(server.url, owner.token, { title: 'Another' })
    expectRefusal(await send(guest.token, 'PUT', `/api/collections/${collection.id}/boards/${own}`, {}), 404)
  })

  it('joining a board invite gives a new guest of that board; the collection session stays the collection’s only', async () => {
    const boardId = await createBoard(server.url, owner.token, { title: 'Piran' })
    const collection = await newCollection(owner.token)
    const guest = await joinCollection(collection.id, 'editor', undefined, 'Ana')
    const inv = await send<{ invite: { token: string } }>(owner.token, 'POST', `/api/boards/${boardId}/invites`, {
      role: 'editor',
    })
    // a guest is no account: without a name the board invite is refused
    expectRefusal(await send(guest.token, 'POST', `/api/invites/${inv.body.invite.token}/join`, {}), 400)
    const joined = await send<Joined>(guest.token, 'POST', `/api/invites/${inv.body.invite.token}/join`, {
      displayName: 'Ana',
    })
    expect(joined.status).toBe(200)
    expect(joined.body.board).toEqual({ id: boardId })
    expect(joined.body.user.id).not.toBe(guest.user.id)
    expect(joined.body.user.guest).toBe(true)
    // the new session: that board, not the collection
    expect((await get(joined.body.token, `/api/boards/${boardId}`)).status).toBe(200)
    expectRefusal(await get(joined.body.token, `/api/collections/${collection.id}`), 404)
    expect((await get<{ collections: unknown[] }>(joined.body.token, '/api/collections')).body.collections).toEqual([])
    // the old one: the collection, not the board
    expect((await get(guest.token, `/api/collections/${collection.id}`)).status).toBe(200)
    expectRefusal(await get(guest.token, `/api/boards/${boardId}`), 404)
    // and the board's guest cannot join a collection as itself either: a new guest again
    const again = await joinCollection(collection.id, 'viewer', joined.body.token, 'Ana')
    expect(again.user.id).not.toBe(joined.body.user.id)
    expectRefusal(await get(again.token, `/api/boards/${boardId}`), 404)
  })

  it('a guest removed from the collection, or of a deleted collection, has no session any more', async () => {
    const collection = await newCollection(owner.token)
    const guest = await joinCollection(collection.id, 'reviewer', undefined, 'Removed')
    expect((await send(owner.token, 'DELETE', `/api/collections/${collection.id}/members/${guest.user.id}`)).status).toBe(204)
    expectRefusal(await get(guest.token, '/api/auth/me'), 401)
    const other = await newCollection(owner.token)
    const second = await joinCollection(other.id, 'editor', undefined, 'Deleted')
    const invite = await collectionInvite(other.id, 'viewer')
    expect((await send(owner.token, 'DELETE', `/api/collections/${other.id}`)).status).toBe(204)
    expectRefusal(await get(second.token, '/api/auth/me'), 401)
    expectRefusal(await send(undefined, 'POST', `/api/invites/${invite}/join`, { displayName: 'Late' }), 404)
    expectRefusal(await get(undefined, `/api/invites/${invite}`), 404)
  })
})

describe('adding boards needs rights on both', () => {
  it('refuses a board the collection facilitator only views, reviews or edits, and a collection editor who owns the board', async () => {
    const collection = await newCollection(owner.token)
    const facilitator = await signup(server.url, 'Facilitator')
    await joinCollection(collection.id, 'facilitator', facilitator.token)
    const seen: string[] = []
    for (const role of ['viewer', 'reviewer', 'editor'] as const) {
      const boardId = await createBoard(server.url, owner.token, { title: `Board ${role}` })
      await boardMember(boardId, role, facilitator)
      const res = await send(facilitator.token, 'PUT', `/api/collections/${collection.id}/boards/${boardId}`, {})
      if (res.status !== 403) seen.push(`${role} → ${res.status}`)
      expectRefusal(res, 403, 'forbidden')
    }
    expect(seen).toEqual([])
    // a board they cannot see at all: 404, as if it did not exist
    const hidden = await createBoard(server.url, owner.token, { title: 'Hidden' })
    expectRefusal(await send(facilitator.token, 'PUT', `/api/collections/${collection.id}/boards/${hidden}`, {}), 404)
    // an editor of the collection who owns the board
    const editor = await signup(server.url, 'Editor')
    await joinCollection(collection.id, 'editor', editor.token)
    const theirs = await createBoard(server.url, editor.token, { title: 'Theirs' })
    expectRefusal(await send(editor.token, 'PUT', `/api/collections/${collection.id}/boards/${theirs}`, {}), 403)
    // nothing was added
    const after = await get<{ collection: Collection }>(owner.token, `/api/collections/${collection.id}`)
    expect(after.body.collection.sites).toEqual([])
  })

  it('refuses a snapshot of another board and a malformed snapshot id', async () => {
    const collection = await newCollection(owner.token)
    const a = await createBoard(server.url, owner.token, { title: 'A' })
    const b = await createBoard(server.url, owner.token, { title: 'B' })
    const snap = await send<{ snapshot: { id: string } }>(owner.token, 'POST', `/api/boards/${b}/snapshots`, { label: 'b' })
    const path = `/api/collections/${collection.id}/boards/${a}`
    expectRefusal(await send(owner.token, 'PUT', path, { snapshotId: snap.body.snapshot.id }), 404, 'snapshot_not_found')
    expectRefusal(await send(owner.token, 'PUT', path, { snapshotId: '../x' }), 400, 'validation_failed')
    expectRefusal(await send(owner.token, 'PUT', path, { snapshotId: 'x'.repeat(500) }), 400, 'validation_failed')
    expectRefusal(await send(owner.token, 'PUT', path, { snapshotId: 7 }), 400, 'validation_failed')
    const after = await get<{ collection: Collection }>(owner.token, `/api/collections/${collection.id}`)
    expect(after.body.collection.sites).toEqual([])
  })

  it('two adds of one board at once make one site; adds of two boards at once keep both', async () => {
    const collection = await newCollection(owner.token)
    const a = await createBoard(server.url, owner.token, { title: 'A' })
    const b = await createBoard(server.url, owner.token, { title: 'B' })
    const answers = await Promise.all([
      send(owner.token, 'PUT', `/api/collections/${collection.id}/boards/${a}`, {}),
      send(owner.token, 'PUT', `/api/collections/${collection.id}/boards/${a}`, {}),
      send(owner.token, 'PUT', `/api/collections/${collection.id}/boards/${b}`, {}),
      send(owner.token, 'PATCH', `/api/collections/${collection.id}`, { texts: { vision: 'V' } }),
      send(owner.token, 'PATCH', `/api/collections/${collection.id}`, { texts: { swot: 'S' } }),
    ])
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200, 200])
    const after = await get<{ collection: Collection }>(owner.token, `/api/collections/${collection.id}`)
    expect(after.body.collection.sites.map((s) => s.boardId).sort()).toEqual([a, b].sort())
    expect(after.body.collection.texts).toEqual({ vision: 'V', swot: 'S' })
  })
})

describe('invites and members cannot raise a role past the caller’s', () => {
  it('a facilitator cannot invite an owner, make one, change or remove the owner or another facilitator', async () => {
    const collection = await newCollection(owner.token)
    const facilitator = await signup(server.url, 'Facilitator')
    await joinCollection(collection.id, 'facilitator', facilitator.token)
    const other = await signup(server.url, 'Other facilitator')
    await joinCollection(collection.id, 'facilitator', other.token)
    const editor = await signup(server.url, 'Editor')
    await joinCollection(collection.id, 'editor', editor.token)
    const base = `/api/collections/${collection.id}`
    expectRefusal(await send(facilitator.token, 'POST', `${base}/invites`, { role: 'owner' }), 400, 'validation_failed')
    expectRefusal(await send(facilitator.token, 'POST', `${base}/invites`, { role: 'admin' }), 400, 'validation_failed')
    expectRefusal(await send(facilitator.token, 'PATCH', `${base}/members/${editor.user.id}`, { role: 'owner' }), 403)
    expectRefusal(await send(owner.token, 'PATCH', `${base}/members/${editor.user.id}`, { role: 'owner' }), 403)
    expectRefusal(await send(facilitator.token, 'PATCH', `${base}/members/${owner.user.id}`, { role: 'viewer' }), 403)
    expectRefusal(await send(facilitator.token, 'DELETE', `${base}/members/${owner.user.id}`), 403)
    expectRefusal(await send(owner.token, 'DELETE', `${base}/members/${owner.user.id}`), 403)
    expectRefusal(await send(owner.token, 'PATCH', `${base}/members/${owner.user.id}`, { role: 'facilitator' }), 403)
    expectRefusal(await send(facilitator.token, 'PATCH', `${base}/members/${other.user.id}`, { role: 'viewer' }), 403)
    expectRefusal(await send(facilitator.token, 'DELETE', `${base}/members/${other.user.id}`), 403)
    // an editor manages no one and mints no invites
    expectRefusal(await send(editor.token, 'POST', `${base}/invites`, { role: 'viewer' }), 403)
    expectRefusal(await send(editor.token, 'PATCH', `${base}/members/${facilitator.user.id}`, { role: 'viewer' }), 403)
    expectRefusal(await send(editor.token, 'GET', `${base}/invites`), 403)
    // not a member / not a user id
    expectRefusal(await send(owner.token, 'PATCH', `${base}/members/nobody`, { role: 'viewer' }), 404)
    expectRefusal(await send(owner.token, 'PATCH', `${base}/members/${'x'.repeat(500)}`, { role: 'viewer' }), 404)
    // the roles stayed
    const members = await get<{ members: { userId: string; role: string }[] }>(owner.token, `${base}/members`)
    expect(Object.fromEntries(members.body.members.map((m) => [m.userId, m.role]))).toEqual({
      [owner.user.id]: 'owner',
      [facilitator.user.id]: 'facilitator',
      [other.user.id]: 'facilitator',
      [editor.user.id]: 'editor',
    })
    // what a facilitator may do: raise an editor to facilitator
    expect((await send(facilitator.token, 'PATCH', `${base}/members/${editor.user.id}`, { role: 'facilitator' })).status).toBe(
      200,
    )
  })

  it('an account joining a lower invite keeps its role; the owner joining its own invite stays owner', async () => {
    const collection = await newCollection(owner.token)
    const facilitator = await signup(server.url, 'Facilitator')
    await joinCollection(collection.id, 'facilitator', facilitator.token)
    await joinCollection(collection.id, 'viewer', facilitator.token)
    await joinCollection(collection.id, 'viewer', owner.token)
    const members = await get<{ members: { userId: string; role: string }[] }>(
      owner.token,
      `/api/collections/${collection.id}/members`,
    )
    expect(Object.fromEntries(members.body.members.map((m) => [m.userId, m.role]))).toEqual({
      [owner.user.id]: 'owner',
      [facilitator.user.id]: 'facilitator',
    })
  })

  it('a collection invite with maxUses 1 joined by five at once admits one', async () => {
    const collection = await newCollection(owner.token)
    const res = await send<{ invite: { token: string } }>(owner.token, 'POST', `/api/collections/${collection.id}/invites`, {
      role: 'editor',
      maxUses: 1,
    })
    const answers = await Promise.all(
      [1, 2, 3, 4, 5].map((n) => send(undefined, 'POST', `/api/invites/${res.body.invite.token}/join`, { displayName: `G${n}` })),
    )
    expect(answers.map((a) => a.status).sort()).toEqual([200, 410, 410, 410, 410])
    const members = await get<{ members: unknown[] }>(owner.token, `/api/collections/${collection.id}/members`)
    expect(members.body.members).toHaveLength(2)
  })

  it('an invite revokes only through its own collection or board', async () => {
    const a = await newCollection(owner.token)
    const b = await newCollection(owner.token)
    const boardId = await createBoard(server.url, owner.token, { title: 'Board' })
    const token = await collectionInvite(a.id, 'viewer')
    const boardInvite = await send<{ invite: { token: string } }>(owner.token, 'POST', `/api/boards/${boardId}/invites`, {
      role: 'viewer',
    })
    expectRefusal(await send(owner.token, 'DELETE', `/api/collections/${b.id}/invites/${token}`), 404)
    expectRefusal(await send(owner.token, 'DELETE', `/api/boards/${boardId}/invites/${token}`), 404)
    expectRefusal(await send(owner.token, 'DELETE', `/api/collections/${a.id}/invites/${boardInvite.body.invite.token}`), 404)
    expect((await get<{ status: string }>(undefined, `/api/invites/${token}`)).body.status).toBe('active')
    expect((await get<{ status: string }>(undefined, `/api/invites/${boardInvite.body.invite.token}`)).body.status).toBe('active')
  })
})

describe('reviews', () => {
  it('refuses a board that is no site, criteria the collection does not have, bad scores and oversized texts', async () => {
    const collection = await newCollection(owner.token)
    const site = await createBoard(server.url, owner.token, { title: 'Site', content: documentOf('Site') })
    const outside = await createBoard(server.url, owner.token, { title: 'Outside' })
    expect((await send(owner.token, 'PUT', `/api/collections/${collection.id}/boards/${site}`, {})).status).toBe(200)
    const reviewer = await signup(server.url, 'Reviewer')
    await joinCollection(collection.id, 'reviewer', reviewer.token)
    const put = (boardId: string, body: unknown) =>
      send(reviewer.token, 'PUT', `/api/collections/${collection.id}/reviews/${boardId}`, body)
    expectRefusal(await put(outside, { scores: {}, summary: '' }), 404, 'board_not_found')
    expectRefusal(await put('..', { scores: {}, summary: '' }), 404)
    expectRefusal(await put(site, { scores: { sustainability: { score: 3, text: '' } } }), 400, 'validation_failed')
    expectRefusal(await put(site, { scores: { criticalMass: { score: 6, text: '' } } }), 400, 'validation_failed')
    expectRefusal(await put(site, { scores: { criticalMass: { score: '5', text: '' } } }), 400, 'validation_failed')
    expectRefusal(await put(site, { scores: { criticalMass: { score: 2.5, text: '' } } }), 400, 'validation_failed')
    expectRefusal(await put(site, { scores: { criticalMass: { score: 3, text: 'x'.repeat(4001) } } }), 400)
    expectRefusal(await put(site, { scores: {}, summary: 'x'.repeat(20_001) }), 400, 'validation_failed')
    expectRefusal(await put(site, { scores: [] }), 400, 'validation_failed')
    // a key that is an object's own machinery is no criterion either
    const proto = await fetch(`${server.url}/api/collections/${collection.id}/reviews/${site}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${reviewer.token}`, 'content-type': 'application/json' },
      body: '{"scores": {"__proto__": {"score": 5, "text": "x"}, "criticalMass": {"score": 4, "text": ""}}, "summary": ""}',
    })
    expect(proto.status).not.toBe(500)
    // a reviewer of another collection that holds the same board
    const other = await newCollection(owner.token)
    expect((await send(owner.token, 'PUT', `/api/collections/${other.id}/boards/${site}`, {})).status).toBe(200)
    expectRefusal(await send(reviewer.token, 'PUT', `/api/collections/${other.id}/reviews/${site}`, { scores: {} }), 404)
    const reviews = await get<{ reviews: Review[] }>(owner.token, `/api/collections/${collection.id}/reviews`)
    expect(reviews.body.reviews.every((r) => Object.keys(r.scores).every((k) => k === 'criticalMass'))).toBe(true)
  })

  it('criteria named like an object’s own machinery are criteria like any other: reviewed, listed, exported', async () => {
    const collection = await newCollection(owner.token)
    const site = await createBoard(server.url, owner.token, { title: 'Site', content: documentOf('Site') })
    const base = `/api/collections/${collection.id}`
    expect((await send(owner.token, 'PUT', `${base}/boards/${site}`, {})).status).toBe(200)
    // `__proto__` could never be scored (no parsed object keeps it as its own key): refused
    expectRefusal(
      await send(owner.token, 'PATCH', base, { criteria: [{ id: '__proto__', title: '' }] }),
      400,
      'validation_failed',
    )
    const criteria = ['constructor', 'toString', 'hasOwnProperty'].map((id) => ({ id, title: '' }))
    const patched = await send<{ collection: Collection }>(owner.token, 'PATCH', base, {
      criteria: [...criteria, { id: 'valueOf', title: 'Value' }],
    })
    expect(patched.status).toBe(200)
    // one reviewer scores one of them, another none: the others are missing from their scores
    expect(
      (
        await send(owner.token, 'PUT', `${base}/reviews/${site}`, {
          scores: { toString: { score: 4, text: 'ok' } },
          summary: 'A',
        })
      ).status,
    ).toBe(200)
    const reviewer = await signup(server.url, 'Second reviewer')
    await joinCollection(collection.id, 'reviewer', reviewer.token)
    expect((await send(reviewer.token, 'PUT', `${base}/reviews/${site}`, { scores: {}, summary: 'B' })).status).toBe(200)
    const reviews = await get<{ reviews: Review[] }>(owner.token, `${base}/reviews`)
    expect(reviews.status).toBe(200)
    expect(reviews.body.reviews.map((r) => r.summary).sort()).toEqual(['A', 'B'])
    for (const format of ['md', 'pdf', 'docx']) {
      const res = await get(owner.token, `${base}/export/${format}`)
      expect(res.status, `${format}: ${JSON.stringify(res.body).slice(0, 200)}`).toBe(200)
    }
    const md = await api<string>(server.url, 'GET', `${base}/export/md`, { token: owner.token })
    expect(md.body).toContain('toString: ok')
    expect(md.body).not.toContain('function')
  })

  it('two PUTs of one review at once leave one review, one of the two', async () => {
    const collection = await newCollection(owner.token)
    const site = await createBoard(server.url, owner.token, { title: 'Site' })
    expect((await send(owner.token, 'PUT', `/api/collections/${collection.id}/boards/${site}`, {})).status).toBe(200)
    const path = `/api/collections/${collection.id}/reviews/${site}`
    const answers = await Promise.all(
      [1, 2, 3, 4].map((n) =>
        send(owner.token, 'PUT', path, { scores: { phasing: { score: n, text: `t${n}` } }, summary: `s${n}` }),
      ),
    )
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200])
    const reviews = await get<{ reviews: Review[] }>(owner.token, `/api/collections/${collection.id}/reviews`)
    expect(reviews.body.reviews).toHaveLength(1)
    const [review] = reviews.body.reviews
    const n = review?.scores.phasing?.score
    expect(review).toMatchObject({ summary: `s${n}`, scores: { phasing: { text: `t${n}` } } })
  })
  it('a review written while its board leaves the collection never comes back with the board', async () => {
    const collection = await newCollection(owner.token)
    const site = await createBoard(server.url, owner.token, { title: 'Site' })
    const base = `/api/collections/${collection.id}`
    const seen: string[] = []
    for (let round = 0; round < 25; round++) {
      expect((await send(owner.token, 'PUT', `${base}/boards/${site}`, {})).status).toBe(200)
      // the removal sent a little after the review, by a different margin each round
      const [review, removed] = await Promise.all([
        send(owner.token, 'PUT', `${base}/reviews/${site}`, { scores: {}, summary: `round ${round}` }),
        new Promise((resolve) => setTimeout(resolve, round % 5)).then(() =>
          send(owner.token, 'DELETE', `${base}/boards/${site}`),
        ),
      ])
      expect(removed.status).toBe(204)
      expect([200, 404]).toContain(review.status)
      // the site comes back: a review of it from before it left must not
      expect((await send(owner.token, 'PUT', `${base}/boards/${site}`, {})).status).toBe(200)
      const reviews = await get<{ reviews: Review[] }>(owner.token, `${base}/reviews`)
      if (reviews.body.reviews.length > 0) seen.push(`round ${round}: ${reviews.body.reviews[0]?.summary}`)
      expect((await send(owner.token, 'DELETE', `${base}/boards/${site}`)).status).toBe(204)
    }
    expect(seen).toEqual([])
  })
})

describe('oversized and malformed input', () => {
  it('refuses oversized titles, texts and criteria; stores text with HTML as text', async () => {
    const collection = await newCollection(owner.token)
    const base = `/api/collections/${collection.id}`
    expectRefusal(await send(owner.token, 'POST', '/api/collections', { title: 'x'.repeat(201) }), 400, 'validation_failed')
    expectRefusal(await send(owner.token, 'POST', '/api/collections', { title: '   ' }), 400, 'validation_failed')
    expectRefusal(await send(owner.token, 'POST', '/api/collections', { title: ['a'] }), 400, 'validation_failed')
    expectRefusal(await send(owner.token, 'PATCH', base, { title: 'x'.repeat(201) }), 400, 'validation_failed')
    expectRefusal(await send(owner.token, 'PATCH', base, { texts: { vision: 'x'.repeat(20_001) } }), 400, 'validation_failed')
    const many = Array.from({ length: 21 }, (_, i) => ({ id: `c${i}`, title: `C${i}` }))
    expectRefusal(await send(owner.token, 'PATCH', base, { criteria: many }), 400, 'validation_failed')
    expectRefusal(await send(owner.token, 'PATCH', base, { criteria: [{ id: '../x', title: 'Up' }] }), 400, 'validation_failed')
    expectRefusal(
      await send(owner.token, 'PATCH', base, {
        criteria: [
          { id: 'a', title: 'A' },
          { id: 'a', title: 'B' },
        ],
      }),
      400,
      'validation_failed',
    )
    const unknownText = await send(owner.token, 'PATCH', base, { texts: { evil: 'x' } })
    expect(unknownText.status).not.toBe(500)
    const html = '<script>alert(1)</script> <img src=x onerror=alert(2)> **bold** [link](javascript:alert(3))'
    const patched = await send<{ collection: Collection }>(owner.token, 'PATCH', base, {
      title: '<b>Région</b> Komló – Piran 🏭',
      texts: { vision: html },
    })
    expect(patched.status).toBe(200)
    expect(patched.body.collection.texts).toEqual({ vision: html })
    expect(patched.body.collection.title).toBe('<b>Région</b> Komló – Piran 🏭')
    // exported as text: escaped in Markdown, the attachment's name safe
    const md = await api<string>(server.url, 'GET', `${base}/export/md`, { token: owner.token })
    expect(md.status).toBe(200)
    // no `<` that Markdown would take for HTML: each one is escaped
    expect(md.body).not.toMatch(/(^|[^\\])</m)
    expect(md.body).toContain('\\<script\\>alert(1)\\</script\\>')
    expect(md.headers.get('content-disposition')).not.toMatch(/[<>]/)
    for (const format of ['pdf', 'docx']) expect((await get(owner.token, `${base}/export/${format}`)).status).toBe(200)
  })

  it('exports texts with lone surrogates, control characters and right-to-left marks in every format', async () => {
    const collection = await newCollection(owner.token)
    const base = `/api/collections/${collection.id}`
    const site = await createBoard(server.url, owner.token, { title: 'Odd', content: documentOf('Odd') })
    expect((await send(owner.token, 'PUT', `${base}/boards/${site}`, {})).status).toBe(200)
    // JSON may carry a lone surrogate as an escape: fetch would replace it, so the body is written by hand
    const raw = (method: string, path: string, json: string) =>
      fetch(`${server.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${owner.token}`, 'content-type': 'application/json' },
        body: json,
      })
    const odd = 'Kom\\ud800l\\udfffó \\u0000\\u0007\\u001b[31m \\u202eevil\\u202c \\ufeff \\uffff'
    expect((await raw('PATCH', base, `{"title": "${odd}", "texts": {"vision": "${odd}", "swot": "${odd}"}}`)).status).toBe(200)
    expect(
      (
        await raw(
          'PUT',
          `${base}/reviews/${site}`,
          `{"scores": {"phasing": {"score": 2, "text": "${odd}"}}, "summary": "${odd}"}`,
        )
      ).status,
    ).toBe(200)
    for (const format of ['md', 'pdf', 'docx']) {
      const res = await get(owner.token, `${base}/export/${format}`)
      expect(res.status, `${format}: ${JSON.stringify(res.body).slice(0, 200)}`).toBe(200)
      expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="/)
    }
    // the DOCX's XML parts hold only characters XML 1.0 allows (Word refuses a file with U+FFFF)
    const docx = await fetch(`${server.url}${base}/export/docx`, { headers: { authorization: `Bearer ${owner.token}` } })
    const parts = zipEntries(new Uint8Array(await docx.arrayBuffer()))
    const xml = [...parts.entries()].filter(([name]) => name.endsWith('.xml'))
    expect(xml.map(([name]) => name)).toContain('word/document.xml')
    const forbidden =
      // biome-ignore lint/suspicious/noControlCharactersInRegex: finding the characters XML forbids is the point
      /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/
    for (const [name, text] of xml) expect(forbidden.test(text), name).toBe(false)
    expect(parts.get('word/document.xml')).toContain('evil')
  })

  it('answers malformed ids in every collection path with a JSON 404 or 400, never 500', async () => {
    const collection = await newCollection(owner.token)
    const boardId = await createBoard(server.url, owner.token, { title: 'Site' })
    expect((await send(owner.token, 'PUT', `/api/collections/${collection.id}/boards/${boardId}`, {})).status).toBe(200)
    const routes = server.app.app.routes
      .filter((r) => r.path.startsWith('/api/collections/:id') && r.method !== 'ALL')
      .map((r) => ({ method: r.method, path: r.path }))
    expect(routes.length).toBeGreaterThan(12)
    // (`..` and `%2e%2e` are dot segments fetch would resolve away: sent raw below)
    const bad = ['...', '%00', 'x'.repeat(500), 'Koml%C3%B3', '%F0%9F%8F%AD', 'a%2Fb', 'a%3Ab', '__proto__', '%25']
    const seen: string[] = []
    for (const route of routes) {
      for (const value of bad) {
        // the malformed value in each parameter in turn, the others real
        const params = route.path.match(/:[A-Za-z]+/g) ?? []
        for (const param of params) {
          const path = route.path.replace(/:[A-Za-z]+/g, (p) =>
            p === param ? value : p === ':id' ? collection.id : p === ':boardId' ? boardId : p === ':format' ? 'md' : 'x',
          )
          const body =
            route.method === 'GET' || route.method === 'DELETE'
              ? undefined
              : route.path.endsWith('/invites')
                ? { role: 'viewer' }
                : route.path.includes('/reviews/')
                  ? { scores: {} }
                  : route.path.includes('/members/')
                    ? { role: 'viewer' }
                    : {}
          const res = await send(owner.token, route.method, path, body)
          const error = (res.body as ErrorAnswer | null)?.error
          const fine =
            (res.status === 404 || res.status === 400 || res.status === 204) &&
            (res.status === 204 || (typeof error?.code === 'string' && typeof error.message === 'string'))
          if (!fine) seen.push(`${route.method} ${path.slice(0, 80)} → ${res.status} ${JSON.stringify(res.body).slice(0, 120)}`)
        }
      }
    }
    expect(seen).toEqual([])
    // dot segments are resolved like any URL's (the first is the board's own address, answered for its owner)
    for (const path of [
      `/api/collections/../boards/${boardId}`,
      `/api/collections/${collection.id}/boards/..`,
      `/api/collections/%2e%2e/compare`,
      `/api/collections/${collection.id}/reviews/%2e%2e`,
    ]) {
      const res = await rawRequest('GET', path, owner.token)
      expect(res.status, `${path} → ${res.status} ${res.body}`).toBeLessThan(500)
      expect(JSON.parse(res.body)).toBeTypeOf('object')
    }
    // and the collection is as it was
    const after = await get<{ collection: Collection }>(owner.token, `/api/collections/${collection.id}`)
    expect(after.body.collection.sites.map((s) => s.boardId)).toEqual([boardId])
  }, 120_000)
})

describe('bodies that are no JSON object', () => {
  it('every collection and comment route with a body answers them with a JSON 4xx', async () => {
    const collection = await newCollection(owner.token)
    const boardId = await createBoard(server.url, owner.token, { title: 'Bodies', content: documentOf('Bodies') })
    expect((await send(owner.token, 'PUT', `/api/collections/${collection.id}/boards/${boardId}`, {})).status).toBe(200)
    const first = await send<{ comment: Comment }>(owner.token, 'POST', `/api/boards/${boardId}/comments`, { body: 'x' })
    const routes = server.app.app.routes.filter(
      (r) =>
        ['POST', 'PUT', 'PATCH'].includes(r.method) &&
        (r.path.startsWith('/api/collections') || r.path.includes('/comments') || r.path.startsWith('/api/invites')),
    )
    expect(routes.length).toBeGreaterThan(8)
    const invite = await collectionInvite(collection.id, 'viewer')
    const bodies: [string, string][] = [
      ['null', 'application/json'],
      ['[]', 'application/json'],
      ['"text"', 'application/json'],
      ['{', 'application/json'],
      ['{"title": "x"}', 'text/plain'],
      [`{"title": "${'x'.repeat(3_000_000)}"}`, 'application/json'],
    ]
    const seen: string[] = []
    for (const route of routes) {
      const path = route.path
        .replace(':id', route.path.startsWith('/api/boards') ? boardId : collection.id)
        .replace(':boardId', boardId)
        .replace(':cid', first.body.comment.id)
        .replace(':token', invite)
        .replace(':userId', owner.user.id)
        .replace(/:[A-Za-z]+/g, 'x')
      // a site's and a join's body fields are all optional: an object with other keys is a valid body there
      const optional = route.path.endsWith('/boards/:boardId') || route.path.endsWith('/join')
      for (const [body, type] of optional ? bodies.slice(0, 4) : bodies) {
        const res = await fetch(`${server.url}${path}`, {
          method: route.method,
          headers: { authorization: `Bearer ${owner.token}`, 'content-type': type },
          body,
        })
        const text = await res.text()
        let code: unknown
        try {
          code = JSON.parse(text).error?.code
        } catch {}
        if (res.status < 400 || res.status >= 500 || typeof code !== 'string')
          seen.push(`${route.method} ${route.path} ${body.slice(0, 12)} ${type} → ${res.status} ${text.slice(0, 100)}`)
      }
    }
    expect(seen).toEqual([])
  }, 60_000)
})

describe('board comments', () => {
  let boardId: string
  let reviewer: Account
  let editor: Account
  let viewer: Account
  let facilitator: Account
  let collectionReviewer: Account

  const comment = (token: string, body: unknown) =>
    send<{ comment: Comment } & ErrorAnswer>(token, 'POST', `/api/boards/${boardId}/comments`, body)

  beforeAll(async () => {
    boardId = await createBoard(server.url, owner.token, { title: 'Commented', content: documentOf('Commented') })
    reviewer = await boardMember(boardId, 'reviewer')
    editor = await boardMember(boardId, 'editor')
    viewer = await boardMember(boardId, 'viewer')
    facilitator = await boardMember(boardId, 'facilitator')
    // a reviewer of a collection that holds the board, with no role on the board
    const collection = await newCollection(owner.token)
    expect((await send(owner.token, 'PUT', `/api/collections/${collection.id}/boards/${boardId}`, {})).status).toBe(200)
    collectionReviewer = await signup(server.url, 'Collection reviewer')
    await joinCollection(collection.id, 'reviewer', collectionReviewer.token)
  })

  it('stores HTML and script as the text it is', async () => {
    const body = '<script>alert("x")</script><img src=x onerror=alert(1)> & &amp; \u202e'
    const created = await comment(reviewer.token, { body, elementId: 'a1' })
    expect(created.status).toBe(201)
    expect(created.body.comment.body).toBe(body.trim())
    const list = await get<{ comments: Comment[] }>(viewer.token, `/api/boards/${boardId}/comments`)
    expect(list.body.comments.find((c) => c.id === created.body.comment.id)?.body).toBe(body.trim())
  })

  it('refuses the wrong callers, oversized and empty bodies, elements and threads that do not exist', async () => {
    expectRefusal(await comment(viewer.token, { body: 'hi' }), 403)
    expectRefusal(await comment(collectionReviewer.token, { body: 'hi' }), 404)
    expectRefusal(await get(collectionReviewer.token, `/api/boards/${boardId}/comments`), 404)
    expectRefusal(await comment(reviewer.token, { body: 'x'.repeat(4001) }), 400, 'validation_failed')
    expectRefusal(await comment(reviewer.token, { body: '   ' }), 400, 'validation_failed')
    expectRefusal(await comment(reviewer.token, { body: 7 }), 400, 'validation_failed')
    expectRefusal(await comment(reviewer.token, { body: 'on nothing', elementId: 'nope' }), 400, 'validation_failed')
    expectRefusal(await comment(reviewer.token, { body: 'on nothing', elementId: '../a1' }), 400, 'validation_failed')
    expectRefusal(await comment(reviewer.token, { body: 'reply', threadId: 'nope' }), 400, 'validation_failed')
    const first = await comment(reviewer.token, { body: 'first' })
    const reply = await comment(editor.token, { body: 'reply', threadId: first.body.comment.id })
    expect(reply.status).toBe(201)
    // a reply to a reply, or a reply moved to another element
    expectRefusal(await comment(editor.token, { body: 'deep', threadId: reply.body.comment.id }), 400, 'validation_failed')
    expectRefusal(
      await comment(editor.token, { body: 'moved', threadId: first.body.comment.id, elementId: 'a1' }),
      400,
      'validation_failed',
    )
    // an element's comment id is no element of a thread on another board
    const other = await createBoard(server.url, owner.token, { title: 'Other' })
    expectRefusal(
      await send(owner.token, 'POST', `/api/boards/${other}/comments`, { body: 'x', threadId: first.body.comment.id }),
      400,
    )
    expectRefusal(
      await send(owner.token, 'PATCH', `/api/boards/${other}/comments/${first.body.comment.id}`, { resolved: true }),
      404,
    )
    expectRefusal(await send(owner.token, 'DELETE', `/api/boards/${other}/comments/${first.body.comment.id}`), 404)
  })

  it('mentions only the board’s members: not a stranger, not a member of the collection alone', async () => {
    const stranger = await signup(server.url, 'Stranger')
    const created = await comment(reviewer.token, {
      body: `@Stranger @Collection reviewer @editor and @${stranger.user.displayName}`,
    })
    expect(created.status).toBe(201)
    expect(created.body.comment.mentions).toEqual([editor.user.id])
  })

  it('only the author changes a text; only the author or a facilitator deletes; replies go with their thread', async () => {
    const first = await comment(editor.token, { body: 'mine' })
    const id = first.body.comment.id
    const reply = await comment(reviewer.token, { body: 'a reply', threadId: id })
    const path = `/api/boards/${boardId}/comments/${id}`
    expectRefusal(await send(reviewer.token, 'PATCH', path, { body: 'changed' }), 403)
    expectRefusal(await send(facilitator.token, 'PATCH', path, { body: 'changed' }), 403)
    expectRefusal(await send(owner.token, 'PATCH', path, { body: 'changed' }), 403)
    expectRefusal(await send(viewer.token, 'PATCH', path, { resolved: true }), 403)
    expectRefusal(await send(reviewer.token, 'PATCH', path, { body: 'changed', resolved: true }), 403)
    expectRefusal(await send(reviewer.token, 'PATCH', path, {}), 400)
    expectRefusal(
      await send(reviewer.token, 'PATCH', `/api/boards/${boardId}/comments/${reply.body.comment.id}`, { resolved: true }),
      400,
    )
    // resolving is anyone's from reviewer up
    expect((await send(reviewer.token, 'PATCH', path, { resolved: true })).status).toBe(200)
    expectRefusal(await send(reviewer.token, 'DELETE', path), 403)
    expectRefusal(await send(viewer.token, 'DELETE', path), 403)
    expectRefusal(await send(collectionReviewer.token, 'DELETE', path), 404)
    const unchanged = await get<{ comments: Comment[] }>(owner.token, `/api/boards/${boardId}/comments`)
    expect(unchanged.body.comments.find((c) => c.id === id)).toMatchObject({ body: 'mine', resolved: true })
    // the reply's author deletes their reply only
    expect((await send(reviewer.token, 'DELETE', `/api/boards/${boardId}/comments/${reply.body.comment.id}`)).status).toBe(204)
    const again = await comment(reviewer.token, { body: 'again', threadId: id })
    expect((await send(facilitator.token, 'DELETE', path)).status).toBe(204)
    const after = await get<{ comments: Comment[] }>(owner.token, `/api/boards/${boardId}/comments`)
    expect(after.body.comments.some((c) => c.id === id || c.id === again.body.comment.id)).toBe(false)
    expectRefusal(await send(facilitator.token, 'DELETE', path), 404)
  })

  it('a board holds at most MAX_COMMENTS_PER_BOARD comments, replies included; deleting makes room', async () => {
    const small = await startTestServer({ API_REQUESTS_PER_SECOND: '0', MAX_COMMENTS_PER_BOARD: '3' })
    try {
      const me = await signup(small.url, 'Commenter')
      const board = await createBoard(small.url, me.token, { title: 'Small' })
      const post = (body: Record<string, unknown>) =>
        api<{ comment: Comment } & ErrorAnswer>(small.url, 'POST', `/api/boards/${board}/comments`, { token: me.token, body })
      const first = await post({ body: 'one' })
      expect((await post({ body: 'two', threadId: first.body.comment.id })).status).toBe(201)
      expect((await post({ body: 'three' })).status).toBe(201)
      expectRefusal(await post({ body: 'four' }), 413, 'payload_too_large')
      expectRefusal(await post({ body: 'a reply', threadId: first.body.comment.id }), 413, 'payload_too_large')
      const listed = await api<{ comments: Comment[] }>(small.url, 'GET', `/api/boards/${board}/comments`, { token: me.token })
      expect(listed.body.comments).toHaveLength(3)
      // editing and resolving go on at the limit
      const path = `/api/boards/${board}/comments/${first.body.comment.id}`
      expect((await api(small.url, 'PATCH', path, { token: me.token, body: { body: 'one!', resolved: true } })).status).toBe(200)
      expect((await api(small.url, 'DELETE', path, { token: me.token })).status).toBe(204)
      expect((await post({ body: 'four' })).status).toBe(201)
    } finally {
      await small.stop()
    }
  })

  it('answers malformed comment ids with a JSON 404', async () => {
    for (const cid of ['..', '%00', 'x'.repeat(500), 'Koml%C3%B3', '__proto__', 'constructor']) {
      expectRefusal(await send(owner.token, 'PATCH', `/api/boards/${boardId}/comments/${cid}`, { resolved: true }), 404)
      expectRefusal(await send(owner.token, 'DELETE', `/api/boards/${boardId}/comments/${cid}`), 404)
    }
  })
})

describe('sites that go away', () => {
  it('a board deleted while in a collection: compare, reviews and every export answer without it', async () => {
    const collection = await newCollection(owner.token)
    const keep = await createBoard(server.url, owner.token, { title: 'Keep', content: documentOf('Keep') })
    const doomed = await createBoard(server.url, owner.token, { title: 'Doomed', content: documentOf('Doomed') })
    const base = `/api/collections/${collection.id}`
    for (const id of [keep, doomed]) expect((await send(owner.token, 'PUT', `${base}/boards/${id}`, {})).status).toBe(200)
    expect((await send(owner.token, 'PUT', `${base}/reviews/${doomed}`, { scores: {}, summary: 'gone soon' })).status).toBe(200)
    expect((await send(owner.token, 'DELETE', `/api/boards/${doomed}`)).status).toBe(204)
    const compare = await get<CompareResult>(owner.token, `${base}/compare`)
    expect(compare.status).toBe(200)
    expect(compare.body.sites.map((s) => s.boardId)).toEqual([keep])
    expect((await get<{ reviews: Review[] }>(owner.token, `${base}/reviews`)).body.reviews).toEqual([])
    expectRefusal(await send(owner.token, 'PUT', `${base}/reviews/${doomed}`, { scores: {} }), 404, 'board_not_found')
    for (const format of ['md', 'pdf', 'docx']) expect((await get(owner.token, `${base}/export/${format}`)).status).toBe(200)
    const md = await api<string>(server.url, 'GET', `${base}/export/md`, { token: owner.token })
    expect(md.body).not.toContain('Doomed')
    expect(md.body).not.toContain('gone soon')
    // removing the gone board is fine; adding it again is 404
    expect((await send(owner.token, 'DELETE', `${base}/boards/${doomed}`)).status).toBe(204)
    expectRefusal(await send(owner.token, 'PUT', `${base}/boards/${doomed}`, {}), 404, 'board_not_found')
  })

  it('a site whose snapshot is gone from storage: compare and exports answer, never 500', async () => {
    const collection = await newCollection(owner.token)
    const boardId = await createBoard(server.url, owner.token, { title: 'Snapshotted', content: documentOf('Snapshotted') })
    const snap = await send<{ snapshot: { id: string } }>(owner.token, 'POST', `/api/boards/${boardId}/snapshots`, {
      label: 'r1',
    })
    const base = `/api/collections/${collection.id}`
    expect((await send(owner.token, 'PUT', `${base}/boards/${boardId}`, { snapshotId: snap.body.snapshot.id })).status).toBe(200)
    // the snapshot's body and index entry are lost (no route deletes one: storage loss, a partial restore)
    for (const key of await server.storage.getKeys(`docs:${boardId}`))
      if (key.includes(snap.body.snapshot.id)) await server.storage.removeItem(key)
    const compare = await get<CompareResult>(owner.token, `${base}/compare`)
    expect(compare.status).toBe(200)
    for (const format of ['md', 'pdf', 'docx']) expect((await get(owner.token, `${base}/export/${format}`)).status).toBe(200)
    // the site may be counted live again
    expect((await send(owner.token, 'PUT', `${base}/boards/${boardId}`, {})).status).toBe(200)
    const live = await get<CompareResult>(owner.token, `${base}/compare`)
    expect(live.body.sites.map((s) => [s.boardId, s.snapshotId])).toEqual([[boardId, null]])
  })
})

describe('the compare and export never widen a board', () => {
  it('a collection viewer reads the compare but no board route of its sites; a board viewer in the collection does not become more', async () => {
    const boardId = await createBoard(server.url, owner.token, { title: 'Viewed', content: documentOf('Viewed') })
    const collection = await newCollection(owner.token)
    expect((await send(owner.token, 'PUT', `/api/collections/${collection.id}/boards/${boardId}`, {})).status).toBe(200)
    // a board viewer who is the collection's facilitator: still a viewer on the board
    const person = await boardMember(boardId, 'viewer')
    await joinCollection(collection.id, 'facilitator', person.token)
    expectRefusal(await send(person.token, 'POST', `/api/boards/${boardId}/comments`, { body: 'x' }), 403)
    expectRefusal(await send(person.token, 'PATCH', `/api/boards/${boardId}`, { title: 'Mine now' }), 403)
    expectRefusal(await send(person.token, 'POST', `/api/boards/${boardId}/invites`, { role: 'editor' }), 403)
    expect((await get<{ board: { role: string } }>(person.token, `/api/boards/${boardId}`)).body.board.role).toBe('viewer')
    // the collection role does not let a guest of the board into the collection
    const boardGuest = await joinAs(server.url, owner.token, boardId, 'editor', 'Board guest')
    expectRefusal(await get(boardGuest.token, `/api/collections/${collection.id}`), 404)
    expectRefusal(await get(boardGuest.token, `/api/collections/${collection.id}/compare`), 404)
    expectRefusal(await get(boardGuest.token, `/api/collections/${collection.id}/export/md`), 404)
  })
})

describe('two instances on one Redis', () => {
  let redis: RedisServer
  let a: TestServer
  let b: TestServer
  let person: Account

  beforeAll(async () => {
    redis = await startRedis()
    const env = { STORAGE_URL: redis.url, REDIS_URL: redis.url, API_REQUESTS_PER_SECOND: '0' }
    a = await startTestServer(env)
    b = await startTestServer(env)
    person = await signup(a.url, 'Two instances')
  })
  afterAll(async () => {
    await a?.stop()
    await b?.stop()
    await redis?.stop()
  })

  it('changes of one collection reaching both instances at once all stay: sites, texts', async () => {
    for (let round = 0; round < 3; round++) await changeOnBoth()
  })

  async function changeOnBoth() {
    const created = await api<{ collection: Collection }>(a.url, 'POST', '/api/collections', {
      token: person.token,
      body: { title: 'Shared' },
    })
    const id = created.body.collection.id
    const boards: string[] = []
    for (let i = 0; i < 8; i++) boards.push(await createBoard(a.url, person.token, { title: `Site ${i}` }))
    const keys = ['introduction', 'swot', 'vision', 'operation'] as const
    const answers = await Promise.all([
      ...boards.map((boardId, i) =>
        api(i % 2 ? a.url : b.url, 'PUT', `/api/collections/${id}/boards/${boardId}`, { token: person.token, body: {} }),
      ),
      ...keys.map((key, i) =>
        api(i % 2 ? b.url : a.url, 'PATCH', `/api/collections/${id}`, { token: person.token, body: { texts: { [key]: key } } }),
      ),
    ])
    expect(answers.map((r) => r.status)).toEqual(answers.map(() => 200))
    const after = await api<{ collection: Collection }>(b.url, 'GET', `/api/collections/${id}`, { token: person.token })
    expect(after.body.collection.sites.map((s) => s.boardId).sort()).toEqual([...boards].sort())
    expect(after.body.collection.texts).toEqual(Object.fromEntries(keys.map((key) => [key, key])))
  }
})
