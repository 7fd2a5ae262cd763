import { promisify } from 'node:util'
import { gunzip, gzip } from 'node:zlib'
import type { Storage } from 'unstorage'
import { z } from 'zod'
import { type BoardDocument, parseBoardDocument } from '../../shared/schema/document.ts'
import { isUrlSafeId } from '../auth/ids.ts'
import { assertBoardId } from '../storage/update-log.ts'

const gzipAsync = promisify(gzip)
const gunzipAsync = promisify(gunzip)

/** What the list shows of a snapshot, stored as its index entry. */
export const SnapshotMeta = z.object({
  id: z.string(),
  label: z.string(),
  createdAt: z.string(),
  createdBy: z.object({ id: z.string(), displayName: z.string() }),
  elementCount: z.number().int().nonnegative(),
  /** Key indicators of the moment (indicator key → value), null without an analysis. */
  indicators: z.record(z.string(), z.number().nullable()).nullable(),
  /** The Yjs layout version the content was read under (for future migrations of stored snapshots). */
  schemaVersion: z.number().int().positive(),
})
export type SnapshotMeta = z.infer<typeof SnapshotMeta>

/** The stored body: the board document of the moment and the analysis of the moment. */
export interface SnapshotBody {
  content: BoardDocument
  /** `analyse(content)` when the snapshot was taken (unknown when read back: check it before use). */
  analysis: unknown
}

const StoredBody = z.object({ content: z.unknown(), analysis: z.unknown().optional() })

/**
 * Snapshots of a board, in the board's own storage namespace so that deleting the board
 * deletes them (`UpdateLog.destroy` removes everything under `docs:<boardId>:`):
 *
 * - `docs:<boardId>:snapshots:<sid>`: the body, gzip-compressed JSON `{content, analysis}`
 *   (raw bytes; base64 on the Redis driver);
 * - `docs:<boardId>:snapshot-index:<sid>`: its index entry (`SnapshotMeta`, JSON), written
 *   after the body, so an entry never points at a missing body. One key per snapshot (not
 *   one index document) so that two snapshots taken at once, even on two instances, cannot
 *   overwrite each other's entry.
 */
export class SnapshotStore {
  readonly #storage: Storage
  constructor(storage: Storage) {
    this.#storage = storage
  }

  #bodyKey(boardId: string, id: string): string {
    assertBoardId(boardId)
    return `docs:${boardId}:snapshots:${id}`
  }
  #indexBase(boardId: string): string {
    assertBoardId(boardId)
    return `docs:${boardId}:snapshot-index`
  }

  async put(boardId: string, meta: SnapshotMeta, body: SnapshotBody): Promise<void> {
    if (!isUrlSafeId(meta.id)) throw new Error('invalid snapshot id')
    const json = JSON.stringify({ content: body.content, analysis: body.analysis ?? null })
    await this.#storage.setItemRaw(this.#bodyKey(boardId, meta.id), new Uint8Array(await gzipAsync(json)))
    await this.#storage.setItem(`${this.#indexBase(boardId)}:${meta.id}`, meta)
  }

  /** Every index entry of the board, newest first (ties by id, so the order is total). */
  async list(boardId: string): Promise<SnapshotMeta[]> {
    const base = `${this.#indexBase(boardId)}:`
    const keys = (await this.#storage.getKeys(base)).filter((key) => key.startsWith(base))
    const metas: SnapshotMeta[] = []
    for (const key of keys) {
      const parsed = SnapshotMeta.safeParse(await this.#storage.getItem(key))
      if (parsed.success) metas.push(parsed.data)
    }
    return metas.sort((a, b) => (a.createdAt !== b.createdAt ? (a.createdAt < b.createdAt ? 1 : -1) : a.id < b.id ? 1 : -1))
  }

  async meta(boardId: string, id: string): Promise<SnapshotMeta | null> {
    if (!isUrlSafeId(id)) return null
    const parsed = SnapshotMeta.safeParse(await this.#storage.getItem(`${this.#indexBase(boardId)}:${id}`))
    return parsed.success ? parsed.data : null
  }

  /** The stored body, parsed again (stored data is input too); null when missing or unreadable. */
  async body(boardId: string, id: string): Promise<SnapshotBody | null> {
    if (!isUrlSafeId(id)) return null
    const bytes = toBytes(await this.#storage.getItemRaw(this.#bodyKey(boardId, id)))
    if (!bytes) return null
    let stored: unknown
    try {
      stored = JSON.parse((await gunzipAsync(bytes)).toString('utf8'))
    } catch {
      return null
    }
    const shape = StoredBody.safeParse(stored)
    if (!shape.success) return null
    const content = parseBoardDocument(shape.data.content)
    return content.ok ? { content: content.value, analysis: shape.data.analysis ?? null } : null
  }
}

/** unstorage drivers return Buffers, Uint8Arrays or (Redis) base64 strings for raw values. */
function toBytes(value: unknown): Uint8Array | null {
  if (value instanceof Uint8Array) return value
  if (value instanceof ArrayBuffer) return new Uint8Array(value)
  if (typeof value === 'string' && value.length > 0) return Uint8Array.from(Buffer.from(value, 'base64'))
  return null
}
