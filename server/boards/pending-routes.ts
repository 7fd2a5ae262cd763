import { type Context, Hono } from 'hono'
import type { Role } from '../../shared/schema/roles.ts'
import { requireUser } from '../auth/authenticate.ts'
import type { AppEnv } from '../http/app-env.ts'
import { ApiError } from '../http/errors.ts'
import { unwrap } from './board-routes.ts'
import type { BoardService } from './board-service.ts'

/**
 * What is left of the routes that waited for later issues: every export format (json, md,
 * csv, png, svg, pdf) is served by server/export now, so an export path that reaches this
 * route names an unknown format. It checks the session and role first, so an outsider gets
 * 404 `board_not_found` (learning nothing about the board) before anyone gets 404
 * `not_found` for the format.
 */
export function pendingBoardRoutes(boards: BoardService) {
  const unknownFormat = (min: Role) =>
    async function unknownExportFormat(c: Context<AppEnv>): Promise<Response> {
      unwrap(await boards.access(requireUser(c), c.req.param('id') ?? '', min))
      throw new ApiError('not_found', 'Unknown export format: use json, md, csv, png, svg or pdf.')
    }
  return new Hono<AppEnv>().get('/:id/export/:format', unknownFormat('viewer'))
}
