import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Account, createBoard, exportJson, joinAs, signup } from '../helpers/api.ts'
import { labelOf, note, putElement } from '../helpers/elements.ts'
import { type RedisServer, startRedis } from '../helpers/redis.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'
import { connectClient, type SyncClient, waitFor } from '../helpers/sync-client.ts'

/** Two instances on one Redis (storage and pub/sub), as behind a load balancer. */
let redis: RedisServer
let a: TestServer
let b: TestServer
let owner: Account
const clients: SyncClient[] = []
const connect = (server: TestServer, boardId: string, token: string) => {
  const c = connectClient(server.url, boardId, token)
  clients.push(c)
  return c
}

beforeAll(async () => {
  redis = await startRedis()
  const env = { STORAGE_URL: redis.url, REDIS_URL: redis.url, ROOM_IDLE_MS: '200' }
  a = await startTestServer(env)
  b = await startTestServer(env)
  owner = await signup(a.url, 'Scale')
})
afterAll(async () => {
  for (const c of clients) c.destroy()
  await a?.stop()
  await b?.stop()
  await redis?.stop()
})

describe('scale-out on Redis', () => {
  it('clients of different instances edit one board together', async () => {
    const boardId = await createBoard(a.url, owner.token, { title: 'Two instances' })
    const onA = connect(a, boardId, owner.token)
    const onB = connect(b, boardId, owner.token)
    await Promise.all([onA.synced, onB.synced])
    putElement(onA.doc, note('from-a'))
    putElement(onB.doc, note('from-b'))
    await waitFor(() => labelOf(onA.doc, 'from-b') === 'from-b' && labelOf(onB.doc, 'from-a') === 'from-a')
  })

  it('shares presence across instances and drops it everywhere when a client leaves', async () => {
    const boardId = await createBoard(a.url, owner.token, { title: 'Presence' })
    const onA = connect(a, boardId, owner.token)
    const onB = connect(b, boardId, owner.token)
    await Promise.all([onA.synced, onB.synced])
    // the client claims a name; the server stamps the account's own on its presence
    onB.provider.awareness.setLocalStateField('user', { name: 'Bea', color: '#0f766e' })
    const beaId = onB.doc.clientID
    await waitFor(() => {
      const user = onA.provider.awareness.getStates().get(beaId)?.user
      return user?.name === owner.user.displayName && user?.color === '#0f766e'
    })
    onB.provider.shouldConnect = false
    onB.provider.ws?.close()
    await waitFor(() => !onA.provider.awareness.getStates().has(beaId), 3000, 'presence removal across instances')
  })

  it("keeps a viewer's writes off every instance", async () => {
    const boardId = await createBoard(a.url, owner.token, { title: 'Viewer' })
    const viewer = await joinAs(a.url, owner.token, boardId, 'viewer')
    const onA = connect(a, boardId, owner.token)
    const viewerOnB = connect(b, boardId, viewer.token)
    await Promise.all([onA.synced, viewerOnB.synced])
    const warn = console.warn
    console.warn = () => {}
    putElement(viewerOnB.doc, note('forged'))
    putElement(onA.doc, note('marker'))
    await waitFor(() => labelOf(viewerOnB.doc, 'marker') === 'marker')
    console.warn = warn
    expect(labelOf(onA.doc, 'forged')).toBeUndefined()
  })

  it('an instance that loads a board late gets everything, and unloads lose nothing', async () => {
    const boardId = await createBoard(a.url, owner.token, { title: 'Late' })
    const onA = connect(a, boardId, owner.token)
    await onA.synced
    const ids = Array.from({ length: 30 }, (_, i) => `late${i}`)
    for (const id of ids) putElement(onA.doc, note(id))
    // B loads the board now: storage plus whatever A has not stored yet
    const onB = connect(b, boardId, owner.token)
    await onB.synced
    await waitFor(() => ids.every((id) => labelOf(onB.doc, id) === id), 5000, 'late instance to catch up')
    putElement(onB.doc, note('from-b-late'))
    await waitFor(() => labelOf(onA.doc, 'from-b-late') === 'from-b-late')
    // both rooms unload (and compact, each on its own) once their clients leave
    onA.destroy()
    onB.destroy()
    await waitFor(() => !a.rooms.isLoaded(boardId) && !b.rooms.isLoaded(boardId), 5000, 'both rooms to unload')
    const doc = await exportJson(b.url, owner.token, boardId)
    expect(doc.elements.map((e) => e.id)).toEqual(expect.arrayContaining([...ids, 'from-b-late']))
  })
})
