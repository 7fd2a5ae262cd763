import type { Storage } from 'unstorage'

export type StorageWarningCode = 'damaged_record' | 'damaged_piece'

/** Something stored that could not be read and was moved aside (never deleted). */
export interface StorageWarning {
  code: StorageWarningCode
  message: string
  /** the key it had (holds ids, never titles) */
  key: string
  /** where it is kept now: `quarantine:<key>:<ms>` (on fs: `DATA_DIR/quarantine/…`) */
  quarantinedAs: string
  /** ISO time it was moved aside */
  at: string
}

/** Keep the list bounded: a disk that corrupts everything must not grow memory without end. */
const MAX_WARNINGS = 100

/**
 * What went wrong with the stored data since this process opened its storage: `/healthz`
 * shows it. One per storage instance (`storageHealth(storage)`), so that the driver, the
 * update log and the HTTP app share it without being wired to each other.
 */
export class StorageHealth {
  readonly #warnings: StorageWarning[] = []
  #total = 0

  record(warning: StorageWarning): void {
    this.#total++
    this.#warnings.push(warning)
    if (this.#warnings.length > MAX_WARNINGS) this.#warnings.shift()
  }

  /** The latest warnings, oldest first. */
  warnings(): readonly StorageWarning[] {
    return this.#warnings
  }

  /** How many were recorded since start (the list keeps the latest MAX_WARNINGS). */
  get total(): number {
    return this.#total
  }
}

const registry = new WeakMap<Storage, StorageHealth>()

/** The health of a storage instance (created on first use). */
export function storageHealth(storage: Storage): StorageHealth {
  let health = registry.get(storage)
  if (!health) {
    health = new StorageHealth()
    registry.set(storage, health)
  }
  return health
}

/** Ties a health registry made before its storage (the driver needs it first) to that storage. */
export function attachStorageHealth(storage: Storage, health: StorageHealth): void {
  registry.set(storage, health)
}
