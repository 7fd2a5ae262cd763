import type { Analysis } from '../../shared/analysis/types.ts'
import { type BoardDiff, diffDocuments } from '../../shared/diff/diff-documents.ts'
import { keyIndicators, looksLikeAnalysis } from '../../shared/export/analysis-view.ts'
import type { OperationErrorCode } from '../../shared/operations/operation-error.ts'
import type { BoardDocument } from '../../shared/schema/document.ts'
import { SCHEMA_VERSION } from '../../shared/schema/layout.ts'
import type { Role } from '../../shared/schema/roles.ts'
import type { SessionUser } from '../access.ts'
import { isUrlSafeId, randomId } from '../auth/ids.ts'
import { type AccessError, type BoardService, type BoardView, refusalCode } from '../boards/board-service.ts'
import type { AnalyseBoard } from '../export/analyse-board.ts'
import { fail, ok, type Result } from '../http/result.ts'
import type { BoardContent } from '../sync/board-content.ts'
import type { SnapshotMeta, SnapshotStore } from './snapshot-store.ts'

/** A snapshot as the API shows it. `thumbnailUrl` stays null until the scene builder renders PNGs. */
export type SnapshotView = SnapshotMeta & { thumbnailUrl: string | null }

export type SnapshotError = AccessError | 'snapshot_not_found' | 'payload_too_large'

/** `live`, or a snapshot id. */
export type DocumentRef = 'live' | { snapshotId: string }

/** A document and where it came from (for file names and the brief's heading). */
export interface ResolvedDocument {
  board: BoardView
  document: BoardDocument
  /** null for the live board */
  snapshot: SnapshotView | null
  /** stored with a snapshot (recomputed if the stored one is unreadable), computed for the live board */
  analysis: Analysis
}

const view = (meta: SnapshotMeta): SnapshotView => ({ ...meta, thumbnailUrl: null })

/**
 * Snapshots: the board document of a moment with its analysis, and what can be done with
 * them (list, read, compare, restore). Knows nothing of HTTP.
 */
export class SnapshotService {
  #lastStampMs = 0

  constructor(
    private readonly boards: BoardService,
    private readonly content: BoardContent,
    private readonly store: SnapshotStore,
    private readonly analyse: AnalyseBoard,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** A timestamp that rises within this process, so "newest first" holds for snapshots taken in one millisecond. */
  #stamp(): string {
    const ms = Math.max(this.now().getTime(), this.#lastStampMs + 1)
    this.#lastStampMs = ms
    return new Date(ms).toISOString()
  }

  async #live(board: BoardView): Promise<BoardDocument> {
    return this.content.exportDocument(board.id, { id: board.id, title: board.title })
  }

  /** Editor and up: stores the live board as it is now, with its analysis. */
  async create(user: SessionUser, boardId: string, label: string): Promise<Result<SnapshotView, AccessError>> {
    const access = await this.boards.access(user, boardId, 'editor')
    if (!access.ok) return access
    const content = await this.#live(access.value)
    const analysis = this.analyse(content)
    const meta: SnapshotMeta = {
      id: randomId(),
      label,
      createdAt: this.#stamp(),
      createdBy: { id: user.id, displayName: user.displayName },
      elementCount: content.elements.length,
      indicators: keyIndicators(analysis),
      schemaVersion: SCHEMA_VERSION,
    }
    await this.store.put(boardId, meta, { content, analysis })
    return ok(view(meta))
  }

  /** Viewer and up: every snapshot, newest first. */
  async list(user: SessionUser, boardId: string): Promise<Result<SnapshotView[], AccessError>> {
    const access = await this.boards.access(user, boardId, 'viewer')
    if (!access.ok) return access
    return ok((await this.store.list(boardId)).map(view))
  }

  /** Viewer and up: a snapshot with its content and stored analysis. */
  async get(
    user: SessionUser,
    boardId: string,
    snapshotId: string,
  ): Promise<Result<{ snapshot: SnapshotView; content: BoardDocument; analysis: Analysis }, SnapshotError>> {
    const resolved = await this.resolve(user, boardId, { snapshotId }, 'viewer')
    if (!resolved.ok) return resolved
    const { snapshot, document, analysis } = resolved.value
    return snapshot ? ok({ snapshot, content: document, analysis }) : fail('snapshot_not_found')
  }

  /**
   * The live board or a snapshot, for a caller with at least `min`. 404 (`board_not_found`)
   * before 403 before `snapshot_not_found`, so an outsider learns nothing about snapshots.
   */
  async resolve(
    user: SessionUser,
    boardId: string,
    ref: DocumentRef,
    min: Role,
  ): Promise<Result<ResolvedDocument, SnapshotError>> {
    const access = await this.boards.access(user, boardId, min)
    if (!access.ok) return access
    const board = access.value
    if (ref === 'live') {
      const document = await this.#live(board)
      return ok({ board, document, snapshot: null, analysis: this.analyse(document) })
    }
    if (!isUrlSafeId(ref.snapshotId)) return fail('snapshot_not_found')
    const [meta, body] = await Promise.all([this.store.meta(boardId, ref.snapshotId), this.store.body(boardId, ref.snapshotId)])
    if (!meta || !body) return fail('snapshot_not_found')
    const analysis = looksLikeAnalysis(body.analysis) ? body.analysis : this.analyse(body.content)
    return ok({ board, document: body.content, snapshot: view(meta), analysis })
  }

  /** Viewer and up: what changed from one state to another (`live` or snapshot ids). */
  async diff(user: SessionUser, boardId: string, from: DocumentRef, to: DocumentRef): Promise<Result<BoardDiff, SnapshotError>> {
    const before = await this.resolve(user, boardId, from, 'viewer')
    if (!before.ok) return before
    const after = await this.resolve(user, boardId, to, 'viewer')
    if (!after.ok) return after
    return ok(diffDocuments(before.value.document, after.value.document))
  }

  /**
   * Facilitator and up: makes the live board hold the snapshot's elements, site and settings,
   * as one new server transaction that reaches every connected client and the update log like
   * any edit; the history before it stays. `writeBoardDocument` deletes elements the snapshot
   * lacks, adds the missing ones, and for the rest writes only fields that differ and deletes
   * fields the snapshot lacks, so unchanged fields create no Yjs items. The board keeps its
   * current title (a title belongs to the board record, not to a workshop round); the record's
   * copy of the site profile follows the restored one.
   */
  async restore(
    user: SessionUser,
    boardId: string,
    snapshotId: string,
  ): Promise<Result<{ snapshot: SnapshotView; changes: { added: number; removed: number; changed: number } }, SnapshotError>> {
    const resolved = await this.resolve(user, boardId, { snapshotId }, 'facilitator')
    if (!resolved.ok) return resolved
    const { board, document, snapshot } = resolved.value
    if (!snapshot) return fail('snapshot_not_found')
    const changes = { added: 0, removed: 0, changed: 0 }
    let refused: { code: OperationErrorCode; message: string } | null = null
    // under the board's lock, like a PATCH: neither undoes the other's change (the title
    // written into the document is the record's as it is now, not as it was before the lock)
    await this.boards.store.exclusive(boardId, async () => {
      const record = await this.boards.store.get(boardId)
      const target: BoardDocument = { ...document, board: { id: board.id, title: record?.title ?? board.title } }
      const written = await this.content.apply(boardId, { type: 'board.replace', document: target }, { role: board.role })
      if (!written.ok) {
        refused = written.error
        return
      }
      changes.added = written.summary?.added ?? 0
      changes.removed = written.summary?.removed ?? 0
      changes.changed = written.summary?.changed ?? 0
      if (record) await this.boards.store.put({ ...record, site: target.site, updatedAt: this.now().toISOString() })
    })
    const refusal = refused as { code: OperationErrorCode; message: string } | null
    if (refusal !== null) return fail(refusalCode(refusal.code), refusal.message)
    return ok({ snapshot, changes })
  }
}
