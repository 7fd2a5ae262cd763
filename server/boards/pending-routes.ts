import { type Context, Hono } from 'hono'
import type { Role } from '../../shared/schema/roles.ts'
import { requireUser } from '../auth/authenticate.ts'
import type { AppEnv } from '../http/app-env.ts'
import { ApiError } from '../http/errors.ts'
import { unwrap } from './board-routes.ts'
import type { BoardService } from './board-service.ts'

/** Exports that come with the scene builder; json, md and csv are served by server/export. */
const laterExportFormats = new Set(['png', 'svg', 'pdf'])

/**
 * Contract routes whose features come in later issues (png, svg and pdf exports).
 * They check the session and role first, so 401/404/403 are already right, then answer 501
 * `not_implemented`.
 */
export function pendingBoardRoutes(boards: BoardService) {
  const pending = (min: Role) =>
    async function notImplementedYet(c: Context<AppEnv>): Promise<Response> {
      unwrap(await boards.access(requireUser(c), c.req.param('id') ?? '', min))
      if (c.req.param('format') !== undefined && !laterExportFormats.has(c.req.param('format') ?? ''))
        throw new ApiError('not_found', 'Unknown export format: use json, md, csv, png, svg or pdf.')
      throw new ApiError('not_implemented')
    }
  return new Hono<AppEnv>().get('/:id/export/:format', pending('viewer'))
}
