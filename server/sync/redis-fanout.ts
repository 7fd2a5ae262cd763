import { randomBytes } from 'node:crypto'
import { Redis } from 'ioredis'
import { z } from 'zod'
import { Role } from '../../shared/schema/roles.ts'
import type { Logger } from '../logger.ts'
import { epochMs, Meters } from '../metrics/meters.ts'
import type { Fanout, FanoutMessage } from './fanout.ts'

const kinds = ['update', 'awareness', 'sync-request', 'access', 'resync'] as const
type WireKind = (typeof kinds)[number]
type WireMessage = Extract<FanoutMessage, { kind: WireKind }>
const INSTANCE_BYTES = 8
/** a kind byte with this bit set: an 8-byte send time (float64 ms since the epoch) follows the instance id */
const STAMPED = 0x40
const STAMP_BYTES = 8
const HEADER_BYTES = 1 + INSTANCE_BYTES + STAMP_BYTES

/**
 * Fan-out over Redis pub/sub: one channel per board (`rb:board:<id>`), binary messages
 * `[kind | 0x40][instance id][send time][payload]` (the send time, float64 ms since the epoch,
 * gives /metrics the fan-out lag; a kind byte without 0x40 has no send time, as before it was
 * added). An instance ignores its own messages. Publishing never throws. While Redis is away
 * nothing is published (not queued either: an outage would pile up every update in memory, and
 * flood the others when it ends); ioredis reconnects with backoff, and once both connections
 * are back and every channel is subscribed again, every subscribed room is told
 * (`reconnected`) and exchanges state vectors with the other instances (`resync`), which send
 * each other only what the other lacks.
 */
export class RedisFanout implements Fanout {
  readonly #pub: Redis
  readonly #sub: Redis
  readonly #instance = randomBytes(INSTANCE_BYTES)
  readonly #handlers = new Map<string, Set<(message: FanoutMessage) => void>>()
  readonly #logger: Logger
  readonly #meters: Meters
  /** a connection was lost since the rooms last resynced (false until the first connection) */
  #lost = false
  #closed = false

  constructor(url: string, logger: Logger, meters: Meters = new Meters()) {
    this.#logger = logger
    this.#meters = meters
    const options = { lazyConnect: false, maxRetriesPerRequest: null, enableAutoPipelining: true }
    this.#pub = new Redis(url, options)
    this.#sub = new Redis(url, options)
    for (const [name, client] of [
      ['publisher', this.#pub],
      ['subscriber', this.#sub],
    ] as const) {
      client.on('error', (error: Error) => this.#logger.warn('redis fan-out error', { client: name, error: error.message }))
      client.on('close', () => {
        if (this.#closed || this.#lost) return
        this.#lost = true
        this.#logger.warn('lost the connection to Redis: instances cannot reach each other; rooms keep serving local clients', {
          client: name,
        })
      })
      client.on('ready', () => void this.#resyncIfBack())
    }
    this.#sub.on('messageBuffer', (channel: Buffer, message: Buffer) => this.#deliver(channel.toString(), message))
  }

  /**
   * Once both connections are ready again after a loss: subscribes every channel again (ioredis
   * does too, but its `ready` comes before; this one's answer means the subscriptions hold), then
   * tells every room, which sends a `resync`.
   */
  async #resyncIfBack(): Promise<void> {
    if (!this.#lost || this.#closed || this.#pub.status !== 'ready' || this.#sub.status !== 'ready') return
    this.#lost = false
    const channels = [...this.#handlers.keys()]
    try {
      if (channels.length > 0) await this.#sub.subscribe(...channels)
    } catch (error) {
      this.#lost = true
      this.#logger.warn('could not subscribe again after a Redis reconnect', { error: String(error) })
      return
    }
    this.#logger.info('reconnected to Redis: resyncing the loaded rooms with the other instances', { rooms: channels.length })
    for (const channel of channels) for (const handler of this.#handlers.get(channel) ?? []) handler({ kind: 'reconnected' })
  }

  static channel(boardId: string): string {
    return `rb:board:${boardId}`
  }

  #deliver(channel: string, message: Buffer): void {
    const handlers = this.#handlers.get(channel)
    if (!handlers || message.byteLength < 1 + INSTANCE_BYTES) return
    if (message.subarray(1, 1 + INSTANCE_BYTES).equals(this.#instance)) return
    const first = message[0] ?? 255
    const stamped = (first & STAMPED) !== 0
    const kind = kinds[first & ~STAMPED]
    if (!kind || (stamped && message.byteLength < HEADER_BYTES)) return
    const sentAt = stamped ? message.readDoubleLE(1 + INSTANCE_BYTES) : null
    const payload = new Uint8Array(message.subarray(stamped ? HEADER_BYTES : 1 + INSTANCE_BYTES))
    const decoded = decodePayload(kind, payload)
    if (!decoded) return
    this.#meters.fanoutIn++
    for (const handler of handlers) handler(decoded)
    // publish on the other instance to applied here (handlers apply synchronously)
    if (sentAt !== null && (kind === 'update' || kind === 'awareness'))
      this.#meters.fanoutLag[kind].observe((epochMs() - sentAt) / 1000)
  }

  async subscribe(boardId: string, deliver: (message: FanoutMessage) => void): Promise<() => Promise<void>> {
    const channel = RedisFanout.channel(boardId)
    let handlers = this.#handlers.get(channel)
    if (!handlers) {
      handlers = new Set()
      this.#handlers.set(channel, handlers)
      await this.#sub.subscribe(channel)
    }
    handlers.add(deliver)
    return async () => {
      handlers.delete(deliver)
      if (handlers.size === 0 && this.#handlers.get(channel) === handlers) {
        this.#handlers.delete(channel)
        await this.#sub.unsubscribe(channel).catch(() => {})
      }
    }
  }

  publish(boardId: string, message: FanoutMessage): void {
    if (message.kind === 'reconnected') return
    // away: dropped (the resync after the reconnect sends what it carried)
    if (this.#pub.status !== 'ready') return
    const payload = encodePayload(message)
    const frame = Buffer.allocUnsafe(HEADER_BYTES + payload.byteLength)
    frame[0] = kinds.indexOf(message.kind) | STAMPED
    this.#instance.copy(frame, 1)
    frame.writeDoubleLE(epochMs(), 1 + INSTANCE_BYTES)
    frame.set(payload, HEADER_BYTES)
    this.#meters.fanoutOut++
    this.#pub.publish(RedisFanout.channel(boardId), frame).catch((error: Error) => {
      this.#logger.warn('redis publish failed', { boardId, error: error.message })
    })
  }

  /**
   * Both connections are up and Redis answers a PING. A connection that is not ready fails at
   * once: a PING would only wait in ioredis's offline queue (the caller bounds the wait anyway).
   */
  async check(): Promise<void> {
    for (const [name, client] of [
      ['publisher', this.#pub],
      ['subscriber', this.#sub],
    ] as const) {
      if (client.status !== 'ready') throw new Error(`redis ${name} is ${client.status}`)
    }
    await this.#pub.ping()
  }

  async close(): Promise<void> {
    this.#closed = true
    this.#handlers.clear()
    await Promise.allSettled([this.#sub.quit(), this.#pub.quit()])
  }
}

function encodePayload(message: WireMessage): Uint8Array {
  switch (message.kind) {
    case 'sync-request':
    case 'resync':
      return message.stateVector
    case 'access':
      return new TextEncoder().encode(JSON.stringify({ userId: message.userId, role: message.role }))
    default:
      return message.update
  }
}

const AccessPayload = z.object({ userId: z.string(), role: Role.nullable() })

function decodePayload(kind: WireKind, payload: Uint8Array): WireMessage | null {
  switch (kind) {
    case 'sync-request':
    case 'resync':
      return { kind, stateVector: payload }
    case 'access': {
      try {
        const parsed = AccessPayload.safeParse(JSON.parse(new TextDecoder().decode(payload)))
        return parsed.success ? { kind, ...parsed.data } : null
      } catch {
        return null
      }
    }
    default:
      return { kind, update: payload }
  }
}
