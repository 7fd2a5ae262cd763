import type { Driver, TransactionOptions } from 'unstorage'
import { KeyedLock } from '../auth/keyed-lock.ts'
import type { Logger } from '../logger.ts'
import { freeQuarantineKey } from './quarantine.ts'
import type { StorageHealth } from './storage-health.ts'

export interface GuardOptions {
  health: StorageHealth
  logger: Logger
  now?: () => number
}

/**
 * Wraps any unstorage driver so that
 * - writes and removals of one key run one after another, in the order they were asked for
 *   (the last write asked for is the one that stays; two never interleave);
 * - a JSON record that no longer parses (empty, or cut off) is moved to
 *   `quarantine:<key>:<ms>` byte for byte, logged and counted, and read as absent: it is never
 *   deleted, and nothing is written over it.
 * `getItems`/`setItems` are left out on purpose: unstorage then goes key by key through the
 * guarded methods.
 */
export function guardDriver(inner: Driver, options: GuardOptions): Driver {
  const lock = new KeyedLock()
  const now = options.now ?? Date.now
  const none: TransactionOptions = {}
  const readRaw = (key: string) => (inner.getItemRaw ? inner.getItemRaw(key, none) : inner.getItem(key, none))

  /** Under the key's lock: looks again (a write may have fixed it meanwhile), then moves it aside. */
  const quarantine = (key: string) =>
    lock.run(key, async () => {
      const current = await inner.getItem(key, none)
      if (!isDamagedJson(current)) return current
      const raw = await readRaw(key)
      const atMs = now()
      const aside = await freeQuarantineKey(async (k) => !!(await inner.hasItem(k, none)), key, atMs)
      if (inner.setItemRaw && inner.getItemRaw) await inner.setItemRaw(aside, raw, none)
      else await inner.setItem?.(aside, String(current), none)
      await inner.removeItem?.(key, none)
      options.health.record({
        code: 'damaged_record',
        message: 'A stored record could not be parsed; it was moved to quarantine and reads as absent.',
        key,
        quarantinedAs: aside,
        at: new Date(atMs).toISOString(),
      })
      options.logger.error('quarantined a damaged stored record', { key, quarantinedAs: aside, bytes: byteLength(raw) })
      return null
    })

  const guarded: Driver = {
    name: `guarded-${inner.name ?? 'driver'}`,
    options: inner.options,
    hasItem: (key, opts) => inner.hasItem(key, opts),
    async getItem(key, opts) {
      const value = await inner.getItem(key, opts)
      return isDamagedJson(value) ? quarantine(key) : value
    },
    getKeys: (base, opts) => inner.getKeys(base, opts),
    setItem: (key, value, opts) => lock.run(key, async () => inner.setItem?.(key, value, opts)),
    removeItem: (key, opts) => lock.run(key, async () => inner.removeItem?.(key, opts)),
  }
  if (inner.flags) guarded.flags = inner.flags
  if (inner.getItemRaw) {
    const getRaw = inner.getItemRaw
    guarded.getItemRaw = (key, opts) => getRaw(key, opts)
  }
  if (inner.setItemRaw) {
    const setRaw = inner.setItemRaw
    guarded.setItemRaw = (key, value, opts) => lock.run(key, async () => setRaw(key, value, opts))
  }
  if (inner.getMeta) guarded.getMeta = inner.getMeta
  if (inner.clear) guarded.clear = inner.clear
  if (inner.dispose) guarded.dispose = inner.dispose
  if (inner.watch) guarded.watch = inner.watch
  if (inner.getInstance) guarded.getInstance = inner.getInstance
  return guarded
}

/**
 * A value read as text that should have been a JSON record and is not: empty (a write cut off
 * before its first byte), or an object/array that does not parse (cut off later). Plain strings
 * (an email index entry holds a bare id) and numbers are left alone.
 */
export function isDamagedJson(value: unknown): boolean {
  if (typeof value !== 'string') return false
  const text = value.trim()
  if (text === '') return true
  if (text[0] !== '{' && text[0] !== '[') return false
  try {
    JSON.parse(text)
    return false
  } catch {
    return true
  }
}

function byteLength(value: unknown): number | undefined {
  if (value instanceof Uint8Array) return value.byteLength
  if (typeof value === 'string') return Buffer.byteLength(value)
  return undefined
}
