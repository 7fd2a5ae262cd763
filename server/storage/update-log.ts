import type { Storage } from 'unstorage'
import * as Y from 'yjs'
import type { Logger } from '../logger.ts'
import { Meters, secondsSince } from '../metrics/meters.ts'
import { type ExpiringLock, lockFor } from './compaction-lock.ts'
import { framePiece, unframePiece } from './piece.ts'
import { freeQuarantineKey } from './quarantine.ts'
import { storageHealth } from './storage-health.ts'
import { StorageUnavailableError } from './unavailable.ts'

/** Board ids are the only part of a storage key that comes from outside: never let one escape. */
const BOARD_ID = /^[A-Za-z0-9_-]{1,64}$/

export function assertBoardId(boardId: string): void {
  if (!BOARD_ID.test(boardId)) throw new Error('invalid board id')
}

const pad = (n: number) => n.toString().padStart(16, '0')

/** Several instances may write one board's log (scale-out): each names its pieces apart. */
const randomSuffix = () => Math.random().toString(36).slice(2, 10).padEnd(8, '0')

export interface UpdateLogOptions {
  storage: Storage
  logger: Logger
  /** Compact once this many log entries have piled up for a board. */
  compactAfterEntries?: number
  /** …or once the log holds this many bytes. */
  compactAfterBytes?: number
  /** where write latency and failures are counted (/metrics) */
  meters?: Meters
  /** keeps two instances from compacting one board at once (default: Redis's when storage is Redis) */
  lock?: ExpiringLock
}

/** How long a compaction may hold its board's lock before another instance may take it. */
const COMPACTION_LOCK_MS = 30_000

export interface StoredBoard {
  /** every readable piece merged into one update; null when nothing is stored */
  update: Uint8Array | null
  pieces: number
  skipped: number
  /** bytes of the readable updates */
  bytes: number
}

interface BoardLog {
  /** sequence number of the next entry */
  nextSeq: number
  entries: number
  bytes: number
  /** updates received but not yet written */
  pending: Uint8Array[]
  /** the next write, when one is scheduled */
  scheduled: Promise<void> | null
  /** writes in flight */
  writing: Set<Promise<void>>
  /** keys of the pieces this instance wrote (and has not deleted) for the board */
  own: Set<string>
  /** pieces whose write failed (storage away), in key order: written again, in that order, until stored */
  unwritten: Unwritten[]
  /** a retry of `unwritten` is scheduled or running */
  retrying: boolean
  retryDelayMs: number
  /** every piece handed to storage and not yet confirmed stored (in flight or unwritten) */
  unconfirmed: Set<Unwritten>
}

interface Unwritten {
  key: string
  update: Uint8Array
  stored: () => void
  /** resolves once stored */
  done: Promise<void>
}

const FIRST_RETRY_MS = 200
/** backoff stops growing here: a failed write costs nothing, and storage's return is noticed within it */
const MAX_RETRY_MS = 1000

function emptyLog(nextSeq: number): BoardLog {
  return {
    nextSeq,
    entries: 0,
    bytes: 0,
    pending: [],
    scheduled: null,
    writing: new Set(),
    own: new Set(),
    unwritten: [],
    retrying: false,
    retryDelayMs: FIRST_RETRY_MS,
    unconfirmed: new Set(),
  }
}

/**
 * A board's durable content: merged states (`docs:<id>:state:<seq>`) plus an append-only log
 * of updates (`docs:<id>:log:<seq>`), each framed with its length and CRC-32 (`piece.ts`).
 * Yjs updates are idempotent and commute, so loading simply applies every stored piece that
 * passes its check; one that fails it is moved to quarantine (never deleted), and compaction
 * deletes old pieces only after the merged state that covers them is stored, and only pieces
 * it could read. An update is handed to the driver in the next turn of the event loop after it was
 * applied, merged with the others of that turn. A write that fails (storage away) is never
 * dropped: the piece stays in memory under its key and is written again with backoff, in key
 * order, before any later piece of the board; meanwhile `flush` fails at once.
 */
export class UpdateLog {
  readonly #storage: Storage
  readonly #logger: Logger
  readonly #compactAfterEntries: number
  readonly #compactAfterBytes: number
  readonly #boards = new Map<string, BoardLog>()
  readonly #instance = randomSuffix()
  readonly #meters: Meters
  readonly #lock: ExpiringLock

  constructor(options: UpdateLogOptions) {
    this.#storage = options.storage
    this.#lock = options.lock ?? lockFor(options.storage)
    this.#logger = options.logger
    this.#meters = options.meters ?? new Meters()
    this.#compactAfterEntries = options.compactAfterEntries ?? 500
    this.#compactAfterBytes = options.compactAfterBytes ?? 4 * 1024 * 1024
  }

  #prefix(boardId: string): string {
    assertBoardId(boardId)
    return `docs:${boardId}`
  }

  async #keys(boardId: string): Promise<{ states: string[]; logs: string[] }> {
    const prefix = this.#prefix(boardId)
    const keys = (await this.#storage.getKeys(prefix)).sort()
    return {
      states: keys.filter((k) => k.startsWith(`${prefix}:state:`)),
      logs: keys.filter((k) => k.startsWith(`${prefix}:log:`)),
    }
  }

  /**
   * Reads everything stored for the board: the pieces that pass their check, merged into one
   * update (a compacted board's single state piece is returned as stored, without decoding).
   * Throws when storage cannot be read.
   */
  async read(boardId: string): Promise<StoredBoard> {
    // loaded again while updates of its last load are still on their way to storage: they are
    // part of it (taken before listing: a piece stored meanwhile is then in one or the other)
    const existing = this.#boards.get(boardId)
    const held =
      existing && !isIdle(existing) ? [...[...existing.unconfirmed].map((entry) => entry.update), ...existing.pending] : []
    const { states, logs } = await this.#keys(boardId)
    const keys = [...states, ...logs]
    let skipped = 0
    let bytes = 0
    const updates: Uint8Array[] = []
    const values = await Promise.all(keys.map((key) => this.#storage.getItemRaw(key)))
    for (const [i, value] of values.entries()) {
      const key = keys[i] as string
      const raw = toBytes(value)
      // gone since it was listed: another instance compacted it away
      if (!raw) continue
      const piece = unframePiece(raw)
      if (!piece.ok) {
        skipped++
        await this.#quarantine(boardId, key, raw, piece.reason)
        continue
      }
      updates.push(piece.update)
      bytes += piece.update.byteLength
    }
    const maxSeq = Math.max(-1, ...keys.map(seqOf))
    if (existing && this.#boards.get(boardId) === existing && held.length > 0) {
      updates.push(...held)
      existing.nextSeq = Math.max(existing.nextSeq, maxSeq + 1)
      existing.entries = logs.length
      existing.bytes = bytes
    } else this.#boards.set(boardId, { ...emptyLog(maxSeq + 1), entries: logs.length, bytes })
    const update = updates.length === 0 ? null : updates.length === 1 ? (updates[0] as Uint8Array) : Y.mergeUpdates(updates)
    return { update, pieces: updates.length, skipped, bytes }
  }

  /** Applies everything stored for the board to `doc` (see `read`). */
  async load(boardId: string, doc: Y.Doc, origin: unknown): Promise<Omit<StoredBoard, 'update'>> {
    const { update, ...stats } = await this.read(boardId)
    if (update) Y.applyUpdate(doc, update, origin)
    return stats
  }

  #board(boardId: string): BoardLog {
    let log = this.#boards.get(boardId)
    if (!log) {
      // a board written to before it was loaded (e.g. created through the API): start after
      // a sequence number no earlier piece can have
      log = emptyLog(Date.now() * 1000)
      this.#boards.set(boardId, log)
    }
    return log
  }

  /**
   * Queues an update for writing; resolves once it is stored (after retries, if storage was
   * away: it never rejects). Updates queued in the same turn
   * of the event loop are merged into one entry, written at once, without waiting for earlier
   * writes (entries have their own keys, and their order does not matter).
   */
  append(boardId: string, update: Uint8Array): Promise<void> {
    assertBoardId(boardId)
    const log = this.#board(boardId)
    log.pending.push(update)
    log.scheduled ??= new Promise<void>((resolve, reject) => {
      setImmediate(() => {
        log.scheduled = null
        this.#write(boardId, log).then(resolve, reject)
      })
    })
    return log.scheduled
  }

  #write(boardId: string, log: BoardLog): Promise<void> {
    if (log.pending.length === 0) return Promise.resolve()
    const batch = log.pending.length === 1 ? (log.pending[0] as Uint8Array) : Y.mergeUpdates(log.pending)
    log.pending = []
    const key = `${this.#prefix(boardId)}:log:${pad(log.nextSeq++)}-${this.#instance}`
    log.own.add(key)
    let resolve: () => void = () => {}
    const done = new Promise<void>((r) => {
      resolve = r
    })
    const entry: Unwritten = {
      key,
      update: batch,
      done,
      stored: () => {
        log.unconfirmed.delete(entry)
        resolve()
      },
    }
    log.unconfirmed.add(entry)
    // earlier pieces wait for storage: this one waits behind them
    if (log.retrying) {
      log.unwritten.push(entry)
      return done
    }
    const attempt = this.#put(log, entry).then(entry.stored, (error: unknown) => {
      log.unwritten.push(entry)
      log.unwritten.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0))
      this.#scheduleRetry(boardId, log, error)
    })
    log.writing.add(attempt)
    void attempt.finally(() => log.writing.delete(attempt))
    return done
  }

  /** Resolves once every update queued for the board so far is stored (however long storage stays away). */
  async drained(boardId: string): Promise<void> {
    const log = this.#boards.get(boardId)
    while (log && (log.unconfirmed.size > 0 || log.pending.length > 0 || log.scheduled)) {
      if (log.scheduled) await log.scheduled
      await Promise.all([...log.unconfirmed].map((entry) => entry.done))
    }
  }

  /** One attempt to store a piece. */
  async #put(log: BoardLog, entry: Unwritten): Promise<void> {
    const started = performance.now()
    try {
      await this.#storage.setItemRaw(entry.key, framePiece(entry.update))
    } catch (error) {
      this.#meters.storageWriteErrors.log++
      throw error
    }
    this.#meters.storageWrite.log.observe(secondsSince(started))
    log.entries++
    log.bytes += entry.update.byteLength
  }

  /** Writes the board's unwritten pieces again, oldest first, backing off while storage stays away. */
  #scheduleRetry(boardId: string, log: BoardLog, error: unknown): void {
    if (log.retrying) return
    log.retrying = true
    this.#logger.warn('storage write failed; the update is kept and written again', {
      boardId,
      error: String(error),
      retryInMs: log.retryDelayMs,
    })
    const retry = async () => {
      let written = 0
      while (log.unwritten.length > 0) {
        const entry = log.unwritten[0] as Unwritten
        try {
          await this.#put(log, entry)
        } catch {
          log.retryDelayMs = Math.min(log.retryDelayMs * 2, MAX_RETRY_MS)
          setTimeout(() => void retry(), log.retryDelayMs).unref?.()
          return
        }
        log.unwritten.shift()
        entry.stored()
        written++
      }
      log.retrying = false
      log.retryDelayMs = FIRST_RETRY_MS
      this.#logger.info('storage is back: stored the updates kept meanwhile', { boardId, pieces: written })
    }
    setTimeout(() => void retry(), log.retryDelayMs).unref?.()
  }

  /** Pieces of the board waiting for storage (written again once it is back). */
  unwrittenCount(boardId: string): number {
    return this.#boards.get(boardId)?.unwritten.length ?? 0
  }

  /** True when enough log has piled up that the room should compact. */
  wantsCompaction(boardId: string): boolean {
    const log = this.#boards.get(boardId)
    return !!log && (log.entries >= this.#compactAfterEntries || log.bytes >= this.#compactAfterBytes)
  }

  /**
   * Waits until every queued update of the board is stored. Fails (StorageUnavailableError)
   * as soon as one of them could not be written: it stays queued and is written once storage is
   * back, but the caller should not wait for that.
   */
  async flush(boardId: string): Promise<void> {
    const log = this.#boards.get(boardId)
    if (!log) return
    const unavailable = () =>
      new StorageUnavailableError(`${log.unwritten.length} update(s) of board ${boardId} wait for storage to come back`)
    if (log.retrying) throw unavailable()
    if (log.pending.length > 0) void this.#write(boardId, log)
    await Promise.all([...log.writing])
    if (log.retrying) throw unavailable()
  }

  /**
   * Stores `state` (the merged document) and then deletes the stored pieces it covers.
   * `state` must hold everything this instance has queued for the board by the time of the
   * call (the room encodes its document and calls this in one go): those pieces — what
   * `append` was given up to now — are deleted without being read. Any other piece (another
   * instance's, or an older process's) is deleted only when `covers(piece)` says the state
   * contains it: with several instances writing one board, a piece another instance wrote a
   * moment ago may not have reached this one yet. Without `covers`, every older readable piece goes;
   * one that fails its check is moved to quarantine, never deleted.
   *
   * Only one instance compacts a board at a time (a lock with expiry, `compaction-lock.ts`):
   * when another holds it, this one does nothing and resolves false — its pieces stay in the
   * log, read on the next load and covered by the next compaction.
   */
  async compact(boardId: string, state: Uint8Array, covers?: (piece: Uint8Array) => boolean): Promise<boolean> {
    const log = this.#board(boardId)
    // queued updates get their keys now, synchronously: they are part of `state`
    const flushed = this.flush(boardId)
    const contained = new Set(log.own)
    await flushed
    const lockName = `compact:${this.#prefix(boardId)}`
    const token = await this.#lock.acquire(lockName, COMPACTION_LOCK_MS)
    if (token === null) {
      this.#logger.debug('another instance is compacting the board; left to it', { boardId })
      return false
    }
    try {
      await this.#compactLocked(boardId, log, state, contained, covers)
      return true
    } finally {
      await this.#lock.release(lockName, token).catch(() => {})
    }
  }

  async #compactLocked(
    boardId: string,
    log: BoardLog,
    state: Uint8Array,
    contained: ReadonlySet<string>,
    covers?: (piece: Uint8Array) => boolean,
  ): Promise<void> {
    const { states, logs } = await this.#keys(boardId)
    const seq = log.nextSeq++
    const stateKey = `${this.#prefix(boardId)}:state:${pad(seq)}-${this.#instance}`
    const started = performance.now()
    try {
      await this.#storage.setItemRaw(stateKey, framePiece(state))
    } catch (error) {
      this.#meters.storageWriteErrors.state++
      throw error
    }
    this.#meters.storageWrite.state.observe(secondsSince(started))
    log.own.add(stateKey)
    // only now is it safe to drop what the new state covers; a piece that cannot be read is
    // never dropped (it may hold what nothing else does): it goes to quarantine
    let kept = 0
    for (const key of [...states, ...logs]) {
      if (seqOf(key) >= seq) continue
      if (!contained.has(key)) {
        const raw = toBytes(await this.#storage.getItemRaw(key))
        if (!raw) continue // gone meanwhile
        const piece = unframePiece(raw)
        if (!piece.ok) {
          await this.#quarantine(boardId, key, raw, piece.reason)
          continue
        }
        if (covers && !safely(() => covers(piece.update))) {
          kept++
          continue
        }
      }
      await this.#storage.removeItem(key)
      log.own.delete(key)
    }
    log.entries = kept
    log.bytes = state.byteLength
  }

  /**
   * Moves a piece that failed its check to `quarantine:<key>:<ms>`, byte for byte, logs it and
   * reports it (`/healthz`, the board's warnings). If even that fails the piece stays where it
   * is: it is skipped on load and kept by compaction.
   */
  async #quarantine(boardId: string, key: string, raw: Uint8Array, reason: string): Promise<void> {
    const atMs = Date.now()
    try {
      const aside = await freeQuarantineKey((k) => this.#storage.hasItem(k), key, atMs)
      await this.#storage.setItemRaw(aside, raw)
      await this.#storage.removeItem(key)
      storageHealth(this.#storage).record({
        code: 'damaged_piece',
        message: `A stored piece of board ${boardId} failed its check (${reason}); it was moved to quarantine.`,
        key,
        quarantinedAs: aside,
        at: new Date(atMs).toISOString(),
      })
      this.#logger.error('quarantined a damaged stored piece', {
        boardId,
        key,
        quarantinedAs: aside,
        reason,
        bytes: raw.byteLength,
      })
    } catch (error) {
      this.#logger.error('could not quarantine a damaged stored piece; it stays in place', {
        boardId,
        key,
        reason,
        error: String(error),
      })
    }
  }

  /** Forgets the in-memory bookkeeping of an unloaded board (its stored pieces stay). */
  release(boardId: string): void {
    const log = this.#boards.get(boardId)
    if (log && isIdle(log)) this.#boards.delete(boardId)
  }

  /** Deletes everything stored under the board's `docs:<id>:` namespace (logs, states, images). */
  async destroy(boardId: string): Promise<void> {
    await this.flush(boardId)
    const prefix = `${this.#prefix(boardId)}:`
    for (const key of await this.#storage.getKeys(prefix)) if (key.startsWith(prefix)) await this.#storage.removeItem(key)
    this.#boards.delete(boardId)
  }

  /** Total stored bytes of a board (for benchmarks and docs). */
  async storedBytes(boardId: string): Promise<number> {
    const { states, logs } = await this.#keys(boardId)
    let total = 0
    for (const key of [...states, ...logs]) total += toBytes(await this.#storage.getItemRaw(key))?.byteLength ?? 0
    return total
  }
}

/** Nothing of the board is waiting to be written. */
function isIdle(log: BoardLog): boolean {
  return log.writing.size === 0 && log.pending.length === 0 && !log.scheduled && !log.retrying && log.unwritten.length === 0
}

/** The sequence number of a piece key `…:<seq>-<instance>` (older keys have no instance). */
function seqOf(key: string): number {
  const n = Number(key.slice(key.lastIndexOf(':') + 1).split('-')[0])
  return Number.isFinite(n) ? n : -1
}

/** A piece whose coverage cannot be judged (`covers` throws) is kept. */
function safely(check: () => boolean): boolean {
  try {
    return check()
  } catch {
    return false
  }
}

/** unstorage drivers return Buffers, Uint8Arrays or (Redis) base64 strings for raw values. */
function toBytes(value: unknown): Uint8Array | null {
  if (value instanceof Uint8Array) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength)
  if (value instanceof ArrayBuffer) return new Uint8Array(value)
  if (typeof value === 'string' && value.length > 0) return Uint8Array.from(Buffer.from(value, 'base64'))
  return null
}
