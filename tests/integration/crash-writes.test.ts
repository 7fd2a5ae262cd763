import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Account, api, exportJson, signup } from '../helpers/api.ts'
import { note, putElement } from '../helpers/elements.ts'
import { type SpawnedServer, spawnServer, tempDir } from '../helpers/server.ts'
import { connectClient } from '../helpers/sync-client.ts'

/** Every file under `dir` (relative paths), hidden temp files included. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
}

/** A small deterministic PRNG, so a failing run can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

const KILLS = 10

describe('SIGKILL while writing (fs storage)', () => {
  let tmp: ReturnType<typeof tempDir>
  beforeAll(() => {
    tmp = tempDir('rb-crash-')
  })
  afterAll(() => tmp.cleanup())

  it(`leaves every record whole and every board openable after ${KILLS} kills mid-write`, async () => {
    const env = { DATA_DIR: tmp.dir, ROOM_IDLE_MS: '60000' }
    const next = random(11)
    let owner: Account | null = null
    /** boards whose creation was answered 201, with the element ids they were created with */
    const boards = new Map<string, string[]>()

    for (let kill = 0; kill < KILLS; kill++) {
      const server: SpawnedServer = await spawnServer(env)
      owner ??= await signup(server.url, 'Crash')
      const token = owner.token
      let stop = false
      const client = boards.size > 0 ? connectClient(server.url, [...boards.keys()][0] as string, token) : null
      // writes in flight when the process dies: PATCHes of every board, creates, live edits
      const load = (async () => {
        let n = 0
        while (!stop) {
          n++
          const ops: Promise<unknown>[] = [...boards.keys()].map((id) =>
            api(server.url, 'PATCH', `/api/boards/${id}`, {
              token,
              body: { title: `Board ${id.slice(0, 4)} ${kill}.${n} ${'z'.repeat(Math.floor(next() * 60))}` },
            }).catch(() => null),
          )
          const ids = [`k${kill}n${n}a`, `k${kill}n${n}b`]
          ops.push(
            api<{ board: { id: string } }>(server.url, 'POST', '/api/boards', {
              token,
              body: { title: `Created ${kill}.${n}`, content: documentWith(ids) },
            })
              .then((res) => {
                if (res.status === 201) boards.set(res.body.board.id, ids)
              })
              .catch(() => null),
          )
          if (client) putElement(client.doc, note(`live${kill}n${n}`))
          await Promise.all(ops)
        }
      })()
      await new Promise((r) => setTimeout(r, 100 + Math.floor(next() * 200)))
      await server.kill()
      stop = true
      await load
      if (client) {
        client.provider.shouldConnect = false
        client.destroy()
      }
    }

    expect(boards.size).toBeGreaterThanOrEqual(5)
    // every record on disk is whole (JSON objects parse; the email index holds plain ids);
    // nothing had to be quarantined
    for (const dir of ['boards', 'members', 'userboards', 'auth']) {
      for (const file of filesUnder(path.join(tmp.dir, dir))) {
        if (path.basename(file).startsWith('.')) continue // temp files of interrupted writes
        const text = readFileSync(path.join(tmp.dir, dir, file), 'utf8')
        expect(text, `${dir}/${file} is empty`).not.toBe('')
        if (/^[[{]/.test(text)) expect(() => JSON.parse(text), `${dir}/${file}: ${text.slice(0, 80)}`).not.toThrow()
      }
    }
    expect(filesUnder(path.join(tmp.dir, 'quarantine'))).toEqual([])
    const server = await spawnServer(env)
    try {
      const token = (owner as Account).token
      const listed = await api<{ boards: Array<{ id: string }> }>(server.url, 'GET', '/api/boards', { token })
      expect(listed.status).toBe(200)
      expect(listed.body.boards.map((b) => b.id)).toEqual(expect.arrayContaining([...boards.keys()]))
      for (const [id, ids] of boards) {
        const got = await api(server.url, 'GET', `/api/boards/${id}`, { token })
        expect(got.status, id).toBe(200)
        const doc = await exportJson(server.url, token, id)
        expect(doc.elements.map((e) => e.id)).toEqual(expect.arrayContaining(ids))
      }
      const health = await api<{ warnings?: unknown[] }>(server.url, 'GET', '/healthz')
      expect(health.body.warnings).toBeUndefined()
    } finally {
      await server.terminate()
    }
  }, 60_000)
})

function documentWith(ids: string[]) {
  return { format: 'refresh-board', version: 1, board: { id: 'x', title: 'x' }, site: {}, elements: ids.map((id) => note(id)) }
}
