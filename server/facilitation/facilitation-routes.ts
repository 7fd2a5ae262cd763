import { Hono } from 'hono'
import { Ballot, FacilitationCommand } from '../../shared/facilitation/commands.ts'
import { requireUser } from '../auth/authenticate.ts'
import { unwrap } from '../boards/board-routes.ts'
import type { BoardService } from '../boards/board-service.ts'
import { requireBoardRole } from '../boards/require-board-role.ts'
import type { AppEnv } from '../http/app-env.ts'
import { jsonBody } from '../http/json-body.ts'
import type { FacilitationService } from './facilitation-service.ts'

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
    .put('/:id/vote', requireBoardRole(boards, 'editor'), jsonBody(Ballot), async (c) => {
      const view = unwrap(await facilitation.vote(requireUser(c), c.req.param('id'), c.req.valid('json')))
      return c.json({ facilitation: view }, 200)
    })
}
