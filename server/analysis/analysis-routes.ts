import { Hono } from 'hono'
import { analyse } from '../../shared/analysis/analyse.ts'
import type { BoardDocument } from '../../shared/schema/document.ts'
import { ID_PATTERN } from '../../shared/schema/fields.ts'
import { requireUser } from '../auth/authenticate.ts'
import { unwrap } from '../boards/board-routes.ts'
import type { BoardService } from '../boards/board-service.ts'
import type { AppEnv } from '../http/app-env.ts'
import { ApiError } from '../http/errors.ts'
import type { BoardContent } from '../sync/board-content.ts'

/** Reads a snapshot's board document, or null when the board has no such snapshot. */
export type LoadSnapshotContent = (boardId: string, snapshotId: string) => Promise<BoardDocument | null>

export interface AnalysisRouteOptions {
  /**
   * The seam for `?snapshot=<sid>`: snapshots live in `server/snapshots/`. Until it is
   * passed, a snapshot analysis answers 501 `not_implemented`.
   */
  loadSnapshotContent?: LoadSnapshotContent | undefined
}

/**
 * The board document the analysis of a board reads: the live board (from its room, like
 * `export/json`) or, with `snapshotId`, that snapshot's. `null`: the board has no such snapshot.
 * The one path for `GET /api/boards/:id/analysis` and a collection's compare and export.
 */
export async function boardDocumentAt(
  content: BoardContent,
  loadSnapshotContent: LoadSnapshotContent | undefined,
  board: { id: string; title: string },
  snapshotId: string | undefined,
): Promise<BoardDocument | null> {
  if (snapshotId === undefined) return content.exportDocument(board.id, { id: board.id, title: board.title })
  if (!loadSnapshotContent) throw new ApiError('not_implemented', 'The analysis of a snapshot is not available yet.')
  // a malformed id names no snapshot; it never reaches a storage key
  return ID_PATTERN.test(snapshotId) ? loadSnapshotContent(board.id, snapshotId) : null
}

/**
 * `GET /api/boards/:id/analysis[?snapshot=<sid>]` (viewer and up): `{indicators, matrix,
 * gaps}` of the live board, read from its room like `export/json`, or of a snapshot.
 */
export function analysisRoutes(boards: BoardService, content: BoardContent, options: AnalysisRouteOptions = {}) {
  return new Hono<AppEnv>().get('/:id/analysis', async (c) => {
    const board = unwrap(await boards.access(requireUser(c), c.req.param('id'), 'viewer'))
    const document = await boardDocumentAt(content, options.loadSnapshotContent, board, c.req.query('snapshot'))
    if (!document) throw new ApiError('snapshot_not_found')
    return c.json(analyse(document), 200, { 'Cache-Control': 'no-store' })
  })
}
