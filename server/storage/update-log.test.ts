import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createStorage } from 'unstorage'
import memoryDriver from 'unstorage/drivers/memory'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createLogger } from '../logger.ts'
import { openStorage } from './create-storage.ts'
import { framePiece } from './piece.ts'
import { storageHealth } from './storage-health.ts'
import { StorageUnavailableError } from './unavailable.ts'
import { assertBoardId, UpdateLog } from './update-log.ts'

const logger = createLogger('error', {}, () => true) // quarantine lines are expected here
const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})
const tempStorage = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'rb-log-'))
  dirs.push(dir)
  return { dir, storage: openStorage(`fs:${dir}`) }
}

function editsOf(doc: Y.Doc): Uint8Array[] {
  const updates: Uint8Array[] = []
  doc.on('update', (u: Uint8Array) => updates.push(u))
  return updates
}

/** Memory storage that refuses every write while `down` (as Redis during an outage), recording the keys it stored. */
function flakyStorage() {
  const inner = memoryDriver()
  const state = { down: false, written: [] as string[] }
  const write =
    <A extends unknown[]>(fn: ((key: string, ...rest: A) => unknown) | undefined) =>
    async (key: string, ...rest: A) => {
      if (state.down) throw new StorageUnavailableError()
      state.written.push(key)
      await fn?.(key, ...rest)
    }
  const storage = createStorage({ driver: { ...inner, setItem: write(inner.setItem), setItemRaw: write(inner.setItemRaw) } })
  return { storage, state }
}

describe('UpdateLog', () => {
  it('keeps every update while storage fails, holds them in a reload, and writes them in order once it is back', async () => {
    const { storage, state } = flakyStorage()
    const log = new UpdateLog({ storage, logger })
    const source = new Y.Doc()
    const updates = editsOf(source)
    source.getMap('elements').set('before', 0)
    await log.append('board1', updates[0] as Uint8Array)
    state.down = true
    const stored: Promise<void>[] = []
    for (let i = 0; i < 5; i++) {
      source.getMap('elements').set(`e${i}`, i)
      stored.push(log.append('board1', updates.at(-1) as Uint8Array))
      await new Promise((r) => setImmediate(r))
    }
    // a caller waiting for storage is told at once that it is away
    await expect(log.flush('board1')).rejects.toThrow(StorageUnavailableError)
    // the board loaded again meanwhile holds them all
    const reloaded = new Y.Doc()
    await log.load('board1', reloaded, 'storage')
    expect(reloaded.getMap('elements').toJSON()).toEqual(source.getMap('elements').toJSON())

    state.down = false
    await Promise.all(stored)
    await log.flush('board1')
    const fromStorage = new Y.Doc()
    await new UpdateLog({ storage, logger }).load('board1', fromStorage, 'storage')
    expect(fromStorage.getMap('elements').toJSON()).toEqual(source.getMap('elements').toJSON())
    const pieces = state.written.filter((key) => key.includes(':log:'))
    expect(pieces).toHaveLength(6)
    expect(pieces).toEqual([...pieces].sort())
  })

  it('stores appended updates and loads them into a fresh document', async () => {
    const { storage } = tempStorage()
    const log = new UpdateLog({ storage, logger })
    const source = new Y.Doc()
    const updates = editsOf(source)
    for (let i = 0; i < 20; i++) source.getMap('elements').set(`e${i}`, i)
    await Promise.all(updates.map((u) => log.append('board1', u)))

    const loaded = new Y.Doc()
    const stats = await new UpdateLog({ storage, logger }).load('board1', loaded, 'storage')
    expect(loaded.getMap('elements').toJSON()).toEqual(source.getMap('elements').toJSON())
    expect(stats.skipped).toBe(0)
  })

  it('compacts into one state and drops the covered log entries', async () => {
    const { storage } = tempStorage()
    const log = new UpdateLog({ storage, logger, compactAfterEntries: 5 })
    const source = new Y.Doc()
    const updates = editsOf(source)
    for (let i = 0; i < 10; i++) source.getMap('m').set(`k${i}`, 'v'.repeat(i))
    for (const u of updates) await log.append('b', u)
    expect(log.wantsCompaction('b')).toBe(true)
    await log.compact('b', Y.encodeStateAsUpdate(source))
    expect(log.wantsCompaction('b')).toBe(false)
    const keys = await storage.getKeys('docs:b')
    expect(keys.filter((k) => k.includes(':log:'))).toHaveLength(0)
    expect(keys.filter((k) => k.includes(':state:'))).toHaveLength(1)
    // appends after compaction still load
    source.getMap('m').set('after', true)
    await log.append('b', updates.at(-1) as Uint8Array)
    const loaded = new Y.Doc()
    await new UpdateLog({ storage, logger }).load('b', loaded, null)
    expect(loaded.getMap('m').toJSON()).toEqual(source.getMap('m').toJSON())
  })

  it('keeps, when compacting, a piece the new state does not contain (another instance wrote it)', async () => {
    const storage = openStorage('memory:')
    const mine = new UpdateLog({ storage, logger })
    const theirs = new UpdateLog({ storage, logger })
    await mine.load('b', new Y.Doc(), null)
    await theirs.load('b', new Y.Doc(), null)
    const local = new Y.Doc()
    const localUpdates = editsOf(local)
    local.getMap('m').set('mine', 1)
    await mine.append('b', localUpdates[0] as Uint8Array)
    const remote = new Y.Doc()
    const remoteUpdates = editsOf(remote)
    remote.getMap('m').set('theirs', 2)
    await theirs.append('b', remoteUpdates[0] as Uint8Array)
    // `mine` compacts a state that lacks the other instance's piece
    const snapshot = Y.snapshot(local)
    await mine.compact('b', Y.encodeStateAsUpdate(local), (piece) => Y.snapshotContainsUpdate(snapshot, piece))
    const loaded = new Y.Doc()
    await new UpdateLog({ storage, logger }).load('b', loaded, null)
    expect(loaded.getMap('m').toJSON()).toEqual({ mine: 1, theirs: 2 })
    expect((await storage.getKeys('docs:b:log')).length).toBe(1)
  })

  it('drops its own pieces without reading them back, and keeps what arrives while it compacts', async () => {
    const storage = openStorage('memory:')
    const log = new UpdateLog({ storage, logger })
    await log.load('b', new Y.Doc(), null)
    const source = new Y.Doc()
    const updates = editsOf(source)
    for (let i = 0; i < 20; i++) {
      source.getMap('m').set(`k${i}`, i)
      await log.append('b', updates[i] as Uint8Array)
    }
    source.getMap('m').set('queued', true) // queued, not yet written, when compaction starts
    void log.append('b', updates.at(-1) as Uint8Array)
    const checked: Uint8Array[] = []
    const state = Y.encodeStateAsUpdate(source)
    const compacting = log.compact('b', state, (piece) => {
      checked.push(piece)
      return Y.snapshotContainsUpdate(Y.snapshot(source), piece)
    })
    // written during the compaction: not in `state`, must survive it
    const late = new Y.Doc()
    const lateUpdates = editsOf(late)
    late.getMap('m').set('late', 1)
    const lateWrite = log.append('b', lateUpdates[0] as Uint8Array)
    await Promise.all([compacting, lateWrite])
    // only the late piece may have been read back (if it was already listed)
    const lateBytes = Buffer.from(lateUpdates[0] as Uint8Array)
    expect(checked.every((piece) => Buffer.from(piece).equals(lateBytes))).toBe(true)
    const loaded = new Y.Doc()
    await new UpdateLog({ storage, logger }).load('b', loaded, null)
    expect(loaded.getMap('m').get('queued')).toBe(true)
    expect(loaded.getMap('m').get('late')).toBe(1)
    expect(Object.keys(loaded.getMap('m').toJSON())).toHaveLength(22)
  })

  it('skips a torn or garbage piece instead of failing the load', async () => {
    const { dir, storage } = tempStorage()
    const log = new UpdateLog({ storage, logger })
    const source = new Y.Doc()
    const updates = editsOf(source)
    source.getMap('m').set('kept', 1)
    await log.append('b', updates[0] as Uint8Array)
    writeFileSync(path.join(dir, 'docs/b/log/9999999999999999'), Buffer.from([0xff, 0xfe, 0x01, 0x02, 0x03]))
    const loaded = new Y.Doc()
    const stats = await new UpdateLog({ storage, logger }).load('b', loaded, null)
    expect(stats.skipped).toBe(1)
    expect(loaded.getMap('m').get('kept')).toBe(1)
  })

  it('skips a stored piece cut short by a crash mid-write, keeping the others', async () => {
    const { dir, storage } = tempStorage()
    const log = new UpdateLog({ storage, logger })
    const source = new Y.Doc()
    const updates = editsOf(source)
    source.getMap('m').set('first', 1)
    await log.append('b', updates[0] as Uint8Array)
    source.getMap('m').set('second', 'x'.repeat(200))
    await log.append('b', updates[1] as Uint8Array)
    const [, torn = ''] = readdirSync(path.join(dir, 'docs/b/log')).sort()
    const file = path.join(dir, 'docs/b/log', torn)
    writeFileSync(file, readFileSync(file).subarray(0, 40))
    const loaded = new Y.Doc()
    const stats = await new UpdateLog({ storage, logger }).load('b', loaded, null)
    expect(stats).toMatchObject({ pieces: 1, skipped: 1 })
    expect(loaded.getMap('m').toJSON()).toEqual({ first: 1 })
  })

  it('moves a piece that fails its check to quarantine, byte for byte, and reports it', async () => {
    const storage = openStorage('memory:')
    const source = new Y.Doc()
    const updates = editsOf(source)
    source.getMap('m').set('kept', 1)
    source.getMap('m').set('lost', 'x'.repeat(100))
    await new UpdateLog({ storage, logger }).append('b', updates[0] as Uint8Array)
    const framed = framePiece(updates[1] as Uint8Array)
    const cut = framed.subarray(0, framed.byteLength - 20)
    await storage.setItemRaw('docs:b:log:0000000000000001-other', cut)
    const loaded = new Y.Doc()
    const stats = await new UpdateLog({ storage, logger }).load('b', loaded, null)
    expect(stats.skipped).toBe(1)
    expect(loaded.getMap('m').toJSON()).toEqual({ kept: 1 })
    expect(await storage.hasItem('docs:b:log:0000000000000001-other')).toBe(false)
    const [aside] = await storage.getKeys('quarantine:docs:b')
    expect(aside).toMatch(/^quarantine:docs:b:log:0000000000000001-other:\d+$/)
    expect(Buffer.from((await storage.getItemRaw(aside as string)) as Uint8Array).equals(Buffer.from(cut))).toBe(true)
    expect(storageHealth(storage).warnings()).toMatchObject([{ code: 'damaged_piece', key: 'docs:b:log:0000000000000001-other' }])
    // putting the whole piece back restores what it held
    await storage.setItemRaw('docs:b:log:0000000000000001-other', framed)
    const repaired = new Y.Doc()
    await new UpdateLog({ storage, logger }).load('b', repaired, null)
    expect(repaired.getMap('m').get('lost')).toBe('x'.repeat(100))
  })

  it('never deletes, when compacting, a piece it cannot read (with or without a coverage check)', async () => {
    for (const withCovers of [true, false]) {
      const storage = openStorage('memory:')
      const log = new UpdateLog({ storage, logger })
      const source = new Y.Doc()
      await log.load('b', source, null)
      const updates = editsOf(source)
      source.getMap('m').set('a', 1)
      await log.append('b', updates[0] as Uint8Array)
      // appears after the load (another instance's write, torn on its way)
      const garbage = Uint8Array.from([0x52, 0x42, 0x50, 0x31, 0, 0, 0, 9, 1, 2, 3, 4, 5])
      await storage.setItemRaw('docs:b:log:0000000000000000-other', garbage)
      const snapshot = Y.snapshot(source)
      await log.compact(
        'b',
        Y.encodeStateAsUpdate(source),
        withCovers ? (piece) => Y.snapshotContainsUpdate(snapshot, piece) : undefined,
      )
      const keys = await storage.getKeys('')
      expect(keys.filter((k) => k.startsWith('docs:b:'))).toHaveLength(1) // the new state
      const aside = keys.filter((k) => k.startsWith('quarantine:docs:b:log:0000000000000000-other:'))
      expect(aside).toHaveLength(1)
      expect(Buffer.from((await storage.getItemRaw(aside[0] as string)) as Uint8Array).equals(Buffer.from(garbage))).toBe(true)
    }
  })

  it('reads a compacted board as the very bytes it stored (nothing to merge)', async () => {
    const storage = openStorage('memory:')
    const log = new UpdateLog({ storage, logger })
    const source = new Y.Doc()
    source.getMap('m').set('k', 'v')
    const state = Y.encodeStateAsUpdate(source)
    await log.compact('b', state)
    const read = await new UpdateLog({ storage, logger }).read('b')
    expect(read.update && [...read.update]).toEqual([...state])
    expect(await new UpdateLog({ storage, logger }).read('empty')).toMatchObject({ update: null, pieces: 0 })
  })

  it('merges updates that arrive during a write into the next write', async () => {
    const { dir, storage } = tempStorage()
    const log = new UpdateLog({ storage, logger })
    const source = new Y.Doc()
    const updates = editsOf(source)
    for (let i = 0; i < 50; i++) source.getMap('m').set(`k${i}`, i)
    await Promise.all(updates.map((u) => log.append('b', u)))
    const files = readdirSync(path.join(dir, 'docs/b/log'))
    expect(files.length).toBeLessThan(50)
    const loaded = new Y.Doc()
    await new UpdateLog({ storage, logger }).load('b', loaded, null)
    expect(Object.keys(loaded.getMap('m').toJSON())).toHaveLength(50)
  })

  it('never lets a board id escape its namespace', async () => {
    for (const bad of ['../etc', 'a/b', 'a:b', '', 'x'.repeat(65), '..', 'a b']) {
      expect(() => assertBoardId(bad)).toThrow()
    }
    const log = new UpdateLog({ storage: openStorage('memory:'), logger })
    await expect(log.load('../../x', new Y.Doc(), null)).rejects.toThrow()
    expect(() => log.append('a:b', new Uint8Array([0, 0]))).toThrow()
  })

  it('deletes everything of a board on destroy, and nothing of its neighbours', async () => {
    const storage = openStorage('memory:')
    const log = new UpdateLog({ storage, logger })
    const d = new Y.Doc()
    const updates = editsOf(d)
    d.getMap('m').set('a', 1)
    await log.append('abc', updates[0] as Uint8Array)
    await log.append('abcd', updates[0] as Uint8Array)
    await log.destroy('abc')
    expect(await storage.getKeys('docs:abc:')).toHaveLength(0)
    expect(await storage.getKeys('docs:abcd:')).toHaveLength(1)
  })
})
