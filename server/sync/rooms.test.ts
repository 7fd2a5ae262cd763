import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createLogger } from '../logger.ts'
import { openStorage } from '../storage/create-storage.ts'
import { LogPersistence } from '../storage/log-persistence.ts'
import { UpdateLog } from '../storage/update-log.ts'
import { localFanout } from './fanout.ts'
import { RoomManager } from './rooms.ts'

const logger = createLogger('error')

describe('RoomManager', () => {
  it('brings back a room asked for while it unloads with all its content', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rb-rooms-'))
    const storage = openStorage(`fs:${dir}`)
    const rooms = new RoomManager({
      persistence: new LogPersistence(new UpdateLog({ storage, logger, compactAfterEntries: 100_000 }), logger),
      fanout: localFanout,
      logger,
      idleMs: 60_000,
    })
    const first = await rooms.acquire('board1')
    // many separate log pieces, each its own transaction and write
    for (let i = 0; i < 300; i++) {
      first.doc.getMap('elements').set(`e${i}`, i)
      await new Promise((resolve) => setImmediate(resolve))
    }
    const expected = first.doc.getMap('elements').toJSON()
    const unloading = rooms.unload('board1')
    expect(rooms.isUnloading('board1')).toBe(true)
    const again = await rooms.acquire('board1')
    await unloading
    expect(rooms.isUnloading('board1')).toBe(false)
    expect(again).not.toBe(first)
    expect(again.doc.getMap('elements').toJSON()).toEqual(expected)
    await rooms.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('shares one load between concurrent connections, and unloads to storage', async () => {
    const storage = openStorage('memory:')
    const rooms = new RoomManager({
      persistence: new LogPersistence(new UpdateLog({ storage, logger }), logger),
      fanout: localFanout,
      logger,
      idleMs: 60_000,
    })
    const [a, b] = await Promise.all([rooms.acquire('b2'), rooms.acquire('b2')])
    expect(a).toBe(b)
    a.doc.getMap('elements').set('x', 1)
    await rooms.unload('b2')
    expect(rooms.isLoaded('b2')).toBe(false)
    const fresh = new Y.Doc()
    await new UpdateLog({ storage, logger }).load('b2', fresh, null)
    expect(fresh.getMap('elements').get('x')).toBe(1)
    await rooms.close()
  })

  it('hands out the stored state while the room loads, before the room is ready', async () => {
    const storage = openStorage('memory:')
    const log = new UpdateLog({ storage, logger })
    const source = new Y.Doc()
    source.getMap('elements').set('a1', 'Town hall')
    await log.compact('b3', Y.encodeStateAsUpdate(source))
    const rooms = new RoomManager({
      persistence: new LogPersistence(new UpdateLog({ storage, logger }), logger),
      fanout: localFanout,
      logger,
      idleMs: 60_000,
    })
    expect(rooms.storedState('b3')).toBeNull()
    const ready = rooms.acquire('b3')
    const stored = await rooms.storedState('b3')?.state
    expect(rooms.isLoaded('b3')).toBe(true)
    const early = new Y.Doc()
    Y.applyUpdate(early, stored as Uint8Array)
    expect(early.getMap('elements').get('a1')).toBe('Town hall')
    const room = await ready
    expect(room.doc.getMap('elements').get('a1')).toBe('Town hall')
    expect(rooms.storedState('b3')).toBeNull() // loaded: clients are answered by the room
    await rooms.close()
  })
})
