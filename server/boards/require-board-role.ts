import type { MiddlewareHandler } from 'hono'
import type { Role } from '../../shared/schema/roles.ts'
import { requireUser } from '../auth/authenticate.ts'
import type { AppEnv } from '../http/app-env.ts'
import { ApiError } from '../http/errors.ts'
import type { BoardService } from './board-service.ts'

/**
 * 401 without a session, 404 for a board the caller may not see, 403 when their role is
 * below `min` — checked before the body, so a viewer learns 403, not what the body should be.
 */
export function requireBoardRole(boards: BoardService, min: Role): MiddlewareHandler<AppEnv> {
  return async function requireBoardRoleMiddleware(c, next) {
    const result = await boards.access(requireUser(c), c.req.param('id') ?? '', min)
    if (!result.ok) throw new ApiError(result.error, result.message)
    await next()
  }
}
