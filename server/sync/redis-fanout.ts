import { randomBytes } from 'node:crypto'
import { Redis } from 'ioredis'
import { z } from 'zod'
import { Role } from '../../shared/schema/roles.ts'
import type { Logger } from '../logger.ts'
import type { Fanout, FanoutMessage } from './fanout.ts'

const kinds = ['update', 'awareness', 'sync-request', 'access'] as const
const INSTANCE_BYTES = 8

/**
 * Fan-out over Redis pub/sub: one channel per board (`rb:board:<id>`), binary messages
 * `[kind][instance id][payload]`. An instance ignores its own messages. Publishing never
 * throws: while Redis is away, ioredis queues commands and reconnects; clients resync on
 * reconnect anyway, so a lost message costs latency, not data (storage is shared).
 */
export class RedisFanout implements Fanout {
  readonly #pub: Redis
  readonly #sub: Redis
  readonly #instance = randomBytes(INSTANCE_BYTES)
  readonly #handlers = new Map<string, Set<(message: FanoutMessage) => void>>()
  readonly #logger: Logger

  constructor(url: string, logger: Logger) {
    this.#logger = logger
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
    const kind = kinds[message[0] ?? 255]
    if (!kind) return
    const payload = new Uint8Array(message.subarray(1 + INSTANCE_BYTES))
    const decoded = decodePayload(kind, payload)
    if (!decoded) return
    for (const handler of handlers) handler(decoded)
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
    const frame = Buffer.allocUnsafe(1 + INSTANCE_BYTES + payload.byteLength)
    frame[0] = kinds.indexOf(message.kind)
    this.#instance.copy(frame, 1)
    frame.set(payload, 1 + INSTANCE_BYTES)
    this.#pub.publish(RedisFanout.channel(boardId), frame).catch((error: Error) => {
      this.#logger.warn('redis publish failed', { boardId, error: error.message })
    })
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
