import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Account, api, createBoard, exportJson, signup } from '../helpers/api.ts'
import { labelOf, note, putElement } from '../helpers/elements.ts'
import { type RedisServer, startRedis } from '../helpers/redis.ts'
import { startTestServer, type TestServer, tempDir } from '../helpers/server.ts'
import { connectClient, type SyncClient, waitFor } from '../helpers/sync-client.ts'

/**
 * Issue 16, "Scale-out that heals": two instances on one Redis (storage and pub/sub); Redis is
 * stopped for 10 s while clients on both instances edit, then started again on its own data.
 */
let redis: RedisServer
let a: TestServer
let b: TestServer
let owner: Account
const data = tempDir('rb-redis-outage-')
const clients: SyncClient[] = []
const connect = (server: TestServer, boardId: string) => {
  const c = connectClient(server.url, boardId, owner.token)
  clients.push(c)
  return c
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

async function waitForAsync(check: () => Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await sleep(50)
  }
}

beforeAll(async () => {
  redis = await startRedis({ dataDir: data.dir })
  const env = { STORAGE_URL: redis.url, REDIS_URL: redis.url, ROOM_IDLE_MS: '200' }
  a = await startTestServer(env)
  b = await startTestServer(env)
  owner = await signup(a.url, 'Outage')
})
afterAll(async () => {
  for (const c of clients) c.destroy()
  await a?.stop()
  await b?.stop()
  await redis?.stop()
  data.cleanup()
})

describe('a Redis outage of 10 s with two instances', () => {
  it('keeps serving local clients, fails REST fast with 503, stores every update and converges after the restart', async () => {
    const boardId = await createBoard(a.url, owner.token, { title: 'Outage' })
    const onA = connect(a, boardId)
    const alsoOnA = connect(a, boardId)
    const onB = connect(b, boardId)
    await Promise.all([onA.synced, alsoOnA.synced, onB.synced])
    putElement(onA.doc, note('before-a'))
    putElement(onB.doc, note('before-b'))
    await waitFor(() => labelOf(onA.doc, 'before-b') === 'before-b' && labelOf(onB.doc, 'before-a') === 'before-a')

    await redis.stop()
    const readyz = (server: TestServer) => api<{ status: string }>(server.url, 'GET', '/readyz')
    for (const server of [a, b]) await waitForAsync(async () => (await readyz(server)).status === 503, 'readyz to say degraded')
    expect((await readyz(a)).body.status).toBe('degraded')

    // REST fails fast instead of hanging: 503 `unavailable` (the fetch gives up after 5 s)
    const during = await fetch(`${a.url}/api/boards/${boardId}`, {
      headers: { authorization: `Bearer ${owner.token}` },
      signal: AbortSignal.timeout(5000),
    })
    expect(during.status).toBe(503)
    expect(during.headers.get('retry-after')).toBe('5')
    expect(((await during.json()) as { error: { code: string } }).error.code).toBe('unavailable')

    // both sides edit through the outage (Redis stays down ~10 s in all)
    const outageA = Array.from({ length: 20 }, (_, i) => `outage-a-${i}`)
    const outageB = Array.from({ length: 20 }, (_, i) => `outage-b-${i}`)
    for (let i = 0; i < 20; i++) {
      putElement(onA.doc, note(outageA[i] as string))
      putElement(onB.doc, note(outageB[i] as string))
      await sleep(450)
    }
    // the instance keeps serving its own clients meanwhile
    await waitFor(() => outageA.every((id) => labelOf(alsoOnA.doc, id) === id), 5000, 'a local client to get the outage edits')
    expect(labelOf(onB.doc, 'outage-a-0')).toBeUndefined()
    expect(labelOf(onA.doc, 'outage-b-0')).toBeUndefined()

    redis = await startRedis({ port: redis.port, dataDir: data.dir })
    for (const server of [a, b]) await waitForAsync(async () => (await readyz(server)).status === 200, 'readyz to say ok again')

    // every client converges: each instance resyncs its room with the other on reconnect
    const all = [...outageA, ...outageB, 'before-a', 'before-b']
    await waitFor(
      () => [onA, alsoOnA, onB].every((c) => all.every((id) => labelOf(c.doc, id) === id)),
      20_000,
      'every client to converge after the outage',
    )
    // and edits after it cross at once, both ways
    putElement(onA.doc, note('after-a'))
    putElement(onB.doc, note('after-b'))
    await waitFor(
      () => labelOf(onB.doc, 'after-a') === 'after-a' && labelOf(onA.doc, 'after-b') === 'after-b',
      5000,
      'edits after',
    )

    // every update of the outage is stored: both rooms unload (an unloading room waits until
    // what it kept through the outage is written), then the board is read from storage
    for (const c of [onA, alsoOnA, onB]) c.destroy()
    await waitFor(() => !a.rooms.isLoaded(boardId) && !b.rooms.isLoaded(boardId), 10_000, 'both rooms to unload')
    await waitFor(() => !a.rooms.isUnloading(boardId) && !b.rooms.isUnloading(boardId), 15_000, 'both rooms to be stored')
    const stored = (await exportJson(b.url, owner.token, boardId)).elements.map((e) => String(e.id))
    expect([...all, 'after-a', 'after-b'].filter((id) => !stored.includes(id))).toEqual([])
  }, 90_000)
})
