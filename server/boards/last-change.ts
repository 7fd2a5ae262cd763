import type * as Y from 'yjs'
import type { RoomPersistence } from '../sync/room-hooks.ts'
import type { BoardStore } from './board-store.ts'

/**
 * When a board's content last changed, for the board list: the record's `updatedAt` only moves
 * on a PATCH or a restore, while most changes are sync updates. Noted as updates are stored,
 * at most once per `everyMs` per board (the last change of a burst always lands), so a busy
 * workshop costs one small write every few seconds, not one per pointer drop.
 */
export class LastChangeTracker {
  readonly #timers = new Map<string, ReturnType<typeof setTimeout>>()
  readonly #writtenAt = new Map<string, number>()

  constructor(
    private readonly store: BoardStore,
    private readonly now: () => Date = () => new Date(),
    private readonly everyMs = 5000,
  ) {}

  record(boardId: string): void {
    if (this.#timers.has(boardId)) return
    const wait = (this.#writtenAt.get(boardId) ?? Number.NEGATIVE_INFINITY) + this.everyMs - this.now().getTime()
    if (wait <= 0) {
      this.#write(boardId)
      return
    }
    const timer = setTimeout(() => {
      this.#timers.delete(boardId)
      this.#write(boardId)
    }, wait)
    timer.unref?.()
    this.#timers.set(boardId, timer)
  }

  forget(boardId: string): void {
    const timer = this.#timers.get(boardId)
    if (timer) clearTimeout(timer)
    this.#timers.delete(boardId)
    this.#writtenAt.delete(boardId)
  }

  #write(boardId: string): void {
    const at = this.now()
    this.#writtenAt.set(boardId, at.getTime())
    // best effort: a lost stamp only makes the list's "last change" older
    this.store.setLastChange(boardId, at.toISOString()).catch(() => {})
  }
}

/** The rooms' persistence, noting each stored update's board as changed. */
export function trackingChanges(persistence: RoomPersistence, tracker: LastChangeTracker): RoomPersistence {
  return {
    read: (boardId) => persistence.read(boardId),
    append: (boardId: string, update: Uint8Array, doc: Y.Doc) => {
      persistence.append(boardId, update, doc)
      tracker.record(boardId)
    },
    flush: (boardId) => persistence.flush(boardId),
    compact: (boardId, doc, options) => persistence.compact(boardId, doc, options),
    release: (boardId) => persistence.release(boardId),
    destroy: (boardId) => {
      tracker.forget(boardId)
      return persistence.destroy(boardId)
    },
  }
}
