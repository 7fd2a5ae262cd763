import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { textileMillDocument } from '../../shared/demo/textile-mill.ts'
import { readBoardDocument } from '../../shared/schema/convert.ts'
import type { BoardDocument } from '../../shared/schema/document.ts'
import { type Account, api, createBoard, joinAs, signup } from '../helpers/api.ts'
import { note, putElement } from '../helpers/elements.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'
import { connectClient, type SyncClient, waitFor } from '../helpers/sync-client.ts'

interface SnapshotView {
  id: string
  label: string
  createdAt: string
  createdBy: { id: string; displayName: string }
  elementCount: number
  indicators: Record<string, number | null> | null
  thumbnailUrl: string | null
}
interface Diff {
  added: { id: string }[]
  removed: { id: string }[]
  changed: { id: string; fields: Record<string, [unknown, unknown]> }[]
  site: { fields: Record<string, [unknown, unknown]> } | null
}

let server: TestServer
let owner: Account
const clients: SyncClient[] = []
const client = (boardId: string, token: string) => {
  const c = connectClient(server.url, boardId, token)
  clients.push(c)
  return c
}

beforeAll(async () => {
  server = await startTestServer({ ROOM_IDLE_MS: '200' })
  owner = await signup(server.url, 'Owner')
})
afterAll(async () => {
  for (const c of clients) c.destroy()
  await server.stop()
})

const newBoard = (title = 'Spinnerei Weißenau') => createBoard(server.url, owner.token, { title, content: textileMillDocument })

async function snapshot(boardId: string, label: string, token = owner.token): Promise<SnapshotView> {
  const res = await api<{ snapshot: SnapshotView }>(server.url, 'POST', `/api/boards/${boardId}/snapshots`, {
    token,
    body: { label },
  })
  if (res.status !== 201) throw new Error(`snapshot: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body.snapshot
}

const diff = async (boardId: string, from: string, to: string) =>
  api<Diff>(server.url, 'GET', `/api/boards/${boardId}/diff?from=${from}&to=${to}`, { token: owner.token })

/** Polls an async check (the server applies a client's update a moment after it is sent). */
async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await read()
    if (ok(value)) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value).slice(0, 500)}`)
    await new Promise((r) => setTimeout(r, 20))
  }
}

const elementsOf = (doc: Y.Doc) => readBoardDocument(doc, { id: 'x', title: 'x' }).document.elements
const siteOf = (doc: Y.Doc) => readBoardDocument(doc, { id: 'x', title: 'x' }).document.site

describe('snapshots', () => {
  it('creates, lists newest first and returns the content of the moment, deterministically', async () => {
    const boardId = await newBoard()
    const first = await snapshot(boardId, 'Round 1 – Přádelna')
    expect(first).toMatchObject({
      label: 'Round 1 – Přádelna',
      createdBy: { id: owner.user.id, displayName: 'Owner' },
      elementCount: textileMillDocument.elements.length,
      thumbnailUrl: null,
    })
    expect(first.id).toMatch(/^[A-Za-z0-9_-]{20,}$/)
    expect(first.indicators?.actors).toBe(17)
    // critical mass apart: committed (letter of intent or more) and merely interested creative actors
    expect(first.indicators).toMatchObject({ creativeActors: 8, creativeCommitted: 2, creativeInterested: 4 })
    expect(Number.isNaN(Date.parse(first.createdAt))).toBe(false)

    const c = client(boardId, owner.token)
    await c.synced
    putElement(c.doc, note('n-round2', 'Nová poznámka'))
    await eventually(
      () => diff(boardId, first.id, 'live'),
      (r) => r.body.added?.length === 1,
      'the note on the server',
    )
    const second = await snapshot(boardId, 'Round 2')
    expect(second.elementCount).toBe(first.elementCount + 1)

    const list = await api<{ snapshots: SnapshotView[] }>(server.url, 'GET', `/api/boards/${boardId}/snapshots`, {
      token: owner.token,
    })
    expect(list.status).toBe(200)
    expect(list.body.snapshots.map((s) => s.label)).toEqual(['Round 2', 'Round 1 – Přádelna'])
    expect(list.body.snapshots[1]).toEqual(first)

    const one = await fetch(`${server.url}/api/boards/${boardId}/snapshots/${first.id}`, {
      headers: { authorization: `Bearer ${owner.token}` },
    })
    const text = await one.text()
    const body = JSON.parse(text) as { snapshot: SnapshotView; content: BoardDocument }
    expect(body.snapshot).toEqual(first)
    expect(body.content.format).toBe('refresh-board')
    expect(body.content.board).toEqual({ id: boardId, title: 'Spinnerei Weißenau' })
    expect(body.content.elements.map((e) => e.id)).toEqual(textileMillDocument.elements.map((e) => e.id).sort())
    const again = await fetch(`${server.url}/api/boards/${boardId}/snapshots/${first.id}`, {
      headers: { authorization: `Bearer ${owner.token}` },
    })
    expect(await again.text()).toBe(text)
  })

  it('snapshot → change through a real client → the diff lists exactly that change', async () => {
    const boardId = await newBoard()
    const s = await snapshot(boardId, 'before')
    expect((await diff(boardId, s.id, 'live')).body).toEqual({ added: [], removed: [], changed: [], site: null, settings: null })

    const c = client(boardId, owner.token)
    await c.synced
    c.doc.transact(() => {
      const elements = c.doc.getMap('elements')
      ;(elements.get('a-pradelna') as Y.Map<unknown>).set('commitment', 'signed')
      ;(elements.get('u-market') as Y.Map<unknown>).delete('areaM2')
      elements.delete('n-signage')
    })
    putElement(c.doc, note('n-new', 'Heizung für Halle B – Angebot einholen'))
    const res = await eventually(
      () => diff(boardId, s.id, 'live'),
      (r) => r.body.added?.length === 1 && r.body.changed?.length === 2 && r.body.removed?.length === 1,
      'the changes on the server',
    )
    expect(res.status).toBe(200)
    expect(res.body.added).toEqual([note('n-new', 'Heizung für Halle B – Angebot einholen')])
    expect(res.body.removed.map((e) => e.id)).toEqual(['n-signage'])
    const was = (id: string, field: string) =>
      (textileMillDocument.elements.find((e) => e.id === id) as Record<string, unknown>)[field]
    expect(res.body.changed).toEqual([
      { id: 'a-pradelna', fields: { commitment: [was('a-pradelna', 'commitment'), 'signed'] } },
      { id: 'u-market', fields: { areaM2: [was('u-market', 'areaM2'), null] } },
    ])
    expect(res.body.site).toBeNull()

    // snapshot to snapshot, and the reverse direction
    const s2 = await snapshot(boardId, 'after')
    expect((await diff(boardId, s.id, s2.id)).body).toEqual(res.body)
    const back = await diff(boardId, s2.id, s.id)
    expect(back.body.added.map((e) => e.id)).toEqual(['n-signage'])
    expect(back.body.removed.map((e) => e.id)).toEqual(['n-new'])
  })

  it('restore brings every connected client back to the snapshot as a new change, and an offline one on reconnect', async () => {
    const boardId = await newBoard()
    const facilitator = await joinAs(server.url, owner.token, boardId, 'facilitator', 'Fée')
    const editor = await joinAs(server.url, owner.token, boardId, 'editor', 'Eda')
    const a = client(boardId, owner.token)
    const b = client(boardId, editor.token)
    const offline = client(boardId, editor.token)
    await Promise.all([a.synced, b.synced, offline.synced])
    const s = await snapshot(boardId, 'Round 1')
    const snap = await api<{ content: BoardDocument }>(server.url, 'GET', `/api/boards/${boardId}/snapshots/${s.id}`, {
      token: owner.token,
    })
    const wanted = JSON.stringify(snap.body.content.elements)

    offline.provider.disconnect()
    a.doc.transact(() => {
      const elements = a.doc.getMap('elements')
      ;(elements.get('u-cafe') as Y.Map<unknown>).set('label', 'Kavárna')
      ;(elements.get('a-szonyi') as Y.Map<unknown>).set('country', 'AT')
      ;(elements.get('a-leczyca') as Y.Map<unknown>).delete('stance')
      elements.delete('u-garden')
    })
    putElement(b.doc, note('n-later', 'written after the snapshot'))
    const patched = await api(server.url, 'PATCH', `/api/boards/${boardId}`, {
      token: owner.token,
      body: { site: { ...textileMillDocument.site, areaM2: 9999 } },
    })
    expect(patched.status).toBe(200)
    await waitFor(
      () =>
        !!b.doc.getMap('elements').get('n-later') && siteOf(a.doc).areaM2 === 9999 && !b.doc.getMap('elements').has('u-garden'),
    )
    expect(JSON.stringify(elementsOf(a.doc))).not.toBe(wanted)

    let remoteUpdates = 0
    a.doc.on('update', (_update: Uint8Array, origin: unknown) => {
      if (origin === a.provider) remoteUpdates++
    })
    const restored = await api<{ snapshot: SnapshotView; changes: Record<string, number> }>(
      server.url,
      'POST',
      `/api/boards/${boardId}/snapshots/${s.id}/restore`,
      { token: facilitator.token },
    )
    expect(restored.status).toBe(200)
    expect(restored.body.snapshot.id).toBe(s.id)
    expect(restored.body.changes).toEqual({ added: 1, removed: 1, changed: 3 })

    await waitFor(
      () => JSON.stringify(elementsOf(a.doc)) === wanted && JSON.stringify(elementsOf(b.doc)) === wanted,
      5000,
      'restore in both clients',
    )
    expect(remoteUpdates).toBeGreaterThan(0) // it arrived as an ordinary update
    expect(siteOf(b.doc).areaM2).toBe(textileMillDocument.site.areaM2)
    const record = await api<{ board: { site: { areaM2?: number } } }>(server.url, 'GET', `/api/boards/${boardId}`, {
      token: owner.token,
    })
    expect(record.body.board.site.areaM2).toBe(textileMillDocument.site.areaM2)

    // history kept: a client that missed both the edits and the restore catches up on reconnect
    expect(offline.doc.getMap('elements').has('u-garden')).toBe(true)
    offline.provider.connect()
    await waitFor(() => JSON.stringify(elementsOf(offline.doc)) === wanted, 5000, 'the offline client')

    // live equals the snapshot now
    expect((await diff(boardId, s.id, 'live')).body).toEqual({ added: [], removed: [], changed: [], site: null, settings: null })
  })

  it('restoring an unchanged board writes nothing: unchanged fields create no Yjs items', async () => {
    const boardId = await newBoard()
    const c = client(boardId, owner.token)
    const other = client(boardId, owner.token)
    await Promise.all([c.synced, other.synced])
    // the other client writes once first, so that the server has registered its client id (a server write)
    putElement(other.doc, note('n-warm-up'))
    await waitFor(() => c.doc.getMap('elements').has('n-warm-up'), 5000, 'the warm-up')
    const s = await snapshot(boardId, 'same')
    const before = Y.encodeStateVector(c.doc)
    const res = await api(server.url, 'POST', `/api/boards/${boardId}/snapshots/${s.id}/restore`, { token: owner.token })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ changes: { added: 0, removed: 0, changed: 0 } })
    // a write from the other client after the restore: once it has arrived, so has anything the restore sent
    putElement(other.doc, note('n-marker'))
    await waitFor(() => c.doc.getMap('elements').has('n-marker'), 5000, 'the marker')
    const after = Y.decodeStateVector(Y.encodeStateVector(c.doc))
    const beforeMap = Y.decodeStateVector(before)
    for (const [clientId, clock] of after) if (clientId !== other.doc.clientID) expect(clock).toBe(beforeMap.get(clientId))
  })

  it('answers roles as the contract says', async () => {
    const boardId = await newBoard()
    const viewer = await joinAs(server.url, owner.token, boardId, 'viewer')
    const editor = await joinAs(server.url, owner.token, boardId, 'editor')
    const outsider = await signup(server.url, 'Outsider')
    const base = `/api/boards/${boardId}`

    expect((await api(server.url, 'POST', `${base}/snapshots`, { token: viewer.token, body: { label: 'x' } })).status).toBe(403)
    const made = await api<{ snapshot: SnapshotView }>(server.url, 'POST', `${base}/snapshots`, {
      token: editor.token,
      body: { label: 'by editor' },
    })
    expect(made.status).toBe(201)
    const sid = made.body.snapshot.id
    expect((await api(server.url, 'POST', `${base}/snapshots/${sid}/restore`, { token: editor.token })).status).toBe(403)
    expect((await api(server.url, 'GET', `${base}/snapshots`, { token: viewer.token })).status).toBe(200)
    expect((await api(server.url, 'GET', `${base}/snapshots/${sid}`, { token: viewer.token })).status).toBe(200)
    expect((await api(server.url, 'GET', `${base}/diff?from=${sid}&to=live`, { token: viewer.token })).status).toBe(200)

    for (const [method, path] of [
      ['POST', `${base}/snapshots`],
      ['GET', `${base}/snapshots`],
      ['GET', `${base}/snapshots/${sid}`],
      ['POST', `${base}/snapshots/${sid}/restore`],
      ['GET', `${base}/diff?from=${sid}&to=live`],
    ] as const) {
      const body = method === 'POST' ? { label: 'x' } : undefined
      const hidden = await api<{ error: { code: string } }>(server.url, method, path, { token: outsider.token, body })
      expect(hidden.status, `${method} ${path} outsider`).toBe(404)
      expect(hidden.body.error.code).toBe('board_not_found')
      expect((await api(server.url, method, path, { body })).status, `${method} ${path} anonymous`).toBe(401)
    }
  })

  it('validates labels and ids: 400 for bad input, 404 for unknown snapshots', async () => {
    const boardId = await newBoard()
    const base = `/api/boards/${boardId}`
    const post = (body: unknown) => api(server.url, 'POST', `${base}/snapshots`, { token: owner.token, body })
    expect((await post({ label: '' })).status).toBe(400)
    expect((await post({ label: '   ' })).status).toBe(400)
    expect((await post({ label: 'x'.repeat(201) })).status).toBe(400)
    expect((await post({})).status).toBe(400)
    expect((await post({ label: 'ž'.repeat(200) })).status).toBe(201)
    const sid = (await snapshot(boardId, 'ok')).id

    const unknown = 'AAAAAAAAAAAAAAAAAAAAAAAA'
    for (const [method, path] of [
      ['GET', `${base}/snapshots/${unknown}`],
      ['POST', `${base}/snapshots/${unknown}/restore`],
      ['GET', `${base}/diff?from=${unknown}&to=live`],
      ['GET', `${base}/diff?from=${sid}&to=${unknown}`],
    ] as const) {
      const res = await api<{ error: { code: string } }>(server.url, method, path, { token: owner.token })
      expect(res.status, path).toBe(404)
      expect(res.body.error.code).toBe('snapshot_not_found')
    }
    for (const query of ['', `?from=${sid}`, '?to=live', `?from=${sid}&to=`, '?from=..%2F..&to=live', `?from=${sid}&to=a:b`]) {
      const res = await api<{ error: { code: string } }>(server.url, 'GET', `${base}/diff${query}`, { token: owner.token })
      expect(res.status, query).toBe(400)
      expect(res.body.error.code).toBe('bad_request')
    }
  })

  it('stores snapshots compactly under the board namespace and deletes them with the board', async () => {
    const boardId = await newBoard()
    const s = await snapshot(boardId, 'kept')
    const keys = await server.storage.getKeys(`docs:${boardId}:`)
    expect(keys).toContain(`docs:${boardId}:snapshots:${s.id}`)
    expect(keys).toContain(`docs:${boardId}:snapshot-index:${s.id}`)
    const stored = (await server.storage.getItemRaw(`docs:${boardId}:snapshots:${s.id}`)) as Uint8Array
    // gzip: the content and its analysis in well under half the bytes of the content's JSON
    expect(stored.byteLength).toBeLessThan(JSON.stringify(textileMillDocument).length / 2)

    expect((await api(server.url, 'DELETE', `/api/boards/${boardId}`, { token: owner.token })).status).toBe(204)
    const left = (await server.storage.getKeys(`docs:${boardId}:`)).filter((k) => k.includes('snapshot'))
    expect(left).toEqual([])
  })
})
