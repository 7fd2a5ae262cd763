import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { type Account, api, createBoard, exportJson, joinAs, signup } from '../helpers/api.ts'
import { labelOf, note, putElement } from '../helpers/elements.ts'
import { rawSocket, updateMessage, updateUnderClientId } from '../helpers/forge.ts'
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

describe('the rules hold across instances', () => {
  it("refuses an editor's change of a locked element on one instance without a trace on the other; the editor's next edit reaches both", async () => {
    const boardId = await createBoard(a.url, owner.token, { title: 'Rules on two instances' })
    const editor = await joinAs(a.url, owner.token, boardId, 'editor')
    const fOnA = connect(a, boardId, owner.token)
    const eOnA = connect(a, boardId, editor.token)
    const watcherOnB = connect(b, boardId, owner.token)
    await Promise.all([fOnA.synced, eOnA.synced, watcherOnB.synced])
    putElement(fOnA.doc, note('agreed', 'Agreed', { locked: true }))
    putElement(fOnA.doc, note('free', 'Free'))
    await waitFor(() => labelOf(eOnA.doc, 'agreed') === 'Agreed' && labelOf(watcherOnB.doc, 'free') === 'Free')
    const original = console.warn
    console.warn = () => {}
    try {
      eOnA.doc.transact(() => (eOnA.doc.getMap('elements').get('agreed') as Y.Map<unknown>).set('label', 'hijacked'))
      eOnA.doc.transact(() => (eOnA.doc.getMap('elements').get('free') as Y.Map<unknown>).set('label', 'Free for all'))
      await waitFor(() => labelOf(watcherOnB.doc, 'free') === 'Free for all', 5000, 'the permitted edit on B')
      await waitFor(() => labelOf(eOnA.doc, 'agreed') === 'Agreed', 5000, 'the compensation')
    } finally {
      console.warn = original
    }
    expect(labelOf(watcherOnB.doc, 'agreed')).toBe('Agreed')
    const exported = await exportJson(b.url, owner.token, boardId)
    expect(exported.elements.find((e) => e.id === 'agreed')).toMatchObject({ label: 'Agreed', locked: true })
  })

  it('applies a role change made on one instance to a connection on the other', async () => {
    const boardId = await createBoard(a.url, owner.token, { title: 'Roles on two instances' })
    const editor = await joinAs(a.url, owner.token, boardId, 'editor')
    const eOnB = connect(b, boardId, editor.token)
    const fOnA = connect(a, boardId, owner.token)
    await Promise.all([eOnB.synced, fOnA.synced])
    eOnB.provider.awareness.setLocalStateField('cursor', { x: 0, y: 0 })
    await waitFor(() => fOnA.provider.awareness.getStates().has(eOnB.doc.clientID))
    const res = await api(a.url, 'PATCH', `/api/boards/${boardId}/members/${editor.user.id}`, {
      token: owner.token,
      body: { role: 'viewer' },
    })
    expect(res.status).toBe(200)
    await waitFor(() => eOnB.provider.awareness.getLocalState()?.user?.role === 'viewer', 5000, 'the role on B')
    const original = console.warn
    console.warn = () => {}
    try {
      putElement(eOnB.doc, note('after-demotion'))
      putElement(fOnA.doc, note('marker'))
      await waitFor(() => labelOf(eOnB.doc, 'marker') === 'marker')
      await new Promise((r) => setTimeout(r, 200))
    } finally {
      console.warn = original
    }
    expect(labelOf(fOnA.doc, 'after-demotion')).toBeUndefined()
  })

  it('refuses a borrowed client id on the instance the owner of the id never used', async () => {
    const boardId = await createBoard(a.url, owner.token, { title: 'Binding on two instances' })
    const editor = await joinAs(a.url, owner.token, boardId, 'editor')
    const fOnA = connect(a, boardId, owner.token)
    const eOnB = connect(b, boardId, editor.token)
    await Promise.all([fOnA.synced, eOnB.synced])
    putElement(fOnA.doc, note('n1'))
    await waitFor(() => labelOf(eOnB.doc, 'n1') === 'n1')
    const forged = updateUnderClientId(eOnB.doc, fOnA.doc.clientID, (doc) =>
      (doc.getMap('elements').get('n1') as Y.Map<unknown>).set('label', 'forged'),
    )
    const raw = await rawSocket(b.url, boardId, editor.token)
    raw.ws.send(updateMessage(forged))
    expect(await raw.closed).toBe(4400)
  })
})
