import { createStorage, type Driver, type Storage } from 'unstorage'
import memoryDriver from 'unstorage/drivers/memory'
import { createLogger, type Logger } from '../logger.ts'
import { atomicFsDriver } from './atomic-fs-driver.ts'
import { guardDriver } from './guarded-driver.ts'
import { failFastRedisDriver } from './redis-driver.ts'
import { attachStorageHealth, StorageHealth } from './storage-health.ts'

export interface OpenStorageOptions {
  /** where quarantined records are reported; default: warnings and errors on stdout */
  logger?: Logger
}

/**
 * Opens the unstorage instance named by STORAGE_URL: `fs:PATH`, `memory:` or
 * `redis://host:port/db` (failing fast while Redis is down: `redis-driver.ts`). Everything the server keeps (accounts, sessions, boards, invites,
 * update logs, snapshots) lives in it under fixed prefixes (see docs/architecture.md).
 * Every driver is guarded (`guarded-driver.ts`: writes of one key in order, damaged JSON
 * records quarantined); on fs each write replaces its file atomically (`atomic-fs-driver.ts`).
 * `storageHealth(storage)` reports what was quarantined.
 */
export function openStorage(url: string, options: OpenStorageOptions = {}): Storage {
  const health = new StorageHealth()
  const logger = (options.logger ?? createLogger('warn')).child({ component: 'storage' })
  const storage = createStorage({ driver: guardDriver(driverFor(url, logger), { health, logger }) })
  attachStorageHealth(storage, health)
  return storage
}

function driverFor(url: string, logger: Logger): Driver {
  if (url === 'memory:' || url === 'memory') return memoryDriver()
  if (url.startsWith('fs:')) return atomicFsDriver({ base: url.slice(3) })
  if (url.startsWith('redis://') || url.startsWith('rediss://')) return failFastRedisDriver(url, logger)
  throw new Error(`Unsupported STORAGE_URL "${url}": use fs:PATH, memory: or redis://host:port/db`)
}
