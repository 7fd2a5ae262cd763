import http from 'node:http'
import * as encoding from 'lib0/encoding'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import { type Account, api, createBoard, exportJson, joinAs, signup } from '../helpers/api.ts'
import { labelOf, note, putElement } from '../helpers/elements.ts'
import { updateMessage } from '../helpers/forge.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'
import { deniedReasons } from '../helpers/sync-bed.ts'
import { connectClient, type SyncClient, waitFor } from '../helpers/sync-client.ts'

/**
 * The limits against abuse (docs/operations.md "Limits"), each against a real server whose
 * limit is set low enough to reach: sockets per address and per board (4429), update rate and
 * bytes per connection (4429, the others keep syncing), presence rate (dropped), the REST
 * request rate (429 `rate_limited` with Retry-After), elements per board (`too_many_elements`),
 * and the security headers.
 */

const wsUrl = (server: TestServer, boardId: string, token: string) =>
  `${server.url.replace(/^http/, 'ws')}/sync/${boardId}?token=${token}`

interface Opened {
  ws: WebSocket
  /** resolves with the close code and reason */
  closed: Promise<{ code: number; reason: string }>
}

/** Opens a socket; resolves once the server accepted the upgrade. */
async function open(url: string): Promise<Opened> {
  const ws = new WebSocket(url)
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  )
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve())
    ws.once('error', reject)
  })
  return { ws, closed }
}

async function closeAll(sockets: Opened[]): Promise<void> {
  for (const s of sockets) s.ws.close()
  await Promise.all(sockets.map((s) => s.closed))
  sockets.length = 0
}

async function metricsText(server: TestServer): Promise<string> {
  return (await fetch(`${server.url}/metrics`)).text()
}

/** The CSP's connect-src directive. */
function connectSrc(headers: Headers | Record<string, string | string[] | undefined>): string | undefined {
  const csp = headers instanceof Headers ? headers.get('content-security-policy') : headers['content-security-policy']
  return String(csp)
    .split(';')
    .map((d) => d.trim())
    .find((d) => d.startsWith('connect-src'))
}

/** The headers of GET /livez sent with a `Host` header of our choosing (fetch does not let one set it). */
function headersFor(url: string, host: string): Promise<Record<string, string | string[] | undefined>> {
  return new Promise((resolve, reject) => {
    const request = http.get(`${url}/livez`, { headers: { host } }, (res) => {
      res.resume()
      resolve(res.headers)
    })
    request.on('error', reject)
  })
}

const refusals = (text: string, limit: string): number =>
  Number(new RegExp(`^refresh_board_limit_refusals_total\\{limit="${limit}"\\} (\\d+)`, 'm').exec(text)?.[1] ?? Number.NaN)

describe('connections per address and per board', () => {
  let server: TestServer
  let owner: Account
  let boardA: string
  let boardB: string
  const sockets: Opened[] = []

  beforeAll(async () => {
    server = await startTestServer({ MAX_CONNECTIONS_PER_ADDRESS: '50', MAX_CONNECTIONS_PER_BOARD: '30' })
    owner = await signup(server.url, 'Owner')
    boardA = await createBoard(server.url, owner.token, { title: 'A' })
    boardB = await createBoard(server.url, owner.token, { title: 'B' })
  })
  afterAll(async () => {
    await closeAll(sockets)
    await server.stop()
  })

  it('refuses the 51st socket from one address with 4429, and takes one again once another closed', async () => {
    for (let i = 0; i < 50; i++) sockets.push(await open(wsUrl(server, i < 30 ? boardA : boardB, owner.token)))
    // board B holds 20 of its 30: it is the address that is full
    const refused = await open(wsUrl(server, boardB, owner.token))
    expect(await refused.closed).toEqual({ code: 4429, reason: 'too many connections from this address' })
    // the 50 others stay open
    expect(sockets.every((s) => s.ws.readyState === WebSocket.OPEN)).toBe(true)
    const gone = sockets.pop()
    gone?.ws.close()
    await gone?.closed
    await waitFor(() => server.sync.connectionCount === 49, 5000, 'the closed socket to be forgotten')
    const again = await open(wsUrl(server, boardB, owner.token))
    sockets.push(again)
    // a real client on it syncs: the socket was admitted, not closed right after
    const client = connectClient(server.url, boardB, owner.token)
    const closedWith = new Promise<number>((resolve) =>
      client.provider.on('connection-close', (event: { code: number } | null) => resolve(event?.code ?? 0)),
    )
    expect(await closedWith).toBe(4429)
    client.destroy()
    expect(again.ws.readyState).toBe(WebSocket.OPEN)
    expect(refusals(await metricsText(server), 'connections_per_address')).toBe(2)
  })

  it('refuses a socket past the per-board count with 4429 while other boards take more', async () => {
    await closeAll(sockets)
    await waitFor(() => server.sync.connectionCount === 0, 5000, 'every socket to close')
    for (let i = 0; i < 30; i++) sockets.push(await open(wsUrl(server, boardA, owner.token)))
    const refused = await open(wsUrl(server, boardA, owner.token))
    expect(await refused.closed).toEqual({ code: 4429, reason: 'too many connections to this board' })
    // another board is not full: a stock client syncs it
    const other = connectClient(server.url, boardB, owner.token)
    await other.synced
    other.destroy()
    expect(refusals(await metricsText(server), 'connections_per_board')).toBe(1)
  })
})

describe('update rate and bytes, presence rate, elements per board', () => {
  let server: TestServer
  let owner: Account
  let editor: Account
  let boardId: string
  const clients: SyncClient[] = []
  const client = (token: string, id = boardId) => {
    const c = connectClient(server.url, id, token)
    clients.push(c)
    return c
  }

  beforeAll(async () => {
    server = await startTestServer({
      MAX_UPDATES_PER_SECOND: '20',
      MAX_UPDATE_BYTES_PER_SECOND: '16384',
      MAX_AWARENESS_PER_SECOND: '10',
      MAX_ELEMENTS_PER_BOARD: '50',
    })
    owner = await signup(server.url, 'Owner')
    boardId = await createBoard(server.url, owner.token, { title: 'Floods' })
    editor = await joinAs(server.url, owner.token, boardId, 'editor')
  })
  afterAll(async () => {
    for (const c of clients) c.destroy()
    await server.stop()
  })

  /** A raw editor socket and a doc that follows what it sent (to make real updates from). */
  async function flooder(): Promise<{ socket: Opened; doc: Y.Doc; send(update: Uint8Array): void }> {
    const socket = await open(wsUrl(server, boardId, editor.token))
    const doc = new Y.Doc()
    return { socket, doc, send: (update) => socket.ws.send(updateMessage(update)) }
  }

  it('closes a connection that sends too many updates with 4429; the others keep syncing', async () => {
    const a = client(owner.token)
    const b = client(owner.token)
    await Promise.all([a.synced, b.synced])
    const f = await flooder()
    const updates: Uint8Array[] = []
    f.doc.on('update', (u: Uint8Array) => updates.push(u))
    putElement(f.doc, note('flood-rate', 'v0'))
    const element = f.doc.getMap('elements').get('flood-rate') as Y.Map<unknown>
    for (let i = 1; i <= 1000; i++) element.set('label', `v${i}`)
    for (const u of updates) f.send(u)
    expect(await f.socket.closed).toEqual({ code: 4429, reason: 'too many updates' })
    // what it sent before the limit was applied and relayed; nothing after
    await waitFor(() => labelOf(a.doc, 'flood-rate') !== undefined, 5000, 'the first updates to arrive')
    expect(labelOf(a.doc, 'flood-rate')).not.toBe('v1000')
    putElement(a.doc, note('after-rate-flood', 'still syncing'))
    await waitFor(() => labelOf(b.doc, 'after-rate-flood') === 'still syncing', 5000, 'b to see a’s note')
    expect(refusals(await metricsText(server), 'update_rate')).toBe(1)
  })

  it('closes a connection that sends too many update bytes with 4429; the others keep syncing', async () => {
    const a = client(owner.token)
    const b = client(owner.token)
    await Promise.all([a.synced, b.synced])
    const f = await flooder()
    Y.applyUpdate(f.doc, Y.encodeStateAsUpdate(a.doc))
    // 40 updates of about 10 KB, each changing one field: 400 KB, past a burst of 16 × 16 KB
    const element = f.doc.getMap('elements').get('after-rate-flood') as Y.Map<unknown>
    const updates: Uint8Array[] = []
    f.doc.on('update', (u: Uint8Array) => updates.push(u))
    for (let i = 0; i < 40; i++) f.doc.transact(() => element.set('extra', `${i}`.padEnd(10_000, 'x')))
    expect(updates.length).toBe(40)
    for (const u of updates) f.send(u)
    expect(await f.socket.closed).toEqual({ code: 4429, reason: 'too many update bytes' })
    putElement(b.doc, note('after-bytes-flood', 'still syncing'))
    await waitFor(() => labelOf(a.doc, 'after-bytes-flood') === 'still syncing', 5000, 'a to see b’s note')
    expect(refusals(await metricsText(server), 'update_bytes')).toBe(1)
  })

  it('drops presence beyond its rate without closing the socket', async () => {
    const observer = client(owner.token)
    await observer.synced
    const socket = await open(wsUrl(server, boardId, editor.token))
    const local = new awarenessProtocol.Awareness(new Y.Doc())
    const id = local.clientID
    const seen: number[] = []
    observer.provider.awareness.on('update', ({ added, updated }: { added: number[]; updated: number[] }) => {
      if (added.includes(id) || updated.includes(id)) {
        const x = (observer.provider.awareness.getStates().get(id) as { cursor?: { x: number } } | undefined)?.cursor?.x
        if (x !== undefined) seen.push(x)
      }
    })
    for (let i = 0; i < 200; i++) {
      local.setLocalStateField('cursor', { x: i, y: 0 })
      const message = encoding.createEncoder()
      encoding.writeVarUint(message, 1)
      encoding.writeVarUint8Array(message, awarenessProtocol.encodeAwarenessUpdate(local, [id]))
      socket.ws.send(encoding.toUint8Array(message))
    }
    // a document edit sent after the flood arrives: the socket was not closed
    const doc = new Y.Doc()
    doc.on('update', (u: Uint8Array) => socket.ws.send(updateMessage(u)))
    putElement(doc, note('after-presence-flood', 'kept'))
    await waitFor(() => labelOf(observer.doc, 'after-presence-flood') === 'kept', 5000, 'the edit after the flood')
    expect(socket.ws.readyState).toBe(WebSocket.OPEN)
    // the first ones (a burst of 2 s of 10 per second) came through — the server relays a room's
    // presence coalesced, so the observer sees the latest of them, x = 19 or a little later —
    // and most of the rest did not: the last state sent (x = 199) never arrived
    // (the coalesced presence may follow the document edit by a tick: wait for it)
    await waitFor(() => seen.length > 0 && Math.max(...seen) >= 19, 5000, 'the latest presence of the burst')
    expect(Math.max(...seen)).toBeLessThan(199)
    expect(refusals(await metricsText(server), 'awareness_rate')).toBeGreaterThan(0)
    socket.ws.close()
    local.destroy()
  })

  it('refuses an update that would take a board past its element limit; the next valid edit applies', async () => {
    const full = await createBoard(server.url, owner.token, { title: 'Full' })
    const writer = await joinAs(server.url, owner.token, full, 'editor')
    const a = client(owner.token, full)
    const e = client(writer.token, full)
    await Promise.all([a.synced, e.synced])
    // 50 at once: exactly the limit
    a.doc.transact(() => {
      for (let i = 0; i < 50; i++) putElement(a.doc, note(`n${i}`))
    })
    await waitFor(() => e.doc.getMap('elements').size === 50, 5000, 'the 50 notes to reach the editor')
    const denied = deniedReasons()
    try {
      // one more, and a label changed in the same update: the label stays, the note does not
      e.doc.transact(() => {
        putElement(e.doc, note('one-too-many'))
        ;(e.doc.getMap('elements').get('n0') as Y.Map<unknown>).set('label', 'renamed with it')
      })
      await waitFor(() => denied.reasons.some((r) => r.includes('too_many_elements')), 5000, 'the refusal')
      await waitFor(() => !e.doc.getMap('elements').has('one-too-many'), 5000, 'the compensation')
    } finally {
      denied.restore()
    }
    await waitFor(() => labelOf(a.doc, 'n0') === 'renamed with it', 5000, 'the permitted part')
    expect(a.doc.getMap('elements').has('one-too-many')).toBe(false)
    let stored = await exportJson(server.url, owner.token, full)
    expect(stored.elements.length).toBe(50)
    // a delete makes room: the next note applies
    e.doc.transact(() => e.doc.getMap('elements').delete('n1'))
    putElement(e.doc, note('fits-now', 'fits'))
    await waitFor(() => labelOf(a.doc, 'fits-now') === 'fits' && !a.doc.getMap('elements').has('n1'), 5000, 'the next edit')
    stored = await exportJson(server.url, owner.token, full)
    expect(stored.elements.length).toBe(50)
    expect(stored.elements.map((el) => el.id)).toContain('fits-now')
    expect(refusals(await metricsText(server), 'elements_per_board')).toBe(1)
  })

  it('refuses an imported board document of more elements with 413', async () => {
    const content = (n: number) => ({
      format: 'refresh-board',
      version: 1,
      board: { id: 'x', title: 'Imported' },
      elements: Array.from({ length: n }, (_, i) => note(`i${i}`)),
    })
    const over = await api(server.url, 'POST', '/api/boards', {
      token: owner.token,
      body: { title: 'Big', content: content(51) },
    })
    expect(over.status).toBe(413)
    expect(over.body).toEqual({ error: { code: 'payload_too_large', message: expect.stringContaining('51 elements') } })
    const fits = await api<{ board: { id: string } }>(server.url, 'POST', '/api/boards', {
      token: owner.token,
      body: { title: 'Just fits', content: content(50) },
    })
    expect(fits.status).toBe(201)
    expect((await exportJson(server.url, owner.token, fits.body.board.id)).elements.length).toBe(50)
  })

  it('holds for what the server writes: a template that would pass the limit answers 413 and adds nothing', async () => {
    const empty = await createBoard(server.url, owner.token, { title: 'Room for a template' })
    const added = await api<{ added: number }>(server.url, 'POST', `/api/boards/${empty}/templates`, {
      token: owner.token,
      body: { template: 'site-scan' },
    })
    expect(added.status).toBe(200)
    const size = (await exportJson(server.url, owner.token, empty)).elements.length
    expect(size).toBeGreaterThan(0)
    expect(size).toBeLessThan(50)
    // a board one element short of room for that template
    const notes = Array.from({ length: 51 - size }, (_, i) => note(`t${i}`))
    const crowded = await api<{ board: { id: string } }>(server.url, 'POST', '/api/boards', {
      token: owner.token,
      body: {
        title: 'Crowded',
        content: { format: 'refresh-board', version: 1, board: { id: 'x', title: 'C' }, elements: notes },
      },
    })
    expect(crowded.status).toBe(201)
    const refused = await api(server.url, 'POST', `/api/boards/${crowded.body.board.id}/templates`, {
      token: owner.token,
      body: { template: 'site-scan' },
    })
    expect(refused.status).toBe(413)
    expect(refused.body).toEqual({ error: { code: 'payload_too_large', message: expect.stringContaining('at most 50') } })
    expect((await exportJson(server.url, owner.token, crowded.body.board.id)).elements.length).toBe(notes.length)
  })
})

describe('REST request rate and security headers', () => {
  let server: TestServer
  let proxied: TestServer

  beforeAll(async () => {
    server = await startTestServer({ API_REQUESTS_PER_SECOND: '2', API_REQUEST_BURST: '10' })
    proxied = await startTestServer({
      API_REQUESTS_PER_SECOND: '2',
      API_REQUEST_BURST: '10',
      PUBLIC_ORIGIN: 'https://board.example.org',
    })
  })
  afterAll(async () => {
    await server.stop()
    await proxied.stop()
  })

  it('answers past the burst with 429 rate_limited and Retry-After; other paths are not counted', async () => {
    const answers = await Promise.all(Array.from({ length: 30 }, () => fetch(`${server.url}/api/auth/me`)))
    const statuses = answers.map((r) => r.status)
    // the first 10 are judged by their session (none: 401), the rest are limited
    expect(statuses.filter((s) => s === 401).length).toBeGreaterThanOrEqual(10)
    const limited = answers.filter((r) => r.status === 429)
    expect(limited.length).toBeGreaterThanOrEqual(15)
    const first = limited[0] as Response
    expect(first.headers.get('content-type')).toMatch(/^application\/json/)
    expect(Number(first.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
    expect(await first.json()).toEqual({ error: { code: 'rate_limited', message: expect.any(String) } })
    expect((await fetch(`${server.url}/livez`)).status).toBe(200)
    expect(refusals(await metricsText(server), 'api_rate')).toBe(limited.length)
  })

  it('behind a proxy, counts each forwarded address on its own', async () => {
    const from = (address: string) =>
      fetch(`${proxied.url}/api/auth/me`, { headers: { 'x-forwarded-for': `203.0.113.9, ${address}` } })
    const busy = await Promise.all(Array.from({ length: 20 }, () => from('198.51.100.1')))
    expect(busy.some((r) => r.status === 429)).toBe(true)
    expect((await from('198.51.100.2')).status).toBe(401)
  })

  it('sends a CSP whose connect-src is the board’s own origin, a Permissions-Policy, and HSTS only on https', async () => {
    const plain = await fetch(`${server.url}/`)
    const host = new URL(server.url).host
    expect(connectSrc(plain.headers)).toBe(`connect-src 'self' ws://${host} wss://${host}`)
    expect(plain.headers.get('permissions-policy')).toContain('camera=()')
    expect(plain.headers.get('permissions-policy')).toContain('microphone=()')
    expect(plain.headers.get('permissions-policy')).toContain('geolocation=()')
    expect(plain.headers.get('strict-transport-security')).toBeNull()
    // an API answer carries them too
    expect(connectSrc((await fetch(`${server.url}/api/config`)).headers)).toBe(`connect-src 'self' ws://${host} wss://${host}`)
    // a Host header that is no host name is not written into the policy (Node itself answers
    // 400 to most such; this one it lets through)
    expect(connectSrc(await headersFor(server.url, 'odd_host*'))).toBe("connect-src 'self'")

    const secure = await fetch(`${proxied.url}/`)
    expect(secure.headers.get('strict-transport-security')).toBe('max-age=31536000')
    expect(connectSrc(secure.headers)).toBe("connect-src 'self' wss://board.example.org")
  })
})
