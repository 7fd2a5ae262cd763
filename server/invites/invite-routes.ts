import { type Context, Hono } from 'hono'
import { z } from 'zod'
import type { AuthService } from '../auth/auth-service.ts'
import { requireUser } from '../auth/authenticate.ts'
import { toPublicUser } from '../auth/public-user.ts'
import { DisplayName } from '../auth/routes.ts'
import { unwrap } from '../boards/board-routes.ts'
import type { BoardService } from '../boards/board-service.ts'
import { requireBoardRole } from '../boards/require-board-role.ts'
import type { AppEnv } from '../http/app-env.ts'
import { jsonBody } from '../http/json-body.ts'
import type { InviteService } from './invite-service.ts'
import { type InviteRecord, InviteRole } from './invite-store.ts'

export const CreateInviteBody = z.object({
  role: InviteRole,
  expiresInHours: z
    .number()
    .positive()
    .max(24 * 366)
    .optional(),
  maxUses: z.number().int().min(1).max(1_000_000).optional(),
})

const JoinBody = z.object({ displayName: DisplayName.optional() })

/** The public origin, or the one the request was sent to. */
export const originOf = (c: Context<AppEnv>, publicOrigin: string | undefined) => publicOrigin ?? new URL(c.req.url).origin

/** `localhost`, `*.localhost`, 127.0.0.0/8 and `[::1]`: addresses no other device reaches. */
export function isLoopbackOrigin(origin: string): boolean {
  const host = new URL(origin).hostname.toLowerCase()
  return host === 'localhost' || host.endsWith('.localhost') || /^127(\.\d{1,3}){3}$/.test(host) || host === '[::1]'
}

export const joinUrl = (origin: string, token: string) => `${origin}/join/${token}`

export const inviteView = (invite: InviteRecord, origin: string) => ({
  token: invite.token,
  url: joinUrl(origin, invite.token),
  role: invite.role,
  expiresAt: invite.expiresAt,
  maxUses: invite.maxUses,
  uses: invite.uses,
  createdAt: invite.createdAt,
})

/** `/api/boards/:id/invites`: mint, list, revoke (owner and facilitator). */
export function boardInviteRoutes(invites: InviteService, boards: BoardService, options: { publicOrigin: string | undefined }) {
  return new Hono<AppEnv>()
    .post('/:id/invites', requireBoardRole(boards, 'facilitator'), jsonBody(CreateInviteBody), async (c) => {
      const invite = unwrap(await invites.create(requireUser(c), c.req.param('id'), c.req.valid('json')))
      return c.json({ invite: inviteView(invite, originOf(c, options.publicOrigin)) }, 201)
    })
    .get('/:id/invites', async (c) => {
      const list = unwrap(await invites.list(requireUser(c), c.req.param('id')))
      const origin = originOf(c, options.publicOrigin)
      // links on a loopback origin open only on this computer: the dialog tells the facilitator
      return c.json(
        { invites: list.map((i) => inviteView(i, origin)), links: { origin, isLoopback: isLoopbackOrigin(origin) } },
        200,
      )
    })
    .delete('/:id/invites/:token', async (c) => {
      unwrap(await invites.revoke(requireUser(c), c.req.param('id'), c.req.param('token')))
      return c.body(null, 204)
    })
}

/** `/api/invites/:token` (what the link is) and `/api/invites/:token/join`: no session needed. */
export function joinRoutes(invites: InviteService, auth: AuthService) {
  return new Hono<AppEnv>()
    .get('/:token', async (c) => {
      const invite = unwrap(await invites.describe(c.req.param('token')))
      // the token is a secret of its holder: keep the answer out of shared caches
      c.header('Cache-Control', 'no-store')
      return c.json(invite, 200)
    })
    .post('/:token/join', jsonBody(JoinBody), async (c) => {
      const user = c.get('user')
      const token = c.get('sessionToken')
      const current = user && token ? { user, token } : null
      const joined = unwrap(await invites.join(c.req.param('token'), c.req.valid('json').displayName, current))
      c.set('user', joined.user)
      c.header('Set-Cookie', auth.sessions.cookie(joined.token), { append: true })
      const at =
        typeof joined.target === 'string' ? { board: { id: joined.target } } : { collection: { id: joined.target.collectionId } }
      return c.json({ ...at, user: toPublicUser(joined.user), token: joined.token }, 200)
    })
}
