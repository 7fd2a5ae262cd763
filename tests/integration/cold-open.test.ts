import { createStorage, type Driver } from 'unstorage'
import memoryDriver from 'unstorage/drivers/memory'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createLogger } from '../../server/logger.ts'
import { UpdateLog } from '../../server/storage/update-log.ts'
import { SCHEMA_VERSION } from '../../shared/schema/layout.ts'
import { type Account, createBoard, signup } from '../helpers/api.ts'
import { labelOf, note, putElement } from '../helpers/elements.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'
import { connectClient, waitFor } from '../helpers/sync-client.ts'

// Opening a board whose room is not loaded: a client with nothing yet is answered from the
// stored state as soon as it is read, while the room applies it. Storage here is the memory
// driver with a slow read of merged states (a big board on a slow disk or a remote Redis), so
// that the client's first message is there before the state is.
const READ_DELAY_MS = 150

function slowStateReads(): Driver {
  const inner = memoryDriver()
  return {
    ...inner,
    name: 'slow-state-reads',
    async getItemRaw(key, options) {
      if (key.includes(':state:')) await new Promise((resolve) => setTimeout(resolve, READ_DELAY_MS))
      return inner.getItemRaw?.(key, options ?? {})
    },
  }
}

let server: TestServer
let owner: Account
const clients: Array<{ destroy(): void }> = []
const client = (boardId: string, options: { connect?: boolean } = {}) => {
  const c = connectClient(server.url, boardId, owner.token, options)
  clients.push(c)
  return c
}
const unloaded = (boardId: string) => waitFor(() => !server.rooms.isLoaded(boardId), 3000, 'room unload')

beforeAll(async () => {
  server = await startTestServer({ ROOM_IDLE_MS: '50' }, { storage: createStorage({ driver: slowStateReads() }) })
  owner = await signup(server.url, 'Owner')
})
afterAll(async () => {
  for (const c of clients) c.destroy()
  await server.stop()
})

describe('opening an unloaded board', () => {
  it('answers a fresh client from the stored state, and its writes go through once the room is ready', async () => {
    const id = await createBoard(server.url, owner.token, { title: 'Cold' })
    const a = client(id)
    await a.synced
    for (let i = 0; i < 50; i++) putElement(a.doc, note(`n${i}`))
    await new Promise((resolve) => setTimeout(resolve, 50))
    a.destroy()
    await unloaded(id)

    const before = server.sync.answeredFromStorage
    const fresh = client(id)
    await fresh.synced
    expect(server.sync.answeredFromStorage).toBe(before + 1)
    expect(fresh.doc.getMap('elements').size).toBe(50)
    putElement(fresh.doc, note('written-at-once'))
    const other = client(id)
    await other.synced
    await waitFor(() => labelOf(other.doc, 'written-at-once') !== undefined, 5000, 'the write')
  })

  it('sends a client answered early what the loading room changed (a migration of an old board)', async () => {
    const id = await createBoard(server.url, owner.token, { title: 'Old board' })
    await unloaded(id)
    // a board stored by schema version 1: elements without a z-order
    const old = new Y.Doc()
    putElement(old, note('a-first', 'First'))
    putElement(old, note('b-second', 'Second'))
    old.getMap('meta').set('schemaVersion', 1)
    const log = new UpdateLog({ storage: server.storage, logger: createLogger('error') })
    await log.destroy(id)
    await log.compact(id, Y.encodeStateAsUpdate(old))

    const before = server.sync.answeredFromStorage
    const fresh = client(id)
    await fresh.synced
    expect(server.sync.answeredFromStorage).toBe(before + 1)
    const elements = fresh.doc.getMap('elements')
    const z = (elementId: string) => (elements.get(elementId) as Y.Map<unknown> | undefined)?.get('z')
    await waitFor(() => typeof z('a-first') === 'string' && typeof z('b-second') === 'string', 5000, 'the migration')
    expect(fresh.doc.getMap('meta').get('schemaVersion')).toBe(SCHEMA_VERSION)
  })

  it('answers a client that holds part of the board (offline edits) by the loaded room', async () => {
    const id = await createBoard(server.url, owner.token, { title: 'Offline' })
    const a = client(id)
    await a.synced
    putElement(a.doc, note('shared'))
    const partial = Y.encodeStateAsUpdate(a.doc)
    putElement(a.doc, note('later'))
    await new Promise((resolve) => setTimeout(resolve, 50))
    a.destroy()
    await unloaded(id)

    const before = server.sync.answeredFromStorage
    const offline = client(id, { connect: false })
    Y.applyUpdate(offline.doc, partial)
    putElement(offline.doc, note('offline-note'))
    offline.provider.connect()
    await offline.synced
    expect(server.sync.answeredFromStorage).toBe(before)
    await waitFor(() => labelOf(offline.doc, 'later') !== undefined, 5000, 'the rest of the board')
    const check = client(id)
    await check.synced
    await waitFor(() => labelOf(check.doc, 'offline-note') !== undefined, 5000, 'the offline note')
  })
})
