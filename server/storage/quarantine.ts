import type { Storage } from 'unstorage'
import type { StorageWarningCode } from './storage-health.ts'

/**
 * Damaged data is never deleted: it is moved to `quarantine:<original key>:<ms>` (on fs the
 * file `DATA_DIR/quarantine/<original path>/<ms>`, byte for byte), where an operator can
 * repair it and move it back by hand. Nothing the server lists ever looks under `quarantine:`.
 */
export const QUARANTINE_PREFIX = 'quarantine'

export const quarantineKey = (key: string, atMs: number, attempt = 0): string =>
  `${QUARANTINE_PREFIX}:${key}:${atMs}${attempt > 0 ? `-${attempt}` : ''}`

/** A free quarantine key for `key` (two moves of one key in one millisecond get apart). */
export async function freeQuarantineKey(has: (key: string) => Promise<boolean>, key: string, atMs: number): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    const candidate = quarantineKey(key, atMs, attempt)
    if (!(await has(candidate))) return candidate
  }
}

/** The parts of a stored piece's key: `docs:<boardId>:state|log:…` (pieces are the only binary docs keys checked). */
export const isPieceKey = (key: string): boolean => /^docs:[^:]+:(state|log):/.test(key)

/** What a board shows about its quarantined data. */
export interface BoardWarning {
  code: StorageWarningCode
  message: string
  at: string
}

const MESSAGES: Record<StorageWarningCode, string> = {
  damaged_piece:
    'A stored part of this board failed its check and was set aside; the board shows what the other parts hold. An administrator can restore it.',
  damaged_record:
    'A stored record of this board could not be read and was set aside; it was rebuilt from what is known. An administrator can restore it.',
}

export const warningMessage = (code: StorageWarningCode): string => MESSAGES[code]

/**
 * The board's quarantined data, read from the quarantine namespace (so it outlives a restart,
 * until an operator clears it): its pieces, its record, its members' and snapshots' records.
 * One warning per code, at the latest time.
 */
export async function boardWarnings(storage: Storage, boardId: string): Promise<BoardWarning[]> {
  const owned = [`docs:${boardId}:`, `boards:${boardId}:`, `members:${boardId}:`].map((p) => `${QUARANTINE_PREFIX}:${p}`)
  const latest = new Map<StorageWarningCode, number>()
  for (const key of await storage.getKeys(QUARANTINE_PREFIX)) {
    if (!owned.some((p) => key.startsWith(p))) continue
    const original = key.slice(QUARANTINE_PREFIX.length + 1, key.lastIndexOf(':'))
    const code: StorageWarningCode = isPieceKey(original) ? 'damaged_piece' : 'damaged_record'
    const atMs = Number(key.slice(key.lastIndexOf(':') + 1).split('-')[0])
    if (Number.isFinite(atMs)) latest.set(code, Math.max(latest.get(code) ?? 0, atMs))
  }
  return [...latest].map(([code, atMs]) => ({ code, message: warningMessage(code), at: new Date(atMs).toISOString() }))
}
