import { type Context, Hono, type MiddlewareHandler } from 'hono'
import { AddSiteBody, CreateCollectionBody, PatchCollectionBody, ReviewBody } from '../../shared/collections/collection.ts'
import { exportLanguage } from '../../shared/export/markdown-text.ts'
import type { Role } from '../../shared/schema/roles.ts'
import { requireSession, requireUser } from '../auth/authenticate.ts'
import { unwrap } from '../boards/board-routes.ts'
import { attachment } from '../export/content-disposition.ts'
import { renderQueue } from '../export/render/render-queue.ts'
import { renderStrategy } from '../export/strategy/render-strategy.ts'
import { type StrategyFormat, strategyFormats } from '../export/strategy/strategy-input.ts'
import type { AppEnv } from '../http/app-env.ts'
import { ApiError } from '../http/errors.ts'
import { jsonBody } from '../http/json-body.ts'
import { CreateInviteBody, inviteView, isLoopbackOrigin, originOf } from '../invites/invite-routes.ts'
import type { InviteService } from '../invites/invite-service.ts'
import type { CollectionService } from './collection-service.ts'

/**
 * 401 without a session, 404 for a collection the caller may not see, 403 when their role is
 * below `min` — checked before the body is read.
 */
export function requireCollectionRole(collections: CollectionService, min: Role): MiddlewareHandler<AppEnv> {
  return async function requireCollectionRoleMiddleware(c, next) {
    const result = await collections.access(requireUser(c), c.req.param('id') ?? '', min)
    if (!result.ok) throw new ApiError(result.error, result.message)
    await next()
  }
}

const collectionParam = (c: Context<AppEnv>) => ({ collectionId: c.req.param('id') ?? '' })

/**
 * `/api/collections` (docs/contract.md, "Collections of sites"): create, list, read, change,
 * delete; sites; compare; reviews; invites. Members: `memberRoutes` with the collection scope.
 */
export function collectionRoutes(
  collections: CollectionService,
  invites: InviteService,
  options: { publicOrigin: string | undefined },
) {
  const role = (min: Role) => requireCollectionRole(collections, min)
  return new Hono<AppEnv>()
    .post('/', requireSession(), jsonBody(CreateCollectionBody), async (c) => {
      const collection = unwrap(await collections.create(requireUser(c), c.req.valid('json').title))
      return c.json({ collection }, 201)
    })
    .get('/', async (c) => c.json({ collections: await collections.list(requireUser(c)) }, 200))
    .get('/:id', async (c) => {
      const collection = unwrap(await collections.get(requireUser(c), c.req.param('id')))
      return c.json({ collection }, 200)
    })
    .patch('/:id', role('facilitator'), jsonBody(PatchCollectionBody), async (c) => {
      const collection = unwrap(await collections.update(requireUser(c), c.req.param('id'), c.req.valid('json')))
      return c.json({ collection }, 200)
    })
    .delete('/:id', async (c) => {
      unwrap(await collections.delete(requireUser(c), c.req.param('id')))
      return c.body(null, 204)
    })
    .put('/:id/boards/:boardId', role('facilitator'), jsonBody(AddSiteBody), async (c) => {
      const { id, boardId } = c.req.param()
      const collection = unwrap(await collections.addSite(requireUser(c), id, boardId, c.req.valid('json').snapshotId ?? null))
      return c.json({ collection }, 200)
    })
    .delete('/:id/boards/:boardId', async (c) => {
      const { id, boardId } = c.req.param()
      unwrap(await collections.removeSite(requireUser(c), id, boardId))
      return c.body(null, 204)
    })
    .get('/:id/compare', async (c) => {
      const result = unwrap(await collections.compare(requireUser(c), c.req.param('id')))
      return c.json(result, 200, { 'Cache-Control': 'no-store' })
    })
    .get('/:id/reviews', async (c) => {
      const reviews = unwrap(await collections.reviews(requireUser(c), c.req.param('id')))
      return c.json({ reviews }, 200)
    })
    .put('/:id/reviews/:boardId', role('reviewer'), jsonBody(ReviewBody), async (c) => {
      const { id, boardId } = c.req.param()
      const review = unwrap(await collections.putReview(requireUser(c), id, boardId, c.req.valid('json')))
      return c.json({ review }, 200)
    })
    .post('/:id/invites', role('facilitator'), jsonBody(CreateInviteBody), async (c) => {
      const invite = unwrap(await invites.create(requireUser(c), collectionParam(c), c.req.valid('json')))
      return c.json({ invite: inviteView(invite, originOf(c, options.publicOrigin)) }, 201)
    })
    .get('/:id/invites', async (c) => {
      const list = unwrap(await invites.list(requireUser(c), collectionParam(c)))
      const origin = originOf(c, options.publicOrigin)
      return c.json(
        { invites: list.map((i) => inviteView(i, origin)), links: { origin, isLoopback: isLoopbackOrigin(origin) } },
        200,
      )
    })
    .get('/:id/export/:format', async (c) => {
      const user = requireUser(c)
      const format = c.req.param('format')
      if (!strategyFormats.includes(format as StrategyFormat))
        throw new ApiError('not_found', `The regional strategy is exported as ${strategyFormats.join(', ')}.`)
      const input = unwrap(await collections.strategyInput(user, c.req.param('id')))
      // like a board's exports: ?lang=, else the caller's UI language, else English
      const language = exportLanguage(c.req.query('lang')) ?? user.language ?? 'en'
      // through the process's fair render queue, like a board's PDF: 429/503 with Retry-After when full
      const admission = renderQueue.enqueue(
        user.id,
        () => renderStrategy(input, format as StrategyFormat, language),
        c.req.raw.signal,
      )
      if (!admission.ok) {
        const { reason, message, retryAfterSeconds } = admission.refusal
        throw new ApiError(reason === 'user_busy' ? 'too_many_requests' : 'unavailable', message, {
          'Retry-After': String(retryAfterSeconds),
        })
      }
      const file = await admission.done.catch((error: unknown) => {
        // nobody waits for this answer any more; it is not a server error
        if (c.req.raw.signal.aborted) throw new ApiError('unavailable', 'The request was closed before its export was made.')
        throw error
      })
      return c.body(typeof file.body === 'string' ? file.body : new Uint8Array(file.body), 200, {
        'Content-Type': file.contentType,
        'Content-Disposition': attachment(input.collection.title, `.${file.extension}`),
        'Cache-Control': 'no-store',
      })
    })
    .delete('/:id/invites/:token', async (c) => {
      unwrap(await invites.revoke(requireUser(c), collectionParam(c), c.req.param('token')))
      return c.body(null, 204)
    })
}
