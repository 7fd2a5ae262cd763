import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createStorage, type Driver } from 'unstorage'
import memoryDriver from 'unstorage/drivers/memory'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createLogger } from '../logger.ts'
import { openStorage } from '../storage/create-storage.ts'
import { UpdateLog } from '../storage/update-log.ts'
import { restoreBackup, StoreNotEmptyError, takeBackup } from './backup.ts'

const logger = createLogger('error')
const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'rb-backup-unit-'))
  dirs.push(dir)
  return dir
}

/** Memory storage whose `getItemRaw(key)` first runs `before(key)` (once per key): a write racing the reader. */
function racingStorage(before: (key: string) => Promise<void>) {
  const inner = memoryDriver() as Driver
  const raced = new Set<string>()
  const driver: Driver = {
    ...inner,
    async getItemRaw(key, opts) {
      if (!raced.has(key)) {
        raced.add(key)
        await before(key)
      }
      return inner.getItemRaw?.(key, opts)
    },
  }
  return createStorage({ driver })
}

async function notesOf(storage: ReturnType<typeof createStorage>, boardId: string): Promise<string[]> {
  const doc = new Y.Doc()
  await new UpdateLog({ storage, logger }).load(boardId, doc, null)
  return [...doc.getMap('elements').keys()].sort()
}

describe('takeBackup', () => {
  it('keeps every stored update of a board that is compacted while the backup reads it', async () => {
    const source = new Y.Doc()
    const updates: Uint8Array[] = []
    source.on('update', (u: Uint8Array) => updates.push(u))
    let log: UpdateLog | null = null
    let compactions = 0
    // the first time the backup reads a log piece, another writer compacts the board: the piece
    // the backup listed is deleted, and what it held now lives only in a state it did not list
    const storage = racingStorage(async (key) => {
      if (!log || compactions > 0 || !key.includes(':log:')) return
      compactions++
      source.getMap('elements').set('during', 1)
      await log.append('b1', updates.at(-1) as Uint8Array)
      await log.compact('b1', Y.encodeStateAsUpdate(source))
    })
    log = new UpdateLog({ storage, logger })
    for (let i = 0; i < 10; i++) {
      source.getMap('elements').set(`n${i}`, i)
      await log.append('b1', updates.at(-1) as Uint8Array)
    }
    await storage.setItem('boards:b1', { id: 'b1', title: 'Mill' })
    const file = path.join(tempDir(), 'backup.ndjson.gz')

    const summary = await takeBackup(storage, file, { kind: 'memory' })
    expect(compactions).toBe(1)
    expect(summary.vanished).toBeGreaterThan(0) // the race did happen: a listed piece was gone
    expect(summary.boards).toBe(1)

    const restored = createStorage({ driver: memoryDriver() })
    await restoreBackup(restored, file)
    const expected = [...Array.from({ length: 10 }, (_, i) => `n${i}`), 'during'].sort()
    expect(await notesOf(restored, 'b1')).toEqual(expected)
    expect(await restored.getItem('boards:b1')).toEqual({ id: 'b1', title: 'Mill' })
  })

  it('restores binary values as bytes and records as text, and refuses a non-empty store without force', async () => {
    const dir = tempDir()
    const from = openStorage(`fs:${path.join(dir, 'from')}`)
    const bytes = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 255])
    await from.setItemRaw('docs:b1:images:i1', bytes)
    await from.setItem('auth:users:u1', { id: 'u1', name: 'Ana Kovač' })
    await from.setItem('auth:email:ana@example.org', 'u1')
    const file = path.join(dir, 'backup.ndjson.gz')
    const summary = await takeBackup(from, file, { kind: 'fs' })
    expect(summary.keys).toBe(3)
    expect(readdirSync(dir).sort()).toEqual(['backup.ndjson.gz', 'from'])

    const to = createStorage({ driver: memoryDriver() })
    await to.setItem('boards:other', { id: 'other' })
    await expect(restoreBackup(to, file)).rejects.toBeInstanceOf(StoreNotEmptyError)
    expect(await to.getKeys('')).toEqual(['boards:other'])
    await restoreBackup(to, file, { force: true })
    expect((await to.getKeys('')).sort()).toEqual(['auth:email:ana@example.org', 'auth:users:u1', 'docs:b1:images:i1'])
    expect(Buffer.from((await to.getItemRaw('docs:b1:images:i1')) as Uint8Array).equals(Buffer.from(bytes))).toBe(true)
    expect(await to.getItem('auth:users:u1')).toEqual({ id: 'u1', name: 'Ana Kovač' })
    expect(await to.getItem('auth:email:ana@example.org')).toBe('u1')
  })
})
