import { afterAll, beforeAll } from 'vitest'
import { type RedisServer, startRedis } from './redis.ts'
import { startTestServer, type TestServer } from './server.ts'
import type { SyncClient } from './sync-client.ts'

/** Two server instances on one real redis-server (storage and fan-out), started for a test file. */
export interface TwoInstances {
  readonly redis: RedisServer
  readonly a: TestServer
  readonly b: TestServer
  /** clients to destroy when the file ends */
  readonly clients: SyncClient[]
}

/**
 * Starts a redis-server and two instances on it before the file's tests and stops everything
 * after them (clients first). Read the fields inside tests or hooks, not at module level.
 */
export function twoInstancesOnRedis(): TwoInstances {
  const state = { clients: [] as SyncClient[] } as { redis: RedisServer; a: TestServer; b: TestServer; clients: SyncClient[] }
  beforeAll(async () => {
    state.redis = await startRedis()
    const env = { STORAGE_URL: state.redis.url, REDIS_URL: state.redis.url }
    state.a = await startTestServer(env)
    state.b = await startTestServer(env)
  })
  afterAll(async () => {
    for (const c of state.clients) c.destroy()
    await state.a?.stop()
    await state.b?.stop()
    await state.redis?.stop()
  })
  return state
}
