import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import { WRITERS_MAP } from '../../shared/schema/layout.ts'
import type { Role } from '../../shared/schema/roles.ts'
import type { Logger } from '../logger.ts'
import { Meters } from '../metrics/meters.ts'
import { CloseCode, type Conn } from './connection.ts'
import type { Fanout, FanoutMessage } from './fanout.ts'
import {
  awarenessEntries,
  encodeAwarenessEntries,
  encodeAwarenessMessage,
  encodeSyncStep1Message,
  encodeSyncStep2Message,
  encodeUpdateMessage,
  isEmptyStateVector,
  isEmptyUpdate,
} from './messages.ts'

/** Origin of changes that came from another instance through the fan-out. */
export const FANOUT_ORIGIN = Symbol('fanout')
/** Origin of changes the server itself makes (REST writes, restore, migrations). */
export const SERVER_ORIGIN = Symbol('server')
/** The writers' register's value for the server's own client ids. */
export const SERVER_WRITER = 'server'
/** Origin of state loaded from storage. */
export const STORAGE_ORIGIN = Symbol('storage')
/**
 * Presence is relayed at most once per this many milliseconds per room (see #relayPresence):
 * the client sends its cursor at most every 50 ms, so a cursor stays as fluent as it is sent.
 */
export const PRESENCE_TICK_MS = 40
/** The origin of a presence client id changed from several origins within one tick. */
const MIXED = Symbol('mixed')

export interface RoomOptions {
  boardId: string
  logger: Logger
  fanout: Fanout
  /** Called for every document update the room applies, whatever its origin but storage. */
  onUpdate: (update: Uint8Array, origin: unknown) => void
  /** where sync latency is measured (/metrics) */
  meters?: Meters
}

/**
 * A loaded board: its Y.Doc, its awareness, and the connections on this instance, with the
 * awareness client ids each connection controls (dropped everywhere when it leaves).
 */
export class Room {
  readonly boardId: string
  readonly doc = new Y.Doc({ gc: true })
  readonly awareness: awarenessProtocol.Awareness
  readonly conns = new Map<Conn, Set<number>>()
  readonly #logger: Logger
  readonly #fanout: Fanout
  #unsubscribe: (() => Promise<void>) | null = null
  /** sync step 2 for a client that has nothing yet, until the document next changes */
  #fullStateMessage: Uint8Array | null = null
  /** the state vector right after the stored state was applied, and whether anything changed since */
  #loadedVector: Uint8Array | null = null
  #changedSinceLoad = false
  /** updates applied in this task, relayed together once it ends (see #relay); `at`: a client's message arrived then */
  #outgoing: { update: Uint8Array; origin: unknown; at: number }[] = []
  readonly #meters: Meters
  /** whether this document's own client id is in the writers' register */
  #serverBound = false
  /** presence client ids that connections on other instances control (their states came through the fan-out) */
  readonly #remote = new Set<number>()
  /** presence client ids changed since the last relay, each with the origin of its changes (MIXED: several) */
  readonly #presenceChanged = new Map<number, unknown>()
  /** of those, the ones changed on this instance (published to the others) */
  readonly #presenceToPublish = new Set<number>()
  #presenceTimer: { kind: 'immediate'; handle: NodeJS.Immediate } | { kind: 'timeout'; handle: NodeJS.Timeout } | null = null
  #presenceRelayedAt = Number.NEGATIVE_INFINITY

  constructor(options: RoomOptions) {
    this.boardId = options.boardId
    this.#logger = options.logger
    this.#fanout = options.fanout
    this.#meters = options.meters ?? new Meters()
    this.awareness = new awarenessProtocol.Awareness(this.doc)
    // the server has no presence of its own
    this.awareness.setLocalState(null)

    // the server's own client id is registered as the server's once it has written with it
    // (REST, restore, compensations, migrations), so no account can write under it; the
    // registration is a transaction of its own in the same task, relayed with the write
    this.doc.on('afterTransaction', (transaction: Y.Transaction) => {
      if (this.#serverBound || !transaction.local) return
      const id = this.doc.clientID
      if ((transaction.afterState.get(id) ?? 0) <= (transaction.beforeState.get(id) ?? 0)) return
      this.#serverBound = true
      this.doc.getMap(WRITERS_MAP).set(String(id), SERVER_WRITER)
    })

    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === STORAGE_ORIGIN) return
      this.#fullStateMessage = null
      this.#changedSinceLoad = true
      options.onUpdate(update, origin)
      const conn = this.conns.has(origin as Conn) ? (origin as Conn) : null
      this.#outgoing.push({ update, origin, at: conn && conn.receivedAt > 0 ? conn.receivedAt : -1 })
      if (this.#outgoing.length === 1) queueMicrotask(() => this.#relay())
    })

    this.awareness.on('update', ({ added, updated, removed }: AwarenessChange, origin: unknown) => {
      const changed = [...added, ...updated, ...removed]
      if (origin instanceof Object && this.conns.has(origin as Conn)) {
        const controlled = this.conns.get(origin as Conn)
        for (const id of added) controlled?.add(id)
        for (const id of removed) controlled?.delete(id)
        // taken over here (the same account, moved from another instance)
        for (const id of [...added, ...updated]) this.#remote.delete(id)
      } else if (origin === FANOUT_ORIGIN) for (const id of [...added, ...updated]) this.#remote.add(id)
      for (const id of removed) this.#remote.delete(id)
      for (const id of changed) {
        const previous = this.#presenceChanged.get(id)
        this.#presenceChanged.set(id, previous === undefined || previous === origin ? origin : MIXED)
        if (origin !== FANOUT_ORIGIN) this.#presenceToPublish.add(id)
      }
      this.#schedulePresence()
    })
  }

  /**
   * Presence changes are relayed together: at the end of this event-loop turn when the room's
   * presence was last relayed PRESENCE_TICK_MS or longer ago — a lone cursor goes out at once —
   * else that long after the last relay. Under load a room's cursors then cost one write per
   * receiver per tick instead of one per receiver per incoming message.
   */
  #schedulePresence(): void {
    if (this.#presenceTimer) return
    const wait = this.#presenceRelayedAt + PRESENCE_TICK_MS - performance.now()
    this.#presenceTimer =
      wait <= 0
        ? { kind: 'immediate', handle: setImmediate(() => this.#relayPresence()) }
        : { kind: 'timeout', handle: setTimeout(() => this.#relayPresence(), wait) }
  }

  /**
   * Relays the presence changes since the last relay: ONE awareness update holding the latest
   * state (or removal) of every client id that changed, encoded once and sent as the same bytes
   * to every connection — but to a connection whose own changes are all it holds (a lone
   * mover) — and published once to the other instances (only what changed on this one). A
   * connection may get its own state back among others': its clock is the one it sent, so
   * y-protocols ignores it. Document updates do not wait for this (#relay).
   */
  #relayPresence(): void {
    const timer = this.#presenceTimer
    if (timer?.kind === 'immediate') clearImmediate(timer.handle)
    else if (timer?.kind === 'timeout') clearTimeout(timer.handle)
    this.#presenceTimer = null
    this.#presenceRelayedAt = performance.now()
    const changed = [...this.#presenceChanged.keys()]
    const origins = new Set(this.#presenceChanged.values())
    const toPublish = [...this.#presenceToPublish]
    this.#presenceChanged.clear()
    this.#presenceToPublish.clear()
    if (changed.length > 0 && this.conns.size > 0) {
      const message = encodeAwarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed))
      const only = origins.size === 1 ? [...origins][0] : MIXED
      for (const conn of this.conns.keys()) if (conn !== only) conn.send(message)
    }
    if (toPublish.length > 0)
      this.#fanout.publish(this.boardId, {
        kind: 'awareness',
        update: awarenessProtocol.encodeAwarenessUpdate(this.awareness, toPublish),
      })
  }

  /**
   * Relays the updates applied in the task that just ended to the other connections and
   * instances. One update — the usual case — goes out as it is, at once (a microtask adds no
   * wait). Several — the messages `ws` delivered from one read of a busy writer's socket, a
   * burst under load — are merged into one message per connection: one write per receiver
   * instead of one per update, and one apply on each receiver, which is what keeps a room
   * fluent when updates arrive faster than receivers apply them one by one. A connection never
   * gets its own updates back.
   */
  #relay(): void {
    const batch = this.#outgoing
    this.#outgoing = []
    if (batch.length === 0) return
    const origins = new Set(batch.map((entry) => entry.origin))
    /** the batch's updates whose origin passes `keep`, as one update (null when none does) */
    const merged = (keep: (origin: unknown) => boolean): Uint8Array | null =>
      mergeAll(batch.filter((entry) => keep(entry.origin)).map((entry) => entry.update))
    const all = mergeAll(batch.map((entry) => entry.update)) as Uint8Array
    const toOthers = encodeUpdateMessage(all)
    for (const conn of this.conns.keys()) {
      if (!origins.has(conn)) conn.send(toOthers)
      else if (origins.size > 1) {
        // a connection whose own updates are in the batch gets the rest
        const rest = merged((origin) => origin !== conn)
        if (rest) conn.send(encodeUpdateMessage(rest))
      }
    }
    const local = origins.has(FANOUT_ORIGIN) ? merged((origin) => origin !== FANOUT_ORIGIN) : all
    if (local) this.#fanout.publish(this.boardId, { kind: 'update', update: local })
    // sync latency: from a client's message arriving to its update leaving for everyone else
    const now = performance.now()
    for (const entry of batch) if (entry.at >= 0) this.#meters.syncLatency.observe((now - entry.at) / 1000)
  }

  /**
   * Applies the board's stored state (one update, as read from storage). Until the document
   * next changes, a client that has nothing yet is answered with these very bytes.
   */
  loadStored(update: Uint8Array | null): void {
    if (update) Y.applyUpdate(this.doc, update, STORAGE_ORIGIN)
    this.#loadedVector = Y.encodeStateVector(this.doc)
    this.#changedSinceLoad = false
    this.#fullStateMessage = update ? encodeSyncStep2Message(update) : null
  }

  /** Sync step 2 (as a whole message) for a client with the given state vector. */
  syncStep2For(stateVector: Uint8Array): Uint8Array {
    if (isEmptyStateVector(stateVector)) {
      this.#fullStateMessage ??= encodeSyncStep2Message(Y.encodeStateAsUpdate(this.doc))
      return this.#fullStateMessage
    }
    return encodeSyncStep2Message(Y.encodeStateAsUpdate(this.doc, stateVector))
  }

  /**
   * For a connection that was answered from the stored state while the room loaded: what
   * changed since (a migration, another instance's unstored changes), or nothing.
   */
  sendChangesSinceLoad(conn: Conn): void {
    if (!this.#changedSinceLoad || !this.#loadedVector) return
    const missing = Y.encodeStateAsUpdate(this.doc, this.#loadedVector)
    if (!isEmptyUpdate(missing)) conn.send(encodeUpdateMessage(missing))
  }

  /**
   * Starts receiving other instances' changes, then asks them for anything this instance's
   * copy lacks (updates they applied but had not stored yet when this room loaded).
   */
  async subscribe(): Promise<void> {
    this.#unsubscribe = await this.#fanout.subscribe(this.boardId, (message) => this.#receive(message))
    this.#fanout.publish(this.boardId, { kind: 'sync-request', stateVector: Y.encodeStateVector(this.doc) })
  }

  #receive(message: FanoutMessage): void {
    try {
      if (message.kind === 'update') Y.applyUpdate(this.doc, message.update, FANOUT_ORIGIN)
      else if (message.kind === 'access') this.applyAccess(message.userId, message.role)
      else if (message.kind === 'awareness') this.#applyRemotePresence(message.update)
      else if (message.kind === 'reconnected') {
        // back after a Redis outage: the others missed what this room applied meanwhile, and it
        // missed theirs — exchange state vectors, then each sends only what the other lacks
        this.#fanout.publish(this.boardId, { kind: 'resync', stateVector: Y.encodeStateVector(this.doc) })
      } else {
        if (message.kind === 'resync')
          this.#fanout.publish(this.boardId, { kind: 'sync-request', stateVector: Y.encodeStateVector(this.doc) })
        const missing = Y.encodeStateAsUpdate(this.doc, message.stateVector)
        if (!isEmptyUpdate(missing)) this.#fanout.publish(this.boardId, { kind: 'update', update: missing })
        // and the presence of this instance's connections
        const local = [...this.conns.values()].flatMap((ids) => [...ids])
        if (local.length > 0)
          this.#fanout.publish(this.boardId, {
            kind: 'awareness',
            update: awarenessProtocol.encodeAwarenessUpdate(this.awareness, local),
          })
      }
    } catch (error) {
      this.#logger.warn('ignored a malformed fan-out message', { boardId: this.boardId, error: String(error) })
    }
  }

  /**
   * Presence from another instance: applied except for client ids a connection on this
   * instance controls — nobody elsewhere may move or remove those (that instance checked its
   * sender against its own connections only).
   */
  #applyRemotePresence(update: Uint8Array): void {
    const local = new Set([...this.conns.values()].flatMap((ids) => [...ids]))
    const entries = awarenessEntries(update)
    const kept = entries.filter((entry) => !local.has(entry.clientId))
    if (kept.length === 0) return
    const allowed = kept.length === entries.length ? update : encodeAwarenessEntries(kept)
    awarenessProtocol.applyAwarenessUpdate(this.awareness, allowed, FANOUT_ORIGIN)
  }

  /**
   * True when a Yjs client id belongs to someone other than `userId` on this board: it is in
   * the writers' register under another account (or the server), it is this room's own, or
   * another account's connection speaks for it in presence (it may not have written yet).
   */
  isForeignWriter(clientId: number, userId: string): boolean {
    if (clientId === this.doc.clientID) return true
    const owner = this.doc.getMap(WRITERS_MAP).get(String(clientId))
    if (owner !== undefined) return owner !== userId
    for (const [conn, ids] of this.conns) if (conn.user.id !== userId && ids.has(clientId)) return true
    return false
  }

  /** Registers the client ids an account has just written with (one server write for the new ones). */
  bindWriters(clientIds: Iterable<number>, userId: string): void {
    const register = this.doc.getMap(WRITERS_MAP)
    const fresh = [...clientIds].filter((id) => !register.has(String(id)))
    if (fresh.length === 0) return
    this.doc.transact(() => {
      for (const id of fresh) register.set(String(id), userId)
    }, SERVER_ORIGIN)
  }

  /**
   * A connection's role changed: its presence states are stamped anew and sent to everyone,
   * the connection itself included (its own entry then names its new role: the client's UI
   * follows without a reload).
   */
  restamp(conn: Conn): void {
    const ids = [...this.controlledBy(conn)]
    if (ids.length === 0) return
    const states = this.awareness.getStates()
    const entries = ids.flatMap((id) => {
      const state = states.get(id)
      const meta = this.awareness.meta.get(id)
      if (!state || !meta) return []
      const user = (typeof state.user === 'object' && state.user) || {}
      return [{ clientId: id, clock: meta.clock + 1, json: JSON.stringify({ ...state, user: { ...user, role: conn.role } }) }]
    })
    if (entries.length > 0) awarenessProtocol.applyAwarenessUpdate(this.awareness, encodeAwarenessEntries(entries), SERVER_ORIGIN)
  }

  /**
   * A member's role changed (null: removed): their connections on this instance get the new
   * role for their next message and presence, or close with 4403.
   */
  applyAccess(userId: string, role: Role | null): void {
    for (const conn of [...this.conns.keys()]) {
      if (conn.user.id !== userId) continue
      if (role === null) conn.close(CloseCode.removed, 'removed from the board')
      else if (conn.role !== role) {
        conn.role = role
        this.restamp(conn)
      }
    }
  }

  /** Tells the other instances about a member change (after `applyAccess` here). */
  publishAccess(userId: string, role: Role | null): void {
    this.#fanout.publish(this.boardId, { kind: 'access', userId, role })
  }

  /** The accounts present on this board: this instance's connections and other instances' presence. */
  presentUserIds(): Set<string> {
    const ids = new Set<string>()
    for (const conn of this.conns.keys()) ids.add(conn.user.id)
    for (const state of this.awareness.getStates().values()) {
      const id = (state.user as { id?: unknown } | undefined)?.id
      if (typeof id === 'string') ids.add(id)
    }
    return ids
  }

  /** Adds a connection and sends it sync step 1 and everyone's presence. */
  join(conn: Conn): void {
    this.conns.set(conn, new Set())
    conn.send(encodeSyncStep1Message(this.doc))
    const states = [...this.awareness.getStates().keys()]
    if (states.length > 0) {
      conn.send(encodeAwarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, states)))
    }
  }

  /** Removes a connection; the awareness states it controlled are removed for everyone. */
  leave(conn: Conn): void {
    const controlled = this.conns.get(conn)
    if (!controlled) return
    this.conns.delete(conn)
    if (controlled.size > 0) awarenessProtocol.removeAwarenessStates(this.awareness, [...controlled], null)
  }

  /** The awareness client ids a connection controls. */
  controlledBy(conn: Conn): ReadonlySet<number> {
    return this.conns.get(conn) ?? new Set()
  }

  /**
   * True when one of the ids is controlled by a connection other than `conn`: on this instance,
   * or on another one (its presence came through the fan-out) under another account — the same
   * account may take its presence over (a client that moved here after its instance went away).
   */
  isControlledByOther(conn: Conn, clientIds: readonly number[]): boolean {
    for (const [other, ids] of this.conns) {
      if (other === conn) continue
      for (const id of clientIds) if (ids.has(id)) return true
    }
    for (const id of clientIds) {
      if (!this.#remote.has(id)) continue
      const owner = (this.awareness.getStates().get(id)?.user as { id?: unknown } | undefined)?.id
      if (owner !== conn.user.id) return true
    }
    return false
  }

  async destroy(): Promise<void> {
    // presence changes still waiting (removals) reach the other instances first
    if (this.#presenceTimer) this.#relayPresence()
    await this.#unsubscribe?.()
    this.awareness.destroy()
    this.doc.destroy()
  }
}

interface AwarenessChange {
  added: number[]
  updated: number[]
  removed: number[]
}

/** Several updates as one (null for none; a single one as it is). */
function mergeAll(updates: Uint8Array[]): Uint8Array | null {
  return updates.length === 0 ? null : updates.length === 1 ? (updates[0] as Uint8Array) : Y.mergeUpdates(updates)
}
