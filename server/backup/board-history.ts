import type { Storage } from 'unstorage'
import * as Y from 'yjs'
import { readBoardDocument } from '../../shared/schema/convert.ts'
import { parseBoardDocument } from '../../shared/schema/document.ts'
import { readTitle } from '../../shared/schema/layout.ts'
import { framePiece, unframePiece } from '../storage/piece.ts'
import { assertBoardId } from '../storage/update-log.ts'
import type { BoardContent } from '../sync/board-content.ts'
import { PIECE, readBoardPieces } from './backup.ts'
import { BackupFileError, type BackupValue, decodeBackup, encodeBackup, entryOf } from './backup-file.ts'

export const HISTORY_KIND = 'board-history'

/**
 * One board's full history as a file (`GET /api/boards/:id/history`): the backup format
 * (`backup-file.ts`) holding only the board's stored pieces — its update log and compacted
 * states, as stored, read as consistently as a backup reads them — plus the live document's
 * state as one more piece, so that an update not yet written is in it too. The board's JSON
 * export holds only the current elements; this holds every update the store kept (deleted
 * elements included, until compaction merged them away).
 */
export async function exportHistory(
  storage: Storage,
  content: BoardContent,
  board: { id: string; title: string },
  now: () => Date = () => new Date(),
): Promise<Buffer> {
  assertBoardId(board.id)
  const entries: ReturnType<typeof entryOf>[] = []
  await readBoardPieces(storage, board.id, async (key, value) => {
    entries.push(entryOf(key, value))
  })
  const live = await content.read(board.id, (doc) => Y.encodeStateAsUpdate(doc))
  const liveKey = `docs:${board.id}:state:${String(now().getTime() * 1000).padStart(16, '0')}-export`
  if (!entries.some((e) => e.key === liveKey)) entries.push(entryOf(liveKey, { bytes: framePiece(live) }))
  return encodeBackup({ createdAt: now().toISOString(), storage: HISTORY_KIND, board }, entries)
}

export interface ImportedHistory {
  title: string
  site: ReturnType<typeof readBoardDocument>['document']['site']
  /** how many elements the board holds */
  elements: number
  /** writes the pieces as the new board's (call once the new id is settled) */
  write(boardId: string): Promise<void>
}

/**
 * Checks a history file (`exportHistory`) completely before anything is written: the file's
 * checksums, that it is one board's history and nothing else, that every piece passes its
 * frame check and applies, that together they leave nothing pending (no update missing), and
 * that the result is a valid board document. Throws `BackupFileError` with the reason.
 */
export function readHistory(storage: Storage, bytes: Uint8Array): ImportedHistory {
  const { header, entries } = decodeBackup(bytes)
  const source = header.board?.id
  if (header.storage !== HISTORY_KIND || typeof source !== 'string')
    throw new BackupFileError('this is not a board history (a full backup is restored with npm run restore)')
  const pieces: { rest: string; framed: Uint8Array }[] = []
  const doc = new Y.Doc({ gc: true })
  for (const { key, value } of entries) {
    if (PIECE.exec(key)?.[1] !== source || !('bytes' in value))
      throw new BackupFileError(`${key} is not a piece of board ${source}`)
    const piece = unframePiece((value as Extract<BackupValue, { bytes: Uint8Array }>).bytes)
    if (!piece.ok) throw new BackupFileError(`${key} fails its check (${piece.reason})`)
    try {
      Y.applyUpdate(doc, piece.update)
    } catch (error) {
      throw new BackupFileError(`${key} is not a Yjs update: ${String(error)}`)
    }
    pieces.push({ rest: key.slice(`docs:${source}:`.length), framed: framePiece(piece.update) })
  }
  if (pieces.length === 0) throw new BackupFileError('the history holds no updates')
  if (doc.store.pendingStructs || doc.store.pendingDs)
    throw new BackupFileError('the history is incomplete: some updates are missing')
  const title = readTitle(doc)?.trim() || header.board?.title?.trim() || 'Imported board'
  const { document, issues } = readBoardDocument(doc, { id: source, title })
  if (issues.length > 0) throw new BackupFileError(`the history holds ${issues.length} unreadable elements`)
  const parsed = parseBoardDocument(document)
  if (!parsed.ok) throw new BackupFileError(parsed.error.message)
  return {
    title: title.slice(0, 200),
    site: document.site,
    elements: document.elements.length,
    async write(boardId) {
      assertBoardId(boardId)
      for (const { rest, framed } of pieces) await storage.setItemRaw(`docs:${boardId}:${rest}`, framed)
    },
  }
}
