import type { BoardDiff } from '../../../shared/diff/diff-documents.ts'
import type { BoardDocument } from '../../../shared/schema/document.ts'
import { request } from '../../api.ts'

/** A snapshot as `GET /api/boards/:id/snapshots` lists it (docs/exports.md). */
export interface Snapshot {
  id: string
  label: string
  createdAt: string
  createdBy: { id: string; displayName: string }
  elementCount: number
  /** key indicators of that moment; null when the analysis could not be read */
  indicators: Record<string, number | null> | null
  schemaVersion: number
  /** null until the server renders thumbnails; the panel then asks the PNG export route */
  thumbnailUrl: string | null
}

/** What a restore undid (counts), as the restore route answers. */
export interface RestoreResult {
  snapshot: Snapshot
  changes: { added: number; removed: number; changed: number }
}

/** `live` or a snapshot id: the two ends of a comparison. */
export type DocumentRef = 'live' | string

const segment = encodeURIComponent
const base = (boardId: string) => `/api/boards/${segment(boardId)}`

/** The snapshot endpoints (CONTRACT.md "HTTP API", docs/exports.md). */
export const snapshotApi = {
  list: (boardId: string, signal?: AbortSignal) =>
    request<{ snapshots: Snapshot[] }>('GET', `${base(boardId)}/snapshots`, undefined, signal),
  create: (boardId: string, label: string) => request<{ snapshot: Snapshot }>('POST', `${base(boardId)}/snapshots`, { label }),
  get: (boardId: string, snapshotId: string, signal?: AbortSignal) =>
    request<{ snapshot: Snapshot; content: BoardDocument }>(
      'GET',
      `${base(boardId)}/snapshots/${segment(snapshotId)}`,
      undefined,
      signal,
    ),
  restore: (boardId: string, snapshotId: string) =>
    request<RestoreResult>('POST', `${base(boardId)}/snapshots/${segment(snapshotId)}/restore`),
  diff: (boardId: string, from: DocumentRef, to: DocumentRef, signal?: AbortSignal) =>
    request<BoardDiff>('GET', `${base(boardId)}/diff?from=${segment(from)}&to=${segment(to)}`, undefined, signal),
}

/**
 * The thumbnail of a snapshot: the server's `thumbnailUrl` when it has one, else the PNG
 * export of the snapshot at a small scale (rendered on the server from the scene builder; a
 * row whose image fails shows a placeholder).
 */
export function thumbnailSrc(boardId: string, snapshot: Snapshot, scale = 0.25): string {
  return snapshot.thumbnailUrl ?? `${base(boardId)}/export/png?snapshot=${segment(snapshot.id)}&scale=${scale}`
}
