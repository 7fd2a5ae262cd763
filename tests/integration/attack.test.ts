import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { type Account, api, createBoard, joinAs, signup } from '../helpers/api.ts'
import { labelOf, putElement } from '../helpers/elements.ts'
import { rawSocket, updateMessage } from '../helpers/forge.ts'
import { spawnServer, type TestServer } from '../helpers/server.ts'
import { actor, closeCodes, elementOf, useSyncBed } from '../helpers/sync-bed.ts'
import { connectClient, waitFor } from '../helpers/sync-client.ts'

let server: TestServer
let owner: Account
const bed = useSyncBed({ ROOM_IDLE_MS: '50', PING_INTERVAL_MS: '200', MAX_MESSAGE_BYTES: String(1024 * 1024) }, (s, o) => {
  server = s
  owner = o
})
const { client, storedDocument } = bed

/** The item a map holds under `key` (its current value's struct). */
function itemOf(map: Y.Map<unknown>, key: string): Y.Item {
  const item = (map as unknown as { _map: Map<string, Y.Item> })._map.get(key)
  if (!item) throw new Error(`no item under ${key}`)
  return item
}

/** A v1 update of one ContentAny (or ContentDeleted, `values` a number) item after `origin`, no delete set. */
function itemAfter(client: number, clock: number, origin: Y.ID, values: unknown[] | number): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, 1)
  encoding.writeVarUint(e, 1)
  encoding.writeVarUint(e, client)
  encoding.writeVarUint(e, clock)
  encoding.writeUint8(e, (typeof values === 'number' ? 1 : 8) | 0x80)
  encoding.writeVarUint(e, origin.client)
  encoding.writeVarUint(e, origin.clock)
  if (typeof values === 'number') encoding.writeVarUint(e, values)
  else {
    encoding.writeVarUint(e, values.length)
    for (const v of values) encoding.writeAny(e, v as never)
  }
  encoding.writeVarUint(e, 0)
  return encoding.toUint8Array(e)
}

describe('attack: deleting what an editor may not touch, with items the guard reads elsewhere', () => {
  it('an item with deleted content "set after" a locked element\'s `locked` does not unlock it (everyone, storage)', async () => {
    const boardId = await createBoard(server.url, owner.token, { title: 'Deleted content' })
    const editor = await joinAs(server.url, owner.token, boardId, 'editor')
    const f = client(owner.token, boardId)
    await f.synced
    putElement(f.doc, actor('u1', 'Hall', { locked: true }))
    const e = client(editor.token, boardId)
    await e.synced
    await waitFor(() => labelOf(e.doc, 'u1') === 'Hall')
    const agreed = elementOf(f.doc, 'u1')
    const lockedItem = itemOf(e.doc.getMap('elements').get('u1') as Y.Map<unknown>, 'locked')
    const raw = await rawSocket(server.url, boardId, editor.token)
    raw.ws.send(updateMessage(itemAfter(777_001, 0, lockedItem.lastId, 1)))
    const watcher = client(owner.token, boardId)
    await watcher.synced
    await new Promise((r) => setTimeout(r, 200))
    expect(elementOf(watcher.doc, 'u1')).toEqual(agreed)
    expect(elementOf(f.doc, 'u1')).toEqual(agreed)
    raw.ws.close()
    const stored = await storedDocument(boardId)
    expect(stored.elements.find((el) => el.id === 'u1')).toMatchObject({ label: 'Hall', locked: true })
  })

  it("an item of the editor's own client that overlaps what the server holds does not delete a field of an element locked since", async () => {
    const boardId = await createBoard(server.url, owner.token, { title: 'Overlap' })
    const editor = await joinAs(server.url, owner.token, boardId, 'editor')
    const f = client(owner.token, boardId)
    const e = client(editor.token, boardId)
    await Promise.all([f.synced, e.synced])
    putElement(f.doc, actor('a1', 'Makers'))
    await waitFor(() => labelOf(e.doc, 'a1') === 'Makers')
    // the editor makes u2 (its last item is u2's last field); a facilitator then locks it
    putElement(e.doc, actor('u2', 'Yard'))
    await waitFor(() => labelOf(f.doc, 'u2') === 'Yard')
    ;(f.doc.getMap('elements').get('u2') as Y.Map<unknown>).set('locked', true)
    await waitFor(() => (elementOf(e.doc, 'u2') as { locked?: boolean }).locked === true)
    const agreedU2 = elementOf(f.doc, 'u2')
    const agreedA1 = elementOf(f.doc, 'a1')
    // two values "after a1's label" starting one clock before the server's state of the editor's id
    const editorId = e.doc.clientID
    const state = Y.getState(e.doc.store, editorId)
    const a1Label = itemOf(e.doc.getMap('elements').get('a1') as Y.Map<unknown>, 'label').lastId
    // the editor's stock client leaves; a raw socket of the same account goes on with its client id
    bed.release(e)
    const raw = await rawSocket(server.url, boardId, editor.token)
    raw.ws.send(updateMessage(itemAfter(editorId, state - 1, a1Label, ['x', 'y'])))
    await new Promise((r) => setTimeout(r, 300))
    raw.ws.close()
    const watcher = client(owner.token, boardId)
    await watcher.synced
    for (const c of [f, watcher]) {
      expect(elementOf(c.doc, 'u2')).toEqual(agreedU2)
      expect(elementOf(c.doc, 'a1')).toEqual(agreedA1)
    }
    const stored = await storedDocument(boardId)
    expect(stored.elements.find((el) => el.id === 'u2')).toMatchObject({ label: 'Yard', locked: true })
    expect(stored.elements.find((el) => el.id === 'a1')).toMatchObject({ label: 'Makers' })
  })

  it('an update that makes Yjs throw half-way (a forward reference) leaves a locked element as it was', async () => {
    const boardId = await createBoard(server.url, owner.token, { title: 'Throw' })
    const editor = await joinAs(server.url, owner.token, boardId, 'editor')
    const f = client(owner.token, boardId)
    await f.synced
    putElement(f.doc, actor('u1', 'Hall', { locked: true }))
    const e = client(editor.token, boardId)
    await e.synced
    await waitFor(() => labelOf(e.doc, 'u1') === 'Hall')
    const agreed = elementOf(f.doc, 'u1')
    const label = itemOf(e.doc.getMap('elements').get('u1') as Y.Map<unknown>, 'label')
    // client 900000 (integrated first) relabels u1; client 100's first item refers to its own next clock
    const e2 = encoding.createEncoder()
    encoding.writeVarUint(e2, 2) // two clients, the higher id first (as Yjs writes them)
    encoding.writeVarUint(e2, 1)
    encoding.writeVarUint(e2, 900_000)
    encoding.writeVarUint(e2, 0)
    encoding.writeUint8(e2, 8 | 0x80) // ContentAny after u1's label
    encoding.writeVarUint(e2, label.lastId.client)
    encoding.writeVarUint(e2, label.lastId.clock)
    encoding.writeVarUint(e2, 1)
    encoding.writeAny(e2, 'hijacked')
    encoding.writeVarUint(e2, 2)
    encoding.writeVarUint(e2, 100)
    encoding.writeVarUint(e2, 0)
    encoding.writeUint8(e2, 8 | 0x80) // clock 0: after (100, 1), not there yet
    encoding.writeVarUint(e2, 100)
    encoding.writeVarUint(e2, 1)
    encoding.writeVarUint(e2, 1)
    encoding.writeAny(e2, 'p')
    encoding.writeUint8(e2, 8 | 0x20) // clock 1: elements/zz = 'q'
    encoding.writeVarUint(e2, 1)
    encoding.writeVarString(e2, 'elements')
    encoding.writeVarString(e2, 'zz')
    encoding.writeVarUint(e2, 1)
    encoding.writeAny(e2, 'q')
    encoding.writeVarUint(e2, 0) // no delete set
    const poisoned = encoding.toUint8Array(e2)
    const raw = await rawSocket(server.url, boardId, editor.token)
    raw.ws.send(updateMessage(poisoned))
    await new Promise((r) => setTimeout(r, 300))
    raw.ws.close()
    const watcher = client(owner.token, boardId)
    await watcher.synced
    expect(elementOf(watcher.doc, 'u1')).toEqual(agreed)
    expect(elementOf(f.doc, 'u1')).toEqual(agreed)
  })
})

describe('false forgeries: an honest stock client closed with 4400', () => {
  it("an editor's offline relabel of an element a facilitator deleted meanwhile is refused, not taken for a forgery", async () => {
    const boardId = await createBoard(server.url, owner.token, { title: 'Edit vs delete' })
    const editor = await joinAs(server.url, owner.token, boardId, 'editor')
    const f = client(owner.token, boardId)
    const e = client(editor.token, boardId)
    await Promise.all([f.synced, e.synced])
    putElement(f.doc, actor('a1', 'Makers'))
    putElement(f.doc, actor('a2', 'Brewery'))
    await waitFor(() => labelOf(e.doc, 'a1') === 'Makers' && labelOf(e.doc, 'a2') === 'Brewery')
    const codes = closeCodes(e)
    e.provider.disconnect()
    // offline: the editor relabels a1 and a2; meanwhile the facilitator deletes a1
    ;(e.doc.getMap('elements').get('a1') as Y.Map<unknown>).set('label', 'Makers e.V.')
    ;(e.doc.getMap('elements').get('a2') as Y.Map<unknown>).set('label', 'Brewery & Co')
    f.doc.getMap('elements').delete('a1')
    await new Promise((r) => setTimeout(r, 200))
    e.provider.connect()
    await waitFor(() => e.provider.wsconnected, 3000, 'reconnect')
    await new Promise((r) => setTimeout(r, 500))
    expect(codes).not.toContain(4400)
    // the edit of the live element arrived; the deleted one stays deleted
    await waitFor(() => labelOf(f.doc, 'a2') === 'Brewery & Co', 3000, 'the permitted edit')
    expect(elementOf(f.doc, 'a1')).toBeUndefined()
  })
})

describe('false forgeries (2): a new field on an element deleted meanwhile', () => {
  it("an editor's offline new field on an element a facilitator deleted meanwhile is not taken for a forgery", async () => {
    const boardId = await createBoard(server.url, owner.token, { title: 'New field vs delete' })
    const editor = await joinAs(server.url, owner.token, boardId, 'editor')
    const f = client(owner.token, boardId)
    const e = client(editor.token, boardId)
    await Promise.all([f.synced, e.synced])
    putElement(f.doc, actor('a1', 'Makers'))
    putElement(f.doc, actor('a2', 'Brewery'))
    await waitFor(() => labelOf(e.doc, 'a1') === 'Makers' && labelOf(e.doc, 'a2') === 'Brewery')
    const codes = closeCodes(e)
    e.provider.disconnect()
    // offline: the editor gives a1 a field it did not have (its item names a1's map as parent)
    ;(e.doc.getMap('elements').get('a1') as Y.Map<unknown>).set('subsector', 'design_fashion')
    ;(e.doc.getMap('elements').get('a2') as Y.Map<unknown>).set('label', 'Brewery & Co')
    f.doc.getMap('elements').delete('a1')
    await new Promise((r) => setTimeout(r, 200))
    e.provider.connect()
    await new Promise((r) => setTimeout(r, 1000))
    expect(codes).not.toContain(4400)
    await waitFor(() => labelOf(f.doc, 'a2') === 'Brewery & Co', 3000, 'the permitted edit')
    expect(elementOf(f.doc, 'a1')).toBeUndefined()
  })
})

describe('attack: one message that stalls or kills the server', () => {
  it("a viewer's ~120 KB message of repeated delete ranges does not stop the server answering", async () => {
    const spawned = await spawnServer({ STORAGE_URL: 'memory:', MAX_MESSAGE_BYTES: String(1024 * 1024) })
    try {
      const own = await signup(spawned.url, 'Owner')
      const elements = Array.from({ length: 2000 }, (_, i) => ({
        id: `n${i}`,
        kind: 'note',
        x: 0,
        y: 0,
        w: 10,
        h: 10,
        label: 'x',
        color: 'yellow',
      }))
      const boardId = await createBoard(spawned.url, own.token, {
        title: 'Big',
        content: { format: 'refresh-board', version: 1, board: { id: 'x', title: 'Big' }, elements },
      })
      const viewer = await joinAs(spawned.url, own.token, boardId, 'viewer')
      // what the viewer sees: the board, and the client id that wrote it
      const v = connectClient(spawned.url, boardId, viewer.token)
      await v.synced
      const [writer, state] = [...v.doc.store.clients.entries()]
        .map(([id, structs]) => [id, Y.getState(v.doc.store, id), structs] as const)
        .sort((a, b) => b[1] - a[1])[0] as readonly [number, number, unknown]
      v.destroy()
      // one delete range over everything that client wrote, 20,000 times
      const e = encoding.createEncoder()
      encoding.writeVarUint(e, 0)
      encoding.writeVarUint(e, 1)
      encoding.writeVarUint(e, writer)
      encoding.writeVarUint(e, 20_000)
      for (let i = 0; i < 20_000; i++) {
        encoding.writeVarUint(e, 0)
        encoding.writeVarUint(e, state)
      }
      const message = updateMessage(encoding.toUint8Array(e))
      expect(message.byteLength).toBeLessThan(256 * 1024)
      const raw = await rawSocket(spawned.url, boardId, viewer.token)
      raw.ws.send(message)
      await new Promise((r) => setTimeout(r, 200))
      const started = Date.now()
      const live = await Promise.race([
        api(spawned.url, 'GET', '/livez').then(
          (r) => r.status,
          () => 'down',
        ),
        new Promise((r) => setTimeout(() => r('no answer in 3 s'), 3000)),
      ])
      expect({ live, ms: Date.now() - started < 3000 }).toEqual({ live: 200, ms: true })
      raw.ws.terminate()
    } finally {
      await spawned.kill()
    }
  }, 60_000)
})
