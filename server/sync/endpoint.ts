import { randomUUID } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { type WebSocket, WebSocketServer } from 'ws'
import { type AccessControl, SESSION_COOKIE } from '../access.ts'
import type { Logger } from '../logger.ts'
import { CloseCode, type Conn } from './connection.ts'
import { EarlyAnswer } from './early-answer.ts'
import { handleMessage } from './protocol.ts'
import type { Room } from './room.ts'
import type { RoomManager } from './rooms.ts'

export interface SyncEndpointOptions {
  rooms: RoomManager
  access: AccessControl
  logger: Logger
  maxMessageBytes: number
  pingIntervalMs: number
  /** Decides whether a browser `Origin` may open a socket (the contract's PUBLIC_ORIGIN rule). */
  isOriginAllowed: (origin: string | undefined, host: string | undefined) => boolean
  /** A socket whose send buffer grows past this is closed (1013); the client resyncs on reconnect. */
  maxBufferedBytes?: number
}

const SYNC_PATH = /^\/sync\/([^/?#]+)\/?$/

/**
 * The WebSocket side of the server: `ws://HOST/sync/<boardId>`. Owns the upgrade, so that
 * maxPayload (1009), close codes before the room is joined (4401, 4404) and backpressure are
 * ours to decide.
 */
export class SyncEndpoint {
  readonly #wss: WebSocketServer
  readonly #options: SyncEndpointOptions
  readonly #sockets = new Set<WebSocket>()
  /** false once pinged, true again on pong */
  readonly #alive = new WeakMap<WebSocket, boolean>()
  readonly #pinger: ReturnType<typeof setInterval>
  #answeredFromStorage = 0

  constructor(options: SyncEndpointOptions) {
    this.#options = options
    this.#wss = new WebSocketServer({ noServer: true, maxPayload: options.maxMessageBytes, perMessageDeflate: false })
    this.#pinger = setInterval(() => this.#pingAll(), options.pingIntervalMs)
    this.#pinger.unref()
  }

  get connectionCount(): number {
    return this.#sockets.size
  }

  /** How many clients were answered from the stored state while their room loaded. */
  get answeredFromStorage(): number {
    return this.#answeredFromStorage
  }

  /** For `server.on('upgrade')`. Returns false when the path is not ours. */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    const url = new URL(request.url ?? '/', 'http://localhost')
    const match = SYNC_PATH.exec(url.pathname)
    if (!match) return false
    if (!this.#options.isOriginAllowed(request.headers.origin, request.headers.host)) {
      this.#options.logger.info('sync refused', { reason: 'origin', origin: request.headers.origin })
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n')
      return true
    }
    const boardId = decodeURIComponent(match[1] ?? '')
    const token = url.searchParams.get('token') ?? readCookie(request.headers.cookie, SESSION_COOKIE)
    this.#wss.handleUpgrade(request, socket, head, (ws) => {
      void this.#accept(ws, boardId, token, request)
    })
    return true
  }

  async #accept(ws: WebSocket, boardId: string, token: string | null, request: IncomingMessage): Promise<void> {
    const { access, rooms, logger } = this.#options
    this.#sockets.add(ws)
    const started = performance.now()
    // hold messages that arrive while we authenticate and load the room; a client with nothing
    // yet may be answered from the stored state meanwhile (EarlyAnswer)
    const early: Uint8Array[] = []
    let earlyAnswer: EarlyAnswer | null = null
    const buffer = (data: Buffer) => {
      const message = new Uint8Array(data)
      if (!earlyAnswer?.offer(message)) early.push(message)
    }
    ws.on('message', buffer)
    ws.on('error', () => ws.terminate())
    this.#alive.set(ws, true)
    ws.on('pong', () => this.#alive.set(ws, true))
    ws.once('close', () => this.#sockets.delete(ws))

    const user = token ? await access.userFromToken(token).catch(() => null) : null
    if (!user) {
      logger.info('sync refused', { boardId, reason: 'no session' })
      return ws.close(CloseCode.unauthorized, 'sign in first')
    }
    const role = /^[A-Za-z0-9_-]{1,64}$/.test(boardId) ? await access.roleOf(user, boardId).catch(() => null) : null
    if (!role) {
      logger.info('sync refused', { boardId, userId: user.id, reason: 'no access' })
      return ws.close(CloseCode.notFound, 'no such board')
    }
    if (ws.readyState !== ws.OPEN) return

    const maxBuffered = this.#options.maxBufferedBytes ?? 64 * 1024 * 1024
    const conn: Conn = {
      id: randomUUID(),
      user,
      role,
      send: (message) => {
        if (ws.readyState !== ws.OPEN) return
        if (ws.bufferedAmount > maxBuffered) return ws.close(CloseCode.tryAgainLater, 'too slow')
        // no per-send callback: a failed write surfaces as the socket's 'error' (→ terminate)
        ws.send(message)
      },
      close: (code, reason) => ws.close(code, reason),
    }
    const connecting = rooms.connect(boardId, conn)
    // (connect creates the loading slot synchronously, so a cold room's stored state is there)
    const stored = rooms.storedState(boardId)
    if (stored) earlyAnswer = new EarlyAnswer(ws, stored, early, () => this.#answeredFromStorage++)
    let room: Room
    try {
      room = await connecting
    } catch (error) {
      logger.error('room could not be loaded', { boardId, error: String(error) })
      return ws.close(CloseCode.internalError, 'board could not be loaded')
    } finally {
      earlyAnswer?.close()
    }
    const log = logger.child({ boardId, conn: conn.id })
    if (ws.readyState !== ws.OPEN) {
      rooms.disconnect(room, conn)
      return
    }
    let denied = 0
    let malformed = 0
    const onMessage = (data: Uint8Array) => {
      const outcome = handleMessage(room, conn, data)
      if (outcome.kind === 'denied') denied++
      else if (outcome.kind === 'malformed') {
        malformed++
        log.debug('malformed sync message', { reason: outcome.reason })
      }
    }
    ws.off('message', buffer)
    ws.on('message', (data: Buffer) => onMessage(new Uint8Array(data)))
    if (earlyAnswer?.answered) room.sendChangesSinceLoad(conn)
    for (const data of early) onMessage(data)
    ws.once('close', (code) => {
      rooms.disconnect(room, conn)
      log.info('sync closed', { userId: user.id, code, denied, malformed, ms: Math.round(performance.now() - started) })
    })
    log.info('sync opened', { userId: user.id, role, remote: request.socket.remoteAddress })
  }

  #pingAll(): void {
    for (const ws of this.#sockets) {
      // no pong since the last ping: the peer is gone (its close frame never came)
      if (this.#alive.get(ws) === false) {
        ws.terminate()
        continue
      }
      this.#alive.set(ws, false)
      try {
        ws.ping()
      } catch {
        ws.terminate()
      }
    }
  }

  /** Closes every socket with `code` and stops accepting. */
  async close(code: number = CloseCode.goingAway): Promise<void> {
    clearInterval(this.#pinger)
    for (const ws of this.#sockets) ws.close(code, 'server shutting down')
    await new Promise<void>((resolve) => this.#wss.close(() => resolve()))
  }
}

function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=')
    if (k === name) return decodeURIComponent(v.join('='))
  }
  return null
}
