import { Hono } from 'hono'
import { z } from 'zod'
import { Role } from '../../shared/schema/roles.ts'
import { requireUser } from '../auth/authenticate.ts'
import type { AppEnv } from '../http/app-env.ts'
import { jsonBody } from '../http/json-body.ts'
import { unwrap } from './board-routes.ts'
import type { BoardService } from './board-service.ts'
import type { MemberService } from './member-service.ts'
import { requireBoardRole } from './require-board-role.ts'

/** Any role may be asked for; the service answers 403 for `owner` (no one is made owner). */
const ChangeRoleBody = z.object({ role: Role })

/** `/api/boards/:id/members`: list (any member), change a role and remove (owner/facilitator). */
export function memberRoutes(members: MemberService, boards: BoardService) {
  return new Hono<AppEnv>()
    .get('/:id/members', async (c) => {
      const list = unwrap(await members.list(requireUser(c), c.req.param('id')))
      return c.json({ members: list }, 200)
    })
    .patch('/:id/members/:userId', requireBoardRole(boards, 'facilitator'), jsonBody(ChangeRoleBody), async (c) => {
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
