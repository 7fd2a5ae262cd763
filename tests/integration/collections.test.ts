import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Analysis } from '../../shared/analysis/types.ts'
import type { Collection, Review } from '../../shared/collections/collection.ts'
import type { CompareResult } from '../../shared/collections/compare.ts'
import { translatorFor } from '../../shared/i18n/index.ts'
import { type Account, api, createBoard, joinAs, signup } from '../helpers/api.ts'
import { putElement } from '../helpers/elements.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'
import { closeCodeOf, connectClient } from '../helpers/sync-client.ts'

/**
 * Collections of sites (issue 17; CONTRACT.md "Collections of sites", docs/contract.md): the
 * comparison answers each board's own analysis, the regional matrix is the sum of the boards',
 * a role on a collection never opens a board, a reviewer reviews and does nothing else, members,
 * invites and joining, validation.
 */

let server: TestServer
let owner: Account

const box = (x: number, y: number) => ({ x, y, w: 180, h: 90 })
const actor = (id: string, sector: string, extra: Record<string, unknown> = {}) => ({
  id,
  kind: 'actor',
  ...box(0, 0),
  label: id,
  sector,
  commitment: 'interested',
  ...extra,
})
const use = (id: string, category: string, areaM2: number) => ({ id, kind: 'use', ...box(300, 0), label: id, category, areaM2 })
const link = (id: string, from: string, to: string, relation: string) => ({ id, kind: 'link', from, to, relation })

/** A board document with its own mix of actors, uses and links. */
const documentOf = (title: string, elements: Record<string, unknown>[], areaM2 = 2000) => ({
  format: 'refresh-board',
  version: 1,
  board: { id: 'x', title },
  site: { name: title, country: 'SI', areaM2 },
  elements,
})

const mill = documentOf('Spinnerei', [
  actor('a1', 'creative', { subsector: 'crafts', spaceNeedM2: 300, commitment: 'loi' }),
  actor('a2', 'commerce', { commitment: 'signed' }),
  actor('a3', 'industry'),
  use('u1', 'makerspace', 400),
  use('u2', 'gastronomy', 200),
  link('l1', 'a1', 'u1', 'operates'),
  link('l2', 'a2', 'u2', 'operates'),
  link('l3', 'a1', 'a3', 'cooperates'),
  link('l4', 'a3', 'u1', 'uses'),
])
const warehouse = documentOf(
  'Solno skladišče',
  [
    actor('b1', 'culture', { subsector: 'music', commitment: 'interested' }),
    actor('b2', 'tourism'),
    use('v1', 'events', 500),
    link('m1', 'b1', 'v1', 'operates'),
    link('m2', 'b2', 'v1', 'uses'),
  ],
  900,
)
const mine = documentOf('Rudnik Komló', [
  actor('c1', 'creative', { subsector: 'design_fashion', commitment: 'signed' }),
  actor('c2', 'public'),
  use('w1', 'studio', 300),
  link('n1', 'c1', 'w1', 'operates'),
  link('n2', 'c2', 'w1', 'funds'),
])

const get = <T>(token: string | undefined, path: string) => api<T>(server.url, 'GET', path, token ? { token } : {})
const send = <T = Record<string, unknown>>(token: string | undefined, method: string, path: string, body?: unknown) =>
  api<T>(server.url, method, path, { ...(token ? { token } : {}), ...(body === undefined ? {} : { body }) })

async function newCollection(token: string, title = 'Podravje'): Promise<Collection> {
  const res = await send<{ collection: Collection }>(token, 'POST', '/api/collections', { title })
  expect(res.status).toBe(201)
  return res.body.collection
}

/** A collection invite joined by `as` (an account's token) or by a new guest (`as` undefined). */
async function joinCollection(
  collectionId: string,
  role: string,
  as?: string,
  name = 'Guest',
): Promise<{ token: string; user: { id: string; guest: boolean }; collection: { id: string } }> {
  const inv = await send<{ invite: { token: string; url: string; role: string; expiresAt: string } }>(
    owner.token,
    'POST',
    `/api/collections/${collectionId}/invites`,
    { role },
  )
  expect(inv.status).toBe(201)
  expect(inv.body.invite).toMatchObject({ role, url: expect.stringContaining(`/join/${inv.body.invite.token}`) })
  const joined = await send<{ token: string; user: { id: string; guest: boolean }; collection: { id: string } }>(
    as,
    'POST',
    `/api/invites/${inv.body.invite.token}/join`,
    { displayName: name },
  )
  expect(joined.status).toBe(200)
  return joined.body
}

beforeAll(async () => {
  // hundreds of requests from one address: the request rate limit is off (tests/integration/limits.test.ts tests it)
  server = await startTestServer({ API_REQUESTS_PER_SECOND: '0' })
  owner = await signup(server.url, 'Owner')
})
afterAll(() => server?.stop())

describe('comparing the sites of a collection', () => {
  let collection: Collection
  const boards: string[] = []
  let snapshotId: string

  beforeAll(async () => {
    for (const [title, content] of [
      ['Spinnerei', mill],
      ['Solno skladišče', warehouse],
      ['Rudnik Komló', mine],
    ] as const)
      boards.push(await createBoard(server.url, owner.token, { title, content }))
    // the third board counts at a snapshot; its live board changes afterwards
    const taken = await send<{ snapshot: { id: string } }>(owner.token, 'POST', `/api/boards/${boards[2]}/snapshots`, {
      label: 'Round 1',
    })
    snapshotId = taken.body.snapshot.id
    const client = connectClient(server.url, boards[2] as string, owner.token)
    await client.synced
    putElement(client.doc, actor('c3', 'industry', { commitment: 'signed' }))
    putElement(client.doc, link('n3', 'c3', 'w1', 'uses'))
    const liveOf = () => get<Analysis>(owner.token, `/api/boards/${boards[2]}/analysis`)
    const deadline = Date.now() + 5000
    while ((await liveOf()).body.indicators.actors.total !== 3 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 25))
    client.destroy()
    collection = await newCollection(owner.token)
    for (const [i, boardId] of boards.entries()) {
      const res = await send<{ collection: Collection }>(
        owner.token,
        'PUT',
        `/api/collections/${collection.id}/boards/${boardId}`,
        i === 2 ? { snapshotId } : {},
      )
      expect(res.status).toBe(200)
    }
  })

  it('lists the sites with the board titles and the state they count at; the caller is owner; default criteria', async () => {
    const res = await get<{ collection: Collection }>(owner.token, `/api/collections/${collection.id}`)
    expect(res.status).toBe(200)
    expect(res.body.collection).toMatchObject({ title: 'Podravje', role: 'owner', createdBy: owner.user.id, texts: {} })
    expect(res.body.collection.sites.map((s) => [s.boardId, s.title, s.snapshotId])).toEqual([
      [boards[0], 'Spinnerei', null],
      [boards[1], 'Solno skladišče', null],
      [boards[2], 'Rudnik Komló', snapshotId],
    ])
    expect(res.body.collection.criteria).toEqual([
      { id: 'criticalMass', title: '' },
      { id: 'combination', title: '' },
      { id: 'heritage', title: '' },
      { id: 'viability', title: '' },
      { id: 'phasing', title: '' },
    ])
    const list = await get<{ collections: Collection[] }>(owner.token, '/api/collections')
    expect(list.body.collections.find((c) => c.id === collection.id)?.role).toBe('owner')
  })

  it('answers the same indicators as each board’s own analysis (the third at its snapshot), and the regional matrix is their sum', async () => {
    const res = await get<CompareResult>(owner.token, `/api/collections/${collection.id}/compare`)
    expect(res.status).toBe(200)
    const own = await Promise.all([
      get<Analysis>(owner.token, `/api/boards/${boards[0]}/analysis`),
      get<Analysis>(owner.token, `/api/boards/${boards[1]}/analysis`),
      get<Analysis>(owner.token, `/api/boards/${boards[2]}/analysis?snapshot=${snapshotId}`),
    ])
    const live = await get<Analysis>(owner.token, `/api/boards/${boards[2]}/analysis`)
    expect(res.body.sites.map((s) => [s.boardId, s.title, s.snapshotId, s.snapshotLabel])).toEqual([
      [boards[0], 'Spinnerei', null, null],
      [boards[1], 'Solno skladišče', null, null],
      [boards[2], 'Rudnik Komló', snapshotId, 'Round 1'],
    ])
    for (const [i, site] of res.body.sites.entries()) expect(site.indicators).toEqual(own[i]?.body.indicators)
    // the snapshot counts, not the live board (which has an actor more)
    expect(res.body.sites[2]?.indicators.actors.total).toBe(2)
    expect(live.body.indicators.actors.total).toBe(3)
    // the regional matrix: cell by cell the sum of the three boards' matrices
    const sum = own[0]?.body.matrix.cells.map((row, r) =>
      row.map((cell, c) => cell + (own[1]?.body.matrix.cells[r]?.[c] ?? 0) + (own[2]?.body.matrix.cells[r]?.[c] ?? 0)),
    )
    expect(res.body.matrix.rows).toEqual(own[0]?.body.matrix.rows)
    expect(res.body.matrix.columns).toEqual(own[0]?.body.matrix.columns)
    expect(res.body.matrix.cells).toEqual(sum)
    expect(res.body.matrix.cells.flat().reduce((a, b) => a + b, 0)).toBeGreaterThan(0)
    // the median of a count over three sites
    expect(res.body.median['actors.total']).toBe(2)
    expect(res.body.spread['actors.total']).toMatchObject({ min: 2, max: 3 })
  })

  it('gives each site its trend: one point per snapshot, oldest first, then the live board', async () => {
    const res = await get<CompareResult>(owner.token, `/api/collections/${collection.id}/compare`)
    const trend = res.body.sites[2]?.trend ?? []
    expect(trend.map((p) => p.snapshotId)).toEqual([snapshotId, 'live'])
    expect(trend.map((p) => p.values['actors.total'])).toEqual([2, 3])
    expect(res.body.sites[0]?.trend.map((p) => p.snapshotId)).toEqual(['live'])
  })

  it('refuses a snapshot of another board and a board the caller does not facilitate', async () => {
    const other = await send<{ error: { code: string } }>(
      owner.token,
      'PUT',
      `/api/collections/${collection.id}/boards/${boards[0]}`,
      { snapshotId },
    )
    expect(other.status).toBe(404)
    expect(other.body.error.code).toBe('snapshot_not_found')
    // a facilitator of the collection who is only an editor of a board may not add it
    const facilitator = await signup(server.url, 'Facilitator')
    await joinCollection(collection.id, 'facilitator', facilitator.token)
    const board = await createBoard(server.url, owner.token, { title: 'Editor only' })
    const inv = await send<{ invite: { token: string } }>(owner.token, 'POST', `/api/boards/${board}/invites`, { role: 'editor' })
    await send(facilitator.token, 'POST', `/api/invites/${inv.body.invite.token}/join`, {})
    const refused = await send<{ error: { code: string } }>(
      facilitator.token,
      'PUT',
      `/api/collections/${collection.id}/boards/${board}`,
      {},
    )
    expect(refused.status).toBe(403)
    // a board they cannot see at all: 404
    const hidden = await createBoard(server.url, owner.token, { title: 'Hidden' })
    const unseen = await send<{ error: { code: string } }>(
      facilitator.token,
      'PUT',
      `/api/collections/${collection.id}/boards/${hidden}`,
      {},
    )
    expect(unseen.status).toBe(404)
    expect(unseen.body.error.code).toBe('board_not_found')
    const own = await createBoard(server.url, facilitator.token, { title: 'Their own' })
    const added = await send(facilitator.token, 'PUT', `/api/collections/${collection.id}/boards/${own}`, {})
    expect(added.status).toBe(200)
    expect((await send(facilitator.token, 'DELETE', `/api/collections/${collection.id}/boards/${own}`)).status).toBe(204)
  })

  it('leaves out a board that was deleted (compare, sites and reviews)', async () => {
    const doomed = await createBoard(server.url, owner.token, { title: 'Doomed', content: mill })
    const c = await newCollection(owner.token, 'With a deleted board')
    await send(owner.token, 'PUT', `/api/collections/${c.id}/boards/${boards[0]}`, {})
    await send(owner.token, 'PUT', `/api/collections/${c.id}/boards/${doomed}`, {})
    const review = await send(owner.token, 'PUT', `/api/collections/${c.id}/reviews/${doomed}`, { scores: {}, summary: 'x' })
    expect(review.status).toBe(200)
    expect((await send(owner.token, 'DELETE', `/api/boards/${doomed}`)).status).toBe(204)
    const compare = await get<CompareResult>(owner.token, `/api/collections/${c.id}/compare`)
    expect(compare.status).toBe(200)
    expect(compare.body.sites.map((s) => s.boardId)).toEqual([boards[0]])
    const view = await get<{ collection: Collection }>(owner.token, `/api/collections/${c.id}`)
    expect(view.body.collection.sites.map((s) => s.boardId)).toEqual([boards[0]])
    const reviews = await get<{ reviews: Review[] }>(owner.token, `/api/collections/${c.id}/reviews`)
    expect(reviews.body.reviews).toEqual([])
  })
})

describe('roles on a collection never open a board', () => {
  it('a collection viewer, reviewer, editor, facilitator and guest who are not on a board get 404 from every board route and 4404 on sync', async () => {
    const boardId = await createBoard(server.url, owner.token, { title: 'Private site', content: mill })
    const snap = await send<{ snapshot: { id: string } }>(owner.token, 'POST', `/api/boards/${boardId}/snapshots`, { label: 'a' })
    const collection = await newCollection(owner.token, 'Programme')
    expect((await send(owner.token, 'PUT', `/api/collections/${collection.id}/boards/${boardId}`, {})).status).toBe(200)
    const callers: Record<string, string> = {}
    for (const role of ['viewer', 'reviewer', 'editor', 'facilitator'] as const) {
      const account = await signup(server.url, role)
      await joinCollection(collection.id, role, account.token)
      callers[role] = account.token
    }
    callers.guest = (await joinCollection(collection.id, 'editor', undefined, 'Collection guest')).token
    // every board route the app answers, with the board's id (and a snapshot's where one is named)
    const routes = server.app.app.routes
      .filter((r) => r.path.startsWith('/api/boards/:id') && r.method !== 'ALL')
      .map((r) => ({ method: r.method, path: r.path }))
    expect(routes.length).toBeGreaterThan(20)
    const seen: string[] = []
    for (const [who, token] of Object.entries(callers)) {
      for (const route of routes) {
        const path = route.path
          .replace(':id', boardId)
          .replace(':sid', snap.body.snapshot.id)
          .replace(/:[A-Za-z]+/g, 'x')
        const res = await send(token, route.method, path, route.method === 'GET' || route.method === 'DELETE' ? undefined : {})
        if (res.status !== 404) seen.push(`${who} ${route.method} ${route.path} → ${res.status}`)
      }
      const code = await closeCodeOf(`${server.url.replace(/^http/, 'ws')}/sync/${boardId}?token=${token}`, {
        origin: server.url,
      })
      if (code !== 4404) seen.push(`${who} sync → ${code}`)
      // the board is not in their list either; the compare still shows it (the owner put it there)
      const list = await get<{ boards: { id: string }[] }>(token, '/api/boards')
      if (list.body.boards.some((b) => b.id === boardId)) seen.push(`${who} lists the board`)
      const compare = await get<CompareResult>(token, `/api/collections/${collection.id}/compare`)
      if (compare.status !== 200 || compare.body.sites[0]?.boardId !== boardId) seen.push(`${who} compare → ${compare.status}`)
    }
    expect(seen).toEqual([])
  }, 60_000)

  it('a guest of a collection is no account: cannot create boards or collections, sees no other collection', async () => {
    const collection = await newCollection(owner.token, 'Guests')
    const other = await newCollection(owner.token, 'Other')
    const guest = await joinCollection(collection.id, 'facilitator', undefined, 'Gašper')
    expect(guest.collection).toEqual({ id: collection.id })
    expect(guest.user.guest).toBe(true)
    expect((await get<{ user: { guest: boolean } }>(guest.token, '/api/auth/me')).body.user.guest).toBe(true)
    expect((await send(guest.token, 'POST', '/api/boards', { title: 'Mine' })).status).toBe(403)
    expect((await send(guest.token, 'POST', '/api/collections', { title: 'Mine' })).status).toBe(403)
    expect((await get<{ boards: unknown[] }>(guest.token, '/api/boards')).body.boards).toEqual([])
    const list = await get<{ collections: Collection[] }>(guest.token, '/api/collections')
    expect(list.body.collections.map((c) => [c.id, c.role])).toEqual([[collection.id, 'facilitator']])
    expect((await get(guest.token, `/api/collections/${other.id}`)).status).toBe(404)
    // a board a guest of a collection was invited to is still out of reach: that session is the collection's only
    const boardId = await createBoard(server.url, owner.token, { title: 'Elsewhere' })
    expect((await get(guest.token, `/api/boards/${boardId}`)).status).toBe(404)
  })
})

describe('the reviewer role on a collection', () => {
  it('reviews the sites and changes nothing else', async () => {
    const boardId = await createBoard(server.url, owner.token, { title: 'Reviewed', content: mill })
    const collection = await newCollection(owner.token, 'Peer review')
    await send(owner.token, 'PUT', `/api/collections/${collection.id}/boards/${boardId}`, {})
    const reviewer = await signup(server.url, 'Reviewer')
    await joinCollection(collection.id, 'reviewer', reviewer.token)
    const base = `/api/collections/${collection.id}`
    const review = {
      scores: { criticalMass: { score: 4, text: 'Enough makers' }, viability: { score: null, text: 'No figures yet' } },
      summary: 'Promising; čez leto dni znova.',
    }
    const put = await send<{ review: Review }>(reviewer.token, 'PUT', `${base}/reviews/${boardId}`, review)
    expect(put.status).toBe(200)
    expect(put.body.review).toMatchObject({ boardId, reviewerId: reviewer.user.id, reviewerName: 'Reviewer', ...review })
    // the reviewer's second PUT replaces their review (one per reviewer per site)
    const again = await send(reviewer.token, 'PUT', `${base}/reviews/${boardId}`, {
      scores: { phasing: { score: 2, text: '' } },
      summary: '',
    })
    expect(again.status).toBe(200)
    const ownerReview = await send(owner.token, 'PUT', `${base}/reviews/${boardId}`, { scores: {}, summary: 'From the owner' })
    expect(ownerReview.status).toBe(200)
    const reviews = await get<{ reviews: Review[] }>(reviewer.token, `${base}/reviews`)
    expect(reviews.body.reviews.map((r) => [r.reviewerName, r.summary, Object.keys(r.scores)])).toEqual([
      ['Owner', 'From the owner', []],
      ['Reviewer', '', ['phasing']],
    ])
    const refused = [
      ['PATCH', base, { title: 'Renamed' }],
      ['PUT', `${base}/boards/${boardId}`, {}],
      ['DELETE', `${base}/boards/${boardId}`, undefined],
      ['POST', `${base}/invites`, { role: 'viewer' }],
      ['GET', `${base}/invites`, undefined],
      ['PATCH', `${base}/members/${owner.user.id}`, { role: 'viewer' }],
      ['DELETE', base, undefined],
    ] as const
    const statuses = []
    for (const [method, path, body] of refused) statuses.push((await send(reviewer.token, method, path, body)).status)
    expect(statuses).toEqual([403, 403, 403, 403, 403, 403, 403])
    // and what they could read, they can
    expect((await get(reviewer.token, `${base}/compare`)).status).toBe(200)
    expect((await get(reviewer.token, `${base}/members`)).status).toBe(200)
    // a viewer of the collection may not review
    const viewer = await signup(server.url, 'Viewer')
    await joinCollection(collection.id, 'viewer', viewer.token)
    expect((await send(viewer.token, 'PUT', `${base}/reviews/${boardId}`, review)).status).toBe(403)
  })
})

describe('members, invites and joining', () => {
  it('an account joining keeps its session and gets the role; the owner changes and removes members', async () => {
    const collection = await newCollection(owner.token, 'Members')
    const base = `/api/collections/${collection.id}`
    const account = await signup(server.url, 'Zuzana')
    const joined = await joinCollection(collection.id, 'editor', account.token)
    expect(joined.token).toBe(account.token)
    expect(joined.user).toMatchObject({ id: account.user.id, guest: false })
    // joining again with a lower role never lowers it
    await joinCollection(collection.id, 'viewer', account.token)
    const members = await get<{ members: { userId: string; role: string; guest: boolean }[] }>(account.token, `${base}/members`)
    expect(members.body.members.map((m) => [m.userId, m.role, m.guest])).toEqual([
      [owner.user.id, 'owner', false],
      [account.user.id, 'editor', false],
    ])
    const changed = await send<{ member: { role: string } }>(owner.token, 'PATCH', `${base}/members/${account.user.id}`, {
      role: 'reviewer',
    })
    expect(changed.status).toBe(200)
    expect(changed.body.member.role).toBe('reviewer')
    expect((await send(owner.token, 'PATCH', `${base}/members/${owner.user.id}`, { role: 'viewer' })).status).toBe(403)
    expect((await send(owner.token, 'DELETE', `${base}/members/${account.user.id}`)).status).toBe(204)
    expect((await get(account.token, base)).status).toBe(404)
    // the account's session still works elsewhere
    expect((await get(account.token, '/api/auth/me')).status).toBe(200)
  })

  it('a guest removed from the collection loses their account; the invite describes the collection; revoked invites are gone', async () => {
    const collection = await newCollection(owner.token, 'Kreativna regija')
    const base = `/api/collections/${collection.id}`
    const inv = await send<{ invite: { token: string } }>(owner.token, 'POST', `${base}/invites`, { role: 'viewer', maxUses: 1 })
    const described = await get<{ board: unknown; collection: { title: string }; role: string; status: string }>(
      undefined,
      `/api/invites/${inv.body.invite.token}`,
    )
    expect(described.body).toMatchObject({
      board: null,
      collection: { title: 'Kreativna regija' },
      role: 'viewer',
      status: 'active',
    })
    const guest = await send<{ token: string; user: { id: string } }>(
      undefined,
      'POST',
      `/api/invites/${inv.body.invite.token}/join`,
      {
        displayName: 'Gost',
      },
    )
    expect(guest.status).toBe(200)
    expect((await get(guest.body.token, base)).status).toBe(200)
    const list = await get<{ invites: { token: string; uses: number }[] }>(owner.token, `${base}/invites`)
    expect(list.body.invites).toEqual([expect.objectContaining({ token: inv.body.invite.token, uses: 1 })])
    expect((await send(owner.token, 'DELETE', `${base}/invites/${inv.body.invite.token}`)).status).toBe(204)
    expect((await get<{ invites: unknown[] }>(owner.token, `${base}/invites`)).body.invites).toEqual([])
    expect((await send(owner.token, 'DELETE', `${base}/members/${guest.body.user.id}`)).status).toBe(204)
    expect((await get(guest.body.token, '/api/auth/me')).status).toBe(401)
  })

  it('deleting a collection ends its guests and its invites', async () => {
    const collection = await newCollection(owner.token, 'Short-lived')
    const guest = await joinCollection(collection.id, 'viewer', undefined, 'Brief')
    const inv = await send<{ invite: { token: string } }>(owner.token, 'POST', `/api/collections/${collection.id}/invites`, {
      role: 'viewer',
    })
    const editor = await signup(server.url, 'Editor')
    await joinCollection(collection.id, 'editor', editor.token)
    expect((await send(editor.token, 'DELETE', `/api/collections/${collection.id}`)).status).toBe(403)
    expect((await send(owner.token, 'DELETE', `/api/collections/${collection.id}`)).status).toBe(204)
    expect((await get(owner.token, `/api/collections/${collection.id}`)).status).toBe(404)
    expect((await get(guest.token, '/api/auth/me')).status).toBe(401)
    expect((await get(undefined, `/api/invites/${inv.body.invite.token}`)).status).toBe(404)
    expect((await get<{ collections: Collection[] }>(editor.token, '/api/collections')).body.collections).toEqual([])
  })

  it('keeps board invites as they were: a board invite joins the board and answers {board: {id}}', async () => {
    const boardId = await createBoard(server.url, owner.token, { title: 'Board invite' })
    const guest = await joinAs(server.url, owner.token, boardId, 'editor')
    expect((await get(guest.token, `/api/boards/${boardId}`)).status).toBe(200)
    const inv = await send<{ invite: { token: string } }>(owner.token, 'POST', `/api/boards/${boardId}/invites`, {
      role: 'viewer',
    })
    const joined = await send<Record<string, unknown>>(undefined, 'POST', `/api/invites/${inv.body.invite.token}/join`, {
      displayName: 'B',
    })
    expect(Object.keys(joined.body).sort()).toEqual(['board', 'token', 'user'])
    expect(joined.body.board).toEqual({ id: boardId })
  })
})

describe('changing a collection, and what it refuses', () => {
  it('owner and facilitator change title, criteria and texts; texts merge, an empty text removes it', async () => {
    const collection = await newCollection(owner.token, 'Texts')
    const base = `/api/collections/${collection.id}`
    const patched = await send<{ collection: Collection }>(owner.token, 'PATCH', base, {
      title: 'Strategija',
      criteria: [
        { id: 'criticalMass', title: '' },
        { id: 'water', title: 'Access to water' },
      ],
      texts: { vision: 'Ustvarjalna regija', swot: 'S: ljudje' },
    })
    expect(patched.status).toBe(200)
    expect(patched.body.collection).toMatchObject({
      title: 'Strategija',
      criteria: [
        { id: 'criticalMass', title: '' },
        { id: 'water', title: 'Access to water' },
      ],
      texts: { vision: 'Ustvarjalna regija', swot: 'S: ljudje' },
    })
    const again = await send<{ collection: Collection }>(owner.token, 'PATCH', base, { texts: { swot: '', marketing: 'M' } })
    expect(again.body.collection.texts).toEqual({ vision: 'Ustvarjalna regija', marketing: 'M' })
  })

  it('answers 400 with a code and a message for bad bodies, 401 without a session, 404 for an unknown collection', async () => {
    const boardId = await createBoard(server.url, owner.token, { title: 'Validated' })
    const collection = await newCollection(owner.token, 'Validation')
    const base = `/api/collections/${collection.id}`
    await send(owner.token, 'PUT', `${base}/boards/${boardId}`, {})
    const bad: [string, string, unknown][] = [
      ['POST', '/api/collections', { title: '' }],
      ['POST', '/api/collections', {}],
      ['PATCH', base, {}],
      ['PATCH', base, { texts: { vision: 'x'.repeat(20001) } }],
      ['PATCH', base, { texts: { nonsense: 'x' } }],
      [
        'PATCH',
        base,
        {
          criteria: [
            { id: 'a', title: '' },
            { id: 'a', title: 'again' },
          ],
        },
      ],
      ['PATCH', base, { criteria: [{ id: 'not an id', title: '' }] }],
      ['PUT', `${base}/boards/${boardId}`, { snapshotId: 'bad id!' }],
      ['PUT', `${base}/reviews/${boardId}`, { scores: { criticalMass: { score: 6, text: '' } }, summary: '' }],
      ['PUT', `${base}/reviews/${boardId}`, { scores: { criticalMass: { score: 2.5, text: '' } }, summary: '' }],
      ['PUT', `${base}/reviews/${boardId}`, { scores: { unknownCriterion: { score: 3, text: '' } }, summary: '' }],
      ['POST', `${base}/invites`, { role: 'owner' }],
    ]
    const answers: string[] = []
    for (const [method, path, body] of bad) {
      const res = await send<{ error?: { code: string; message: string } }>(owner.token, method, path, body)
      answers.push(
        `${method} ${path.replace(collection.id, ':id').replace(boardId, ':board')} → ${res.status} ${res.body.error?.code}`,
      )
      expect(res.body.error?.message.length).toBeGreaterThan(0)
    }
    expect(answers.every((a) => a.endsWith('→ 400 validation_failed'))).toBe(true)
    expect((await send(undefined, 'POST', '/api/collections', { title: 'x' })).status).toBe(401)
    expect((await get(undefined, '/api/collections')).status).toBe(401)
    const unknown = await get<{ error: { code: string } }>(owner.token, '/api/collections/nope')
    expect(unknown.status).toBe(404)
    expect(unknown.body.error.code).toBe('collection_not_found')
    // a review of a board that is not a site of the collection
    const outside = await createBoard(server.url, owner.token, { title: 'Outside' })
    expect((await send(owner.token, 'PUT', `${base}/reviews/${outside}`, { scores: {}, summary: '' })).status).toBe(404)
  })
})

describe('the regional strategy export', () => {
  it('any member exports Markdown, PDF and DOCX as attachments, in ?lang= or their UI language; strangers 404', async () => {
    const boardId = await createBoard(server.url, owner.token, { title: 'Solni magacin', content: warehouse })
    const collection = await newCollection(owner.token, 'Obalna regija')
    const base = `/api/collections/${collection.id}`
    await send(owner.token, 'PUT', `${base}/boards/${boardId}`, {})
    await send(owner.token, 'PATCH', base, { texts: { vision: 'Skladišča postanejo delavnice.' } })
    const viewer = await signup(server.url, 'Viewer')
    await joinCollection(collection.id, 'viewer', viewer.token)
    await send(viewer.token, 'PATCH', '/api/auth/me', { language: 'de' })

    const download = (token: string | undefined, format: string, query = '') =>
      fetch(`${server.url}${base}/export/${format}${query}`, token ? { headers: { authorization: `Bearer ${token}` } } : {})

    const md = await download(viewer.token, 'md', '?lang=sl')
    expect(md.status).toBe(200)
    expect(md.headers.get('content-type')).toBe('text/markdown; charset=utf-8')
    expect(md.headers.get('content-disposition')).toContain('attachment; filename="obalna-regija.md"')
    const text = await md.text()
    const sl = translatorFor('sl')
    for (const key of ['strategy.chapter.creativeSector', 'strategy.chapter.vision', 'strategy.chapter.annex'] as const)
      expect(text).toContain(sl(key))
    expect(text).toContain('Solni magacin')
    expect(text).toContain('Skladišča postanejo delavnice.')
    // without ?lang=: the caller's UI language
    const german = await (await download(viewer.token, 'md')).text()
    expect(german).toContain(translatorFor('de')('strategy.chapter.creativeSector'))

    const pdf = await download(viewer.token, 'pdf')
    expect(pdf.status).toBe(200)
    expect(pdf.headers.get('content-type')).toBe('application/pdf')
    expect(pdf.headers.get('content-disposition')).toContain('.pdf"')
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString('latin1'),
    ).toBe('%PDF-')
    const docx = await download(owner.token, 'docx')
    expect(docx.status).toBe(200)
    expect(docx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
    expect(
      Buffer.from(await docx.arrayBuffer())
        .subarray(0, 2)
        .toString('latin1'),
    ).toBe('PK')

    expect((await download(viewer.token, 'odt')).status).toBe(404)
    const stranger = await signup(server.url, 'Stranger')
    expect((await download(stranger.token, 'md')).status).toBe(404)
    expect((await download(undefined, 'md')).status).toBe(401)
  }, 60_000)
})
