import { createServer, type Server, type Socket, connect as tcpConnect } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Account, createBoard, exportJson, signup } from '../helpers/api.ts'
import { labelOf, note, putElement } from '../helpers/elements.ts'
import { type RedisServer, startRedis } from '../helpers/redis.ts'
import { type SpawnedServer, spawnServer } from '../helpers/server.ts'
import { connectClient, type SyncClient, waitFor } from '../helpers/sync-client.ts'

/**
 * Issue 16: SIGKILL of one instance while its clients edit. Two instances (separate processes)
 * on one Redis behind a TCP balancer that sends new connections to the first until it dies,
 * then to the second — as a load balancer with health checks does. Its clients reconnect to the
 * other, and no change is lost: neither one the other instance had acknowledged (relayed to a
 * client there) nor one made while the clients were between instances.
 */
let redis: RedisServer
let a: SpawnedServer
let b: SpawnedServer
let balancer: Server
let owner: Account
const target = { port: 0 }
const sockets = new Set<Socket>()
const clients: SyncClient[] = []

beforeAll(async () => {
  redis = await startRedis()
  const env = { STORAGE_URL: redis.url, REDIS_URL: redis.url, LOG_LEVEL: 'info' }
  ;[a, b] = await Promise.all([spawnServer(env), spawnServer(env)])
  target.port = Number(new URL(a.url).port)
  balancer = createServer((client) => {
    const upstream = tcpConnect(target.port, '127.0.0.1')
    sockets.add(client).add(upstream)
    client.pipe(upstream).pipe(client)
    const end = () => {
      client.destroy()
      upstream.destroy()
      sockets.delete(client)
      sockets.delete(upstream)
    }
    for (const s of [client, upstream]) {
      s.on('error', end)
      s.on('close', end)
    }
  })
  await new Promise<void>((resolve) => balancer.listen(0, '127.0.0.1', resolve))
  owner = await signup(b.url, 'Failover')
})
afterAll(async () => {
  for (const c of clients) c.destroy()
  for (const s of sockets) s.destroy()
  await new Promise<void>((resolve) => balancer?.close(() => resolve()))
  if (a?.child.exitCode === null) await a.kill()
  if (b?.child.exitCode === null) await b.terminate()
  await redis?.stop()
})

describe('SIGKILL of one instance (Redis scale-out)', () => {
  it('its clients reconnect to the other and no change is lost', async () => {
    const address = balancer.address()
    const viaBalancer = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
    const boardId = await createBoard(b.url, owner.token, { title: 'Failover' })
    const first = connectClient(viaBalancer, boardId, owner.token)
    const second = connectClient(viaBalancer, boardId, owner.token)
    const observer = connectClient(b.url, boardId, owner.token)
    clients.push(first, second, observer)
    await Promise.all([first.synced, second.synced, observer.synced])

    const made: string[] = []
    let editing = true
    const edits = (async () => {
      for (let i = 0; editing; i++) {
        const id = `n${i}`
        putElement((i % 2 === 0 ? first : second).doc, note(id))
        made.push(id)
        await new Promise((r) => setTimeout(r, 15))
      }
    })()
    await waitFor(() => made.length >= 60, 10_000, 'edits to flow')
    // from now on the balancer sends new connections to B; then A dies mid-edit
    target.port = Number(new URL(b.url).port)
    const acknowledged = made.filter((id) => labelOf(observer.doc, id) === id)
    await a.kill()
    await waitFor(() => made.length >= 120, 10_000, 'edits to go on while the clients move')
    editing = false
    await edits

    expect(acknowledged.length).toBeGreaterThan(0)
    // the clients are on B now, and everything they made reached the observer there
    await waitFor(() => first.provider.wsconnected && second.provider.wsconnected, 15_000, 'clients to reconnect to B')
    await waitFor(() => made.every((id) => labelOf(observer.doc, id) === id), 15_000, 'every change to reach B')

    // stored: B stops (SIGTERM stores every room), a new instance reads the board from storage
    for (const c of clients) c.destroy()
    expect(await b.terminate()).toBe(0)
    const c = await spawnServer({ STORAGE_URL: redis.url, REDIS_URL: redis.url, LOG_LEVEL: 'info' })
    try {
      const stored = (await exportJson(c.url, owner.token, boardId)).elements.map((e) => String(e.id))
      expect(made.filter((id) => !stored.includes(id))).toEqual([])
    } finally {
      await c.terminate()
    }
  }, 90_000)
})
