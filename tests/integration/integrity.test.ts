import { connect as tcpConnect } from 'node:net'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { type Account, api, createBoard, joinAs, signup } from '../helpers/api.ts'
import { labelOf, note, putElement } from '../helpers/elements.ts'
import { deleteOnlyUpdate, rawSocket, syncStep1Message, updateMessage, updateUnderClientId } from '../helpers/forge.ts'
import type { TestServer } from '../helpers/server.ts'
import { actor, deniedReasons, elementOf, useSyncBed } from '../helpers/sync-bed.ts'
import { waitFor } from '../helpers/sync-client.ts'

let server: TestServer
let owner: Account
const bed = useSyncBed({ ROOM_IDLE_MS: '50', PING_INTERVAL_MS: '200', MAX_MESSAGE_BYTES: String(1024 * 1024) }, (s, o) => {
  server = s
  owner = o
})
const { client, storedDocument } = bed

/** Equal fields, in any order (a redone element lists its keys in another order). */
const sameFields = (a: unknown, b: unknown) => JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b))
const sortKeys = (value: unknown) =>
  value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).sort(([x], [y]) => x.localeCompare(y))) : value

/** Sends raw bytes as a WebSocket upgrade request and resolves with the first line of the answer. */
function rawUpgrade(path: string, headers: Record<string, string> = {}): Promise<string> {
  const { port } = new URL(server.url)
  return new Promise((resolve, reject) => {
    const socket = tcpConnect(Number(port), '127.0.0.1', () => {
      const lines = [
        `GET ${path} HTTP/1.1`,
        `Host: 127.0.0.1:${port}`,
        'Connection: Upgrade',
        'Upgrade: websocket',
        'Sec-WebSocket-Version: 13',
        'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
        ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
      ]
      socket.write(`${lines.join('\r\n')}\r\n\r\n`)
    })
    let answer = ''
    socket.on('data', (d) => {
      answer += d.toString()
    })
    socket.on('close', () => resolve(answer.split('\r\n')[0] ?? ''))
    socket.on('error', reject)
    setTimeout(() => socket.destroy(), 2000)
  })
}

describe('integrity: nothing a client sends crashes the server', () => {
  it('answers hostile upgrade requests with an error and stays up', async () => {
    const boardId = await createBoard(server.url, owner.token, { title: 'Crash' })
    expect(await rawUpgrade('//')).toMatch(/^HTTP\/1\.1 400/)
    expect(await rawUpgrade('/sync/%E0%A4%A')).toMatch(/^HTTP\/1\.1 400/)
    // a broken cookie reads as no session: the socket opens and closes with 4401
    expect(await rawUpgrade(`/sync/${boardId}`, { Cookie: 'rb_session=%ZZ' })).toMatch(/^HTTP\/1\.1 101/)
    expect(await rawUpgrade('//sync/x?token=%')).toMatch(/^HTTP\/1\.1 400/)
    const health = await api(server.url, 'GET', '/healthz')
    expect(health.status).toBe(200)
  })
})

describe('integrity: a refusal never corrupts the board', () => {
  it("refuses an editor's edit, move, unlock and delete of a locked element without loss; the next permitted edit reaches everyone and storage", async () => {
    const boardId = await createBoard(server.url, owner.token, { title: 'Refusal' })
    const editor = await joinAs(server.url, owner.token, boardId, 'editor')
    const f = client(owner.token, boardId)
    const e = client(editor.token, boardId)
    const watcher = client(owner.token, boardId)
    await Promise.all([f.synced, e.synced, watcher.synced])
    putElement(f.doc, actor('a1', 'Makers e.V.', { locked: true }))
    putElement(f.doc, actor('a2', 'Brewery GmbH'))
    await waitFor(() => labelOf(e.doc, 'a1') === 'Makers e.V.' && labelOf(e.doc, 'a2') === 'Brewery GmbH')
    const agreed = elementOf(f.doc, 'a1')

    const denied = deniedReasons()
    try {
      const a1 = () => e.doc.getMap('elements').get('a1') as Y.Map<unknown>
      e.doc.transact(() => a1().set('label', 'hijacked'))
      e.doc.transact(() => {
        a1().set('x', 999)
        a1().set('y', 999)
      })
      e.doc.transact(() => a1().set('locked', false))
      e.doc.transact(() => e.doc.getMap('elements').delete('a1'))
      // the editor's next, permitted edit: a new label for another actor
      e.doc.transact(() => (e.doc.getMap('elements').get('a2') as Y.Map<unknown>).set('label', 'Brewery & Co'))
      await waitFor(() => labelOf(watcher.doc, 'a2') === 'Brewery & Co', 3000, 'the permitted edit')
      await waitFor(() => denied.reasons.length >= 4, 3000, 'four refusals')
      // the refused client is brought back to the server's state
      await waitFor(() => sameFields(elementOf(e.doc, 'a1'), agreed), 3000, 'compensation')
    } finally {
      denied.restore()
    }
    expect(denied.reasons.every((r) => /locked|lock_facilitator_only/.test(r))).toBe(true)
    for (const c of [f, e, watcher]) {
      expect(elementOf(c.doc, 'a1')).toEqual(agreed)
      expect(labelOf(c.doc, 'a2')).toBe('Brewery & Co')
    }
    // and the editor keeps working: another edit after the refusals arrives
    e.doc.transact(() => (e.doc.getMap('elements').get('a2') as Y.Map<unknown>).set('x', 40))
    await waitFor(() => (elementOf(f.doc, 'a2') as { x?: number }).x === 40)

    const stored = await storedDocument(boardId)
    const a1 = stored.elements.find((el) => el.id === 'a1')
    expect(a1).toMatchObject({ label: 'Makers e.V.', x: 0, y: 0, locked: true })
    expect(stored.elements.find((el) => el.id === 'a2')).toMatchObject({ label: 'Brewery & Co', x: 40 })
  })

  it('keeps the permitted part of a mixed update: an offline batch that also touched a locked element', async () => {
    const boardId = await createBoard(server.url, owner.token, { title: 'Mixed' })
    const editor = await joinAs(server.url, owner.token, boardId, 'editor')
    const f = client(owner.token, boardId)
    const e = client(editor.token, boardId)
    await Promise.all([f.synced, e.synced])
    putElement(f.doc, actor('locked-one', 'Agreed', { locked: true }))
    putElement(f.doc, actor('free-one', 'Free'))
    await waitFor(() => labelOf(e.doc, 'locked-one') === 'Agreed' && labelOf(e.doc, 'free-one') === 'Free')
    // one transaction: a permitted move, a new note and a refused relabel
    e.doc.transact(() => {
      const els = e.doc.getMap('elements')
      ;(els.get('free-one') as Y.Map<unknown>).set('x', 300)
      ;(els.get('locked-one') as Y.Map<unknown>).set('label', 'Changed')
      const n = new Y.Map<unknown>()
      for (const [k, v] of Object.entries(note('offline-note'))) n.set(k, v)
      els.set('offline-note', n)
    })
    await waitFor(() => labelOf(f.doc, 'offline-note') === 'offline-note' && labelOf(e.doc, 'locked-one') === 'Agreed')
    expect((elementOf(f.doc, 'free-one') as { x: number }).x).toBe(300)
    expect(labelOf(f.doc, 'locked-one')).toBe('Agreed')
  })

  it('holds labels, values and nesting to the contract on the sync path', async () => {
    const boardId = await createBoard(server.url, owner.token, { title: 'Limits' })
    const f = client(owner.token, boardId)
    await f.synced
    const denied = deniedReasons()
    try {
      putElement(f.doc, note('long', 'x'.repeat(501)))
      putElement(f.doc, actor('bad-sector', 'Someone', { sector: 'aliens' }))
      putElement(f.doc, note('ok-note', 'fine'))
      f.doc.transact(() => {
        // a nested type deep inside a field
        let inner = new Y.Map<unknown>()
        const top = inner
        for (let i = 0; i < 70; i++) {
          const next = new Y.Map<unknown>()
          inner.set('deeper', next)
          inner = next
        }
        ;(f.doc.getMap('elements').get('ok-note') as Y.Map<unknown>).set('nested', top)
      })
      f.doc.transact(() => f.doc.getMap('unknown-map').set('x', 1))
      const fresh = client(owner.token, boardId)
      await fresh.synced
      await waitFor(() => denied.reasons.length >= 4 && labelOf(fresh.doc, 'ok-note') === 'fine', 3000, 'refusals')
      await waitFor(() => (elementOf(f.doc, 'ok-note') as Record<string, unknown>).nested === undefined, 3000, 'compensation')
      // a new element with a refused value is refused whole; a refused field of an existing one alone
      expect(elementOf(fresh.doc, 'long')).toBeUndefined()
      expect(elementOf(fresh.doc, 'bad-sector')).toBeUndefined()
      expect(labelOf(fresh.doc, 'ok-note')).toBe('fine')
      expect((elementOf(fresh.doc, 'ok-note') as Record<string, unknown>).nested).toBeUndefined()
      expect(fresh.doc.getMap('unknown-map').size).toBe(0)
      expect(denied.reasons.some((r) => r.includes('invalid_value'))).toBe(true)
      expect(denied.reasons.some((r) => r.includes('server_only'))).toBe(true)
    } finally {
      denied.restore()
    }
  })
})

describe('integrity: forgeries are refused and the socket closed with 4400', () => {
  it('refuses a delete of content the server has not seen; the facilitator’s later changes survive', async () => {
    const boardId = await createBoard(server.url, owner.token, { title: 'Future delete' })
    const editor = await joinAs(server.url, owner.token, boardId, 'editor')
    const f = client(owner.token, boardId)
    const e = client(editor.token, boardId)
    await Promise.all([f.synced, e.synced])
    putElement(f.doc, actor('a1', 'Makers'))
    await waitFor(() => labelOf(e.doc, 'a1') === 'Makers')
    // delete the facilitator's next 50 clocks before they exist
    const fClient = f.doc.clientID
    const next = Y.getState(f.doc.store, fClient)
    const raw = await rawSocket(server.url, boardId, editor.token)
    raw.ws.send(updateMessage(deleteOnlyUpdate(fClient, next, 50)))
    expect(await raw.closed).toBe(4400)
    // the facilitator's next lock and relabel reach everyone
    f.doc.transact(() => {
      const a1 = f.doc.getMap('elements').get('a1') as Y.Map<unknown>
      a1.set('locked', true)
      a1.set('label', 'Makers e.V.')
    })
    const fresh = client(owner.token, boardId)
    await fresh.synced
    await waitFor(() => labelOf(fresh.doc, 'a1') === 'Makers e.V.' && labelOf(e.doc, 'a1') === 'Makers e.V.')
    expect(elementOf(e.doc, 'a1')).toMatchObject({ locked: true })
  })

  it("refuses structs under another account's client id; the facilitator's next change is not lost", async () => {
    const boardId = await createBoard(server.url, owner.token, { title: 'Borrowed id' })
    const editor = await joinAs(server.url, owner.token, boardId, 'editor')
    const f = client(owner.token, boardId)
    const e = client(editor.token, boardId)
    await Promise.all([f.synced, e.synced])
    putElement(f.doc, actor('a1', 'Makers'))
    await waitFor(() => labelOf(e.doc, 'a1') === 'Makers')
    const forged = updateUnderClientId(e.doc, f.doc.clientID, (doc) =>
      (doc.getMap('elements').get('a1') as Y.Map<unknown>).set('label', 'forged'),
    )
    const raw = await rawSocket(server.url, boardId, editor.token)
    raw.ws.send(updateMessage(forged))
    expect(await raw.closed).toBe(4400)
    ;(f.doc.getMap('elements').get('a1') as Y.Map<unknown>).set('label', 'Makers e.V.')
    const fresh = client(owner.token, boardId)
    await fresh.synced
    await waitFor(() => labelOf(fresh.doc, 'a1') === 'Makers e.V.', 3000, "the facilitator's change")
  })

  it('refuses writing under the client id of someone present who has not written yet', async () => {
    const boardId = await createBoard(server.url, owner.token, { title: 'Present id' })
    const editor = await joinAs(server.url, owner.token, boardId, 'editor')
    const f = client(owner.token, boardId)
    await f.synced
    f.provider.awareness.setLocalStateField('user', { color: '#123456' })
    const e = client(editor.token, boardId)
    await e.synced
    await waitFor(() => e.provider.awareness.getStates().has(f.doc.clientID))
    const forged = updateUnderClientId(e.doc, f.doc.clientID, (doc) => doc.getMap('elements').set('x', new Y.Map()))
    const raw = await rawSocket(server.url, boardId, editor.token)
    raw.ws.send(updateMessage(forged))
    expect(await raw.closed).toBe(4400)
    putElement(f.doc, note('first-write'))
    const fresh = client(owner.token, boardId)
    await fresh.synced
    await waitFor(() => labelOf(fresh.doc, 'first-write') === 'first-write')
  })

  it('keeps the binding of client ids across an unload', async () => {
    const boardId = await createBoard(server.url, owner.token, { title: 'Binding kept' })
    const editor = await joinAs(server.url, owner.token, boardId, 'editor')
    const f = client(owner.token, boardId)
    await f.synced
    putElement(f.doc, note('n1'))
    const fState = new Y.Doc()
    await waitFor(() => server.rooms.isLoaded(boardId))
    Y.applyUpdate(fState, Y.encodeStateAsUpdate(f.doc))
    const fClient = f.doc.clientID
    await storedDocument(boardId)
    const forged = updateUnderClientId(fState, fClient, (doc) =>
      (doc.getMap('elements').get('n1') as Y.Map<unknown>).set('label', 'x'),
    )
    const raw = await rawSocket(server.url, boardId, editor.token)
    raw.ws.send(updateMessage(forged))
    expect(await raw.closed).toBe(4400)
  })
})

describe('integrity: fair sharing and smaller holes', () => {
  it('answers a flood of sync step 1 a few times, not once per message', async () => {
    const boardId = await createBoard(server.url, owner.token, { title: 'Flood' })
    const viewer = await joinAs(server.url, owner.token, boardId, 'viewer')
    const f = client(owner.token, boardId)
    await f.synced
    for (let i = 0; i < 50; i++) putElement(f.doc, note(`n${i}`))
    const raw = await rawSocket(server.url, boardId, viewer.token)
    await waitFor(() => raw.messages.length >= 1)
    const before = raw.messages.length
    const stateVector = Y.encodeStateVector(new Y.Doc({ gc: true }))
    // a non-empty state vector that knows nothing of the board
    const other = new Y.Doc()
    other.getMap('m').set('k', 1)
    for (let i = 0; i < 200; i++) raw.ws.send(syncStep1Message(i % 2 ? stateVector : Y.encodeStateVector(other)))
    const health = await api(server.url, 'GET', '/healthz')
    expect(health.status).toBe(200)
    await new Promise((r) => setTimeout(r, 300))
    const answers = raw.messages.slice(before).filter((m) => m[0] === 0 && m[1] === 1).length
    expect(answers).toBeGreaterThan(0)
    expect(answers).toBeLessThanOrEqual(12)
    raw.ws.close()
  })

  it('holds presence to a few states of bounded size per connection; others still join', async () => {
    const boardId = await createBoard(server.url, owner.token, { title: 'Presence flood' })
    const raw = await rawSocket(server.url, boardId, owner.token)
    const big = JSON.stringify({ user: { name: 'x' }, junk: 'y'.repeat(100_000) })
    const encoding = await import('lib0/encoding')
    for (let id = 1; id <= 40; id++) {
      const inner = encoding.createEncoder()
      encoding.writeVarUint(inner, 1)
      encoding.writeVarUint(inner, 1000 + id)
      encoding.writeVarUint(inner, 1)
      encoding.writeVarString(inner, id <= 10 ? big : JSON.stringify({ user: { name: `n${id}` } }))
      const outer = encoding.createEncoder()
      encoding.writeVarUint(outer, 1)
      encoding.writeVarUint8Array(outer, encoding.toUint8Array(inner))
      raw.ws.send(encoding.toUint8Array(outer))
    }
    const late = client(owner.token, boardId)
    await late.synced
    await waitFor(() => late.provider.awareness.getStates().size >= 2)
    const foreign = [...late.provider.awareness.getStates().keys()].filter((id) => id !== late.doc.clientID)
    expect(foreign.length).toBeLessThanOrEqual(4)
    for (const id of foreign) expect(JSON.stringify(late.provider.awareness.getStates().get(id)).length).toBeLessThan(40_000)
    raw.ws.close()
  })

  it('closes the sockets of a session on logout', async () => {
    const person = await signup(server.url, 'Leaving')
    const boardId = await createBoard(server.url, person.token, { title: 'Logout' })
    const raw = await rawSocket(server.url, boardId, person.token)
    await waitFor(() => raw.messages.length >= 1)
    const out = await api(server.url, 'POST', '/api/auth/logout', { token: person.token })
    expect(out.status).toBe(204)
    expect(await raw.closed).toBe(4401)
  })
})

describe('integrity: roles are live', () => {
  it("refuses a demoted editor's next write without a reconnect, and lets a promoted viewer write; the client's own presence names its role", async () => {
    const boardId = await createBoard(server.url, owner.token, { title: 'Live roles' })
    const member = await joinAs(server.url, owner.token, boardId, 'editor', 'Erika')
    const f = client(owner.token, boardId)
    const e = client(member.token, boardId)
    await Promise.all([f.synced, e.synced])
    e.provider.awareness.setLocalStateField('cursor', { x: 1, y: 1 })
    putElement(e.doc, note('while-editor'))
    await waitFor(() => labelOf(f.doc, 'while-editor') === 'while-editor')
    const socket = e.provider.ws

    const demoted = await api(server.url, 'PATCH', `/api/boards/${boardId}/members/${member.user.id}`, {
      token: owner.token,
      body: { role: 'viewer' },
    })
    expect(demoted.status).toBe(200)
    await waitFor(() => e.provider.awareness.getLocalState()?.user?.role === 'viewer', 3000, 'the new role in own presence')
    const denied = deniedReasons()
    try {
      putElement(e.doc, note('while-viewer'))
      await waitFor(() => denied.reasons.some((r) => r.includes('read_only')), 3000, 'the refusal')
    } finally {
      denied.restore()
    }
    putElement(f.doc, note('marker'))
    await waitFor(() => labelOf(e.doc, 'marker') === 'marker')
    expect(labelOf(f.doc, 'while-viewer')).toBeUndefined()

    await api(server.url, 'PATCH', `/api/boards/${boardId}/members/${member.user.id}`, {
      token: owner.token,
      body: { role: 'editor' },
    })
    await waitFor(() => e.provider.awareness.getLocalState()?.user?.role === 'editor', 3000, 'promoted again')
    // still the same socket
    expect(e.provider.ws).toBe(socket)
    putElement(e.doc, note('editor-again'))
    await waitFor(() => labelOf(f.doc, 'editor-again') === 'editor-again')
  })

  it("closes a removed member's sockets with 4403", async () => {
    const boardId = await createBoard(server.url, owner.token, { title: 'Removal' })
    const person = await signup(server.url, 'Removed')
    const invite = await api<{ invite: { token: string } }>(server.url, 'POST', `/api/boards/${boardId}/invites`, {
      token: owner.token,
      body: { role: 'editor' },
    })
    await api(server.url, 'POST', `/api/invites/${invite.body.invite.token}/join`, {
      token: person.token,
      body: { displayName: 'R' },
    })
    const raw = await rawSocket(server.url, boardId, person.token)
    await waitFor(() => raw.messages.length >= 1)
    const removed = await api(server.url, 'DELETE', `/api/boards/${boardId}/members/${person.user.id}`, { token: owner.token })
    expect(removed.status).toBe(204)
    expect(await raw.closed).toBe(4403)
  })
})
