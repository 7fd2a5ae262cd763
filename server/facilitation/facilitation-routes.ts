import { Hono } from 'hono'
import { Ballot, FacilitationCommand } from '../../shared/facilitation/commands.ts'
import { ID_PATTERN } from '../../shared/schema/fields.ts'
import { requireUser } from '../auth/authenticate.ts'
import { unwrap } from '../boards/board-routes.ts'
import type { BoardService } from '../boards/board-service.ts'
import { requireBoardRole } from '../boards/require-board-role.ts'
import type { AppEnv } from '../http/app-env.ts'
import { ApiError } from '../http/errors.ts'
import { jsonBody } from '../http/json-body.ts'
import type { FacilitationService } from './facilitation-service.ts'
import { PrivateNoteBody } from './private-notes.ts'

/** `/api/boards/:id/facilitation` and `/api/boards/:id/vote` (CONTRACT.md "Facilitation"). */
export function facilitationRoutes(boards: BoardService, facilitation: FacilitationService) {
  return new Hono<AppEnv>()
    .get('/:id/facilitation', async (c) => {
      const view = unwrap(await facilitation.view(requireUser(c), c.req.param('id')))
      return c.json({ facilitation: view }, 200)
    })
    .post('/:id/facilitation', requireBoardRole(boards, 'facilitator'), jsonBody(FacilitationCommand), async (c) => {
      const view = unwrap(await facilitation.command(requireUser(c), c.req.param('id'), c.req.valid('json')))
      return c.json({ facilitation: view }, 200)
    })
    .get('/:id/private-notes', async (c) => {
      const notes = unwrap(await facilitation.listPrivateNotes(requireUser(c), c.req.param('id')))
      return c.json({ notes }, 200)
    })
    .put('/:id/private-notes/:noteId', requireBoardRole(boards, 'editor'), jsonBody(PrivateNoteBody), async (c) => {
      const noteId = c.req.param('noteId')
      if (!ID_PATTERN.test(noteId))
        throw new ApiError('bad_request', 'The note id must be 1–64 characters of A–Z, a–z, 0–9, "_" or "-".')
      const note = unwrap(await facilitation.putPrivateNote(requireUser(c), c.req.param('id'), noteId, c.req.valid('json')))
      return c.json({ note }, 200)
    })
    .delete('/:id/private-notes/:noteId', requireBoardRole(boards, 'editor'), async (c) => {
      unwrap(await facilitation.deletePrivateNote(requireUser(c), c.req.param('id'), c.req.param('noteId')))
      return c.body(null, 204)
    })
    .put('/:id/vote', requireBoardRole(boards, 'editor'), jsonBody(Ballot), async (c) => {
      const view = unwrap(await facilitation.vote(requireUser(c), c.req.param('id'), c.req.valid('json')))
      return c.json({ facilitation: view }, 200)
    })
}
