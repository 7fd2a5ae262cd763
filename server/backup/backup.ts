import type { Storage } from 'unstorage'
import { type BackupTrailer, type BackupValue, BackupWriter, entryOf, readBackupFile } from './backup-file.ts'

/** A piece of a board's update log or a merged state (`server/storage/update-log.ts`). */
export const PIECE = /^docs:([A-Za-z0-9_-]{1,64}):(?:log|state):/

/** How often a board's pieces are listed again when compaction keeps removing them under us. */
const MAX_PASSES = 50

export interface BackupOptions {
  /**
   * The store's kind (`fs`, `redis`, `memory`). On `fs` every value reads as bytes, so a value
   * that is plain UTF-8 text is kept as text (a JSON record); on the others a value read as
   * bytes was written as bytes and stays binary.
   */
  kind: string
  now?: () => Date
}

export interface BackupSummary extends BackupTrailer {
  boards: number
  /** keys listed that were deleted before they could be read (and are not needed: see `takeBackup`) */
  vanished: number
}

/**
 * Writes every key of the store to `file` (format: `backup-file.ts`) while the server may be
 * running. What it guarantees:
 * - every value is one the store held at the moment it was read (each key is read atomically:
 *   `rename` on fs, one GET on Redis);
 * - every board's document is complete: each update that was stored before the backup began
 *   reading that board is in it. Compaction writes a merged state and only then deletes the
 *   pieces it covers, so when a listed piece has vanished by the time it is read, the state
 *   that replaced it already exists: the board's pieces are listed again and the new ones read,
 *   until one listing whose pieces were all read. Pieces are Yjs updates — idempotent and
 *   commutative — so a backup holding both a state and some of the pieces it covers loads as
 *   the same document;
 * - records are read key by key, not as one transaction: a change made while the backup runs
 *   (a new board, a member added, a session begun) may be in it or not, each record whole.
 * Sessions are kept (they are stored as hashes of their tokens, never the tokens): after a
 * restore people stay signed in. Open ballots, private-brainstorm notes and quarantined data are
 * kept too — the backup is every key.
 */
export async function takeBackup(storage: Storage, file: string, options: BackupOptions): Promise<BackupSummary> {
  const now = options.now ?? (() => new Date())
  const bytesMayBeText = options.kind === 'fs'
  const writer = await BackupWriter.open(file, { createdAt: now().toISOString(), storage: options.kind })
  try {
    const keys = (await storage.getKeys('')).sort()
    const boards = new Set<string>()
    let vanished = 0
    for (const key of keys) {
      const board = PIECE.exec(key)?.[1]
      if (board) {
        boards.add(board)
        continue
      }
      const value = await readValue(storage, key, bytesMayBeText)
      if (value) await writer.add(entryOf(key, value))
      else vanished++
    }
    for (const board of boards)
      vanished += await readBoardPieces(storage, board, (key, value) => writer.add(entryOf(key, value)), bytesMayBeText)
    const trailer = await writer.close()
    return { ...trailer, boards: boards.size, vanished }
  } catch (error) {
    await writer.abort()
    throw error
  }
}

/**
 * Hands every stored piece of a board to `onPiece`, consistently (see `takeBackup`): each
 * update stored before the call is in a piece handed over. Returns how many listed pieces had
 * vanished (compacted away) by the time they were read.
 */
export async function readBoardPieces(
  storage: Storage,
  board: string,
  onPiece: (key: string, value: BackupValue) => Promise<void>,
  bytesMayBeText = false,
): Promise<number> {
  const done = new Set<string>()
  let vanished = 0
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const pieces = (await storage.getKeys(`docs:${board}`)).filter((k) => PIECE.exec(k)?.[1] === board).sort()
    let missing = false
    for (const key of pieces) {
      if (done.has(key)) continue
      const value = await readValue(storage, key, bytesMayBeText)
      if (!value) {
        missing = true
        vanished++
        continue
      }
      done.add(key)
      await onPiece(key, value)
    }
    if (!missing) return vanished
  }
  throw new Error(`board ${board}: its stored pieces kept changing over ${MAX_PASSES} listings; try again`)
}

async function readValue(storage: Storage, key: string, bytesMayBeText: boolean): Promise<BackupValue | null> {
  const value: unknown = await storage.getItemRaw(key)
  if (value === null || value === undefined) return null
  if (typeof value === 'string') return { text: value }
  const bytes = value instanceof Uint8Array ? value : value instanceof ArrayBuffer ? new Uint8Array(value) : null
  if (!bytes) return { text: JSON.stringify(value) }
  if (bytesMayBeText) {
    const text = plainText(bytes)
    if (text !== null) return { text }
  }
  return { bytes: new Uint8Array(bytes) }
}

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

/** The bytes as text when they are UTF-8 without control characters (a JSON record or an index entry). */
function plainText(bytes: Uint8Array): string | null {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: that is the point
  const control = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/
  try {
    const text = decoder.decode(bytes)
    return control.test(text) ? null : text
  } catch {
    return null
  }
}

export class StoreNotEmptyError extends Error {}

export interface RestoreOptions {
  /** write into a store that already holds keys: every one of them is removed first */
  force?: boolean
}

export interface RestoreSummary {
  keys: number
  createdAt: string
  /** keys removed first (`force`) */
  removed: number
}

/**
 * Restores a backup into `storage`, which no server may be using (stop it first, or restore into
 * a fresh data directory). The whole file is read and checked first (format, every value's size
 * and SHA-256, the trailer); nothing is written unless all of it holds. A store that already
 * holds keys is refused (`StoreNotEmptyError`) unless `force`, which removes them before writing.
 */
export async function restoreBackup(storage: Storage, file: string, options: RestoreOptions = {}): Promise<RestoreSummary> {
  const { header } = await readBackupFile(file, () => {})
  const existing = await storage.getKeys('')
  if (existing.length > 0 && !options.force)
    throw new StoreNotEmptyError(
      `the target store is not empty (${existing.length} keys); restore into an empty store, or pass --force to replace everything in it`,
    )
  for (const key of existing) await storage.removeItem(key)
  const { trailer } = await readBackupFile(file, async (key, value) => {
    if ('text' in value) await storage.setItem(key, value.text)
    else await storage.setItemRaw(key, value.bytes)
  })
  return { keys: trailer.keys, createdAt: header.createdAt, removed: existing.length }
}

/** The kind of store a STORAGE_URL names, as written into a backup's header. */
export function storageKind(url: string): string {
  if (url.startsWith('fs:')) return 'fs'
  if (url.startsWith('redis://') || url.startsWith('rediss://')) return 'redis'
  return url.replace(/:.*$/, '')
}
