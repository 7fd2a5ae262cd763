import { createStorage } from 'unstorage'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { RoomPersistence } from '../sync/room-hooks.ts'
import { BoardStore } from './board-store.ts'
import { LastChangeTracker, trackingChanges } from './last-change.ts'

const nothing: RoomPersistence = {
  read: async () => ({ update: null, stats: {} }),
  append: () => {},
  flush: async () => {},
  compact: async () => {},
  release: () => {},
  destroy: async () => {},
}

describe('LastChangeTracker', () => {
  it('notes a stored update at once, a burst at most once per interval with its last change, and forgets a destroyed board', async () => {
    const store = new BoardStore(createStorage())
    let nowMs = Date.parse('2026-12-03T10:00:00Z')
    const tracker = new LastChangeTracker(store, () => new Date(nowMs), 40)
    const persistence = trackingChanges(nothing, tracker)
    const doc = new Y.Doc()
    persistence.append('b1', new Uint8Array(), doc)
    await expect.poll(() => store.lastChange('b1')).toBe('2026-12-03T10:00:00.000Z')
    nowMs += 10
    persistence.append('b1', new Uint8Array(), doc)
    nowMs += 10
    persistence.append('b1', new Uint8Array(), doc)
    // not yet written (within the interval), then the trailing write lands with the later time
    expect(await store.lastChange('b1')).toBe('2026-12-03T10:00:00.000Z')
    await expect.poll(() => store.lastChange('b1')).toBe('2026-12-03T10:00:00.020Z')
    persistence.append('b2', new Uint8Array(), doc)
    await persistence.destroy('b2')
    await store.delete('b2')
    expect(await store.lastChange('b2')).toBeNull()
  })
})
