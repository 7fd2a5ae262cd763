import { Hono } from 'hono'
import { z } from 'zod'
import { requireUser } from '../auth/authenticate.ts'
import { unwrap } from '../boards/board-routes.ts'
import type { BoardService } from '../boards/board-service.ts'
import { requireBoardRole } from '../boards/require-board-role.ts'
import type { AppEnv } from '../http/app-env.ts'
import { ApiError } from '../http/errors.ts'
import { jsonBody } from '../http/json-body.ts'
import type { DocumentRef, SnapshotService } from './snapshot-service.ts'

export const SnapshotLabel = z.string().trim().min(1, 'must be 1–200 characters').max(200, 'must be 1–200 characters')
const CreateSnapshotBody = z.object({ label: SnapshotLabel })

const SNAPSHOT_ID = /^[A-Za-z0-9_-]{1,128}$/

/** `live` or a well-formed snapshot id from a query parameter; 400 when missing or malformed. */
export function documentRef(name: string, value: string | undefined): DocumentRef {
  if (value === undefined || value === '') throw new ApiError('bad_request', `Give ?${name}= a snapshot id or "live".`)
  if (value === 'live') return 'live'
  if (!SNAPSHOT_ID.test(value)) throw new ApiError('bad_request', `?${name}= must be a snapshot id or "live".`)
  return { snapshotId: value }
}

/** `/api/boards/:id/snapshots…` and `/api/boards/:id/diff` (CONTRACT.md). */
export function snapshotRoutes(boards: BoardService, snapshots: SnapshotService) {
  return new Hono<AppEnv>()
    .post('/:id/snapshots', requireBoardRole(boards, 'editor'), jsonBody(CreateSnapshotBody), async (c) => {
      const snapshot = unwrap(await snapshots.create(requireUser(c), c.req.param('id'), c.req.valid('json').label))
      return c.json({ snapshot }, 201)
    })
    .get('/:id/snapshots', async (c) => {
      const list = unwrap(await snapshots.list(requireUser(c), c.req.param('id')))
      return c.json({ snapshots: list }, 200)
    })
    .get('/:id/snapshots/:sid', async (c) => {
      const found = unwrap(await snapshots.get(requireUser(c), c.req.param('id'), c.req.param('sid')))
      return c.json(found, 200)
    })
    .post('/:id/snapshots/:sid/restore', async (c) => {
      const restored = unwrap(await snapshots.restore(requireUser(c), c.req.param('id'), c.req.param('sid')))
      return c.json(restored, 200)
    })
    .get('/:id/diff', async (c) => {
      const user = requireUser(c)
      const boardId = c.req.param('id')
      // role and board first: an outsider gets 404 whatever the query says
      unwrap(await boards.access(user, boardId, 'viewer'))
      const from = documentRef('from', c.req.query('from'))
      const to = documentRef('to', c.req.query('to'))
      return c.json(unwrap(await snapshots.diff(user, boardId, from, to)), 200)
    })
}
