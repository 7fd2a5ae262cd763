import * as Y from 'yjs'
import type { Logger } from '../logger.ts'
import type { RoomPersistence } from '../sync/room-hooks.ts'
import type { UpdateLog } from './update-log.ts'

/**
 * Rooms' persistence over the update log (docs/architecture.md, "Storage"): every applied
 * update is appended at once; the log is compacted when it grows past its threshold and when
 * a room unloads. Compaction deletes a stored piece only when the room's state contains it,
 * so a piece another instance wrote a moment ago is never lost.
 */
export class LogPersistence implements RoomPersistence {
  readonly #log: UpdateLog
  readonly #logger: Logger
  readonly #compacting = new Set<string>()

  constructor(log: UpdateLog, logger: Logger) {
    this.#log = log
    this.#logger = logger
  }

  async read(boardId: string): Promise<{ update: Uint8Array | null; stats: Record<string, unknown> }> {
    const { update, ...stats } = await this.#log.read(boardId)
    return { update, stats }
  }

  append(boardId: string, update: Uint8Array, doc: Y.Doc): void {
    this.#log.append(boardId, update).catch((error: unknown) => {
      this.#logger.error('could not store an update', { boardId, error: String(error) })
    })
    if (this.#log.wantsCompaction(boardId)) void this.compact(boardId, doc)
  }

  flush(boardId: string): Promise<void> {
    return this.#log.flush(boardId)
  }

  async compact(boardId: string, doc: Y.Doc): Promise<void> {
    if (this.#compacting.has(boardId)) return
    this.#compacting.add(boardId)
    try {
      const snapshot = Y.snapshot(doc)
      await this.#log.compact(boardId, Y.encodeStateAsUpdate(doc), (piece) => Y.snapshotContainsUpdate(snapshot, piece))
    } catch (error) {
      this.#logger.error('compaction failed', { boardId, error: String(error) })
    } finally {
      this.#compacting.delete(boardId)
    }
  }

  release(boardId: string): void {
    this.#log.release(boardId)
  }

  destroy(boardId: string): Promise<void> {
    return this.#log.destroy(boardId)
  }
}
