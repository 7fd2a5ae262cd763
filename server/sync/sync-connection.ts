import { randomUUID } from 'node:crypto'
import type { WebSocket } from 'ws'
import { refusalCodeOf } from '../../shared/rules/refusals.ts'
import type { AccessControl, SessionUser } from '../access.ts'
import { sessionHash } from '../auth/session-hash.ts'
import { TokenBucket } from '../http/rate-limit.ts'
import type { Logger } from '../logger.ts'
import type { Meters } from '../metrics/meters.ts'
import { burstSeconds, CloseCode, type Conn, type ConnectionLimits, MessageBudget, noLimits } from './connection.ts'
import { EarlyAnswer } from './early-answer.ts'
import { handleMessage } from './protocol.ts'
import type { Room } from './room.ts'
import type { RoomManager } from './rooms.ts'

/** What a client may send before its room is ready (its offline changes fit many times over). */
const MAX_EARLY_BYTES = 32 * 1024 * 1024

export interface SyncConnectionDeps {
  rooms: RoomManager
  access: AccessControl
  logger: Logger
  /** a socket whose send buffer grows past this is closed (1013); the client resyncs on reconnect */
  maxBufferedBytes: number
  /** counts clients answered from the stored state while their room loaded (and the answer's bytes) */
  onAnsweredEarly: (bytes: number) => void
  /** messages, bytes and refusals counted for /metrics */
  meters: Meters
  /** update and presence rates, the board's element limit (none when absent) */
  limits?: ConnectionLimits
}

/**
 * One socket's life on the sync endpoint, in order: buffer what the client sends while we
 * authenticate (4401) and check access (4404); join the room (answering a fresh client from the
 * stored state meanwhile: EarlyAnswer); then hand each message to the protocol, closing with
 * 4400 on a forgery; log the open and the close with counts. The socket is already upgraded;
 * nothing here throws.
 */
export class SyncConnection {
  readonly #ws: WebSocket
  readonly #deps: SyncConnectionDeps
  readonly #boardId: string
  readonly #started = performance.now()
  /** messages that arrive before the room is ready, handled in order once it is */
  readonly #early: Uint8Array[] = []
  #earlyBytes = 0
  #earlyAnswer: EarlyAnswer | null = null
  #denied = 0
  #malformed = 0
  #ignored = 0
  readonly #limits: ConnectionLimits
  /** MAX_UPDATES_PER_SECOND, MAX_UPDATE_BYTES_PER_SECOND and MAX_AWARENESS_PER_SECOND of this socket */
  readonly #updates: TokenBucket
  readonly #updateBytes: TokenBucket
  readonly #awareness: TokenBucket

  constructor(ws: WebSocket, boardId: string, deps: SyncConnectionDeps) {
    this.#ws = ws
    this.#boardId = boardId
    this.#deps = deps
    const limits = deps.limits ?? noLimits
    this.#limits = limits
    this.#updates = new TokenBucket(limits.updatesPerSecond, limits.updatesPerSecond * burstSeconds.updates)
    this.#updateBytes = new TokenBucket(limits.updateBytesPerSecond, limits.updateBytesPerSecond * burstSeconds.updateBytes)
    this.#awareness = new TokenBucket(limits.awarenessPerSecond, limits.awarenessPerSecond * burstSeconds.awareness)
    ws.on('message', this.#buffer)
  }

  readonly #buffer = (data: Buffer) => {
    const message = new Uint8Array(data)
    this.#deps.meters.messagesIn++
    this.#deps.meters.bytesIn += message.byteLength
    if (this.#earlyAnswer?.offer(message)) return
    this.#earlyBytes += message.byteLength
    // a client that floods before it is even let in is cut off, not buffered without end
    if (this.#earlyBytes > MAX_EARLY_BYTES) {
      this.#early.length = 0
      this.#ws.close(CloseCode.tryAgainLater, 'too much before the board was open')
      return
    }
    this.#early.push(message)
  }

  /** Authenticates, joins the room and starts handling messages. */
  async open(token: string | null, remote: string | undefined): Promise<void> {
    const { access, logger } = this.#deps
    const ws = this.#ws
    const boardId = this.#boardId
    const user = token ? await access.userFromToken(token).catch(() => null) : null
    if (!user || !token) {
      logger.info('sync refused', { boardId, reason: 'no session' })
      return ws.close(CloseCode.unauthorized, 'sign in first')
    }
    const role = /^[A-Za-z0-9_-]{1,64}$/.test(boardId) ? await access.roleOf(user, boardId).catch(() => null) : null
    if (!role) {
      logger.info('sync refused', { boardId, userId: user.id, reason: 'no access' })
      return ws.close(CloseCode.notFound, 'no such board')
    }
    if (ws.readyState !== ws.OPEN) return
    const conn = this.#conn(user, role, token)
    const room = await this.#join(conn)
    if (!room) return
    const log = logger.child({ boardId, conn: conn.id })
    // from here on the room holds this connection: whatever happens next, a close releases it
    ws.once('close', (code) => {
      this.#deps.rooms.disconnect(room, conn)
      log.info('sync closed', {
        userId: user.id,
        code,
        denied: this.#denied,
        malformed: this.#malformed,
        ignored: this.#ignored,
        ms: Math.round(performance.now() - this.#started),
      })
    })
    // a member change made while we were joining reached only the connections already in the
    // room: look the role up again, now that later changes reach this one
    const current = await access.roleOf(user, boardId).catch(() => conn.role)
    if (ws.readyState !== ws.OPEN) return
    if (!current) return ws.close(CloseCode.removed, 'removed from the board')
    conn.role = current
    ws.off('message', this.#buffer)
    const meters = this.#deps.meters
    ws.on('message', (data: Buffer) => {
      meters.messagesIn++
      meters.bytesIn += data.byteLength
      conn.receivedAt = performance.now()
      this.#handle(room, conn, new Uint8Array(data), log)
    })
    if (this.#earlyAnswer?.answered) room.sendChangesSinceLoad(conn)
    for (const data of this.#early.splice(0)) {
      // (sync latency of an early message counts from now, not from its arrival)
      conn.receivedAt = performance.now()
      this.#handle(room, conn, data, log)
    }
    log.info('sync opened', { userId: user.id, role, remote })
  }

  #conn(user: SessionUser, role: Conn['role'], token: string): Conn {
    const ws = this.#ws
    const maxBuffered = this.#deps.maxBufferedBytes
    const meters = this.#deps.meters
    return {
      id: randomUUID(),
      user,
      role,
      sessionHash: sessionHash(token),
      budget: new MessageBudget(),
      maxElements: this.#limits.elementsPerBoard,
      receivedAt: 0,
      send: (message) => {
        if (ws.readyState !== ws.OPEN) return
        if (ws.bufferedAmount > maxBuffered) return ws.close(CloseCode.tryAgainLater, 'too slow')
        meters.messagesOut++
        meters.bytesOut += message.byteLength
        // no per-send callback: a failed write surfaces as the socket's 'error' (→ terminate)
        ws.send(message)
      },
      close: (code, reason) => ws.close(code, reason),
    }
  }

  /** Joins the board's room; null when it could not be loaded or the socket closed meanwhile. */
  async #join(conn: Conn): Promise<Room | null> {
    const { rooms, logger } = this.#deps
    const connecting = rooms.connect(this.#boardId, conn)
    // (connect creates the loading slot synchronously, so a cold room's stored state is there)
    const stored = rooms.storedState(this.#boardId)
    if (stored) this.#earlyAnswer = new EarlyAnswer(this.#ws, stored, this.#early, this.#deps.onAnsweredEarly)
    let room: Room
    try {
      room = await connecting
    } catch (error) {
      logger.error('room could not be loaded', { boardId: this.#boardId, error: String(error) })
      this.#ws.close(CloseCode.internalError, 'board could not be loaded')
      return null
    } finally {
      this.#earlyAnswer?.close()
    }
    if (this.#ws.readyState !== this.#ws.OPEN) {
      rooms.disconnect(room, conn)
      return null
    }
    return room
  }

  #handle(room: Room, conn: Conn, data: Uint8Array, log: Logger): void {
    // nothing more is applied once the socket is closing (after a forgery, a removal, a logout)
    if (this.#ws.readyState !== this.#ws.OPEN) return
    // a document update (sync step 2 or update): y-protocols' message and step numbers fit one byte
    if (data[0] === 0 && (data[1] === 1 || data[1] === 2)) {
      this.#deps.meters.updatesIn++
      if (!this.#withinUpdateLimits(data.byteLength, log)) return
    } else if (data[0] === 1 && !this.#awareness.take()) {
      // presence beyond its rate is dropped: the next state a client sends replaces it anyway
      this.#ignored++
      this.#deps.meters.ignoredMessages++
      this.#deps.meters.limit('awareness_rate')
      return
    }
    const outcome = handleMessage(room, conn, data)
    switch (outcome.kind) {
      case 'denied':
        this.#denied++
        this.#deps.meters.refuse(refusalCodeOf(outcome.reason))
        if (refusalCodeOf(outcome.reason) === 'too_many_elements') this.#deps.meters.limit('elements_per_board')
        log.debug('update refused', { userId: conn.user.id, reason: outcome.reason })
        return
      case 'forged':
        this.#deps.meters.refuse(outcome.code)
        log.warn('forged update refused', { userId: conn.user.id, reason: outcome.reason })
        conn.close(CloseCode.forged, outcome.code)
        return
      case 'malformed':
        this.#malformed++
        this.#deps.meters.malformedMessages++
        log.debug('malformed sync message', { reason: outcome.reason })
        return
      case 'ignored':
        this.#ignored++
        this.#deps.meters.ignoredMessages++
        return
    }
  }

  /**
   * MAX_UPDATES_PER_SECOND and MAX_UPDATE_BYTES_PER_SECOND: past either, nothing more of this
   * socket is applied and it closes with 4429 (an update cannot be dropped without the client
   * thinking it was kept; on reconnecting it syncs what the server lacks).
   */
  #withinUpdateLimits(bytes: number, log: Logger): boolean {
    const limit = !this.#updates.take() ? 'update_rate' : !this.#updateBytes.take(bytes) ? 'update_bytes' : null
    if (!limit) return true
    this.#deps.meters.limit(limit)
    log.warn('sync closed by a limit', { limit })
    this.#ws.close(CloseCode.limited, limit === 'update_rate' ? 'too many updates' : 'too many update bytes')
    return false
  }
}
