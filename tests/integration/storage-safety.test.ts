import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createLogger } from '../../server/logger.ts'
import { openStorage } from '../../server/storage/create-storage.ts'
import { UpdateLog } from '../../server/storage/update-log.ts'
import { api, createBoard, exportJson, signup } from '../helpers/api.ts'
import { note, putElement } from '../helpers/elements.ts'
import { startTestServer, type TestServer, tempDir } from '../helpers/server.ts'

type Warning = { code: string; message: string; at: string }
type BoardBody = { board: { id: string; title: string; site: Record<string, unknown>; warnings?: Warning[] } }
type Health = { status: string; warnings?: Array<{ code: string; message: string }> }

/** Every file under `dir`, relative, with '/' separators. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
}

describe('board records on the fs storage', () => {
  let tmp: ReturnType<typeof tempDir>
  let server: TestServer
  let logLines: string[]

  beforeEach(async () => {
    tmp = tempDir('rb-safety-')
    logLines = []
    server = await startTestServer(
      { STORAGE_URL: `fs:${tmp.dir}` },
      { logger: createLogger('info', {}, (line) => logLines.push(line) > 0) },
    )
  })
  afterEach(async () => {
    await server.stop()
    tmp.cleanup()
  })

  it('keeps every board readable through 50 pairs of simultaneous PATCHes', async () => {
    const owner = await signup(server.url, 'Owner')
    const boardIds = await Promise.all(
      Array.from({ length: 10 }, (_, i) => createBoard(server.url, owner.token, { title: `B${i}` })),
    )
    for (let round = 0; round < 5; round++) {
      await Promise.all(
        boardIds.map(async (id) => {
          // titles of different lengths: a torn write shows as broken JSON
          const a = `Title ${round} a`
          const b = `A much longer title ${round} b ${'x'.repeat(40 + round * 13)}`
          const [ra, rb] = await Promise.all([
            api(server.url, 'PATCH', `/api/boards/${id}`, { token: owner.token, body: { title: a } }),
            api(server.url, 'PATCH', `/api/boards/${id}`, { token: owner.token, body: { title: b } }),
          ])
          expect([ra.status, rb.status]).toEqual([200, 200])
          const got = await api<BoardBody>(server.url, 'GET', `/api/boards/${id}`, { token: owner.token })
          expect(got.status).toBe(200)
          expect([a, b]).toContain(got.body.board.title)
          // the record on disk is whole JSON, and the live document agrees with it
          const stored = JSON.parse(readFileSync(path.join(tmp.dir, 'boards', id), 'utf8')) as { title: string }
          expect(stored.title).toBe(got.body.board.title)
          const doc = await server.rooms.acquire(id)
          expect(doc.doc.getMap('meta').get('title')).toBe(got.body.board.title)
        }),
      )
    }
    expect(filesUnder(path.join(tmp.dir, 'quarantine'))).toEqual([])
  })

  it('keeps both changes when a snapshot restore and a PATCH run at once', async () => {
    const owner = await signup(server.url, 'Owner')
    const boardId = await createBoard(server.url, owner.token, { title: 'Start', site: { name: 'Old mill' } })
    const snap = await api<{ snapshot: { id: string } }>(server.url, 'POST', `/api/boards/${boardId}/snapshots`, {
      token: owner.token,
      body: { label: 'before' },
    })
    expect(snap.status).toBe(201)
    for (let round = 0; round < 10; round++) {
      const site = { name: `Site ${round}` }
      expect((await api(server.url, 'PATCH', `/api/boards/${boardId}`, { token: owner.token, body: { site } })).status).toBe(200)
      const title = `Title after restore ${round}${'y'.repeat(round * 7)}`
      const [restored, patched] = await Promise.all([
        api(server.url, 'POST', `/api/boards/${boardId}/snapshots/${snap.body.snapshot.id}/restore`, { token: owner.token }),
        api(server.url, 'PATCH', `/api/boards/${boardId}`, { token: owner.token, body: { title } }),
      ])
      expect([restored.status, patched.status]).toEqual([200, 200])
      const got = await api<BoardBody>(server.url, 'GET', `/api/boards/${boardId}`, { token: owner.token })
      expect(got.status).toBe(200)
      // the restore sets the site back, the PATCH sets the title: neither change is lost
      expect(got.body.board.title).toBe(title)
      expect(got.body.board.site).toEqual({ name: 'Old mill' })
    }
  })

  it('quarantines a record with broken JSON, rebuilds the board from its content and says so', async () => {
    const owner = await signup(server.url, 'Owner')
    const boardId = await createBoard(server.url, owner.token, { title: 'First', content: documentWith(['a1', 'a2']) })
    expect(
      (await api(server.url, 'PATCH', `/api/boards/${boardId}`, { token: owner.token, body: { title: 'Kept title' } })).status,
    ).toBe(200)
    const recordPath = path.join(tmp.dir, 'boards', boardId)
    const whole = readFileSync(recordPath)
    const broken = whole.subarray(0, whole.byteLength - 20)
    writeFileSync(recordPath, broken)

    const got = await api<BoardBody>(server.url, 'GET', `/api/boards/${boardId}`, { token: owner.token })
    expect(got.status).toBe(200)
    expect(got.body.board.title).toBe('Kept title')
    expect(got.body.board.warnings?.map((w) => w.code)).toEqual(['damaged_record'])
    expect(Number.isNaN(Date.parse(got.body.board.warnings?.[0]?.at ?? ''))).toBe(false)

    // the damaged bytes are kept aside, byte for byte; the rebuilt record parses
    const quarantined = filesUnder(path.join(tmp.dir, 'quarantine'))
    expect(quarantined).toHaveLength(1)
    expect(quarantined[0]).toMatch(new RegExp(`^boards/${boardId}/\\d+$`))
    const aside = path.join(tmp.dir, 'quarantine', quarantined[0] as string)
    expect(readFileSync(aside).equals(broken)).toBe(true)
    expect(JSON.parse(readFileSync(recordPath, 'utf8'))).toMatchObject({
      id: boardId,
      title: 'Kept title',
      ownerId: owner.user.id,
    })
    expect(logLines.some((l) => l.includes('quarantine') && l.includes(`boards:${boardId}`))).toBe(true)

    const health = await api<Health>(server.url, 'GET', '/healthz')
    expect(health.status).toBe(200)
    expect(health.body.status).toBe('ok')
    expect(health.body.warnings?.map((w) => w.code)).toEqual(['damaged_record'])
    expect(JSON.stringify(health.body)).not.toContain('Kept title')

    // later writes go to the record, never over the quarantined copy
    expect(
      (await api(server.url, 'PATCH', `/api/boards/${boardId}`, { token: owner.token, body: { title: 'Again' } })).status,
    ).toBe(200)
    expect(readFileSync(aside).equals(broken)).toBe(true)
    expect((await exportJson(server.url, owner.token, boardId)).elements.map((e) => e.id).sort()).toEqual(['a1', 'a2'])
  })

  it('answers /healthz without warnings while nothing was quarantined', async () => {
    const health = await api<Health>(server.url, 'GET', '/healthz')
    expect(health.body).toEqual({ status: 'ok' })
  })
})

describe('a damaged piece of a board', () => {
  it('is quarantined byte for byte, never deleted by compaction, and putting it back restores everything', async () => {
    const tmp = tempDir('rb-piece-')
    const env = { STORAGE_URL: `fs:${tmp.dir}` }
    try {
      // 1. a board whose content is compacted into one state piece
      let server = await startTestServer(env)
      const owner = await signup(server.url, 'Owner')
      const boardId = await createBoard(server.url, owner.token, { title: 'Mill', content: documentWith(['a1', 'a2', 'a3']) })
      await server.stop()
      const stateDir = path.join(tmp.dir, 'docs', boardId, 'state')
      const [stateName, ...others] = readdirSync(stateDir)
      expect(others).toEqual([])
      const statePath = path.join(stateDir, stateName as string)
      const original = readFileSync(statePath)

      // 2. a later piece holding one more element
      const storage = openStorage(`fs:${tmp.dir}`)
      const log = new UpdateLog({ storage, logger: createLogger('error') })
      await log.read(boardId)
      const later = new Y.Doc()
      putElement(later, note('later'))
      await log.append(boardId, Y.encodeStateAsUpdate(later))
      await storage.dispose()

      // 3. 20 bytes cut off the state piece
      const damaged = original.subarray(0, original.byteLength - 20)
      writeFileSync(statePath, damaged)

      const logLines: string[] = []
      server = await startTestServer(env, { logger: createLogger('info', {}, (line) => logLines.push(line) > 0) })
      // the board opens with what the other piece holds
      expect((await exportJson(server.url, owner.token, boardId)).elements.map((e) => e.id)).toEqual(['later'])
      const quarantinePath = path.join(tmp.dir, 'quarantine', 'docs', boardId, 'state', stateName as string)
      const [stamp, ...more] = readdirSync(quarantinePath)
      expect(more).toEqual([])
      const aside = path.join(quarantinePath, stamp as string)
      expect(readFileSync(aside).equals(damaged)).toBe(true)
      expect(existsSync(statePath)).toBe(false)
      expect(
        logLines.some((l) => /"level":"(warn|error)"/.test(l) && l.includes('quarantine') && l.includes(stateName as string)),
      ).toBe(true)
      const health = await api<Health>(server.url, 'GET', '/healthz')
      expect(health.body.status).toBe('ok')
      expect(health.body.warnings?.map((w) => w.code)).toEqual(['damaged_piece'])
      const got = await api<BoardBody>(server.url, 'GET', `/api/boards/${boardId}`, { token: owner.token })
      expect(got.body.board.warnings?.map((w) => w.code)).toEqual(['damaged_piece'])

      // 4. an edit, an unload (compaction) and a stop (compaction): the piece stays aside
      expect(
        (await api(server.url, 'PATCH', `/api/boards/${boardId}`, { token: owner.token, body: { title: 'Mill 2' } })).status,
      ).toBe(200)
      await server.rooms.unload(boardId)
      expect(server.rooms.isLoaded(boardId)).toBe(false)
      await server.stop()
      expect(readFileSync(aside).equals(damaged)).toBe(true)

      // the warning is still shown after a restart (the quarantined piece is still there)
      server = await startTestServer(env)
      const again = await api<BoardBody>(server.url, 'GET', `/api/boards/${boardId}`, { token: owner.token })
      expect(again.body.board.warnings?.map((w) => w.code)).toEqual(['damaged_piece'])
      await server.stop()

      // 5. the whole piece put back by hand: everything is there again
      writeFileSync(statePath, original)
      server = await startTestServer(env)
      const doc = await exportJson(server.url, owner.token, boardId)
      expect(doc.elements.map((e) => e.id).sort()).toEqual(['a1', 'a2', 'a3', 'later'])
      await server.stop()
    } finally {
      tmp.cleanup()
    }
  })
})

function documentWith(ids: string[]) {
  return {
    format: 'refresh-board',
    version: 1,
    board: { id: 'x', title: 'x' },
    site: {},
    elements: ids.map((id) => note(id)),
  }
}
