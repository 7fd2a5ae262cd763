import * as Y from 'yjs'
import { applyOperationAs } from '../../shared/operations/apply-operation.ts'
import type { OperationInput } from '../../shared/operations/operation.ts'
import { type OperationResult, refuse } from '../../shared/operations/operation-error.ts'
import { readBoardDocument, writeBoardDocument } from '../../shared/schema/convert.ts'
import type { BoardDocument } from '../../shared/schema/document.ts'
import { getElements } from '../../shared/schema/layout.ts'
import { migrateDoc } from '../../shared/schema/migrations.ts'
import type { Role } from '../../shared/schema/roles.ts'
import type { Logger } from '../logger.ts'
import type { Meters } from '../metrics/meters.ts'
import { assertBoardId } from '../storage/update-log.ts'
import type { BoardContent } from './board-content.ts'
import { ColdOpen, type StoredStateHandle } from './cold-open.ts'
import { CloseCode, type Conn } from './connection.ts'
import type { Fanout } from './fanout.ts'
import { FANOUT_ORIGIN, Room, SERVER_ORIGIN } from './room.ts'
import type { RoomPersistence } from './room-hooks.ts'

export interface RoomManagerOptions {
  /** where boards are stored (server/storage/log-persistence.ts) */
  persistence: RoomPersistence
  /** the other instances (local: nobody; Redis pub/sub for scale-out) */
  fanout: Fanout
  logger: Logger
  /** How long a room without connections stays loaded. */
  idleMs: number
  /** where rooms measure sync latency (/metrics) */
  meters?: Meters
  /** MAX_ELEMENTS_PER_BOARD for what the server writes (templates, restores, reveals); none: no limit */
  maxElements?: number
}

/** The operations that can add elements; only they are tried on a copy first when a limit is set. */
const ADDING_OPERATIONS: ReadonlySet<string> = new Set(['element.add', 'template.add', 'board.replace'])

/** A board's room on this instance: loading (a cold open in progress), then ready. */
interface Slot {
  /** shared by everyone who asks while the room loads */
  ready: Promise<Room>
  /** set once ready */
  room: Room | null
  /** set while loading: the stored state and the early answers sent from it (cold-open.ts) */
  coldOpen: ColdOpen | null
  idleTimer: ReturnType<typeof setTimeout> | null
  /** REST writes and other users that hold the room without a connection */
  holds: number
}

/**
 * The rooms of this instance: loads a board's room on first use (concurrent loads share one
 * promise), persists every update it applies, compacts the log, and unloads a room after it
 * has been idle for `idleMs`. Implements BoardContent for the REST layer.
 */
export class RoomManager implements BoardContent {
  readonly #slots = new Map<string, Slot>()
  /** rooms being unloaded: their final compaction, until it is stored */
  readonly #unloading = new Map<string, Promise<void>>()
  readonly #options: RoomManagerOptions
  #closing = false

  constructor(options: RoomManagerOptions) {
    this.#options = options
  }

  get loadedCount(): number {
    return this.#slots.size
  }

  isLoaded(boardId: string): boolean {
    return this.#slots.has(boardId)
  }

  /** True while the room's final state is being stored after it was unloaded. */
  isUnloading(boardId: string): boolean {
    return this.#unloading.has(boardId)
  }

  /** The room of a board, loaded if needed. Rejects when its stored state cannot be read. */
  async acquire(boardId: string): Promise<Room> {
    assertBoardId(boardId)
    if (this.#closing) throw new Error('shutting down')
    let slot = this.#slots.get(boardId)
    if (!slot) {
      const coldOpen = new ColdOpen()
      const created: Slot = { ready: Promise.resolve(null as unknown as Room), room: null, coldOpen, idleTimer: null, holds: 0 }
      // a room still storing its state on the way out is loaded only once that is done: a load
      // that read the pieces meanwhile could see the new state half written and the old log gone
      const unloading = this.#unloading.get(boardId)
      const load = () => this.#load(boardId, coldOpen)
      created.ready = (unloading ? unloading.then(load) : load()).then(
        (room) => {
          created.room = room
          created.coldOpen = null
          return room
        },
        (error: unknown) => {
          coldOpen.read(null)
          // never keep (or later store over) a room whose load failed
          this.#slots.delete(boardId)
          throw error
        },
      )
      this.#slots.set(boardId, created)
      slot = created
    }
    if (slot.idleTimer) {
      clearTimeout(slot.idleTimer)
      slot.idleTimer = null
    }
    return slot.ready
  }

  /**
   * While the board's room loads: its stored state as soon as it is read (before the room has
   * applied it), so that a client with nothing yet can be answered early; `sent` tells the room
   * when such an answer has left, so that its apply (which blocks the event loop for a big
   * board) does not hold up the write. Null when the room is not loading.
   */
  storedState(boardId: string): StoredStateHandle | null {
    return this.#slots.get(boardId)?.coldOpen?.handle() ?? null
  }

  async #load(boardId: string, coldOpen: ColdOpen): Promise<Room> {
    const { persistence, fanout, logger, meters } = this.#options
    const room = new Room({
      boardId,
      logger,
      fanout,
      meters,
      onUpdate: (update, origin) => {
        // the instance whose client (or REST call) made a change stores it; others only relay
        if (origin !== FANOUT_ORIGIN) persistence.append(boardId, update, room.doc)
      },
    })
    const started = performance.now()
    const { update, stats } = await persistence.read(boardId)
    coldOpen.read(update)
    if (update) await coldOpen.settled()
    room.loadStored(update)
    const migration = migrateDoc(room.doc)
    if (!migration.ok) logger.warn('board migration failed', { boardId, error: migration.error })
    await room.subscribe()
    logger.debug('room loaded', { boardId, ...stats, ms: Math.round(performance.now() - started) })
    return room
  }

  /** Adds a connection to its board's room. */
  async connect(boardId: string, conn: Conn): Promise<Room> {
    const room = await this.acquire(boardId)
    room.join(conn)
    return room
  }

  disconnect(room: Room, conn: Conn): void {
    room.leave(conn)
    this.#releaseIfIdle(room.boardId)
  }

  #releaseIfIdle(boardId: string): void {
    const slot = this.#slots.get(boardId)
    if (!slot?.room || slot.room.conns.size > 0 || slot.holds > 0 || slot.idleTimer) return
    slot.idleTimer = setTimeout(() => void this.unload(boardId), this.#options.idleMs)
    slot.idleTimer.unref?.()
  }

  /** Stores the merged state and frees the room. */
  async unload(boardId: string): Promise<void> {
    const slot = this.#slots.get(boardId)
    if (!slot?.room || slot.room.conns.size > 0 || slot.holds > 0) return
    const room = slot.room
    this.#slots.delete(boardId)
    const done = (async () => {
      // storage away: the room stays (subscribed, answering other instances) until it is stored
      await this.#options.persistence.compact(boardId, room.doc, { waitForStorage: true })
      this.#options.persistence.release(boardId)
      await room.destroy()
    })()
    this.#unloading.set(boardId, done)
    try {
      await done
    } finally {
      if (this.#unloading.get(boardId) === done) this.#unloading.delete(boardId)
    }
    this.#options.logger.debug('room unloaded', { boardId })
  }

  /** Runs `fn` with the room held (not unloaded meanwhile). */
  async #withRoom<T>(boardId: string, fn: (room: Room) => T | Promise<T>): Promise<T> {
    const room = await this.acquire(boardId)
    const slot = this.#slots.get(boardId)
    if (slot) slot.holds++
    try {
      return await fn(room)
    } finally {
      if (slot) slot.holds--
      this.#releaseIfIdle(boardId)
    }
  }

  async initialize(boardId: string, document: BoardDocument): Promise<void> {
    await this.#withRoom(boardId, async (room) => {
      writeBoardDocument(room.doc, document, SERVER_ORIGIN)
      await this.#options.persistence.flush(boardId)
    })
  }

  async exportDocument(boardId: string, board: { id: string; title: string }): Promise<BoardDocument> {
    return this.#withRoom(boardId, (room) => {
      const { document, issues } = readBoardDocument(room.doc, board)
      if (issues.length > 0) this.#options.logger.warn('board holds unreadable elements', { boardId, skipped: issues.length })
      return document
    })
  }

  async apply(boardId: string, op: OperationInput, actor: { role: Role }): Promise<OperationResult> {
    return this.#withRoom(boardId, async (room) => {
      const over = this.#overElementLimit(room.doc, op, actor.role)
      if (over) return over
      const result = applyOperationAs(room.doc, op, actor.role, SERVER_ORIGIN)
      if (result.ok) await this.#options.persistence.flush(boardId)
      return result
    })
  }

  /**
   * MAX_ELEMENTS_PER_BOARD holds for what the server writes as for synced updates: an operation
   * that adds elements is tried on a copy of the board first, and refused when the board would
   * hold more than the limit and more than it holds now (deleting down to the limit stays possible).
   */
  #overElementLimit(doc: Y.Doc, op: OperationInput, role: Role): OperationResult | null {
    const max = this.#options.maxElements
    if (max === undefined || !Number.isFinite(max) || !ADDING_OPERATIONS.has(op.type)) return null
    const before = getElements(doc).size
    // an addition that fits even if every element it carries is new needs no trial
    if (op.type === 'element.add' && before + op.elements.length <= max) return null
    const trial = new Y.Doc()
    Y.applyUpdate(trial, Y.encodeStateAsUpdate(doc))
    const tried = applyOperationAs(trial, op, role, SERVER_ORIGIN)
    const after = getElements(trial).size
    trial.destroy()
    if (!tried.ok || after <= max || after <= before) return null
    return refuse('too_many_elements', `The board would hold ${after} elements; this server takes boards of at most ${max}.`)
  }

  async read<T>(boardId: string, reader: (doc: Y.Doc) => T): Promise<T> {
    return this.#withRoom(boardId, (room) => reader(room.doc))
  }

  async destroy(boardId: string): Promise<void> {
    assertBoardId(boardId)
    const slot = this.#slots.get(boardId)
    if (slot) {
      this.#slots.delete(boardId)
      if (slot.idleTimer) clearTimeout(slot.idleTimer)
      const room = await slot.ready.catch(() => null)
      if (room) {
        for (const conn of [...room.conns.keys()]) conn.close(CloseCode.notFound, 'board deleted')
        await room.destroy()
      }
    }
    await this.#options.persistence.destroy(boardId)
  }

  /**
   * A member's role changed (null: removed): connections on this instance follow at once, and
   * other instances through the fan-out. A board not loaded here has no connections here; its
   * room on another instance hears nothing then — when it is loaded nowhere, nobody is connected.
   */
  memberChanged(boardId: string, userId: string, role: Role | null): void {
    const room = this.#slots.get(boardId)?.room
    if (room) {
      room.applyAccess(userId, role)
      room.publishAccess(userId, role)
    } else this.#options.fanout.publish(boardId, { kind: 'access', userId, role })
  }

  /** A session ended: its sockets on this instance close with 4401 (others notice within a ping interval). */
  sessionEnded(hash: string): void {
    for (const slot of this.#slots.values()) {
      for (const conn of [...(slot.room?.conns.keys() ?? [])]) {
        if (conn.sessionHash === hash) conn.close(CloseCode.unauthorized, 'session ended')
      }
    }
  }

  /** The accounts with a connection on the board (this instance's, and others' through presence). */
  connectedUserIds(boardId: string): ReadonlySet<string> {
    return this.#slots.get(boardId)?.room?.presentUserIds() ?? new Set()
  }

  /** Flushes every room, closes every connection with 1001 and frees the rooms. */
  async close(): Promise<void> {
    this.#closing = true
    const slots = [...this.#slots.entries()]
    this.#slots.clear()
    await Promise.all(
      slots.map(async ([boardId, slot]) => {
        if (slot.idleTimer) clearTimeout(slot.idleTimer)
        const room = await slot.ready.catch(() => null)
        if (!room) return
        for (const conn of [...room.conns.keys()]) conn.close(CloseCode.goingAway, 'server shutting down')
        try {
          await this.#options.persistence.flush(boardId)
          await this.#options.persistence.compact(boardId, room.doc)
        } catch (error) {
          // storage away (Redis down) at shutdown: what waits for it is lost with the process
          this.#options.logger.error('could not store a room at shutdown', { boardId, error: String(error) })
        }
        await room.destroy()
      }),
    )
  }
}
