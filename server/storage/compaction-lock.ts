import { randomBytes } from 'node:crypto'
import type { Storage } from 'unstorage'
import { REDIS_COMMAND_TIMEOUT_MS } from './redis-driver.ts'
import { StorageUnavailableError } from './unavailable.ts'

/**
 * A lock with expiry per board, so that two instances never rewrite one board's state at the
 * same moment. Over Redis storage it is `SET rbx:lock:<name> <token> NX PX <ttl>` (released only
 * by its holder, by token, in one script; an instance that dies holding it loses it after
 * `ttl`); over any other storage, where one process owns the data, it is held in memory.
 * Compaction stays safe without it (it deletes only pieces its state covers); the lock saves
 * two instances writing two states of the same board, and deleting each other's.
 */
export interface ExpiringLock {
  /** The lock's token when taken, null when another holder has it. Throws when storage cannot answer. */
  acquire(name: string, ttlMs: number): Promise<string | null>
  /** Releases the lock if this token still holds it (never someone else's after expiry). */
  release(name: string, token: string): Promise<void>
}

export interface RedisClient {
  set(key: string, value: string, px: 'PX', ttl: number, nx: 'NX'): Promise<string | null>
  eval(script: string, keys: number, ...args: string[]): Promise<unknown>
}

const RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end"

export class RedisLock implements ExpiringLock {
  readonly #redis: RedisClient
  constructor(redis: RedisClient) {
    this.#redis = redis
  }
  async acquire(name: string, ttlMs: number): Promise<string | null> {
    const token = randomBytes(12).toString('base64url')
    return (await this.#redis.set(`rbx:lock:${name}`, token, 'PX', ttlMs, 'NX')) === 'OK' ? token : null
  }
  async release(name: string, token: string): Promise<void> {
    await this.#redis.eval(RELEASE, 1, `rbx:lock:${name}`, token)
  }
}

export class MemoryLock implements ExpiringLock {
  readonly #held = new Map<string, { token: string; until: number }>()
  async acquire(name: string, ttlMs: number): Promise<string | null> {
    const now = Date.now()
    const held = this.#held.get(name)
    if (held && held.until > now) return null
    const token = randomBytes(12).toString('base64url')
    this.#held.set(name, { token, until: now + ttlMs })
    return token
  }
  async release(name: string, token: string): Promise<void> {
    if (this.#held.get(name)?.token === token) this.#held.delete(name)
  }
}

/**
 * The Redis client under a storage whose keys with this prefix live in Redis (null for fs,
 * memory), failing fast as the storage does: while the connection is down a command throws
 * `StorageUnavailableError` at once (REST answers 503).
 */
export function redisUnder(storage: Storage, prefix: string): RedisClient | null {
  const driver = storage.getMount(prefix).driver as { getInstance?: () => unknown }
  const instance = driver.getInstance?.() as (Partial<RedisClient> & { status?: string }) | undefined
  if (!instance || typeof instance.set !== 'function' || typeof instance.eval !== 'function') return null
  const client = instance as RedisClient & { status?: string; once?: (event: 'ready', listener: () => void) => unknown }
  // Before its first connection the client is still connecting (the server's start): a command
  // then waits for it, as the storage's own do, up to REDIS_COMMAND_TIMEOUT_MS; once it has been
  // up, a command while it is down fails at once.
  let connectedOnce = client.status === 'ready'
  const firstReady = connectedOnce
    ? Promise.resolve()
    : new Promise<void>((resolve) =>
        client.once?.('ready', () => {
          connectedOnce = true
          resolve()
        }),
      )
  const guarded = async <T>(run: () => Promise<T>): Promise<T> => {
    if (!connectedOnce && client.status !== 'ready')
      await Promise.race([firstReady, new Promise((resolve) => setTimeout(resolve, REDIS_COMMAND_TIMEOUT_MS).unref())])
    if (client.status === 'ready') connectedOnce = true
    if (client.status !== 'ready') throw new StorageUnavailableError(`storage (redis) is ${client.status}`)
    try {
      return await run()
    } catch (error) {
      if (client.status !== 'ready') throw new StorageUnavailableError(String(error))
      throw error
    }
  }
  return {
    set: (key, value, px, ttl, nx) => guarded(() => client.set(key, value, px, ttl, nx)),
    eval: (script, keys, ...args) => guarded(() => client.eval(script, keys, ...args)),
  }
}

/** The lock that fits the storage: Redis's own when the board content lives in Redis. */
export function lockFor(storage: Storage): ExpiringLock {
  const redis = redisUnder(storage, 'docs:')
  return redis ? new RedisLock(redis) : new MemoryLock()
}
