import { randomBytes } from 'node:crypto'
import { Redis } from 'ioredis'
import { z } from 'zod'
import { Role } from '../../shared/schema/roles.ts'
import type { Logger } from '../logger.ts'
import { epochMs, Meters } from '../metrics/meters.ts'
import type { Fanout, FanoutMessage } from './fanout.ts'

const kinds = ['update', 'awareness', 'sync-request', 'access'] as const
const INSTANCE_BYTES = 8
/** a kind byte with this bit set: an 8-byte send time (float64 ms since the epoch) follows the instance id */
const STAMPED = 0x40
const STAMP_BYTES = 8
const HEADER_BYTES = 1 + INSTANCE_BYTES + STAMP_BYTES

/**
 * Fan-out over Redis pub/sub: one channel per board (`rb:board:<id>`), binary messages
 * `[kind | 0x40][instance id][send time][payload]` (the send time, float64 ms since the epoch,
 * gives /metrics the fan-out lag; a kind byte without 0x40 has no send time, as before it was
 * added). An instance ignores its own messages. Publishing never
 * throws: while Redis is away, ioredis queues commands and reconnects; clients resync on
 * reconnect anyway, so a lost message costs latency, not data (storage is shared).
 */
export class RedisFanout implements Fanout {
  readonly #pub: Redis
  readonly #sub: Redis
  readonly #instance = randomBytes(INSTANCE_BYTES)
  readonly #handlers = new Map<string, Set<(message: FanoutMessage) => void>>()
  readonly #logger: Logger
  readonly #meters: Meters

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
    }
    this.#sub.on('messageBuffer', (channel: Buffer, message: Buffer) => this.#deliver(channel.toString(), message))
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
    this.#handlers.clear()
    await Promise.allSettled([this.#sub.quit(), this.#pub.quit()])
  }
}

function encodePayload(message: FanoutMessage): Uint8Array {
  switch (message.kind) {
    case 'sync-request':
      return message.stateVector
    case 'access':
      return new TextEncoder().encode(JSON.stringify({ userId: message.userId, role: message.role }))
    default:
      return message.update
  }
}

const AccessPayload = z.object({ userId: z.string(), role: Role.nullable() })

function decodePayload(kind: (typeof kinds)[number], payload: Uint8Array): FanoutMessage | null {
  switch (kind) {
    case 'sync-request':
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
