import { createHash } from 'node:crypto'
import { once } from 'node:events'
import { createReadStream, createWriteStream, promises as fsp } from 'node:fs'
import { createInterface } from 'node:readline'
import { createGunzip, createGzip, gunzipSync, gzipSync } from 'node:zlib'

/**
 * The backup file (docs/operations.md, "Backups and restore"): gzip'd NDJSON, one JSON object
 * a line —
 * 1. a header `{format: "refresh-board-backup", version: 1, createdAt, storage}`;
 * 2. one entry per stored key `{key, encoding: "utf8" | "base64", bytes, sha256, data}`: the
 *    value exactly as the store holds it (`utf8`: a text record, `base64`: binary — Yjs pieces,
 *    images, gzip'd snapshot bodies); `sha256` and `bytes` are those of the value's bytes;
 * 3. a trailer `{end: true, keys, sha256}`: the number of entries and the SHA-256 of their
 *    lines, so a file cut short or with a line added, dropped or changed is refused.
 * The file is written under a temporary name and renamed when complete.
 */
export const BACKUP_FORMAT = 'refresh-board-backup'
export const BACKUP_VERSION = 1

export interface BackupHeader {
  format: typeof BACKUP_FORMAT
  version: number
  createdAt: string
  /** the kind of store it was taken from: `fs`, `redis` or `memory` (never its address); `board-history` for one board's */
  storage: string
  /** a board's history (`GET /api/boards/:id/history`): the board it was taken from */
  board?: { id: string; title: string }
}

export interface BackupEntry {
  key: string
  encoding: 'utf8' | 'base64'
  bytes: number
  sha256: string
  data: string
}

export interface BackupTrailer {
  end: true
  keys: number
  sha256: string
}

/** A stored value as the backup holds it: text records as text, everything else as bytes. */
export type BackupValue = { text: string } | { bytes: Uint8Array }

export const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex')

export function entryOf(key: string, value: BackupValue): BackupEntry {
  const bytes = 'text' in value ? Buffer.from(value.text, 'utf8') : value.bytes
  return {
    key,
    encoding: 'text' in value ? 'utf8' : 'base64',
    bytes: bytes.byteLength,
    sha256: sha256(bytes),
    data: 'text' in value ? value.text : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64'),
  }
}

/** Writes a backup file entry by entry (with back-pressure); `close()` renames it into place. */
export class BackupWriter {
  readonly #file: string
  readonly #temp: string
  readonly #gzip = createGzip()
  readonly #out: ReturnType<typeof createWriteStream>
  readonly #linesHash = createHash('sha256')
  readonly #done: Promise<void>
  #keys = 0

  private constructor(file: string) {
    this.#file = file
    this.#temp = `${file}.${process.pid}.partial`
    this.#out = createWriteStream(this.#temp)
    this.#gzip.pipe(this.#out)
    this.#done = new Promise<void>((resolve, reject) => {
      this.#out.once('close', resolve)
      this.#out.once('error', reject)
      this.#gzip.once('error', reject)
    })
    // a failure surfaces through #line's awaits or close(); never as an unhandled rejection
    this.#done.catch(() => {})
  }

  static async open(file: string, header: Omit<BackupHeader, 'format' | 'version'>): Promise<BackupWriter> {
    const writer = new BackupWriter(file)
    await writer.#line(JSON.stringify({ format: BACKUP_FORMAT, version: BACKUP_VERSION, ...header } satisfies BackupHeader))
    return writer
  }

  get keys(): number {
    return this.#keys
  }

  async add(entry: BackupEntry): Promise<void> {
    const line = JSON.stringify(entry)
    this.#linesHash.update(line)
    this.#keys++
    await this.#line(line)
  }

  async close(): Promise<BackupTrailer> {
    const trailer: BackupTrailer = { end: true, keys: this.#keys, sha256: this.#linesHash.digest('hex') }
    await this.#line(JSON.stringify(trailer))
    this.#gzip.end()
    await this.#done
    await fsp.rename(this.#temp, this.#file)
    return trailer
  }

  /** Drops the unfinished file. */
  async abort(): Promise<void> {
    this.#gzip.destroy()
    this.#out.destroy()
    await fsp.rm(this.#temp, { force: true })
  }

  async #line(line: string): Promise<void> {
    if (!this.#gzip.write(`${line}\n`)) await Promise.race([once(this.#gzip, 'drain'), this.#done])
  }
}

export class BackupFileError extends Error {}

/**
 * Checks a backup line by line: `line()` returns each entry's key and value only after its own
 * checksum held; `finish()` returns header and trailer. Throws `BackupFileError` on the first
 * problem: not a backup, an unknown version, a malformed line, a value whose size or checksum
 * differs, a duplicate or unsafe key, a missing trailer or one that does not match the entries.
 */
export class BackupChecker {
  readonly #linesHash = createHash('sha256')
  readonly #seen = new Set<string>()
  #header: BackupHeader | null = null
  #trailer: BackupTrailer | null = null
  #n = 0

  get header(): BackupHeader | null {
    return this.#header
  }

  line(line: string): { key: string; value: BackupValue } | null {
    const n = ++this.#n
    if (line === '' && this.#trailer) return null
    if (this.#trailer) throw new BackupFileError(`line ${n}: content after the end of the backup`)
    const record = parse(line, n)
    if (!this.#header) {
      if (record.format !== BACKUP_FORMAT) throw new BackupFileError('not a Refresh Board backup (no header)')
      if (record.version !== BACKUP_VERSION)
        throw new BackupFileError(
          `backup format version ${String(record.version)} is not supported (this version reads ${BACKUP_VERSION})`,
        )
      this.#header = record as unknown as BackupHeader
      return null
    }
    if (record.end === true) {
      const trailer = record as unknown as BackupTrailer
      if (trailer.keys !== this.#seen.size)
        throw new BackupFileError(`the trailer counts ${trailer.keys} keys, the file holds ${this.#seen.size}`)
      if (trailer.sha256 !== this.#linesHash.digest('hex'))
        throw new BackupFileError('the entries do not match the trailer checksum')
      this.#trailer = trailer
      return null
    }
    this.#linesHash.update(line)
    const entry = record as unknown as BackupEntry
    if (typeof entry.key !== 'string' || !safeKey(entry.key)) throw new BackupFileError(`line ${n}: an unsafe or missing key`)
    if (this.#seen.has(entry.key)) throw new BackupFileError(`line ${n}: key ${entry.key} appears twice`)
    this.#seen.add(entry.key)
    if (typeof entry.data !== 'string' || (entry.encoding !== 'utf8' && entry.encoding !== 'base64'))
      throw new BackupFileError(`line ${n}: key ${entry.key} has no value`)
    const bytes = entry.encoding === 'utf8' ? Buffer.from(entry.data, 'utf8') : Buffer.from(entry.data, 'base64')
    if (bytes.byteLength !== entry.bytes || sha256(bytes) !== entry.sha256)
      throw new BackupFileError(`line ${n}: the value of ${entry.key} fails its checksum`)
    return { key: entry.key, value: entry.encoding === 'utf8' ? { text: entry.data } : { bytes: new Uint8Array(bytes) } }
  }

  finish(): { header: BackupHeader; trailer: BackupTrailer } {
    if (!this.#header) throw new BackupFileError('the file is empty')
    if (!this.#trailer) throw new BackupFileError('the backup is incomplete (no trailer): it was cut short')
    return { header: this.#header, trailer: this.#trailer }
  }
}

/**
 * Reads a backup file line by line, checking as it goes (`BackupChecker`); `onEntry` sees each
 * entry only after its own checksum held. Throws `BackupFileError` when the file is not gzip or
 * fails a check.
 */
export async function readBackupFile(
  file: string,
  onEntry: (key: string, value: BackupValue) => Promise<void> | void,
): Promise<{ header: BackupHeader; trailer: BackupTrailer }> {
  const input = createReadStream(file).pipe(createGunzip())
  const failed = new Promise<never>((_, reject) => {
    input.once('error', (error) => reject(new BackupFileError(`not a readable gzip file: ${error.message}`)))
  })
  failed.catch(() => {})
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })
  const checker = new BackupChecker()
  const read = async () => {
    for await (const line of lines) {
      const entry = checker.line(line)
      if (entry) await onEntry(entry.key, entry.value)
    }
    return checker.finish()
  }
  try {
    return await Promise.race([read(), failed])
  } finally {
    lines.close()
    input.destroy()
  }
}

/** A whole backup in memory (a board's history): header, entries, trailer, gzip'd. */
export function encodeBackup(header: Omit<BackupHeader, 'format' | 'version'>, entries: BackupEntry[]): Buffer {
  const hash = createHash('sha256')
  const lines = [JSON.stringify({ format: BACKUP_FORMAT, version: BACKUP_VERSION, ...header } satisfies BackupHeader)]
  for (const entry of entries) {
    const line = JSON.stringify(entry)
    hash.update(line)
    lines.push(line)
  }
  lines.push(JSON.stringify({ end: true, keys: entries.length, sha256: hash.digest('hex') } satisfies BackupTrailer))
  return gzipSync(`${lines.join('\n')}\n`)
}

/** Reads and checks a whole backup held in memory (`encodeBackup`); throws `BackupFileError`. */
export function decodeBackup(bytes: Uint8Array): { header: BackupHeader; entries: { key: string; value: BackupValue }[] } {
  let text: string
  try {
    text = gunzipSync(bytes).toString('utf8')
  } catch (error) {
    throw new BackupFileError(`not a readable gzip file: ${error instanceof Error ? error.message : String(error)}`)
  }
  const checker = new BackupChecker()
  const entries: { key: string; value: BackupValue }[] = []
  for (const line of text.split('\n')) {
    const entry = checker.line(line)
    if (entry) entries.push(entry)
  }
  return { header: checker.finish().header, entries }
}

function parse(line: string, n: number): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(line)
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>
  } catch {
    // reported below
  }
  throw new BackupFileError(`line ${n} is not a backup record`)
}

/** A key that stays inside the store on every driver (no `.`/`..` segments, no slashes). */
function safeKey(key: string): boolean {
  return (
    key.length > 0 &&
    key.length <= 1024 &&
    !/[/\\\0]/.test(key) &&
    key.split(':').every((s) => s !== '' && s !== '.' && s !== '..')
  )
}
