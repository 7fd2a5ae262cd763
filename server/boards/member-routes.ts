import { Hono, type MiddlewareHandler } from 'hono'
import { z } from 'zod'
import { Role } from '../../shared/schema/roles.ts'
import { requireUser } from '../auth/authenticate.ts'
import type { AppEnv } from '../http/app-env.ts'
import type { ErrorCode } from '../http/errors.ts'
import { jsonBody } from '../http/json-body.ts'
import { unwrap } from './board-routes.ts'
import type { MemberService } from './member-service.ts'

/** Any role may be asked for; the service answers 403 for `owner` (no one is made owner). */
const ChangeRoleBody = z.object({ role: Role })

/**
 * `/api/boards/:id/members` and `/api/collections/:id/members`: list (any member), change a role
 * and remove (owner/facilitator). `requireRole(min)`: the board's or collection's role check,
 * made before the body is read.
 */
export function memberRoutes<E extends ErrorCode>(
  members: MemberService<E>,
  requireRole: (min: Role) => MiddlewareHandler<AppEnv>,
) {
  return new Hono<AppEnv>()
    .get('/:id/members', async (c) => {
      const list = unwrap(await members.list(requireUser(c), c.req.param('id')))
      return c.json({ members: list }, 200)
    })
    .patch('/:id/members/:userId', requireRole('facilitator'), jsonBody(ChangeRoleBody), async (c) => {
      const { id, userId } = c.req.param()
      const member = unwrap(await members.changeRole(requireUser(c), id, userId, c.req.valid('json').role))
      return c.json({ member }, 200)
    })
    .delete('/:id/members/:userId', async (c) => {
      const { id, userId } = c.req.param()
      unwrap(await members.remove(requireUser(c), id, userId))
      return c.body(null, 204)
    })
}
