import type { Context } from 'hono'
import { Hono } from 'hono'
import { NewCommentBody, PatchCommentBody } from '../../shared/comments/comment.ts'
import { ID_PATTERN } from '../../shared/schema/fields.ts'
import { requireUser } from '../auth/authenticate.ts'
import { unwrap } from '../boards/board-routes.ts'
import type { BoardService } from '../boards/board-service.ts'
import { requireBoardRole } from '../boards/require-board-role.ts'
import type { AppEnv } from '../http/app-env.ts'
import { ApiError } from '../http/errors.ts'
import { jsonBody } from '../http/json-body.ts'
import { originOf } from '../invites/invite-routes.ts'
import type { CommentService } from './comment-service.ts'

/** The comment id of the path, checked: a malformed one is 404 like a missing one. */
function commentId(c: Context<AppEnv>): string {
  const id = c.req.param('cid') ?? ''
  if (!ID_PATTERN.test(id)) throw new ApiError('not_found', 'There is no such comment on this board.')
  return id
}

/**
 * `/api/boards/:id/comments` (docs/contract.md "Comments"): any member reads; reviewers and
 * above comment and resolve (a viewer 403 before the body is read); the service decides the
 * author's and facilitators' rights on one comment.
 */
export function commentRoutes(boards: BoardService, comments: CommentService, options: { publicOrigin?: string | undefined }) {
  const origin = (c: Context<AppEnv>) => originOf(c, options.publicOrigin)
  return new Hono<AppEnv>()
    .get('/:id/comments', async (c) => {
      const list = unwrap(await comments.list(requireUser(c), c.req.param('id')))
      return c.json({ comments: list }, 200)
    })
    .post('/:id/comments', requireBoardRole(boards, 'reviewer'), jsonBody(NewCommentBody), async (c) => {
      const comment = unwrap(await comments.create(requireUser(c), c.req.param('id'), c.req.valid('json'), origin(c)))
      return c.json({ comment }, 201)
    })
    .patch('/:id/comments/:cid', requireBoardRole(boards, 'reviewer'), jsonBody(PatchCommentBody), async (c) => {
      const comment = unwrap(
        await comments.update(requireUser(c), c.req.param('id'), commentId(c), c.req.valid('json'), origin(c)),
      )
      return c.json({ comment }, 200)
    })
    .delete('/:id/comments/:cid', requireBoardRole(boards, 'reviewer'), async (c) => {
      unwrap(await comments.remove(requireUser(c), c.req.param('id'), commentId(c)))
      return c.body(null, 204)
    })
}
