import { gunzipSync, gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { decodeBackup, encodeBackup, entryOf } from '../../server/backup/backup-file.ts'
import { framePiece } from '../../server/storage/piece.ts'
import { type Account, api, exportJson, joinAs, signup } from '../helpers/api.ts'
import { note, putElement } from '../helpers/elements.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'
import { connectClient, type SyncClient, waitFor } from '../helpers/sync-client.ts'

let server: TestServer
let owner: Account
let boardId: string
const clients: SyncClient[] = []

async function download(token: string, id = boardId) {
  const res = await fetch(`${server.url}/api/boards/${id}/history`, { headers: { authorization: `Bearer ${token}` } })
  return { res, bytes: new Uint8Array(await res.arrayBuffer()) }
}

function upload(token: string, body: Uint8Array<ArrayBuffer>) {
  return fetch(`${server.url}/api/boards/import-history`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/gzip' },
    body,
  })
}

beforeAll(async () => {
  server = await startTestServer({ ROOM_IDLE_MS: '60000' })
  owner = await signup(server.url, 'Owner')
  const res = await api<{ board: { id: string } }>(server.url, 'POST', '/api/boards', {
    token: owner.token,
    body: { title: 'Gasometer Simmering', site: { name: 'Gasometer', city: 'Wien' } },
  })
  boardId = res.body.board.id
  // history: notes written live, one of them deleted again
  const c = connectClient(server.url, boardId, owner.token)
  clients.push(c)
  await c.synced
  for (let i = 0; i < 4; i++) putElement(c.doc, note(`n${i}`, `Idea ${i}`))
  putElement(c.doc, note('gone', 'Ephemeral idea'))
  c.doc.getMap('elements').delete('gone')
  const echo = connectClient(server.url, boardId, owner.token)
  clients.push(echo)
  await echo.synced
  await waitFor(() => echo.doc.getMap('elements').size === 4 && !echo.doc.getMap('elements').has('gone'), 5000, 'edits echoed')
})
afterAll(async () => {
  for (const c of clients) c.destroy()
  await server?.stop()
})

describe('a board’s full history', () => {
  it('downloads as one file for the owner only, holding the update log, deletions included', async () => {
    const { res, bytes } = await download(owner.token)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/gzip')
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="board-${boardId}.history.ndjson.gz"`)
    const { header, entries } = decodeBackup(bytes)
    expect(header).toMatchObject({ storage: 'board-history', board: { id: boardId, title: 'Gasometer Simmering' } })
    // the log's entries, not one merged state: more than one piece
    expect(entries.length).toBeGreaterThan(1)
    for (const { key } of entries) expect(key).toMatch(new RegExp(`^docs:${boardId}:(log|state):`))
    // the note deleted again is in the history (its text in an early log entry), not in the JSON export
    const texts = entries.map(({ value }) => ('bytes' in value ? Buffer.from(value.bytes).toString('latin1') : ''))
    expect(texts.some((t) => t.includes('Ephemeral idea'))).toBe(true)
    expect(JSON.stringify(await exportJson(server.url, owner.token, boardId))).not.toContain('Ephemeral idea')

    const facilitator = await joinAs(server.url, owner.token, boardId, 'facilitator')
    const refused = await download(facilitator.token)
    expect(refused.res.status).toBe(403)
  })

  it('imports as a new board of the caller, with the same content, that opens live', async () => {
    const { bytes } = await download(owner.token)
    const other = await signup(server.url, 'Other')
    const res = await upload(other.token, bytes)
    expect(res.status).toBe(201)
    const { board } = (await res.json()) as { board: { id: string; title: string; role: string; site: unknown } }
    expect(board.id).not.toBe(boardId)
    const source = await api<{ board: { site: unknown } }>(server.url, 'GET', `/api/boards/${boardId}`, { token: owner.token })
    expect(source.body.board.site).toMatchObject({ name: 'Gasometer' })
    expect(board).toMatchObject({ title: 'Gasometer Simmering', role: 'owner', site: source.body.board.site })
    const before = await exportJson(server.url, owner.token, boardId)
    const after = await exportJson(server.url, other.token, board.id)
    expect(after.elements).toEqual(before.elements)
    // the imported board is a board like any other: live, and its own history again
    const c = connectClient(server.url, board.id, other.token)
    clients.push(c)
    await c.synced
    expect([...c.doc.getMap('elements').keys()].sort()).toEqual(['n0', 'n1', 'n2', 'n3'])
    const again = decodeBackup((await download(other.token, board.id)).bytes)
    expect(again.entries.some(({ value }) => 'bytes' in value && Buffer.from(value.bytes).includes('Ephemeral idea'))).toBe(true)
    // the source board is untouched, and nobody else gained access to the copy
    expect((await api(server.url, 'GET', `/api/boards/${board.id}`, { token: owner.token })).status).toBe(404)
  })

  it('refuses a damaged file, another board’s piece, a full backup and guests, creating nothing', async () => {
    const { bytes } = await download(owner.token)
    const other = await signup(server.url, 'Careful')
    const boardsOf = async () =>
      (await api<{ boards: unknown[] }>(server.url, 'GET', '/api/boards', { token: other.token })).body.boards
    const lines = gunzipSync(bytes).toString('utf8').split('\n')

    // a piece's bytes changed, its checksum not
    const entry = JSON.parse(lines[1] as string) as { data: string }
    const raw = Buffer.from(entry.data, 'base64')
    raw[raw.length - 1] = (raw[raw.length - 1] ?? 0) ^ 0xff
    entry.data = raw.toString('base64')
    const tampered = gzipSync([lines[0], JSON.stringify(entry), ...lines.slice(2)].join('\n'))
    // cut short: no trailer
    const cut = gzipSync(lines.slice(0, -2).join('\n'))
    // a full backup's header
    const header = JSON.parse(lines[0] as string) as Record<string, unknown>
    const backupLike = gzipSync([JSON.stringify({ ...header, storage: 'fs', board: undefined }), ...lines.slice(1)].join('\n'))

    for (const [body, why] of [
      [tampered, 'fails its checksum'],
      [cut, 'incomplete'],
      [backupLike, 'not a board history'],
      [new Uint8Array([1, 2, 3]), 'gzip'],
    ] as const) {
      const res = await upload(other.token, new Uint8Array(body))
      expect(res.status).toBe(400)
      const error = ((await res.json()) as { error: { code: string; message: string } }).error
      expect(error.code).toBe('invalid_document')
      expect(error.message).toContain(why)
    }
    expect(await boardsOf()).toEqual([])
    const guest = await joinAs(server.url, owner.token, boardId, 'editor')
    expect((await upload(guest.token, bytes)).status).toBe(403)
    expect((await upload('', bytes)).status).toBe(401)
  })

  it('refuses a history with updates missing, or with a piece that is no Yjs update, under valid checksums', async () => {
    const { bytes } = await download(owner.token)
    const { header, entries } = decodeBackup(bytes)
    const rewrap = (picked: typeof entries) =>
      new Uint8Array(
        encodeBackup(
          { createdAt: header.createdAt, storage: header.storage, ...(header.board ? { board: header.board } : {}) },
          picked.map(({ key, value }) => entryOf(key, value)),
        ),
      )
    // the last log entry alone: it builds on entries left out
    const logs = entries.filter(({ key }) => key.includes(':log:'))
    expect(logs.length).toBeGreaterThan(1)
    const missing = await upload(owner.token, rewrap([logs.at(-1) as (typeof entries)[number]]))
    expect(missing.status).toBe(400)
    expect(((await missing.json()) as { error: { message: string } }).error.message).toContain('incomplete')
    // a well-framed piece of nonsense
    const junk = {
      key: `docs:${boardId}:log:0000000000000001-junk`,
      value: { bytes: framePiece(new Uint8Array([255, 255, 255, 1])) },
    }
    const res = await upload(owner.token, rewrap([...entries, junk]))
    expect(res.status).toBe(400)
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/not a Yjs update|incomplete/)
  })

  it('holds MAX_ELEMENTS_PER_BOARD: a history of more elements is refused with 413', async () => {
    const { bytes } = await download(owner.token)
    const small = await startTestServer({ MAX_ELEMENTS_PER_BOARD: '3' })
    try {
      const someone = await signup(small.url, 'Someone')
      const post = (token: string) =>
        fetch(`${small.url}/api/boards/import-history`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/gzip' },
          body: bytes,
        })
      const res = await post(someone.token)
      expect(res.status).toBe(413)
      const error = ((await res.json()) as { error: { code: string; message: string } }).error
      expect(error).toMatchObject({ code: 'payload_too_large' })
      expect(error.message).toContain('4 elements')
      expect((await api<{ boards: unknown[] }>(small.url, 'GET', '/api/boards', { token: someone.token })).body.boards).toEqual(
        [],
      )
    } finally {
      await small.stop()
    }
  })
})
