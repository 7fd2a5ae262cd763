import { Hono } from 'hono'
import type { Storage } from 'unstorage'
import { isGuest } from '../access.ts'
import { requireSession, requireUser } from '../auth/authenticate.ts'
import { randomId } from '../auth/ids.ts'
import type { BoardService } from '../boards/board-service.ts'
import type { BoardRecord } from '../boards/board-store.ts'
import { requireBoardRole } from '../boards/require-board-role.ts'
import type { AppEnv } from '../http/app-env.ts'
import { ApiError } from '../http/errors.ts'
import type { BoardContent } from '../sync/board-content.ts'
import { BackupFileError } from './backup-file.ts'
import { exportHistory, readHistory } from './board-history.ts'

/**
 * A board's full history (docs/contract.md): `GET /api/boards/:id/history` (owner only) gives
 * its stored update log and states as one file; `POST /api/boards/import-history` (any account,
 * not a guest) makes a new board, owned by the caller, from such a file.
 */
export function historyRoutes(
  boards: BoardService,
  storage: Storage,
  content: BoardContent,
  options: { now?: () => Date; maxElements?: number } = {},
) {
  const now = options.now ?? (() => new Date())
  const maxElements = options.maxElements ?? Number.POSITIVE_INFINITY
  return new Hono<AppEnv>()
    .get('/:id/history', requireBoardRole(boards, 'owner'), async (c) => {
      const board = await boards.store.get(c.req.param('id'))
      if (!board) throw new ApiError('board_not_found')
      const file = await exportHistory(storage, content, { id: board.id, title: board.title }, now)
      return c.body(new Uint8Array(file).buffer as ArrayBuffer, 200, {
        'Content-Type': 'application/gzip',
        'Content-Disposition': `attachment; filename="board-${board.id}.history.ndjson.gz"`,
        'Cache-Control': 'no-store',
      })
    })
    .post('/import-history', requireSession(), async (c) => {
      const user = requireUser(c)
      if (isGuest(user)) throw new ApiError('forbidden', 'Guests cannot create boards; sign up for an account.')
      const bytes = new Uint8Array(await c.req.arrayBuffer())
      let history: ReturnType<typeof readHistory>
      try {
        history = readHistory(storage, bytes)
      } catch (error) {
        if (error instanceof BackupFileError)
          throw new ApiError('invalid_document', `Not a usable board history: ${error.message}`)
        throw error
      }
      // MAX_ELEMENTS_PER_BOARD holds for imported histories as for imported documents
      if (history.elements > maxElements)
        throw new ApiError(
          'payload_too_large',
          `The history's board holds ${history.elements} elements; this server takes boards of at most ${maxElements}.`,
        )
      const id = randomId()
      const stamp = now().toISOString()
      // content first: if it fails, no record points at a board without content
      await history.write(id)
      const record: BoardRecord = {
        id,
        title: history.title,
        ownerId: user.id,
        createdAt: stamp,
        updatedAt: stamp,
        site: history.site,
      }
      await boards.store.put(record)
      await boards.store.setRole(id, user.id, 'owner', now())
      return c.json({ board: { ...record, role: 'owner' } }, 201)
    })
}
