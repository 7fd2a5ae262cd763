import type { Driver } from 'unstorage'
import redisDriver from 'unstorage/drivers/redis'
import type { Logger } from '../logger.ts'
import { StorageUnavailableError } from './unavailable.ts'

/** Longest a single storage command may take before it counts as failed (a silent network). */
export const REDIS_COMMAND_TIMEOUT_MS = 2000

interface RedisLike {
  status: string
  on(event: 'ready', listener: () => void): unknown
  on(event: 'error', listener: (error: Error) => void): unknown
}

/**
 * unstorage's Redis driver, failing fast: once the connection has been up, a command asked for
 * while it is down (reconnecting with backoff) throws `StorageUnavailableError` at once instead
 * of waiting in ioredis's offline queue, and one that was in flight when the connection dropped
 * fails at the first reconnect attempt (`maxRetriesPerRequest: 0`), within
 * `REDIS_COMMAND_TIMEOUT_MS` at most. Before the first connection, commands wait for it (the
 * server's start). Callers decide what failing means: REST answers 503, the update log retries.
 */
export function failFastRedisDriver(url: string, logger: Logger): Driver {
  const inner = redisDriver({
    url,
    base: 'rb',
    maxRetriesPerRequest: 0,
    commandTimeout: REDIS_COMMAND_TIMEOUT_MS,
    retryStrategy: (times: number) => Math.min(50 * 2 ** Math.min(times, 6), 2000) + Math.floor(Math.random() * 100),
  })
  const client = inner.getInstance?.() as RedisLike
  // reconnection errors repeat with every attempt: logged once per outage
  let reported = false
  client.on('error', (error) => {
    if (!reported) logger.warn('storage (redis) connection error; reconnecting', { error: error.message })
    reported = true
  })
  let connectedOnce = client.status === 'ready'
  client.on('ready', () => {
    reported = false
    connectedOnce = true
  })
  const guard = <A extends unknown[], R>(fn: ((...args: A) => R) | undefined) =>
    fn
      ? async (...args: A): Promise<Awaited<R>> => {
          if (connectedOnce && client.status !== 'ready') throw new StorageUnavailableError(`storage (redis) is ${client.status}`)
          try {
            return await fn(...args)
          } catch (error) {
            if (client.status !== 'ready' || isConnectionError(error)) throw new StorageUnavailableError(String(error))
            throw error
          }
        }
      : undefined
  const driver: Driver = {
    ...inner,
    hasItem: guard(inner.hasItem) as Driver['hasItem'],
    getItem: guard(inner.getItem) as Driver['getItem'],
    getKeys: guard(inner.getKeys) as Driver['getKeys'],
  }
  if (inner.getItems) driver.getItems = guard(inner.getItems)
  if (inner.setItem) driver.setItem = guard(inner.setItem)
  if (inner.removeItem) driver.removeItem = guard(inner.removeItem)
  if (inner.clear) driver.clear = guard(inner.clear)
  return driver
}

function isConnectionError(error: unknown): boolean {
  const text = String(error)
  return /max retries per request|Command timed out|Connection is closed|Stream isn't writeable|ECONNREFUSED|ECONNRESET/i.test(
    text,
  )
}
