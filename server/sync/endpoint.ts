import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { type WebSocket, WebSocketServer } from 'ws'
import { type AccessControl, SESSION_COOKIE } from '../access.ts'
import type { Logger } from '../logger.ts'
import { Meters } from '../metrics/meters.ts'
import { CloseCode, type ConnectionLimits, noLimits } from './connection.ts'
import type { RoomManager } from './rooms.ts'
import { SyncConnection } from './sync-connection.ts'

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
  /** where connections, messages, bytes and refusals are counted (/metrics) */
  meters?: Meters
  /** limits against abuse (config.ts `limits`); none when absent */
  limits?: ConnectionLimits
  /** the client address comes from `X-Forwarded-For` (PUBLIC_ORIGIN set: behind a proxy) */
  behindProxy?: boolean
}

const SYNC_PATH = /^\/sync\/([^/?#]+)\/?$/

/** What an upgrade request asks for, or why it cannot be read. */
type UpgradeTarget = { kind: 'sync'; boardId: string; token: string | null } | { kind: 'not-ours' } | { kind: 'malformed' }

/**
 * Reads an upgrade request's path, board id and session. Hostile input (`//`, broken percent
 * escapes in the path or the cookie) is `malformed`, never an exception.
 */
export function readUpgradeTarget(request: Pick<IncomingMessage, 'url' | 'headers'>): UpgradeTarget {
  const raw = request.url ?? '/'
  if (!raw.startsWith('/') || raw.startsWith('//')) return { kind: 'malformed' }
  let url: URL
  try {
    url = new URL(raw, 'http://localhost')
  } catch {
    return { kind: 'malformed' }
  }
  const match = SYNC_PATH.exec(url.pathname)
  if (!match) return { kind: 'not-ours' }
  const boardId = safeDecode(match[1] ?? '')
  if (boardId === null) return { kind: 'malformed' }
  const token = url.searchParams.get('token') ?? readCookie(request.headers.cookie, SESSION_COOKIE)
  return { kind: 'sync', boardId, token }
}

/**
 * The WebSocket side of the server: `ws://HOST/sync/<boardId>`. Owns the upgrade, so that
 * maxPayload (1009), close codes before the room is joined (4401, 4404) and backpressure are
 * ours to decide; each accepted socket's life is a SyncConnection.
 */
export class SyncEndpoint {
  readonly #wss: WebSocketServer
  readonly #options: SyncEndpointOptions
  readonly #sockets = new Map<WebSocket, string | null>()
  /** false once pinged, true again on pong */
  readonly #alive = new WeakMap<WebSocket, boolean>()
  readonly #pinger: ReturnType<typeof setInterval>
  #answeredFromStorage = 0
  readonly #meters: Meters
  readonly #limits: ConnectionLimits
  /** open sockets by client address and by board id (for MAX_CONNECTIONS_PER_*) */
  readonly #perAddress = new Map<string, number>()
  readonly #perBoard = new Map<string, number>()

  constructor(options: SyncEndpointOptions) {
    this.#options = options
    this.#meters = options.meters ?? new Meters()
    this.#limits = options.limits ?? noLimits
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

  /**
   * For `server.on('upgrade')`. Returns false when the path is not ours. Never throws: a
   * request it cannot read is answered 400 and the socket ended.
   */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    const target = readUpgradeTarget(request)
    if (target.kind === 'not-ours') return false
    if (target.kind === 'malformed') {
      this.#options.logger.info('sync refused', { reason: 'malformed request' })
      endWith(socket, 400, 'Bad Request')
      return true
    }
    if (!this.#options.isOriginAllowed(request.headers.origin, request.headers.host)) {
      this.#options.logger.info('sync refused', { reason: 'origin', origin: request.headers.origin })
      endWith(socket, 403, 'Forbidden')
      return true
    }
    this.#wss.handleUpgrade(request, socket, head, (ws) => {
      if (this.#admit(ws, target.boardId, request)) this.#accept(ws, target.boardId, target.token, request)
    })
    return true
  }

  /**
   * Holds sockets to MAX_CONNECTIONS_PER_ADDRESS and MAX_CONNECTIONS_PER_BOARD: one past either
   * is closed at once with 4429 (before its session is even read); an admitted one is counted
   * until it closes. Refused after the upgrade, not with an HTTP status, so that a browser learns
   * why (a failed upgrade is only a 1006 to it) and backs off.
   */
  #admit(ws: WebSocket, boardId: string, request: IncomingMessage): boolean {
    const address = upgradeAddress(request, this.#options.behindProxy ?? false)
    const limits = this.#limits
    const refusal =
      (this.#perAddress.get(address) ?? 0) >= limits.connectionsPerAddress
        ? ({ limit: 'connections_per_address', reason: 'too many connections from this address' } as const)
        : (this.#perBoard.get(boardId) ?? 0) >= limits.connectionsPerBoard
          ? ({ limit: 'connections_per_board', reason: 'too many connections to this board' } as const)
          : null
    if (refusal) {
      this.#meters.limit(refusal.limit)
      this.#options.logger.info('sync refused', { reason: refusal.limit, remote: address })
      ws.on('error', () => ws.terminate())
      ws.close(CloseCode.limited, refusal.reason)
      return false
    }
    increment(this.#perAddress, address, 1)
    increment(this.#perBoard, boardId, 1)
    ws.once('close', () => {
      increment(this.#perAddress, address, -1)
      increment(this.#perBoard, boardId, -1)
    })
    return true
  }

  #accept(ws: WebSocket, boardId: string, token: string | null, request: IncomingMessage): void {
    const { rooms, access, logger } = this.#options
    const meters = this.#meters
    meters.connectionsOpened++
    this.#sockets.set(ws, token)
    ws.on('error', () => ws.terminate())
    this.#alive.set(ws, true)
    ws.on('pong', () => this.#alive.set(ws, true))
    ws.once('close', () => this.#sockets.delete(ws))
    const connection = new SyncConnection(ws, boardId, {
      rooms,
      access,
      logger,
      maxBufferedBytes: this.#options.maxBufferedBytes ?? 64 * 1024 * 1024,
      limits: this.#limits,
      onAnsweredEarly: (bytes) => {
        this.#answeredFromStorage++
        meters.messagesOut++
        meters.bytesOut += bytes
      },
      meters,
    })
    connection.open(token, request.socket.remoteAddress).catch((error: unknown) => {
      logger.error('sync connection failed', { boardId, error: String(error) })
      ws.close(CloseCode.internalError, 'internal error')
    })
  }

  /**
   * Pings every socket (one that did not answer the previous ping is gone) and checks that its
   * session is still valid: a logout on another instance or an expired session closes it (4401).
   */
  #pingAll(): void {
    for (const [ws, token] of this.#sockets) {
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
        continue
      }
      if (token && ws.readyState === ws.OPEN)
        void this.#options.access
          .userFromToken(token)
          .then((user) => {
            if (!user) ws.close(CloseCode.unauthorized, 'session ended')
          })
          .catch(() => {})
    }
  }

  /** Closes every socket with `code` and stops accepting. */
  async close(code: number = CloseCode.goingAway): Promise<void> {
    clearInterval(this.#pinger)
    for (const ws of this.#sockets.keys()) ws.close(code, 'server shutting down')
    await new Promise<void>((resolve) => this.#wss.close(() => resolve()))
  }
}

/** Adds `by` to a count; a count that reaches 0 is removed (the maps hold only what is open). */
function increment(counts: Map<string, number>, key: string, by: number): void {
  const next = (counts.get(key) ?? 0) + by
  if (next > 0) counts.set(key, next)
  else counts.delete(key)
}

/**
 * The client's address, as the REST API's limits read it (server/http/client-address.ts):
 * behind a proxy the last `X-Forwarded-For` entry, else the socket's peer.
 */
function upgradeAddress(request: IncomingMessage, behindProxy: boolean): string {
  if (behindProxy) {
    const header = request.headers['x-forwarded-for']
    const entries = (Array.isArray(header) ? header.join(',') : (header ?? ''))
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
    const last = entries[entries.length - 1]
    if (last) return last
  }
  return request.socket.remoteAddress ?? 'unknown'
}

function endWith(socket: Duplex, status: number, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`)
}

function safeDecode(value: string): string | null {
  try {
    return decodeURIComponent(value)
  } catch {
    return null
  }
}

function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=')
    if (k === name) return safeDecode(v.join('='))
  }
  return null
}
