import * as encoding from 'lib0/encoding'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { type Account, createBoard, exportJson, joinAs, signup } from '../helpers/api.ts'
import { labelOf, note, putElement } from '../helpers/elements.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'
import { closeCodeOf, connectClient, waitFor } from '../helpers/sync-client.ts'

let server: TestServer
let owner: Account
let boardId: string
const clients: Array<{ destroy(): void }> = []
const client = (token: string, id = boardId) => {
  const c = connectClient(server.url, id, token)
  clients.push(c)
  return c
}

beforeAll(async () => {
  server = await startTestServer({ MAX_MESSAGE_BYTES: String(256 * 1024), ROOM_IDLE_MS: '100', PING_INTERVAL_MS: '200' })
  owner = await signup(server.url, 'Owner')
  boardId = await createBoard(server.url, owner.token, { title: 'Sync test' })
})
afterAll(async () => {
  for (const c of clients) c.destroy()
  await server.stop()
})

describe('sync', () => {
  it('two editors converge', async () => {
    const editor = await joinAs(server.url, owner.token, boardId, 'editor')
    const a = client(owner.token)
    const b = client(editor.token)
    await Promise.all([a.synced, b.synced])
    putElement(a.doc, note('n-a', 'from owner'))
    putElement(b.doc, note('n-b', 'from editor'))
    // concurrent edits of different fields of one element merge
    await waitFor(() => labelOf(a.doc, 'n-b') !== undefined && labelOf(b.doc, 'n-a') !== undefined)
    a.doc.transact(() => (a.doc.getMap('elements').get('n-a') as Y.Map<unknown>).set('label', 'renamed'))
    b.doc.transact(() => (b.doc.getMap('elements').get('n-a') as Y.Map<unknown>).set('color', 'blue'))
    await waitFor(() => {
      const ea = (a.doc.getMap('elements').get('n-a') as Y.Map<unknown>).toJSON()
      const eb = (b.doc.getMap('elements').get('n-a') as Y.Map<unknown>).toJSON()
      return ea.label === 'renamed' && ea.color === 'blue' && JSON.stringify(ea) === JSON.stringify(eb)
    })
    const exported = await exportJson(server.url, owner.token, boardId)
    expect(exported.elements.map((e) => e.id).sort()).toEqual(expect.arrayContaining(['n-a', 'n-b']))
  })

  it('a viewer reads, but its writes reach neither the server nor others', async () => {
    const viewer = await joinAs(server.url, owner.token, boardId, 'viewer')
    const a = client(owner.token)
    const v = client(viewer.token)
    await Promise.all([a.synced, v.synced])
    putElement(a.doc, note('seen-by-viewer'))
    await waitFor(() => labelOf(v.doc, 'seen-by-viewer') === 'seen-by-viewer')

    const denied = new Promise<string>((resolve) => {
      // y-websocket logs a permission-denied auth message with console.warn
      const original = console.warn
      console.warn = (...args: unknown[]) => {
        const text = args.map(String).join(' ')
        if (text.includes('Permission denied')) {
          console.warn = original
          resolve(text)
        }
      }
    })
    putElement(v.doc, note('viewer-write'))
    expect(await denied).toMatch(/read_only/)
    // a later owner write still arrives, the viewer's never does
    putElement(a.doc, note('after-viewer'))
    const third = client(owner.token)
    await third.synced
    await waitFor(() => labelOf(third.doc, 'after-viewer') !== undefined)
    expect(labelOf(a.doc, 'viewer-write')).toBeUndefined()
    expect(labelOf(third.doc, 'viewer-write')).toBeUndefined()
    const exported = await exportJson(server.url, owner.token, boardId)
    expect(exported.elements.some((e) => e.id === 'viewer-write')).toBe(false)
  })

  it('viewers may still send presence', async () => {
    const viewer = await joinAs(server.url, owner.token, boardId, 'viewer', 'Vera')
    const a = client(owner.token)
    const v = client(viewer.token)
    await Promise.all([a.synced, v.synced])
    v.provider.awareness.setLocalStateField('user', { name: 'Vera' })
    await waitFor(() => [...a.provider.awareness.getStates().values()].some((s) => s.user?.name === 'Vera'))
  })

  it('refuses an editor changing a locked element, but not a facilitator', async () => {
    const editor = await joinAs(server.url, owner.token, boardId, 'editor')
    const facilitator = await joinAs(server.url, owner.token, boardId, 'facilitator')
    const f = client(facilitator.token)
    const e = client(editor.token)
    await Promise.all([f.synced, e.synced])
    putElement(f.doc, note('agreed', 'agreed text', { locked: true }))
    await waitFor(() => labelOf(e.doc, 'agreed') === 'agreed text')
    e.doc.transact(() => (e.doc.getMap('elements').get('agreed') as Y.Map<unknown>).set('label', 'hijacked'))
    e.doc.transact(() => e.doc.getMap('elements').delete('agreed'))
    putElement(f.doc, note('marker'))
    await waitFor(() => labelOf(e.doc, 'marker') !== undefined)
    expect(labelOf(f.doc, 'agreed')).toBe('agreed text')
    f.doc.transact(() => (f.doc.getMap('elements').get('agreed') as Y.Map<unknown>).set('label', 'revised'))
    const fresh = client(owner.token)
    await fresh.synced
    await waitFor(() => labelOf(fresh.doc, 'agreed') === 'revised')
  })

  it('presence of a client that leaves is removed for everyone', async () => {
    const a = client(owner.token)
    const b = client(owner.token)
    await Promise.all([a.synced, b.synced])
    b.provider.awareness.setLocalStateField('user', { name: 'Leaving' })
    const bId = b.doc.clientID
    await waitFor(() => a.provider.awareness.getStates().has(bId))
    // close the socket without a goodbye: the server must remove the state
    ;(b.provider.ws as WebSocket | null)?.terminate?.()
    b.provider.shouldConnect = false
    await waitFor(() => !a.provider.awareness.getStates().has(bId), 3000, 'presence removal')
  })

  it('closes a dead connection (no pongs) and removes its presence', async () => {
    const a = client(owner.token)
    await a.synced
    const raw = new WebSocket(`${server.url.replace('http', 'ws')}/sync/${boardId}?token=${owner.token}`)
    // never answer pings
    ;(raw as unknown as { pong: () => void }).pong = () => {}
    await new Promise((r) => raw.once('open', r))
    const closed = new Promise<void>((resolve) => raw.once('close', () => resolve()))
    await closed
    expect(raw.readyState).toBe(WebSocket.CLOSED)
  })

  it('closes with 4401 without a valid session and 4404 without access', async () => {
    const ws = server.url.replace('http', 'ws')
    expect(await closeCodeOf(`${ws}/sync/${boardId}`)).toBe(4401)
    expect(await closeCodeOf(`${ws}/sync/${boardId}?token=not-a-session`)).toBe(4401)
    expect(await closeCodeOf(`${ws}/sync/doesNotExist123?token=${owner.token}`)).toBe(4404)
    expect(await closeCodeOf(`${ws}/sync/..%2F..%2Fetc?token=${owner.token}`)).toBe(4404)
    const stranger = await signup(server.url, 'Stranger')
    expect(await closeCodeOf(`${ws}/sync/${boardId}?token=${stranger.token}`)).toBe(4404)
    // a guest of another board
    const other = await createBoard(server.url, stranger.token, { title: 'Other' })
    const guest = await joinAs(server.url, stranger.token, other, 'editor')
    expect(await closeCodeOf(`${ws}/sync/${boardId}?token=${guest.token}`)).toBe(4404)
    // the cookie works as well as the token
    const viaCookie = await new Promise<number>((resolve) => {
      const s = new WebSocket(`${ws}/sync/${boardId}`, { headers: { cookie: `rb_session=${owner.token}` } })
      s.once('message', () => {
        s.close(1000)
        resolve(1000)
      })
      s.once('close', (code) => resolve(code))
    })
    expect(viaCookie).toBe(1000)
  })

  it('closes with 1009 on a message larger than MAX_MESSAGE_BYTES', async () => {
    const code = await new Promise<number>((resolve) => {
      const s = new WebSocket(`${server.url.replace('http', 'ws')}/sync/${boardId}?token=${owner.token}`)
      s.once('open', () => s.send(new Uint8Array(300 * 1024)))
      s.once('close', (c) => resolve(c))
    })
    expect(code).toBe(1009)
  })

  it('refuses an upgrade from a foreign Origin', async () => {
    const ws = server.url.replace('http', 'ws')
    const refused = await new Promise<string>((resolve) => {
      const s = new WebSocket(`${ws}/sync/${boardId}?token=${owner.token}`, { headers: { origin: 'https://evil.example' } })
      s.once('unexpected-response', (_req, res) => resolve(String(res.statusCode)))
      s.once('open', () => resolve('open'))
      s.once('error', () => {})
    })
    expect(refused).toBe('403')
    const host = new URL(server.url).host
    const ok = await new Promise<string>((resolve) => {
      const s = new WebSocket(`${ws}/sync/${boardId}?token=${owner.token}`, { headers: { origin: `http://${host}` } })
      s.once('open', () => {
        s.close()
        resolve('open')
      })
      s.once('unexpected-response', (_req, res) => resolve(String(res.statusCode)))
    })
    expect(ok).toBe('open')
  })

  it('survives malformed messages without disturbing others in the room', async () => {
    const a = client(owner.token)
    const b = client(owner.token)
    await Promise.all([a.synced, b.synced])
    const raw = new WebSocket(`${server.url.replace('http', 'ws')}/sync/${boardId}?token=${owner.token}`)
    await new Promise((r) => raw.once('open', r))
    const truncated = (() => {
      const e = encoding.createEncoder()
      encoding.writeVarUint(e, 0)
      encoding.writeVarUint(e, syncProtocol.messageYjsUpdate)
      encoding.writeVarUint(e, 1000) // claims 1000 bytes, sends 3
      encoding.writeUint8(e, 1)
      encoding.writeUint8(e, 2)
      encoding.writeUint8(e, 3)
      return encoding.toUint8Array(e)
    })()
    let seed = 42
    const random = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff
      return seed
    }
    const garbage: Uint8Array[] = [
      new Uint8Array([]),
      new Uint8Array([0]),
      new Uint8Array([0, 7]),
      new Uint8Array([9, 9, 9]),
      new Uint8Array([2, 0]),
      new Uint8Array([1, 5, 1, 2]),
      new Uint8Array([3]),
      truncated,
      ...Array.from({ length: 200 }, () => Uint8Array.from({ length: 1 + (random() % 200) }, () => random() % 256)),
      // a plausible sync update with random content
      ...Array.from({ length: 100 }, () => Uint8Array.from([0, 2, 50, ...Array.from({ length: 50 }, () => random() % 256)])),
    ]
    for (const g of garbage) raw.send(g)
    raw.send('text frame')
    putElement(a.doc, note('still-works'))
    await waitFor(() => labelOf(b.doc, 'still-works') === 'still-works')
    const health = await fetch(`${server.url}/healthz`)
    expect(health.status).toBe(200)
    raw.close()
  })

  it('unloads an idle room and loads it again with its state', async () => {
    const id = await createBoard(server.url, owner.token, { title: 'Idle' })
    const a = client(owner.token, id)
    await a.synced
    putElement(a.doc, note('persisted'))
    await waitFor(() => server.rooms.isLoaded(id))
    a.destroy()
    await waitFor(() => !server.rooms.isLoaded(id), 3000, 'room unload')
    const b = client(owner.token, id)
    await b.synced
    await waitFor(() => labelOf(b.doc, 'persisted') === 'persisted')
  })

  it('opens an unloaded board for a fresh client and an offline one alike, and both can write at once', async () => {
    const id = await createBoard(server.url, owner.token, { title: 'Cold open' })
    const a = client(owner.token, id)
    await a.synced
    for (let i = 0; i < 100; i++) putElement(a.doc, note(`n${i}`))
    const halfway = Y.encodeStateAsUpdate(a.doc)
    for (let i = 100; i < 200; i++) putElement(a.doc, note(`n${i}`))
    await waitFor(() => server.rooms.isLoaded(id))
    await new Promise((r) => setTimeout(r, 100))
    a.destroy()
    await waitFor(() => !server.rooms.isLoaded(id), 3000, 'room unload')

    // one with nothing (answered from the stored state while the room loads), one that holds
    // half the board plus a note written offline (answered by the loaded room)
    const fresh = client(owner.token, id)
    const offline = connectClient(server.url, id, owner.token, { connect: false })
    clients.push(offline)
    Y.applyUpdate(offline.doc, halfway)
    putElement(offline.doc, note('offline'))
    offline.provider.connect()
    await fresh.synced
    expect(Object.keys(fresh.doc.getMap('elements').toJSON())).toHaveLength(200 + (labelOf(fresh.doc, 'offline') ? 1 : 0))
    putElement(fresh.doc, note('right-after-sync'))
    await waitFor(() => labelOf(offline.doc, 'right-after-sync') !== undefined, 5000, 'the fresh client’s write')
    await waitFor(() => labelOf(fresh.doc, 'offline') !== undefined, 5000, 'the offline note')
    expect(offline.doc.getMap('elements').size).toBe(202)

    fresh.destroy()
    offline.destroy()
    await waitFor(() => !server.rooms.isLoaded(id), 3000, 'room unload')
    const later = client(owner.token, id)
    await later.synced
    expect(later.doc.getMap('elements').size).toBe(202)
  })

  it('shows every presence under its account, whatever name and role the client claims', async () => {
    const guest = await joinAs(server.url, owner.token, boardId, 'editor')
    const ownerClient = client(owner.token)
    const editor = client(guest.token)
    await Promise.all([ownerClient.synced, editor.synced])
    editor.provider.awareness.setLocalStateField('user', {
      id: owner.user.id,
      name: owner.user.displayName,
      role: 'owner',
      color: '#b91c1c',
    })
    const editorId = editor.doc.clientID
    await waitFor(
      () => ownerClient.provider.awareness.getStates().get(editorId)?.user !== undefined,
      5000,
      'the editor’s presence',
    )
    const seen = ownerClient.provider.awareness.getStates().get(editorId)?.user
    expect(seen).toMatchObject({ id: guest.user.id, name: guest.user.displayName, role: 'editor', color: '#b91c1c' })
  })
})
