import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { exportHistory } from '../../server/backup/board-history.ts'
import { type Account, createBoard as createBoardOver, joinAs, signup as signupOver } from '../helpers/api.ts'
import { blackPng } from '../helpers/png.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'
import { closeCodeOf } from '../helpers/sync-client.ts'
import { type ApiResponse, createBoard, createHarness, invite, join, type RestHarness, signup } from './rest-harness.ts'

/**
 * Every route the app answers and the sync endpoint, asked by every kind of caller: the owner,
 * a facilitator, a viewer and a reviewer (accounts that joined by invite), an editor (a guest),
 * a stranger (an account with no role), nobody (no session), and a guest of another board. A
 * route added without a row here fails the first test, so no route escapes the matrix.
 */

const actors = ['owner', 'facilitator', 'editor', 'viewer', 'reviewer', 'stranger', 'anonymous', 'otherGuest'] as const
type Actor = (typeof actors)[number]
/** The column of each actor in a row's `expected`; the reviewer has none (see `Row.reviewer`). */
const column: Record<Exclude<Actor, 'reviewer'>, number> = {
  owner: 0,
  facilitator: 1,
  editor: 2,
  viewer: 3,
  stranger: 4,
  anonymous: 5,
  otherGuest: 6,
}
type Statuses = [
  owner: number,
  facilitator: number,
  editor: number,
  viewer: number,
  stranger: number,
  anonymous: number,
  otherGuest: number,
]

interface Fixture {
  boardId: string
  tokens: Record<Actor, string | undefined>
  snapshotId: string
  imageId: string
  /** invites the actor may use or revoke */
  joinInvite: string
  revokeInvite: string
  /** a member whose role the actor may change and whom they may remove */
  targetUserId: string
  /** a comment on the board, by the owner */
  commentId: string
}

const PASSWORD = 'correct horse battery'

/**
 * A board with one person of every role, a snapshot, an image, an open dot vote and a private
 * brainstorm running, invites and a member to act on.
 */
async function fixture(h: RestHarness): Promise<Fixture> {
  const owner = await signup(h, 'Owner')
  const boardId = await createBoard(h, owner.token, { title: 'Spinnerei Pottendorf' })
  const facilitator = await signup(h, 'Facilitator')
  await join(h, await invite(h, owner.token, boardId, { role: 'facilitator' }), facilitator.token)
  const editor = await join(h, await invite(h, owner.token, boardId, { role: 'editor' }), undefined, 'Eddie')
  const viewer = await signup(h, 'Viewer')
  await join(h, await invite(h, owner.token, boardId, { role: 'viewer' }), viewer.token)
  const reviewer = await signup(h, 'Reviewer')
  await join(h, await invite(h, owner.token, boardId, { role: 'reviewer' }), reviewer.token)
  const target = await signup(h, 'Target')
  await join(h, await invite(h, owner.token, boardId, { role: 'viewer' }), target.token)
  const stranger = await signup(h, 'Stranger')
  const otherOwner = await signup(h, 'Other')
  const otherBoard = await createBoard(h, otherOwner.token, { title: 'Other' })
  const otherGuest = await join(h, await invite(h, otherOwner.token, otherBoard, { role: 'facilitator' }))

  const ok = async (method: string, path: string, body?: unknown, headers?: Record<string, string>) => {
    const res = await h.request(method, path, { token: owner.token, body, ...(headers ? { headers } : {}) })
    if (res.status >= 300) throw new Error(`fixture: ${method} ${path} → ${res.status} ${res.text}`)
    return res.body as Record<string, Record<string, string>>
  }
  await h.content.apply(
    boardId,
    {
      type: 'element.add',
      elements: [{ id: 'n1', kind: 'note', x: 0, y: 0, w: 160, h: 160, label: 'Roof leaks?', color: 'yellow' }],
    },
    { role: 'owner' },
  )
  const snapshotId = (await ok('POST', `/api/boards/${boardId}/snapshots`, { label: 'Round 1' })).snapshot?.id ?? ''
  const imageId =
    (await ok('POST', `/api/boards/${boardId}/images`, blackPng(4, 4), { 'content-type': 'image/png' })).image?.id ?? ''
  await ok('POST', `/api/boards/${boardId}/facilitation`, { command: 'vote.open', elementIds: ['n1'], dotsPerPerson: 3 })
  await ok('POST', `/api/boards/${boardId}/facilitation`, { command: 'private.start' })
  const commentId = (await ok('POST', `/api/boards/${boardId}/comments`, { body: 'Is the roof in the budget?', elementId: 'n1' }))
    .comment?.id
  return {
    commentId: commentId ?? '',
    boardId,
    snapshotId,
    imageId,
    joinInvite: await invite(h, owner.token, boardId, { role: 'viewer' }),
    revokeInvite: await invite(h, owner.token, boardId, { role: 'viewer' }),
    targetUserId: target.id,
    tokens: {
      owner: owner.token,
      facilitator: facilitator.token,
      editor: editor.token,
      viewer: viewer.token,
      reviewer: reviewer.token,
      stranger: stranger.token,
      anonymous: undefined,
      otherGuest: otherGuest.token,
    },
  }
}

interface Row {
  /** the route as the app registers it */
  route: string
  /** the request made of it */
  path: (f: Fixture) => string
  body?: unknown
  headers?: Record<string, string>
  expected: Statuses
  /** the reviewer's answer where it differs from the viewer's (CONTRACT.md: reviewers read like viewers, and comment) */
  reviewer?: number
}

/** What `actor` should get from `row`. */
const expectedOf = (row: { expected: Statuses; reviewer?: number }, actor: Actor): number | undefined =>
  actor === 'reviewer' ? (row.reviewer ?? row.expected[column.viewer]) : row.expected[column[actor]]

const hidden = [404, 401, 404] as const
const everyone = (status: number): Statuses => [status, status, status, status, status, status, status]
const members = (status: number): Statuses => [status, status, status, status, ...hidden]
const signedIn = (status: number): Statuses => [status, status, status, status, status, 401, status]
const png = blackPng(2, 2)

/** In the order they run for one actor: what changes or removes the board comes last. */
const rows: Row[] = [
  { route: 'GET /healthz', path: () => '/healthz', expected: everyone(200) },
  { route: 'GET /api/config', path: () => '/api/config', expected: everyone(200) },
  { route: 'GET /api/demo', path: () => '/api/demo', expected: signedIn(200) },
  { route: 'GET /api/auth/me', path: () => '/api/auth/me', expected: signedIn(200) },
  { route: 'PATCH /api/auth/me', path: () => '/api/auth/me', body: { language: 'de' }, expected: signedIn(200) },
  {
    route: 'POST /api/auth/reset-request',
    path: () => '/api/auth/reset-request',
    body: { email: 'nobody@example.org' },
    // without SMTP_URL (as here): 501 for everyone, signed in or not
    expected: everyone(501),
  },
  {
    route: 'POST /api/auth/reset',
    path: () => '/api/auth/reset',
    body: { token: 'not-a-token', password: 'a new long password' },
    expected: everyone(410),
  },
  { route: 'GET /api/boards', path: () => '/api/boards', expected: signedIn(200) },
  { route: 'POST /api/boards', path: () => '/api/boards', body: { title: 'New' }, expected: [201, 201, 403, 201, 201, 401, 403] },
  {
    route: 'POST /api/boards/import-history',
    path: () => '/api/boards/import-history',
    headers: { 'content-type': 'application/gzip' },
    // body: the fixture board's history (set in the loop)
    expected: [201, 201, 403, 201, 201, 401, 403],
  },
  { route: 'GET /api/boards/:id', path: (f) => `/api/boards/${f.boardId}`, expected: members(200) },
  {
    route: 'GET /api/boards/:id/history',
    path: (f) => `/api/boards/${f.boardId}/history`,
    expected: [200, 403, 403, 403, ...hidden],
  },
  {
    route: 'PATCH /api/boards/:id',
    path: (f) => `/api/boards/${f.boardId}`,
    body: { title: 'Renamed' },
    expected: [200, 200, 403, 403, ...hidden],
  },
  {
    route: 'POST /api/boards/:id/duplicate',
    path: (f) => `/api/boards/${f.boardId}/duplicate`,
    expected: [201, 201, 403, 201, ...hidden],
  },
  {
    route: 'POST /api/boards/:id/templates',
    path: (f) => `/api/boards/${f.boardId}/templates`,
    body: { template: 'site-scan' },
    expected: [200, 200, 403, 403, ...hidden],
  },
  { route: 'GET /api/boards/:id/thumbnail', path: (f) => `/api/boards/${f.boardId}/thumbnail`, expected: members(200) },
  { route: 'GET /api/boards/:id/analysis', path: (f) => `/api/boards/${f.boardId}/analysis`, expected: members(200) },
  ...(['json', 'csv', 'xlsx', 'md', 'png', 'svg', 'pdf'] as const).map(
    (format): Row => ({
      route: `GET /api/boards/:id/export/${format}`,
      path: (f) => `/api/boards/${f.boardId}/export/${format}`,
      expected: members(200),
    }),
  ),
  { route: 'GET /api/boards/:id/export/:format', path: (f) => `/api/boards/${f.boardId}/export/docx`, expected: members(404) },
  { route: 'GET /api/boards/:id/snapshots', path: (f) => `/api/boards/${f.boardId}/snapshots`, expected: members(200) },
  {
    route: 'GET /api/boards/:id/snapshots/:sid',
    path: (f) => `/api/boards/${f.boardId}/snapshots/${f.snapshotId}`,
    expected: members(200),
  },
  {
    route: 'GET /api/boards/:id/diff',
    path: (f) => `/api/boards/${f.boardId}/diff?from=${f.snapshotId}&to=live`,
    expected: members(200),
  },
  {
    route: 'POST /api/boards/:id/snapshots',
    path: (f) => `/api/boards/${f.boardId}/snapshots`,
    body: { label: 'Round 2' },
    expected: [201, 201, 201, 403, ...hidden],
  },
  {
    route: 'POST /api/boards/:id/snapshots/:sid/restore',
    path: (f) => `/api/boards/${f.boardId}/snapshots/${f.snapshotId}/restore`,
    expected: [200, 200, 403, 403, ...hidden],
  },
  {
    route: 'GET /api/boards/:id/images/:imageId',
    path: (f) => `/api/boards/${f.boardId}/images/${f.imageId}`,
    expected: members(200),
  },
  {
    route: 'POST /api/boards/:id/images',
    path: (f) => `/api/boards/${f.boardId}/images`,
    body: png,
    headers: { 'content-type': 'image/png' },
    expected: [201, 201, 201, 403, ...hidden],
  },
  { route: 'GET /api/boards/:id/facilitation', path: (f) => `/api/boards/${f.boardId}/facilitation`, expected: members(200) },
  {
    route: 'PUT /api/boards/:id/vote',
    path: (f) => `/api/boards/${f.boardId}/vote`,
    body: { dots: { n1: 1 } },
    expected: [200, 200, 200, 403, ...hidden],
  },
  { route: 'GET /api/boards/:id/private-notes', path: (f) => `/api/boards/${f.boardId}/private-notes`, expected: members(200) },
  {
    route: 'PUT /api/boards/:id/private-notes/:noteId',
    path: (f) => `/api/boards/${f.boardId}/private-notes/mine`,
    body: { label: 'Only me' },
    expected: [200, 200, 200, 403, ...hidden],
  },
  {
    route: 'DELETE /api/boards/:id/private-notes/:noteId',
    path: (f) => `/api/boards/${f.boardId}/private-notes/mine`,
    expected: [204, 204, 204, 403, ...hidden],
  },
  {
    route: 'POST /api/boards/:id/facilitation',
    path: (f) => `/api/boards/${f.boardId}/facilitation`,
    body: { command: 'timer.start', seconds: 300 },
    expected: [200, 200, 403, 403, ...hidden],
  },
  { route: 'GET /api/boards/:id/comments', path: (f) => `/api/boards/${f.boardId}/comments`, expected: members(200) },
  {
    route: 'POST /api/boards/:id/comments',
    path: (f) => `/api/boards/${f.boardId}/comments`,
    body: { body: 'Phase 2 needs a roof first', elementId: 'n1' },
    expected: [201, 201, 201, 403, ...hidden],
    reviewer: 201,
  },
  {
    route: 'PATCH /api/boards/:id/comments/:cid',
    path: (f) => `/api/boards/${f.boardId}/comments/${f.commentId}`,
    body: { resolved: true },
    expected: [200, 200, 200, 403, ...hidden],
    reviewer: 200,
  },
  {
    // the owner's comment: its author, or a facilitator, deletes it
    route: 'DELETE /api/boards/:id/comments/:cid',
    path: (f) => `/api/boards/${f.boardId}/comments/${f.commentId}`,
    expected: [204, 204, 403, 403, ...hidden],
    reviewer: 403,
  },
  { route: 'GET /api/boards/:id/members', path: (f) => `/api/boards/${f.boardId}/members`, expected: members(200) },
  {
    route: 'PATCH /api/boards/:id/members/:userId',
    path: (f) => `/api/boards/${f.boardId}/members/${f.targetUserId}`,
    body: { role: 'editor' },
    expected: [200, 200, 403, 403, ...hidden],
  },
  {
    route: 'DELETE /api/boards/:id/members/:userId',
    path: (f) => `/api/boards/${f.boardId}/members/${f.targetUserId}`,
    expected: [204, 204, 403, 403, ...hidden],
  },
  {
    route: 'GET /api/boards/:id/invites',
    path: (f) => `/api/boards/${f.boardId}/invites`,
    expected: [200, 200, 403, 403, ...hidden],
  },
  {
    route: 'POST /api/boards/:id/invites',
    path: (f) => `/api/boards/${f.boardId}/invites`,
    body: { role: 'editor' },
    expected: [201, 201, 403, 403, ...hidden],
  },
  {
    route: 'DELETE /api/boards/:id/invites/:token',
    path: (f) => `/api/boards/${f.boardId}/invites/${f.revokeInvite}`,
    expected: [204, 204, 403, 403, ...hidden],
  },
  { route: 'GET /api/invites/:token', path: (f) => `/api/invites/${f.joinInvite}`, expected: everyone(200) },
  {
    route: 'POST /api/invites/:token/join',
    path: (f) => `/api/invites/${f.joinInvite}/join`,
    body: { displayName: 'Late' },
    expected: everyone(200),
  },
  // the stranger joined as a viewer one row up: now refused, not kept in the dark; the other board's
  // guest got a new guest session by joining, and theirs still sees only their own board
  { route: 'DELETE /api/boards/:id', path: (f) => `/api/boards/${f.boardId}`, expected: [204, 403, 403, 403, 403, 401, 404] },
  // the session routes last: logout ends the caller's session
  { route: 'POST /api/auth/signup', path: () => '/api/auth/signup', body: 'per-actor', expected: everyone(201) },
  { route: 'POST /api/auth/login', path: () => '/api/auth/login', body: 'per-actor', expected: everyone(200) },
  { route: 'POST /api/auth/logout', path: () => '/api/auth/logout', expected: [204, 204, 204, 204, 204, 401, 204] },
]

/**
 * Collections of sites have members of their own: every collection route × the collection's
 * owner, facilitator (also facilitator of its board), an editor (a guest of the collection), a
 * reviewer and a viewer (accounts), a stranger, nobody, and a guest of another collection.
 */
const collectionActors = ['owner', 'facilitator', 'editor', 'reviewer', 'viewer', 'stranger', 'anonymous', 'otherGuest'] as const
type CollectionActor = (typeof collectionActors)[number]
type CollectionStatuses = [
  owner: number,
  facilitator: number,
  editor: number,
  reviewer: number,
  viewer: number,
  stranger: number,
  anonymous: number,
  otherGuest: number,
]

interface CollectionFixture {
  collectionId: string
  boardId: string
  tokens: Record<CollectionActor, string | undefined>
  /** a member whose role the actor may change and whom they may remove */
  targetUserId: string
  revokeInvite: string
}

async function collectionInvite(h: RestHarness, token: string, collectionId: string, role: string): Promise<string> {
  const res = await h.request('POST', `/api/collections/${collectionId}/invites`, { token, body: { role } })
  if (res.status !== 201) throw new Error(`collection invite failed: ${res.status} ${res.text}`)
  return (res.body as { invite: { token: string } }).invite.token
}

/** A collection of one board (at a snapshot), with one person of every role, an invite and a member to act on. */
async function collectionFixture(h: RestHarness): Promise<CollectionFixture> {
  const owner = await signup(h, 'Owner')
  const boardId = await createBoard(h, owner.token, { title: 'Rudnik' })
  const snapshot = await h.request('POST', `/api/boards/${boardId}/snapshots`, { token: owner.token, body: { label: 'R1' } })
  const created = await h.request('POST', '/api/collections', { token: owner.token, body: { title: 'Region' } })
  const collectionId = (created.body as { collection: { id: string } }).collection.id
  const snapshotId = (snapshot.body as { snapshot: { id: string } }).snapshot.id
  const added = await h.request('PUT', `/api/collections/${collectionId}/boards/${boardId}`, {
    token: owner.token,
    body: { snapshotId },
  })
  if (added.status !== 200) throw new Error(`collection fixture: ${added.status} ${added.text}`)
  const facilitator = await signup(h, 'Facilitator')
  await join(h, await collectionInvite(h, owner.token, collectionId, 'facilitator'), facilitator.token)
  await join(h, await invite(h, owner.token, boardId, { role: 'facilitator' }), facilitator.token)
  const editor = await join(h, await collectionInvite(h, owner.token, collectionId, 'editor'), undefined, 'Eddie')
  const reviewer = await signup(h, 'Reviewer')
  await join(h, await collectionInvite(h, owner.token, collectionId, 'reviewer'), reviewer.token)
  const viewer = await signup(h, 'Viewer')
  await join(h, await collectionInvite(h, owner.token, collectionId, 'viewer'), viewer.token)
  const target = await signup(h, 'Target')
  await join(h, await collectionInvite(h, owner.token, collectionId, 'viewer'), target.token)
  const stranger = await signup(h, 'Stranger')
  const otherOwner = await signup(h, 'Other')
  const other = await h.request('POST', '/api/collections', { token: otherOwner.token, body: { title: 'Other' } })
  const otherId = (other.body as { collection: { id: string } }).collection.id
  const otherGuest = await join(h, await collectionInvite(h, otherOwner.token, otherId, 'facilitator'))
  return {
    collectionId,
    boardId,
    targetUserId: target.id,
    revokeInvite: await collectionInvite(h, owner.token, collectionId, 'viewer'),
    tokens: {
      owner: owner.token,
      facilitator: facilitator.token,
      editor: editor.token,
      reviewer: reviewer.token,
      viewer: viewer.token,
      stranger: stranger.token,
      anonymous: undefined,
      otherGuest: otherGuest.token,
    },
  }
}

interface CollectionRow {
  route: string
  path: (f: CollectionFixture) => string
  body?: unknown
  expected: CollectionStatuses
}

const hiddenCollection = [404, 401, 404] as const
/** owner, facilitator, editor, reviewer, viewer: then hidden from the rest */
const collectionMembers = (
  owner: number,
  facilitator: number,
  editor: number,
  reviewer: number,
  viewer: number,
): CollectionStatuses => [owner, facilitator, editor, reviewer, viewer, ...hiddenCollection]
const collectionRead = collectionMembers(200, 200, 200, 200, 200)
const collectionManage = (status: number) => collectionMembers(status, status, 403, 403, 403)

/** In the order they run for one actor: what removes comes last. */
const collectionRows: CollectionRow[] = [
  { route: 'GET /api/collections', path: () => '/api/collections', expected: [200, 200, 200, 200, 200, 200, 401, 200] },
  {
    route: 'POST /api/collections',
    path: () => '/api/collections',
    body: { title: 'New' },
    // guests (of this or another collection) are no accounts
    expected: [201, 201, 403, 201, 201, 201, 401, 403],
  },
  { route: 'GET /api/collections/:id', path: (f) => `/api/collections/${f.collectionId}`, expected: collectionRead },
  {
    route: 'PATCH /api/collections/:id',
    path: (f) => `/api/collections/${f.collectionId}`,
    body: { texts: { vision: 'A creative region' } },
    expected: collectionManage(200),
  },
  {
    route: 'PUT /api/collections/:id/boards/:boardId',
    path: (f) => `/api/collections/${f.collectionId}/boards/${f.boardId}`,
    body: {},
    expected: collectionManage(200),
  },
  {
    route: 'GET /api/collections/:id/compare',
    path: (f) => `/api/collections/${f.collectionId}/compare`,
    expected: collectionRead,
  },
  {
    route: 'GET /api/collections/:id/reviews',
    path: (f) => `/api/collections/${f.collectionId}/reviews`,
    expected: collectionRead,
  },
  {
    route: 'GET /api/collections/:id/export/:format',
    path: (f) => `/api/collections/${f.collectionId}/export/md`,
    expected: collectionRead,
  },
  {
    route: 'PUT /api/collections/:id/reviews/:boardId',
    path: (f) => `/api/collections/${f.collectionId}/reviews/${f.boardId}`,
    body: { scores: { criticalMass: { score: 4, text: 'Enough makers' } }, summary: 'Good' },
    expected: collectionMembers(200, 200, 200, 200, 403),
  },
  {
    route: 'GET /api/collections/:id/members',
    path: (f) => `/api/collections/${f.collectionId}/members`,
    expected: collectionRead,
  },
  {
    route: 'PATCH /api/collections/:id/members/:userId',
    path: (f) => `/api/collections/${f.collectionId}/members/${f.targetUserId}`,
    body: { role: 'editor' },
    expected: collectionManage(200),
  },
  {
    route: 'DELETE /api/collections/:id/members/:userId',
    path: (f) => `/api/collections/${f.collectionId}/members/${f.targetUserId}`,
    expected: collectionManage(204),
  },
  {
    route: 'GET /api/collections/:id/invites',
    path: (f) => `/api/collections/${f.collectionId}/invites`,
    expected: collectionManage(200),
  },
  {
    route: 'POST /api/collections/:id/invites',
    path: (f) => `/api/collections/${f.collectionId}/invites`,
    body: { role: 'reviewer' },
    expected: collectionManage(201),
  },
  {
    route: 'DELETE /api/collections/:id/invites/:token',
    path: (f) => `/api/collections/${f.collectionId}/invites/${f.revokeInvite}`,
    expected: collectionManage(204),
  },
  {
    route: 'DELETE /api/collections/:id/boards/:boardId',
    path: (f) => `/api/collections/${f.collectionId}/boards/${f.boardId}`,
    expected: collectionManage(204),
  },
  {
    route: 'DELETE /api/collections/:id',
    path: (f) => `/api/collections/${f.collectionId}`,
    expected: collectionMembers(204, 403, 403, 403, 403),
  },
]

/** A refusal (4xx/5xx) is the contract's JSON error with a code and a message. */
function expectJsonRefusal(res: ApiResponse, route: string): void {
  if (res.status < 400) return
  expect(res.headers.get('content-type'), route).toContain('application/json')
  expect((res.body as { error?: { code?: string; message?: string } }).error, route).toMatchObject({
    code: expect.stringMatching(/^[a-z_]+$/),
    message: expect.any(String),
  })
}

/** Every route the matrix has a row for, boards' and collections'. */
const coveredRoutes = () => new Set([...rows, ...collectionRows].map((row) => row.route))

const METRICS_TOKEN = 'matrix-metrics-token-0123456789'
/** The operations routes (a full server's; the REST harness has none): the same for every caller. */
const operations: Record<string, Statuses> = {
  'GET /livez': everyone(200),
  'GET /readyz': everyone(200),
  // a session is not the scrape token: a wrong bearer 403, none 401
  'GET /metrics': [403, 403, 403, 403, 403, 401, 403],
}

/** Routes the app registers as middleware for every path, not routes of their own. */
const middleware = new Set(['ALL /*', 'ALL /api/*'])

let sequence = 0
const freshEmail = () => `matrix-${++sequence}-${Date.now()}@example.org`

describe('authorization matrix: every REST route × every kind of caller', () => {
  let h: RestHarness
  beforeAll(async () => {
    h = await createHarness()
  })
  afterAll(() => h.close())

  it('has a row for every route the app answers, and no row for a route it does not', () => {
    const registered = new Set(h.app.routes.map((r) => `${r.method} ${r.path}`).filter((route) => !middleware.has(route)))
    const covered = coveredRoutes()
    expect([...registered].filter((route) => !covered.has(route)).sort()).toEqual([])
    expect([...covered].filter((route) => !registered.has(route)).sort()).toEqual([])
  })

  for (const actor of actors) {
    it(`answers ${actor} as the contract says, with a JSON error for every refusal`, async () => {
      const f = await fixture(h)
      const token = f.tokens[actor]
      const seen: string[] = []
      const wanted: string[] = []
      for (const row of rows) {
        let body = row.body
        if (row.route === 'POST /api/boards/import-history')
          body = new Uint8Array(await exportHistory(h.storage, h.content, { id: f.boardId, title: 'Spinnerei Pottendorf' }))
        if (row.route === 'POST /api/auth/signup') body = { email: freshEmail(), password: PASSWORD, displayName: 'Newcomer' }
        if (row.route === 'POST /api/auth/login') {
          // an account of its own to sign in to: the caller's session plays no part
          const email = freshEmail()
          await h.request('POST', '/api/auth/signup', { body: { email, password: PASSWORD, displayName: 'Login' } })
          body = { email, password: PASSWORD }
        }
        const path = row.path(f)
        const res = await h.request(row.route.split(' ')[0] as string, path, {
          ...(body === undefined ? {} : { body }),
          ...(row.headers ? { headers: row.headers } : {}),
          ...(token ? { token } : {}),
        })
        seen.push(`${row.route} → ${res.status}`)
        wanted.push(`${row.route} → ${expectedOf(row, actor)}`)
        expectJsonRefusal(res, row.route)
      }
      expect(seen).toEqual(wanted)
    }, 60_000)
  }
})

describe('authorization matrix: every collection route × every kind of collection caller', () => {
  let h: RestHarness
  beforeAll(async () => {
    h = await createHarness()
  })
  afterAll(() => h.close())

  for (const [index, actor] of collectionActors.entries()) {
    it(`answers a collection's ${actor} as the contract says, with a JSON error for every refusal`, async () => {
      const f = await collectionFixture(h)
      const token = f.tokens[actor]
      const seen: string[] = []
      const wanted: string[] = []
      for (const row of collectionRows) {
        const res = await h.request(row.route.split(' ')[0] as string, row.path(f), {
          ...(row.body === undefined ? {} : { body: row.body }),
          ...(token ? { token } : {}),
        })
        seen.push(`${row.route} → ${res.status}`)
        wanted.push(`${row.route} → ${row.expected[index]}`)
        expectJsonRefusal(res, row.route)
      }
      expect(seen).toEqual(wanted)
    }, 60_000)
  }
})

describe('authorization matrix: the sync endpoint × every kind of caller', () => {
  let server: TestServer
  let owner: Account
  beforeAll(async () => {
    server = await startTestServer({ METRICS_TOKEN: METRICS_TOKEN })
    owner = await signupOver(server.url, 'Owner')
  })
  afterAll(() => server?.stop())

  it('answers the operations routes (only a full server has them) alike for every caller; a session never opens /metrics', async () => {
    const registered = server.app.app.routes.map((r) => `${r.method} ${r.path}`).filter((route) => !middleware.has(route))
    const inMatrix = coveredRoutes()
    expect(registered.filter((route) => !inMatrix.has(route)).sort()).toEqual(Object.keys(operations).sort())
    const boardId = await createBoardOver(server.url, owner.token, { title: 'Probe' })
    const tokens: Record<Actor, string> = {
      owner: owner.token,
      facilitator: (await joinAs(server.url, owner.token, boardId, 'facilitator')).token,
      editor: (await joinAs(server.url, owner.token, boardId, 'editor')).token,
      viewer: (await joinAs(server.url, owner.token, boardId, 'viewer')).token,
      reviewer: (await joinAs(server.url, owner.token, boardId, 'reviewer')).token,
      stranger: (await signupOver(server.url, 'Stranger')).token,
      anonymous: '',
      otherGuest: (await joinAs(server.url, owner.token, await createBoardOver(server.url, owner.token), 'editor')).token,
    }
    const seen: string[] = []
    const wanted: string[] = []
    for (const [route, expected] of Object.entries(operations)) {
      for (const actor of actors) {
        const res = await fetch(`${server.url}${route.split(' ')[1]}`, {
          headers: tokens[actor] ? { authorization: `Bearer ${tokens[actor]}`, cookie: `rb_session=${tokens[actor]}` } : {},
        })
        seen.push(`${route} as ${actor} → ${res.status}`)
        wanted.push(`${route} as ${actor} → ${expectedOf({ expected }, actor)}`)
        await res.arrayBuffer()
      }
    }
    expect(seen).toEqual(wanted)
    const scrape = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })
    expect(scrape.status).toBe(200)
    expect(await scrape.text()).toContain('# TYPE')
  })

  /** Opens a raw y-protocols socket, syncs, writes one note, and reports what the server did. */
  async function tryToWrite(
    boardId: string,
    token: string,
    id: string,
  ): Promise<{ close: number | null; denied: boolean; synced: boolean }> {
    const url = `${server.url.replace(/^http/, 'ws')}/sync/${boardId}?token=${encodeURIComponent(token)}`
    const ws = new WebSocket(url, { headers: { origin: server.url } })
    const doc = new Y.Doc()
    const outcome = { close: null as number | null, denied: false, synced: false }
    const closed = new Promise<void>((resolve) =>
      ws.on('close', (code) => {
        outcome.close = code
        resolve()
      }),
    )
    const send = (write: (e: encoding.Encoder) => void) => {
      const e = encoding.createEncoder()
      write(e)
      ws.send(encoding.toUint8Array(e))
    }
    ws.on('message', (data: Buffer) => {
      const d = decoding.createDecoder(new Uint8Array(data))
      const type = decoding.readVarUint(d)
      if (type === 0) {
        const reply = encoding.createEncoder()
        encoding.writeVarUint(reply, 0)
        const kind = syncProtocol.readSyncMessage(d, reply, doc, 'server')
        if (kind === syncProtocol.messageYjsSyncStep2) outcome.synced = true
        if (encoding.length(reply) > 1) ws.send(encoding.toUint8Array(reply))
      } else if (type === 2) outcome.denied = true
    })
    await Promise.race([new Promise((resolve) => ws.once('open', resolve)), closed])
    if (ws.readyState === WebSocket.OPEN) {
      send((e) => {
        encoding.writeVarUint(e, 0)
        syncProtocol.writeSyncStep1(e, doc)
      })
      const deadline = Date.now() + 5000
      while (!outcome.synced && outcome.close === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10))
      doc.on('update', (update: Uint8Array) =>
        send((e) => {
          encoding.writeVarUint(e, 0)
          syncProtocol.writeUpdate(e, update)
        }),
      )
      const note = new Y.Map<unknown>()
      for (const [k, v] of Object.entries({ id, kind: 'note', x: 0, y: 0, w: 160, h: 160, label: 'Written', color: 'yellow' }))
        note.set(k, v)
      doc.getMap('elements').set(id, note)
      const until = Date.now() + 1500
      while (!outcome.denied && outcome.close === null && Date.now() < until) await new Promise((r) => setTimeout(r, 10))
      ws.close()
    }
    await closed
    doc.destroy()
    return outcome
  }

  it('lets members in, applies only the writes their role allows, and closes on everyone else with the contract’s codes', async () => {
    const boardId = await createBoardOver(server.url, owner.token, { title: 'Salt warehouse' })
    const otherBoard = await createBoardOver(server.url, owner.token, { title: 'Other' })
    const tokens: Record<Actor, string> = {
      owner: owner.token,
      facilitator: (await joinAs(server.url, owner.token, boardId, 'facilitator')).token,
      editor: (await joinAs(server.url, owner.token, boardId, 'editor')).token,
      viewer: (await joinAs(server.url, owner.token, boardId, 'viewer')).token,
      reviewer: (await joinAs(server.url, owner.token, boardId, 'reviewer')).token,
      stranger: (await signupOver(server.url, 'Stranger')).token,
      anonymous: '',
      otherGuest: (await joinAs(server.url, owner.token, otherBoard, 'facilitator')).token,
    }
    const seen: Record<string, string> = {}
    for (const actor of actors) {
      if (actor === 'anonymous') {
        const code = await closeCodeOf(`${server.url.replace(/^http/, 'ws')}/sync/${boardId}`, { origin: server.url })
        seen[actor] = `closed ${code}`
        continue
      }
      // an element id of each writer's own, so each write is judged on its own
      const id = `w-${actor}`
      const result = await tryToWrite(boardId, tokens[actor], id)
      const written = await fetch(`${server.url}/api/boards/${boardId}/export/json`, {
        headers: { authorization: `Bearer ${owner.token}` },
      }).then((r) => r.json() as Promise<{ elements: { id: string }[] }>)
      const applied = written.elements.some((e) => e.id === id)
      seen[actor] = result.synced
        ? `synced, ${applied ? 'write applied' : 'write refused'}${result.denied ? ' (denied)' : ''}`
        : `closed ${result.close}`
    }
    expect(seen).toEqual({
      owner: 'synced, write applied',
      facilitator: 'synced, write applied',
      editor: 'synced, write applied',
      viewer: 'synced, write refused (denied)',
      reviewer: 'synced, write refused (denied)',
      stranger: 'closed 4404',
      anonymous: 'closed 4401',
      otherGuest: 'closed 4404',
    })
  }, 60_000)
})
