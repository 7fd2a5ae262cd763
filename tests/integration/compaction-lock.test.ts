import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Account, createBoard, exportJson, signup } from '../helpers/api.ts'
import { labelOf, note, putElement } from '../helpers/elements.ts'
import { type RedisServer, startRedis } from '../helpers/redis.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'
import { connectClient, type SyncClient, waitFor } from '../helpers/sync-client.ts'

/**
 * Issue 16: compaction coordinated across instances. Two instances on one Redis hold one
 * board, both unload (and compact) it at the same moment: a lock with expiry in Redis lets
 * one rewrite the board's state, and the board reads back whole.
 */
let redis: RedisServer
let a: TestServer
let b: TestServer
let owner: Account
const clients: SyncClient[] = []

beforeAll(async () => {
  redis = await startRedis()
  // rooms stay loaded until the test unloads them
  const env = { STORAGE_URL: redis.url, REDIS_URL: redis.url, ROOM_IDLE_MS: '600000' }
  a = await startTestServer(env)
  b = await startTestServer(env)
  owner = await signup(a.url, 'Compaction')
})
afterAll(async () => {
  for (const c of clients) c.destroy()
  await a?.stop()
  await b?.stop()
  await redis?.stop()
})

describe('compaction across instances', () => {
  it('from both instances at once leaves one readable state with every update', async () => {
    const boardId = await createBoard(a.url, owner.token, { title: 'Compaction' })
    const onA = connectClient(a.url, boardId, owner.token)
    const onB = connectClient(b.url, boardId, owner.token)
    clients.push(onA, onB)
    await Promise.all([onA.synced, onB.synced])
    const ids: string[] = []
    for (let i = 0; i < 40; i++) {
      ids.push(`a${i}`, `b${i}`)
      putElement(onA.doc, note(`a${i}`))
      putElement(onB.doc, note(`b${i}`))
    }
    await waitFor(() => ids.every((id) => labelOf(onA.doc, id) === id && labelOf(onB.doc, id) === id), 10_000, 'both to have all')
    onA.destroy()
    onB.destroy()
    await waitFor(() => a.rooms.isLoaded(boardId) && b.rooms.isLoaded(boardId), 1000, 'rooms loaded')
    // (a room unloads once its last connection has gone: wait for the server to see them go)
    const connectionsGone = () => a.sync.connectionCount === 0 && b.sync.connectionCount === 0
    await waitFor(connectionsGone, 5000, 'connections to close')

    await Promise.all([a.rooms.unload(boardId), b.rooms.unload(boardId)])
    expect(a.rooms.isLoaded(boardId) || b.rooms.isLoaded(boardId)).toBe(false)

    const keys = await a.storage.getKeys(`docs:${boardId}`)
    const states = keys.filter((key) => key.includes(':state:'))
    expect(states).toHaveLength(1)
    // nothing left behind either: the state covers every log piece of both instances
    expect(keys.filter((key) => key.includes(':log:'))).toEqual([])
    const stored = await exportJson(b.url, owner.token, boardId)
    expect(stored.elements.map((e) => String(e.id)).sort()).toEqual([...ids].sort())
  })
})
