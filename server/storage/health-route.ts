import type { Context } from 'hono'
import type { Storage } from 'unstorage'
import { storageHealth } from './storage-health.ts'

/**
 * `GET /healthz`: always `200 {"status":"ok"}` while the process serves; when stored data was
 * quarantined since start, also `warnings` (code, message, key, quarantinedAs, at: ids only,
 * never titles) and `quarantinedSinceStart` (the list keeps the latest 100).
 */
export function healthz(storage: Storage) {
  const health = storageHealth(storage)
  return function healthzHandler(c: Context) {
    const warnings = health.warnings()
    if (warnings.length === 0) return c.json({ status: 'ok' }, 200)
    return c.json({ status: 'ok', warnings, quarantinedSinceStart: health.total }, 200)
  }
}
