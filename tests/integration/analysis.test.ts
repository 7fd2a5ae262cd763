import { Hono } from 'hono'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { analysisRoutes } from '../../server/analysis/analysis-routes.ts'
import { authenticate } from '../../server/auth/authenticate.ts'
import type { AppEnv } from '../../server/http/app-env.ts'
import { errorHandler } from '../../server/http/error-handler.ts'
import { createLogger } from '../../server/logger.ts'
import type { Analysis } from '../../shared/analysis/types.ts'
import { workedExample, workedExampleInput } from '../../shared/analysis/worked-example.fixture.ts'
import { type Account, api, createBoard, joinAs, signup } from '../helpers/api.ts'
import { putElement } from '../helpers/elements.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'
import { connectClient, type SyncClient } from '../helpers/sync-client.ts'
import { createHarness, createBoard as harnessCreateBoard, signup as harnessSignup, type RestHarness } from './rest-harness.ts'

let server: TestServer
let owner: Account
let boardId: string
const clients: SyncClient[] = []

const analysisOf = (token: string | undefined, id = boardId, query = '') =>
  api<Analysis & { error?: { code: string } }>(server.url, 'GET', `/api/boards/${id}/analysis${query}`, token ? { token } : {})

/** Polls the API until `check` holds for the answer (a live edit reaches the server asynchronously). */
async function analysisWhen(token: string, check: (analysis: Analysis) => boolean, timeoutMs = 5000): Promise<Analysis> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const res = await analysisOf(token)
    if (res.status === 200 && check(res.body)) return res.body
    if (Date.now() > deadline) throw new Error(`analysis never matched: ${JSON.stringify(res.body).slice(0, 400)}`)
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}

beforeAll(async () => {
  server = await startTestServer()
  owner = await signup(server.url, 'Owner')
  boardId = await createBoard(server.url, owner.token, { title: 'Malzfabrik', content: workedExampleInput })
})
afterAll(async () => {
  for (const client of clients) client.destroy()
  await server.stop()
})

describe('GET /api/boards/:id/analysis', () => {
  it('answers the hand-computed indicators, matrix and gaps of the live board', async () => {
    const res = await analysisOf(owner.token)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('application/json')
    expect(Object.keys(res.body)).toEqual(['indicators', 'matrix', 'gaps'])
    const { indicators, matrix, gaps } = res.body
    // the numbers of shared/analysis/analyse.test.ts, worked out from worked-example.fixture.ts
    expect(indicators.actors.total).toBe(7)
    expect(indicators.actors.bySector).toMatchObject({
      creative: 2,
      culture: 1,
      commerce: 1,
      industry: 1,
      public: 1,
      owner: 1,
      investor: 0,
    })
    expect(indicators.creative).toEqual({ count: 3, threshold: 3, reached: true, share: 3 / 7, committed: 1, interested: 1 })
    expect(indicators.area).toMatchObject({ siteM2: 2000, plannedM2: 1500, ratio: 0.75, demandM2: 1150 })
    expect(indicators.area.weightedDemandM2).toBeCloseTo(682.5, 9)
    expect(indicators.combination).toEqual({ crossSectorLinks: 2, sharedUses: 1, sectorsCommitted: 4 })
    expect(indicators.coverage).toBe(0.5)
    expect(indicators.mix.evenness).toBeCloseTo(0.925633916873193, 12)
    expect(indicators.stakeholders).toMatchObject({ keyPlayers: 4, keyPlayersSupportive: 2, health: 0.5, blockers: 1 })
    expect(indicators.timelineConflicts.map((conflict) => [conflict.useId, conflict.reason])).toEqual([
      ['u3', 'operator-uncommitted'],
      ['u5', 'operator-scheduled-later'],
    ])
    expect(matrix.cells.flat().reduce((a, b) => a + b, 0)).toBe(7)
    expect(gaps.map((gap) => `${gap.type} ${gap.elementId}`)).toEqual([
      'use-without-operator u2',
      'use-without-operator u4',
      'use-without-operator u6',
      'actor-without-use a6',
      'actor-without-use a7',
      'zone-overcommitted z2',
      'use-without-phase u4',
      'use-without-phase u6',
      'link-dangling l13',
      'link-dangling l8',
      'use-zone-missing u6',
      'phase-ref-dangling p3',
    ])
  })

  it('follows live edits made through a real y-websocket client', async () => {
    const client = connectClient(server.url, boardId, owner.token)
    clients.push(client)
    await client.synced
    // an operator for u2: coverage 3/6 → 4/6 and u2's gap goes
    putElement(client.doc, { id: 'l20', kind: 'link', from: 'a6', to: 'u2', relation: 'operates' })
    const after = await analysisWhen(owner.token, (analysis) => analysis.indicators.coverage > 0.5)
    expect(after.indicators.coverage).toBeCloseTo(4 / 6, 12)
    expect(after.gaps).not.toContainEqual({ type: 'use-without-operator', elementId: 'u2' })
    // a6 (creative) is now linked to a use too
    expect(after.gaps).not.toContainEqual({ type: 'actor-without-use', elementId: 'a6' })

    // a fourth creative actor and the site area doubled
    putElement(client.doc, {
      id: 'a8',
      kind: 'actor',
      x: 0,
      y: 700,
      w: 180,
      h: 90,
      label: 'Grafikbüro Kovač',
      sector: 'creative',
      commitment: 'signed',
      spaceNeedM2: 60,
    })
    client.doc.getMap('site').set('areaM2', 4000)
    const later = await analysisWhen(
      owner.token,
      (analysis) => analysis.indicators.creative.count === 4 && analysis.indicators.area.ratio === 0.375,
    )
    expect(later.indicators.creative).toMatchObject({ count: 4, committed: 2, share: 4 / 8 })
    expect(later.indicators.area.weightedDemandM2).toBeCloseTo(742.5, 9) // 682.5 + 60 × 1
  })

  it('a viewer reads it; an outsider gets 404, no session 401', async () => {
    const viewer = await joinAs(server.url, owner.token, boardId, 'viewer')
    expect((await analysisOf(viewer.token)).status).toBe(200)
    const outsider = await signup(server.url, 'Outsider')
    const hidden = await analysisOf(outsider.token)
    expect(hidden.status).toBe(404)
    expect(hidden.body.error?.code).toBe('board_not_found')
    expect((await analysisOf(owner.token, 'no-such-board')).status).toBe(404)
    const anonymous = await analysisOf(undefined)
    expect(anonymous.status).toBe(401)
    expect(anonymous.body.error?.code).toBe('unauthorized')
  })

  it('?snapshot= analyses the board as it was then; an unknown snapshot is 404', async () => {
    const id = await createBoard(server.url, owner.token, { title: 'Rounds', content: workedExampleInput })
    const taken = await api<{ snapshot: { id: string } }>(server.url, 'POST', `/api/boards/${id}/snapshots`, {
      token: owner.token,
      body: { label: 'Round 1' },
    })
    expect(taken.status).toBe(201)
    const client = connectClient(server.url, id, owner.token)
    clients.push(client)
    await client.synced
    client.doc.getMap('elements').delete('a6')
    const live = async () => (await analysisOf(owner.token, id)).body.indicators.actors.total
    for (let i = 0; i < 200 && (await live()) !== 6; i++) await new Promise((r) => setTimeout(r, 25))
    expect(await live()).toBe(6)
    const then = await analysisOf(owner.token, id, `?snapshot=${taken.body.snapshot.id}`)
    expect(then.status).toBe(200)
    expect(then.body.indicators.actors.total).toBe(7)
    const unknown = await analysisOf(owner.token, id, '?snapshot=nope')
    expect(unknown.status).toBe(404)
    expect(unknown.body.error?.code).toBe('snapshot_not_found')
  })
})

describe('the gap count: API, Markdown brief and panel agree', () => {
  it('counts the board-level gap once, with an empty element id, and lists timeline conflicts apart', async () => {
    // a creative studio and a bakery, each with its own use, never together: no combination
    const at = { x: 0, y: 0, w: 180, h: 90 }
    const id = await createBoard(server.url, owner.token, {
      title: 'Brauerei Laško',
      content: {
        format: 'refresh-board',
        version: 1,
        board: { id: 'laško', title: 'Brauerei Laško' },
        site: { name: 'Brauerei', areaM2: 1000 },
        elements: [
          { id: 'a1', kind: 'actor', ...at, label: 'Studio Žužek', sector: 'creative', commitment: 'idea' },
          { id: 'a2', kind: 'actor', ...at, label: 'Pekarna Šmid', sector: 'gastronomy', commitment: 'signed' },
          { id: 'u1', kind: 'use', ...at, label: 'Atelier', category: 'studio', areaM2: 100 },
          { id: 'u2', kind: 'use', ...at, label: 'Bakery', category: 'gastronomy', areaM2: 80 },
          { id: 'l1', kind: 'link', from: 'a1', to: 'u1', relation: 'operates' },
          { id: 'l2', kind: 'link', from: 'a2', to: 'u2', relation: 'operates' },
          {
            id: 'p1',
            kind: 'phase',
            ...at,
            label: 'Interim',
            stage: 'interim',
            start: '2027-04',
            end: '2027-12',
            refs: ['u1', 'u2'],
          },
        ],
      },
    })
    const res = await analysisOf(owner.token, id)
    expect(res.status).toBe(200)
    // by hand: no link creative ↔ established and no shared use → the board gap; every use has an
    // operator and a phase, every actor a use → nothing else. u1 opens in 2027-04, its only
    // operator is at the idea stage → one timeline conflict, which is not a gap.
    expect(res.body.gaps).toEqual([{ type: 'combination-missing', elementId: '' }])
    expect(res.body.indicators.timelineConflicts.map((c) => [c.useId, c.reason])).toEqual([['u1', 'operator-uncommitted']])

    const md = await fetch(`${server.url}/api/boards/${id}/export/md`, { headers: { authorization: `Bearer ${owner.token}` } })
    expect(md.status).toBe(200)
    const text = await md.text()
    const gapsSection = text.slice(text.indexOf('## Gaps'), text.indexOf('## Notes'))
    expect(gapsSection).toContain(`\n${res.body.gaps.length} gap.\n`)
    expect(gapsSection.match(/^- /gm)).toHaveLength(res.body.gaps.length)
    expect(gapsSection).toContain('No creative or cultural actor is combined with an established-sector actor yet')
    const indicatorsSection = text.slice(text.indexOf('## Indicators'), text.indexOf('## Gaps'))
    expect(indicatorsSection).toContain(
      '### Timeline conflicts\n\n- Use "Atelier" is scheduled from Apr 2027 before any operator',
    )
  })
})

describe('the snapshot seam of analysisRoutes', () => {
  let h: RestHarness
  let app: Hono<AppEnv>
  let token: string
  let id: string
  beforeAll(async () => {
    h = await createHarness()
    const account = await harnessSignup(h, 'Ada')
    token = account.token
    id = await harnessCreateBoard(h, token, { title: 'Empty live board' })
    const loadSnapshotContent = async (boardId: string, snapshotId: string) =>
      boardId === id && snapshotId === 'round-1' ? workedExample : null
    app = new Hono<AppEnv>()
    app.use('/api/*', authenticate(h.services.auth))
    app.route('/api/boards', analysisRoutes(h.services.boards, h.content, { loadSnapshotContent }))
    app.onError(errorHandler(createLogger('error')))
  })
  afterAll(() => h.close())

  const get = async (path: string, headers: Record<string, string> = { authorization: `Bearer ${token}` }) => {
    const res = await app.request(`http://localhost${path}`, { headers })
    return { status: res.status, body: (await res.json()) as Analysis & { error?: { code: string } } }
  }

  it('analyses the snapshot the loader returns, the live board without ?snapshot', async () => {
    const snapshot = await get(`/api/boards/${id}/analysis?snapshot=round-1`)
    expect(snapshot.status).toBe(200)
    expect(snapshot.body.indicators.actors.total).toBe(7)
    const live = await get(`/api/boards/${id}/analysis`)
    expect(live.body.indicators.actors.total).toBe(0)
  })

  it('an unknown or malformed snapshot id is 404 snapshot_not_found; access is checked first', async () => {
    for (const sid of ['round-2', 'bad%20id']) {
      const res = await get(`/api/boards/${id}/analysis?snapshot=${sid}`)
      expect(res.status).toBe(404)
      expect(res.body.error?.code).toBe('snapshot_not_found')
    }
    expect((await get(`/api/boards/${id}/analysis?snapshot=round-1`, {})).status).toBe(401)
    const stranger = await harnessSignup(h, 'Stranger')
    const res = await get(`/api/boards/${id}/analysis?snapshot=round-1`, { authorization: `Bearer ${stranger.token}` })
    expect(res.status).toBe(404)
    expect(res.body.error?.code).toBe('board_not_found')
  })

  it('without a loader, ?snapshot answers 501 not_implemented', async () => {
    const bare = new Hono<AppEnv>()
    bare.use('/api/*', authenticate(h.services.auth))
    bare.route('/api/boards', analysisRoutes(h.services.boards, h.content))
    bare.onError(errorHandler(createLogger('error')))
    const res = await bare.request(`http://localhost/api/boards/${id}/analysis?snapshot=round-1`, {
      headers: { authorization: `Bearer ${token}` },
    })
    expect(res.status).toBe(501)
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('not_implemented')
  })
})
