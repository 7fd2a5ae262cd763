/**
 * Storage cannot be reached right now (Redis is down or reconnecting). Thrown at once instead
 * of waiting: the REST layer answers 503 `unavailable`, the update log keeps the update queued
 * and writes it once storage is back.
 */
export class StorageUnavailableError extends Error {
  override readonly name = 'StorageUnavailableError'
  constructor(message = 'storage is unreachable') {
    super(message)
  }
}

export function isStorageUnavailable(error: unknown): error is StorageUnavailableError {
  return error instanceof StorageUnavailableError
}
