import { execFile } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { gunzipSync, gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readBackupFile } from '../../server/backup/backup-file.ts'
import { createLogger } from '../../server/logger.ts'
import { openStorage } from '../../server/storage/create-storage.ts'
import { UpdateLog } from '../../server/storage/update-log.ts'
import { type Account, api, exportJson, joinAs, signup } from '../helpers/api.ts'
import { note, putElement } from '../helpers/elements.ts'
import { blackPng } from '../helpers/png.ts'
import { type RedisServer, startRedis } from '../helpers/redis.ts'
import { type SpawnedServer, spawnServer, tempDir } from '../helpers/server.ts'
import { connectClient, waitFor } from '../helpers/sync-client.ts'

const root = path.resolve(import.meta.dirname, '../..')
const PASSWORD = 'correct horse battery staple'

/** Runs `scripts/<name>.ts` as its own process, as `npm run <name>` does. */
function script(name: 'backup' | 'restore', args: string[], env: Record<string, string>) {
  return new Promise<{ code: number; out: string }>((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', `scripts/${name}.ts`, ...args],
      { cwd: root, env: { ...process.env, ...env } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, out: stdout + stderr }),
    )
  })
}

/** Every key of an fs store with its bytes (hidden temp files of writes in progress left out). */
function filesOf(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>()
  if (!existsSync(dir)) return files
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile() || e.name.startsWith('.')) continue
    const file = path.join(e.parentPath, e.name)
    files.set(path.relative(dir, file).split(path.sep).join(':'), readFileSync(file))
  }
  return files
}

/** Every entry of a backup file, key → the value's bytes. */
async function entriesOf(file: string): Promise<Map<string, Buffer>> {
  const entries = new Map<string, Buffer>()
  await readBackupFile(file, (key, value) => {
    entries.set(key, 'text' in value ? Buffer.from(value.text, 'utf8') : Buffer.from(value.bytes))
  })
  return entries
}

/** The element ids of a board as its stored pieces hold them (read straight from the store). */
async function storedIds(storageUrl: string, boardId: string): Promise<Set<string>> {
  const storage = openStorage(storageUrl)
  try {
    const doc = new Y.Doc()
    await new UpdateLog({ storage, logger: createLogger('error') }).load(boardId, doc, null)
    return new Set(doc.getMap('elements').keys())
  } finally {
    await storage.dispose()
  }
}

const documentWith = (ids: string[]) => ({
  format: 'refresh-board',
  version: 1,
  board: { id: 'x', title: 'x' },
  site: {},
  elements: ids.map((id) => note(id)),
})

interface Workshop {
  owner: Account
  editor: Account
  /** boards nobody edits during the backup: their exports must come back equal */
  still: Map<string, unknown>
  /** the board edited (and compacted over and over) while the backup runs */
  busy: string
  /** notes of `busy` stored before the backup began */
  storedBefore: Set<string>
  /** every note anyone added to `busy` */
  written: Set<string>
  snapshot: { boardId: string; id: string; content: unknown }
  image: { boardId: string; url: string; bytes: Uint8Array }
  /** a collection of the first board, with a review and an invite (collections:, collectionmembers:, … keys) */
  collection: { id: string; view: unknown; reviews: unknown }
}

/** Accounts, boards with content and history, a snapshot and an image on a running server. */
async function buildWorkshop(url: string, storageUrl: string): Promise<Workshop> {
  const owner = await signup(url, 'Owner')
  const still = new Map<string, unknown>()
  for (let b = 0; b < 3; b++) {
    const res = await api<{ board: { id: string } }>(url, 'POST', '/api/boards', {
      token: owner.token,
      body: { title: `Mill ${b}`, content: documentWith([`b${b}n1`, `b${b}n2`]) },
    })
    expect(res.status).toBe(201)
    still.set(res.body.board.id, null)
  }
  const [first] = [...still.keys()] as [string]
  // history: live edits, a snapshot, more edits
  const live = connectClient(url, first, owner.token)
  await live.synced
  for (let i = 0; i < 5; i++) putElement(live.doc, note(`live${i}`))
  await waitFor(() => live.provider.synced && live.doc.getMap('elements').size === 7, 5000, 'live notes')
  const snap = await api<{ snapshot: { id: string } }>(url, 'POST', `/api/boards/${first}/snapshots`, {
    token: owner.token,
    body: { label: 'Before the walk' },
  })
  expect(snap.status).toBe(201)
  putElement(live.doc, note('after-snapshot'))
  const png = blackPng(3, 2)
  const image = await fetch(`${url}/api/boards/${first}/images`, {
    method: 'POST',
    headers: { authorization: `Bearer ${owner.token}`, 'content-type': 'image/png' },
    body: png,
  })
  expect(image.status).toBe(201)
  const imageUrl = ((await image.json()) as { image: { url: string } }).image.url
  live.destroy()
  // the board the editor works on while the backup runs
  const busy = (await api<{ board: { id: string } }>(url, 'POST', '/api/boards', { token: owner.token, body: { title: 'Busy' } }))
    .body.board.id
  const editor = await joinAs(url, owner.token, busy, 'editor', 'Editor')
  const written = new Set<string>()
  const before = connectClient(url, busy, editor.token)
  await before.synced
  for (let i = 0; i < 20; i++) {
    putElement(before.doc, note(`pre${i}`))
    written.add(`pre${i}`)
  }
  // "stored" means in the store's pieces, not only in the room
  const deadline = Date.now() + 10_000
  while ((await storedIds(storageUrl, busy)).size < 20) {
    if (Date.now() > deadline) throw new Error('the notes were never stored')
    await new Promise((r) => setTimeout(r, 20))
  }
  before.destroy()
  const snapshotContent = (
    await api<{ content: unknown }>(url, 'GET', `/api/boards/${first}/snapshots/${snap.body.snapshot.id}`, { token: owner.token })
  ).body.content
  for (const id of still.keys()) still.set(id, await exportJson(url, owner.token, id))
  const collection = (
    await api<{ collection: { id: string } }>(url, 'POST', '/api/collections', { token: owner.token, body: { title: 'Region' } })
  ).body.collection.id
  const at = `/api/collections/${collection}`
  expect((await api(url, 'PUT', `${at}/boards/${first}`, { token: owner.token, body: {} })).status).toBe(200)
  const review = { scores: { heritage: { score: 5, text: 'Kept whole' } }, summary: 'Good' }
  expect((await api(url, 'PUT', `${at}/reviews/${first}`, { token: owner.token, body: review })).status).toBe(200)
  expect((await api(url, 'POST', `${at}/invites`, { token: owner.token, body: { role: 'reviewer' } })).status).toBe(201)
  return {
    collection: {
      id: collection,
      view: (await api(url, 'GET', at, { token: owner.token })).body,
      reviews: (await api(url, 'GET', `${at}/reviews`, { token: owner.token })).body,
    },
    owner,
    editor,
    still,
    busy,
    storedBefore: await storedIds(storageUrl, busy),
    written,
    snapshot: { boardId: first, id: snap.body.snapshot.id, content: snapshotContent },
    image: { boardId: first, url: imageUrl, bytes: png },
  }
}

/**
 * Edits `busy` until `stop()`: each round a client connects, adds a note, waits for the server's
 * echo and leaves — with ROOM_IDLE_MS=0 the room unloads and compacts every round, so pieces are
 * written and deleted under the backup's feet.
 */
function editWhileBackingUp(url: string, w: Workshop) {
  let stopped = false
  let rounds = 0
  const done = (async () => {
    while (!stopped) {
      const c = connectClient(url, w.busy, w.editor.token)
      await c.synced
      const id = `during${rounds++}`
      putElement(c.doc, note(id))
      w.written.add(id)
      const echo = connectClient(url, w.busy, w.editor.token)
      await echo.synced
      await waitFor(() => echo.doc.getMap('elements').has(id), 5000, `note ${id} echoed`)
      echo.destroy()
      c.destroy()
    }
  })()
  return {
    rounds: () => rounds,
    stop: async () => {
      stopped = true
      await done
    },
  }
}

/** After a restore: everything a person can see is back (run against the restored server). */
async function expectWorkshopBack(url: string, w: Workshop) {
  // accounts: the password works, and the sessions of before still do
  const login = await api(url, 'POST', '/api/auth/login', { body: { email: w.owner.user.email, password: PASSWORD } })
  expect(login.status).toBe(200)
  expect((await api(url, 'GET', '/api/auth/me', { token: w.editor.token })).status).toBe(200)
  for (const [id, exported] of w.still) expect(await exportJson(url, w.owner.token, id)).toEqual(exported)
  const snapshot = await api<{ content: unknown }>(url, 'GET', `/api/boards/${w.snapshot.boardId}/snapshots/${w.snapshot.id}`, {
    token: w.owner.token,
  })
  expect(snapshot.status).toBe(200)
  expect(snapshot.body.content).toEqual(w.snapshot.content)
  const image = await fetch(`${url}${w.image.url}`, { headers: { authorization: `Bearer ${w.owner.token}` } })
  expect(image.status).toBe(200)
  expect(Buffer.from(await image.arrayBuffer()).equals(Buffer.from(w.image.bytes))).toBe(true)
  // the busy board: everything stored before the backup, and nothing nobody wrote
  const busy = (await exportJson(url, w.editor.token, w.busy)).elements.map((e) => String(e.id))
  for (const id of w.storedBefore) expect(busy).toContain(id)
  for (const id of busy) expect(w.written.has(id)).toBe(true)
  // the members and the editor's role came back with the board
  const board = await api<{ board: { role: string } }>(url, 'GET', `/api/boards/${w.busy}`, { token: w.editor.token })
  expect(board.body.board.role).toBe('editor')
  // the collection, its members and its reviews
  const at = `/api/collections/${w.collection.id}`
  expect((await api(url, 'GET', at, { token: w.owner.token })).body).toEqual(w.collection.view)
  expect((await api(url, 'GET', `${at}/reviews`, { token: w.owner.token })).body).toEqual(w.collection.reviews)
}

describe('backup and restore (fs storage)', () => {
  let data: ReturnType<typeof tempDir>
  let work: ReturnType<typeof tempDir>
  let server: SpawnedServer | null = null
  beforeAll(() => {
    data = tempDir('rb-backup-data-')
    work = tempDir('rb-backup-files-')
  })
  afterAll(async () => {
    await server?.terminate()
    data.cleanup()
    work.cleanup()
  })

  it('backs up while people edit; wipe, restore: every board, account, snapshot and image back, byte for byte', async () => {
    const env = { DATA_DIR: data.dir, ROOM_IDLE_MS: '0' }
    const storageUrl = `fs:${data.dir}`
    server = await spawnServer(env)
    const w = await buildWorkshop(server.url, storageUrl)
    const file = path.join(work.dir, 'backup.ndjson.gz')

    const editing = editWhileBackingUp(server.url, w)
    await waitFor(() => editing.rounds() >= 2, 10_000, 'edits under way')
    const atBackup = filesOf(data.dir)
    const roundsBefore = editing.rounds()
    const backup = await script('backup', ['--out', file], env)
    // the backup ran while people wrote (and rooms compacted)
    expect(editing.rounds()).toBeGreaterThan(roundsBefore)
    await editing.stop()
    expect(backup.out).toMatch(/Backed up \d+ keys \(4 boards\)/)
    expect(backup.code).toBe(0)
    expect(readdirSync(work.dir)).toEqual(['backup.ndjson.gz']) // no partial file left behind
    await server.terminate()
    server = null

    const entries = await entriesOf(file)
    // the collection's keys are among them (a backup takes every key, whatever its prefix)
    for (const prefix of ['collections:', 'collectionmembers:', 'usercollections:', 'collectionreviews:', 'collectioninvites:'])
      expect(
        [...entries.keys()].some((key) => key.startsWith(prefix)),
        prefix,
      ).toBe(true)
    // every key listed when the backup began that nobody touched meanwhile is in it, byte for byte
    const busyKey = (key: string) => key.startsWith(`docs:${w.busy}:`) || key === `changed:${w.busy}`
    for (const [key, bytes] of atBackup) {
      if (busyKey(key)) continue
      expect(entries.get(key)?.equals(bytes), key).toBe(true)
    }

    rmSync(data.dir, { recursive: true, force: true })
    mkdirSync(data.dir)
    const restored = await script('restore', [file], env)
    expect(restored.out).toContain(`Restored ${entries.size} keys`)
    expect(restored.code).toBe(0)
    // the store is the backup, key for key and byte for byte
    const after = filesOf(data.dir)
    expect([...after.keys()].sort()).toEqual([...entries.keys()].sort())
    for (const [key, bytes] of entries) expect(after.get(key)?.equals(bytes), key).toBe(true)

    // a second restore into the now full store is refused, and writes nothing
    const again = await script('restore', [file], env)
    expect(again.code).toBe(1)
    expect(again.out).toContain('Refused: the target store is not empty')
    expect(again.out).toContain('--force')
    const forced = await script('restore', [file, '--force'], env)
    expect(forced.code).toBe(0)
    expect(filesOf(data.dir).size).toBe(entries.size)

    server = await spawnServer(env)
    await expectWorkshopBack(server.url, w)
  }, 120_000)

  it('refuses a damaged or cut-short backup before writing anything', async () => {
    const file = path.join(work.dir, 'backup.ndjson.gz')
    const lines = gunzipSync(readFileSync(file)).toString('utf8').split('\n')
    // one value changed, its checksum not: the last entry, so that every earlier one checks out
    const at = lines.length - 3
    const entry = JSON.parse(lines[at] as string) as { data: string; encoding: string }
    entry.data = entry.encoding === 'utf8' ? `${entry.data} ` : Buffer.from('tampered').toString('base64')
    const tampered = path.join(work.dir, 'tampered.ndjson.gz')
    writeFileSync(tampered, gzipSync([...lines.slice(0, at), JSON.stringify(entry), ...lines.slice(at + 1)].join('\n')))
    const cut = path.join(work.dir, 'cut.ndjson.gz')
    writeFileSync(cut, gzipSync(lines.slice(0, -3).join('\n')))
    const garbage = path.join(work.dir, 'garbage.ndjson.gz')
    writeFileSync(garbage, readFileSync(file).subarray(0, 200))

    for (const [bad, why] of [
      [tampered, 'fails its checksum'],
      [cut, 'incomplete'],
      [garbage, 'gzip'],
    ] as const) {
      const empty = tempDir('rb-restore-empty-')
      try {
        const res = await script('restore', [bad], { DATA_DIR: empty.dir })
        expect(res.code, res.out).toBe(1)
        expect(res.out).toContain('Refused: the backup file is damaged')
        expect(res.out).toContain(why)
        expect(filesOf(empty.dir).size).toBe(0)
      } finally {
        empty.cleanup()
      }
    }
  }, 60_000)
})

describe('backup and restore (redis storage)', () => {
  let redis: RedisServer
  let work: ReturnType<typeof tempDir>
  let server: SpawnedServer | null = null
  beforeAll(async () => {
    redis = await startRedis()
    work = tempDir('rb-backup-redis-')
  })
  afterAll(async () => {
    await server?.terminate()
    await redis.stop()
    work.cleanup()
  })

  it('backs up a Redis store while people edit, restores it into an emptied Redis, byte for byte', async () => {
    const env = { STORAGE_URL: redis.url, ROOM_IDLE_MS: '0' }
    server = await spawnServer(env)
    const w = await buildWorkshop(server.url, redis.url)
    const file = path.join(work.dir, 'backup.ndjson.gz')
    const editing = editWhileBackingUp(server.url, w)
    await waitFor(() => editing.rounds() >= 2, 10_000, 'edits under way')
    const backup = await script('backup', ['--out', file], env)
    await editing.stop()
    expect(backup.code, backup.out).toBe(0)
    await server.terminate()
    server = null

    const entries = await entriesOf(file)
    const storage = openStorage(redis.url)
    try {
      await storage.clear()
      expect(await storage.getKeys('')).toEqual([])
      const restored = await script('restore', [file], env)
      expect(restored.code, restored.out).toBe(0)
      expect((await storage.getKeys('')).sort()).toEqual([...entries.keys()].sort())
      for (const [key, bytes] of entries) {
        const value: unknown = await storage.getItemRaw(key)
        const stored = typeof value === 'string' ? Buffer.from(value, 'utf8') : Buffer.from(value as Uint8Array)
        expect(stored.equals(bytes), key).toBe(true)
      }
      const again = await script('restore', [file], env)
      expect(again.code).toBe(1)
      expect(again.out).toContain('not empty')
    } finally {
      await storage.dispose()
    }
    server = await spawnServer(env)
    await expectWorkshopBack(server.url, w)
  }, 120_000)
})
