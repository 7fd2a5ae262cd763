import * as Y from 'yjs'
import type { Logger } from '../logger.ts'
import type { RoomPersistence } from '../sync/room-hooks.ts'
import { isStorageUnavailable } from './unavailable.ts'
import type { UpdateLog } from './update-log.ts'

const RETRY_COMPACTION_MS = 1000

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
    if (this.#log.wantsCompaction(boardId)) void this.#compactOnce(boardId, doc)
  }

  flush(boardId: string): Promise<void> {
    return this.#log.flush(boardId)
  }

  /**
   * The room is unloading (or the server stops): store its state. With `waitForStorage`, while
   * storage is away (StorageUnavailableError) this waits until the board's kept updates are
   * written, then tries again — an unloading room stays subscribed to the fan-out meanwhile, so
   * an instance that loads the board gets those updates from it rather than missing them.
   */
  async compact(boardId: string, doc: Y.Doc, options: { waitForStorage?: boolean } = {}): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      const error = await this.#compactOnce(boardId, doc)
      if (!isStorageUnavailable(error)) return
      if (!options.waitForStorage) {
        this.#logger.error('compaction failed: storage is away', { boardId, error: String(error) })
        return
      }
      if (attempt === 0) this.#logger.warn('storage is away: the room stays until its updates are stored', { boardId })
      await this.#log.drained(boardId)
      await new Promise((resolve) => setTimeout(resolve, RETRY_COMPACTION_MS))
    }
  }

  /** One compaction; resolves with its error (logged) or null. */
  async #compactOnce(boardId: string, doc: Y.Doc): Promise<unknown> {
    if (this.#compacting.has(boardId)) return null
    this.#compacting.add(boardId)
    try {
      const snapshot = Y.snapshot(doc)
      await this.#log.compact(boardId, Y.encodeStateAsUpdate(doc), (piece) => Y.snapshotContainsUpdate(snapshot, piece))
      return null
    } catch (error) {
      if (!isStorageUnavailable(error)) this.#logger.error('compaction failed', { boardId, error: String(error) })
      return error
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
