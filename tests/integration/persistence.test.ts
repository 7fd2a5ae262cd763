import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBoard, exportJson, signup } from '../helpers/api.ts'
import { labelOf, note, putElement } from '../helpers/elements.ts'
import { type RedisServer, startRedis } from '../helpers/redis.ts'
import { spawnServer, startTestServer, tempDir } from '../helpers/server.ts'
import { connectClient, waitFor } from '../helpers/sync-client.ts'

/**
 * Writes `count` notes through a real client, waits until the server has them (a second
 * client sees them: the server applied them), and returns their ids.
 */
async function writeNotes(url: string, token: string, boardId: string, prefix: string, count: number) {
  const writer = connectClient(url, boardId, token)
  const watcher = connectClient(url, boardId, token)
  await Promise.all([writer.synced, watcher.synced])
  const ids = Array.from({ length: count }, (_, i) => `${prefix}${i}`)
  for (const id of ids) putElement(writer.doc, note(id, `label ${id}`))
  await waitFor(() => ids.every((id) => labelOf(watcher.doc, id) !== undefined), 10_000, 'server to apply the writes')
  return { ids, writer, watcher }
}

describe('persistence (fs)', () => {
  const tmp = tempDir()
  afterAll(() => tmp.cleanup())

  it('keeps every write across a graceful restart (SIGTERM: 1001, exit 0)', async () => {
    const env = { DATA_DIR: tmp.dir, ROOM_IDLE_MS: '60000' }
    const first = await spawnServer(env)
    const owner = await signup(first.url, 'Owner')
    const boardId = await createBoard(first.url, owner.token, { title: 'Restart' })
    const { ids, writer, watcher } = await writeNotes(first.url, owner.token, boardId, 'g', 50)
    const closeCode = new Promise<number>((resolve) => writer.provider.ws?.addEventListener('close', (e) => resolve(e.code)))
    expect(await first.terminate()).toBe(0)
    expect(await closeCode).toBe(1001)
    writer.destroy()
    watcher.destroy()

    const second = await spawnServer(env)
    try {
      // the session and the board survived too
      const doc = await exportJson(second.url, owner.token, boardId)
      expect(doc.elements.map((e) => e.id)).toEqual(expect.arrayContaining(ids))
    } finally {
      await second.terminate()
    }
  })

  it('keeps every write the server received ≥ 50 ms before a SIGKILL', async () => {
    const env = { DATA_DIR: tmp.dir, ROOM_IDLE_MS: '60000' }
    const first = await spawnServer(env)
    const owner = await signup(first.url, 'Crash')
    const boardId = await createBoard(first.url, owner.token, { title: 'Crash' })
    const { ids, writer, watcher } = await writeNotes(first.url, owner.token, boardId, 'k', 200)
    await new Promise((r) => setTimeout(r, 50))
    await first.kill()
    writer.provider.shouldConnect = false
    watcher.provider.shouldConnect = false
    writer.destroy()
    watcher.destroy()

    const second = await spawnServer(env)
    try {
      const doc = await exportJson(second.url, owner.token, boardId)
      const stored = new Set(doc.elements.map((e) => e.id))
      if (ids.some((id) => !stored.has(id))) console.log(first.output(), second.output(), JSON.stringify(doc).slice(0, 500))
      expect(ids.filter((id) => !stored.has(id))).toEqual([])
    } finally {
      await second.terminate()
    }
  })
})

describe('persistence (redis:// storage)', () => {
  let redis: RedisServer
  beforeAll(async () => {
    redis = await startRedis()
  })
  afterAll(async () => {
    await redis?.stop()
  })

  it('keeps accounts, boards and every write across a restart', async () => {
    const env = { STORAGE_URL: redis.url, ROOM_IDLE_MS: '60000' }
    const first = await startTestServer(env)
    const owner = await signup(first.url, 'Redis')
    const boardId = await createBoard(first.url, owner.token, { title: 'On Redis' })
    const { ids, writer, watcher } = await writeNotes(first.url, owner.token, boardId, 'r', 50)
    writer.destroy()
    watcher.destroy()
    await first.stop()

    const second = await startTestServer(env)
    try {
      const doc = await exportJson(second.url, owner.token, boardId)
      expect(doc.elements.map((e) => e.id)).toEqual(expect.arrayContaining(ids))
      const reader = connectClient(second.url, boardId, owner.token)
      await reader.synced
      await waitFor(() => ids.every((id) => labelOf(reader.doc, id) === `label ${id}`))
      reader.destroy()
    } finally {
      await second.stop()
    }
  })
})
