import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { createLogger } from '../../server/logger.ts'
import { type Account, api, createBoard, joinAs, signup } from '../helpers/api.ts'
import { labelOf, note, putElement } from '../helpers/elements.ts'
import { rawSocket, updateMessage, updateUnderClientId } from '../helpers/forge.ts'
import { type RedisServer, startRedis } from '../helpers/redis.ts'
import { startTestServer, type TestServer, tempDir } from '../helpers/server.ts'
import { connectClient, type SyncClient, waitFor } from '../helpers/sync-client.ts'

/** One sample of the Prometheus text format: name, labels, value. */
interface Sample {
  name: string
  labels: Record<string, string>
  value: number
}

function parseMetrics(text: string): Sample[] {
  const samples: Sample[] = []
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line)
    if (!m) throw new Error(`not a Prometheus sample line: ${line}`)
    const labels: Record<string, string> = {}
    for (const [, k, v] of (m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) labels[k as string] = v as string
    samples.push({ name: m[1] as string, labels, value: Number(m[3]) })
  }
  return samples
}

async function scrape(server: TestServer, token?: string): Promise<{ text: string; samples: Sample[] }> {
  const res = await fetch(`${server.url}/metrics`, { headers: token ? { authorization: `Bearer ${token}` } : {} })
  expect(res.status).toBe(200)
  const text = await res.text()
  return { text, samples: parseMetrics(text) }
}

/** The value of the one sample with that name whose labels include `labels` (0 when absent). */
function sampleValue(samples: Sample[], name: string, labels: Record<string, string> = {}): number {
  const found = samples.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))
  if (found.length > 1) throw new Error(`${name} ${JSON.stringify(labels)} matches ${found.length} samples`)
  return found[0]?.value ?? 0
}

/** Polls /metrics until `check` holds for its samples; returns them. */
async function metricsUntil(server: TestServer, check: (samples: Sample[]) => boolean, what: string): Promise<Sample[]> {
  let last: Sample[] = []
  await waitForAsync(async () => {
    last = (await scrape(server)).samples
    return check(last)
  }, what)
  return last
}

async function waitForAsync(check: () => Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 50))
  }
}

const clients: SyncClient[] = []
const connect = (server: TestServer, boardId: string, token: string) => {
  const c = connectClient(server.url, boardId, token)
  clients.push(c)
  return c
}
afterAll(() => {
  for (const c of clients) c.destroy()
})

describe('/livez, /readyz and /metrics on one instance', () => {
  let server: TestServer
  let owner: Account
  beforeAll(async () => {
    server = await startTestServer({ ROOM_IDLE_MS: '100' })
    owner = await signup(server.url, 'Operator')
  })
  afterAll(async () => {
    await server?.stop()
  })

  it('answers /livez and /readyz without a session', async () => {
    const live = await api(server.url, 'GET', '/livez')
    expect(live.status).toBe(200)
    expect(live.body).toEqual({ status: 'ok' })
    const ready = await api(server.url, 'GET', '/readyz')
    expect(ready.status).toBe(200)
    expect(ready.body).toEqual({ status: 'ok' })
    expect(ready.headers.get('cache-control')).toBe('no-store')
  })

  it('serves the Prometheus text format with our metrics and the process metrics', async () => {
    const res = await fetch(`${server.url}/metrics`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8')
    const text = await res.text()
    for (const family of [
      'refresh_board_rooms_loaded gauge',
      'refresh_board_connections gauge',
      'refresh_board_sync_messages_total counter',
      'refresh_board_sync_bytes_total counter',
      'refresh_board_sync_updates_total counter',
      'refresh_board_sync_refused_updates_total counter',
      'refresh_board_sync_latency_seconds histogram',
      'refresh_board_fanout_lag_seconds histogram',
      'refresh_board_storage_write_seconds histogram',
      'refresh_board_storage_write_errors_total counter',
      'process_cpu_seconds_total counter',
      'process_resident_memory_bytes gauge',
      'nodejs_eventloop_lag_seconds gauge',
      'nodejs_eventloop_lag_p99_seconds gauge',
      'nodejs_heap_size_used_bytes gauge',
    ])
      expect(text).toContain(`# TYPE ${family}`)
    const samples = parseMetrics(text)
    // every refusal code is there from the start, so that rate() has a series before the first refusal
    expect(sampleValue(samples, 'refresh_board_sync_refused_updates_total', { reason: 'foreign_client_id' })).toBe(0)
    expect(sampleValue(samples, 'refresh_board_sync_refused_updates_total', { reason: 'read_only' })).toBe(0)
    // histogram buckets are cumulative and end at +Inf = count
    const latency = samples.filter((s) => s.name === 'refresh_board_sync_latency_seconds_bucket')
    expect(latency.at(-1)?.labels.le).toBe('+Inf')
    expect(latency.at(-1)?.value).toBe(sampleValue(samples, 'refresh_board_sync_latency_seconds_count'))
  })

  it('moves when clients connect, send updates and get refused, and names no board', async () => {
    const title = 'Gasometer Oberhausen operations board'
    const boardId = await createBoard(server.url, owner.token, { title })
    const editor = await joinAs(server.url, owner.token, boardId, 'editor', 'Edda Editor')
    const viewer = await joinAs(server.url, owner.token, boardId, 'viewer', 'Vito Viewer')
    const before = (await scrape(server)).samples
    const at = (name: string, labels: Record<string, string> = {}) => sampleValue(before, name, labels)

    const writer = connect(server, boardId, owner.token)
    const reader = connect(server, boardId, editor.token)
    await Promise.all([writer.synced, reader.synced])
    const connected = await metricsUntil(
      server,
      (s) => sampleValue(s, 'refresh_board_connections') === 2 && sampleValue(s, 'refresh_board_rooms_loaded') === 1,
      'two connections and one room',
    )
    expect(sampleValue(connected, 'refresh_board_connections_opened_total')).toBe(
      at('refresh_board_connections_opened_total') + 2,
    )

    for (let i = 0; i < 5; i++) putElement(writer.doc, note(`n${i}`))
    await waitFor(() => labelOf(reader.doc, 'n4') === 'n4', 5000, 'the reader to get the notes')
    const moved = await metricsUntil(
      server,
      (s) =>
        sampleValue(s, 'refresh_board_sync_latency_seconds_count') >= at('refresh_board_sync_latency_seconds_count') + 5 &&
        sampleValue(s, 'refresh_board_storage_write_seconds_count', { kind: 'log' }) >
          at('refresh_board_storage_write_seconds_count', { kind: 'log' }),
      'sync latency and storage writes to be measured',
    )
    expect(sampleValue(moved, 'refresh_board_sync_updates_total')).toBeGreaterThanOrEqual(
      at('refresh_board_sync_updates_total') + 5,
    )
    for (const direction of ['in', 'out']) {
      expect(sampleValue(moved, 'refresh_board_sync_messages_total', { direction })).toBeGreaterThan(
        at('refresh_board_sync_messages_total', { direction }),
      )
      // five notes at least went in (from the writer) and out (to the reader)
      expect(sampleValue(moved, 'refresh_board_sync_bytes_total', { direction })).toBeGreaterThan(
        at('refresh_board_sync_bytes_total', { direction }) + 5 * 50,
      )
    }

    // a viewer's write is refused as read_only
    const viewerSocket = await rawSocket(server.url, boardId, viewer.token)
    viewerSocket.ws.send(updateMessage(updateUnderClientId(writer.doc, 424242, (doc) => putElement(doc, note('by-viewer')))))
    await metricsUntil(
      server,
      (s) =>
        sampleValue(s, 'refresh_board_sync_refused_updates_total', { reason: 'read_only' }) ===
        at('refresh_board_sync_refused_updates_total', { reason: 'read_only' }) + 1,
      'the viewer’s refusal to be counted',
    )
    viewerSocket.ws.close()

    // a forged write (under the owner's Yjs client id) closes the editor's socket with 4400
    const forged = updateUnderClientId(reader.doc, writer.doc.clientID, (doc) =>
      (doc.getMap('elements').get('n0') as Y.Map<unknown>).set('label', 'forged'),
    )
    const forger = await rawSocket(server.url, boardId, editor.token)
    forger.ws.send(updateMessage(forged))
    expect(await forger.closed).toBe(4400)
    await metricsUntil(
      server,
      (s) =>
        sampleValue(s, 'refresh_board_sync_refused_updates_total', { reason: 'foreign_client_id' }) ===
        at('refresh_board_sync_refused_updates_total', { reason: 'foreign_client_id' }) + 1,
      'the forgery to be counted',
    )

    // no board id, title, account id or name in any sample or label
    const { text } = await scrape(server)
    for (const secret of [boardId, title, owner.user.id, editor.user.id, 'Edda Editor', 'Vito Viewer'])
      expect(text).not.toContain(secret)

    // the clients leave: connections drop, the room unloads and its state is stored
    writer.destroy()
    reader.destroy()
    const after = await metricsUntil(
      server,
      (s) => sampleValue(s, 'refresh_board_connections') === 0 && sampleValue(s, 'refresh_board_rooms_loaded') === 0,
      'no connections and no room',
    )
    await metricsUntil(
      server,
      (s) =>
        sampleValue(s, 'refresh_board_storage_write_seconds_count', { kind: 'state' }) >
        at('refresh_board_storage_write_seconds_count', { kind: 'state' }),
      'the compacted state to be written',
    )
    expect(sampleValue(after, 'refresh_board_storage_write_errors_total', { kind: 'log' })).toBe(0)
  })
})

describe('METRICS_TOKEN', () => {
  const token = 'metrics-7f1c2a9e-long-enough-token'
  const lines: string[] = []
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer(
      { METRICS_TOKEN: token, LOG_LEVEL: 'debug' },
      { logger: createLogger('debug', {}, (line) => lines.push(line) > 0) },
    )
  })
  afterAll(async () => {
    await server?.stop()
  })

  it('answers /metrics only with the bearer token, in the contract’s JSON errors otherwise', async () => {
    const without = await api<{ error: { code: string } }>(server.url, 'GET', '/metrics')
    expect(without.status).toBe(401)
    expect(without.body.error.code).toBe('unauthorized')
    expect(without.headers.get('www-authenticate')).toContain('Bearer')
    const wrong = await api<{ error: { code: string } }>(server.url, 'GET', '/metrics', { token: `${token}x` })
    expect(wrong.status).toBe(403)
    expect(wrong.body.error.code).toBe('forbidden')
    const short = await api<{ error: { code: string } }>(server.url, 'GET', '/metrics', { token: 'm' })
    expect(short.status).toBe(403)
    const basic = await api(server.url, 'GET', '/metrics', { headers: { authorization: `Basic ${token}` } })
    expect(basic.status).toBe(401)
    const { text } = await scrape(server, token)
    expect(text).toContain('# TYPE refresh_board_sync_updates_total counter')
    // the probes stay open
    expect((await api(server.url, 'GET', '/livez')).status).toBe(200)
    expect((await api(server.url, 'GET', '/readyz')).status).toBe(200)
  })

  it('never logs the token, and logs probes at debug unless they fail', () => {
    expect(lines.some((line) => line.includes('"path":"/metrics"'))).toBe(true)
    expect(lines.filter((line) => line.includes(token.slice(0, 12)))).toEqual([])
    const requests = lines.map((line) => JSON.parse(line)).filter((entry) => entry.msg === 'request')
    const levelsOf = (path: string, status: number) =>
      new Set(requests.filter((r) => r.path === path && r.status === status).map((r) => r.level))
    expect(levelsOf('/livez', 200)).toEqual(new Set(['debug']))
    expect(levelsOf('/metrics', 200)).toEqual(new Set(['debug']))
    expect(levelsOf('/metrics', 401)).toEqual(new Set(['info']))
    expect(levelsOf('/metrics', 403)).toEqual(new Set(['info']))
  })
})

describe('readiness of storage', () => {
  const data = tempDir('rb-readyz-fs-')
  const base = path.join(data.dir, 'store')
  let server: TestServer
  beforeAll(async () => {
    mkdirSync(base)
    server = await startTestServer({ STORAGE_URL: `fs:${base}` })
  })
  afterAll(async () => {
    await server?.stop()
    data.cleanup()
  })

  it('is degraded while storage cannot be written, and ready once it can', async () => {
    expect((await api(server.url, 'GET', '/readyz')).body).toEqual({ status: 'ok' })
    // the storage folder becomes a file: every write fails (as on a full or read-only disk)
    rmSync(base, { recursive: true })
    writeFileSync(base, 'not a folder')
    let res = await api<{ status: string }>(server.url, 'GET', '/readyz')
    await waitForAsync(async () => {
      res = await api(server.url, 'GET', '/readyz')
      return res.status === 503
    }, 'readyz to say degraded')
    expect(res.body).toEqual({ status: 'degraded', checks: { storage: 'error', redis: 'not_configured' } })
    expect((await api(server.url, 'GET', '/livez')).status).toBe(200)
    rmSync(base)
    mkdirSync(base)
    await waitForAsync(async () => (await api(server.url, 'GET', '/readyz')).status === 200, 'readyz to say ok again')
  })
})

describe('readiness with Redis (two instances)', () => {
  let redis: RedisServer
  let a: TestServer
  let b: TestServer
  let owner: Account
  const storage = tempDir('rb-readyz-')
  beforeAll(async () => {
    redis = await startRedis()
    // storage on a shared folder, Redis for the fan-out only: stopping Redis leaves storage up
    const env = { STORAGE_URL: `fs:${storage.dir}`, REDIS_URL: redis.url }
    a = await startTestServer(env)
    b = await startTestServer(env)
    owner = await signup(a.url, 'Scale operator')
  })
  afterAll(async () => {
    await a?.stop()
    await b?.stop()
    await redis?.stop()
    storage.cleanup()
  })

  const readyz = (server: TestServer) => api<{ status: string; checks?: Record<string, string> }>(server.url, 'GET', '/readyz')

  it('measures the fan-out lag of updates between instances', async () => {
    const boardId = await createBoard(a.url, owner.token, { title: 'Fan-out lag' })
    const onA = connect(a, boardId, owner.token)
    const onB = connect(b, boardId, owner.token)
    await Promise.all([onA.synced, onB.synced])
    const before = (await scrape(b)).samples
    putElement(onA.doc, note('across'))
    await waitFor(() => labelOf(onB.doc, 'across') === 'across', 5000, 'the update to cross over')
    const after = await metricsUntil(
      b,
      (s) =>
        sampleValue(s, 'refresh_board_fanout_lag_seconds_count', { kind: 'update' }) >
        sampleValue(before, 'refresh_board_fanout_lag_seconds_count', { kind: 'update' }),
      'fan-out lag on B',
    )
    expect(sampleValue(after, 'refresh_board_fanout_messages_total', { direction: 'in' })).toBeGreaterThan(
      sampleValue(before, 'refresh_board_fanout_messages_total', { direction: 'in' }),
    )
    expect(sampleValue((await scrape(a)).samples, 'refresh_board_fanout_messages_total', { direction: 'out' })).toBeGreaterThan(0)
    expect((await scrape(b)).text).not.toContain(boardId)
    onA.destroy()
    onB.destroy()
  })

  it('is degraded while Redis is down and ready again once it is back', async () => {
    for (const server of [a, b]) expect((await readyz(server)).body).toEqual({ status: 'ok' })
    await redis.stop()
    for (const server of [a, b]) {
      let res = await readyz(server)
      await waitForAsync(async () => {
        res = await readyz(server)
        return res.status === 503
      }, 'readyz to say degraded')
      // a PING sent just before the connection noticed the loss waits out the timeout
      expect(res.body).toEqual({
        status: 'degraded',
        checks: { storage: 'ok', redis: expect.stringMatching(/^(error|timeout)$/) },
      })
      // still alive: an orchestrator must not restart it for this
      expect((await api(server.url, 'GET', '/livez')).status).toBe(200)
    }
    redis = await startRedis({ port: redis.port })
    for (const server of [a, b]) {
      await waitForAsync(async () => (await readyz(server)).status === 200, 'readyz to say ok again')
      expect((await readyz(server)).body).toEqual({ status: 'ok' })
    }
  })
})
