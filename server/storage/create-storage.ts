import { createStorage, type Storage } from 'unstorage'
import fsDriver from 'unstorage/drivers/fs'
import memoryDriver from 'unstorage/drivers/memory'
import redisDriver from 'unstorage/drivers/redis'

/**
 * Opens the unstorage instance named by STORAGE_URL: `fs:PATH`, `memory:` or
 * `redis://host:port/db`. Everything the server keeps (accounts, sessions, boards, invites,
 * update logs, snapshots) lives in it under fixed prefixes (see docs/architecture.md).
 */
export function openStorage(url: string): Storage {
  if (url === 'memory:' || url === 'memory') return createStorage({ driver: memoryDriver() })
  if (url.startsWith('fs:')) return createStorage({ driver: fsDriver({ base: url.slice(3) }) })
  if (url.startsWith('redis://') || url.startsWith('rediss://'))
    return createStorage({ driver: redisDriver({ url, base: 'rb' }) })
  throw new Error(`Unsupported STORAGE_URL "${url}": use fs:PATH, memory: or redis://host:port/db`)
}
