import {
  type Comment,
  groupThreads,
  type Mentionable,
  mentionsIn,
  type NewCommentBody,
  type PatchCommentBody,
  readComments,
} from '../../shared/comments/comment.ts'
import { newElementId } from '../../shared/schema/ids.ts'
import { getElementMap } from '../../shared/schema/layout.ts'
import { canFacilitate } from '../../shared/schema/roles.ts'
import type { SessionUser } from '../access.ts'
import { KeyedLock } from '../auth/keyed-lock.ts'
import type { UserStore } from '../auth/user-store.ts'
import type { AccessError, BoardService } from '../boards/board-service.ts'
import { fail, ok, type Result } from '../http/result.ts'
import type { Logger } from '../logger.ts'
import type { Mailer } from '../mail/mailer.ts'
import type { BoardContent } from '../sync/board-content.ts'

export type CommentError = AccessError | 'validation_failed' | 'not_found' | 'payload_too_large'

export interface CommentMail {
  mailer: Mailer
  users: UserStore
  logger: Logger
  /** PUBLIC_ORIGIN, or null: then the request's own origin is used */
  origin: string | null
}

/**
 * Comments on boards (docs/contract.md "Comments"). They live in the board document's
 * `comments` map and only this service writes them — through `BoardContent.apply` (the
 * `comment.set` / `comment.delete` operations), so every client on every instance gets them as
 * an ordinary update. Who may do what: any member reads; reviewers and above write new
 * comments and resolve threads; only the author changes a text; the author, a facilitator or
 * the owner deletes (a thread's first comment: the whole thread).
 */
export class CommentService {
  readonly #lock = new KeyedLock()

  constructor(
    private readonly boards: BoardService,
    /** the board's members, for resolving `@Display Name` */
    private readonly membersOf: (boardId: string) => Promise<Mentionable[]>,
    private readonly content: BoardContent,
    private readonly mail: CommentMail | null,
    private readonly now: () => Date = () => new Date(),
    /** MAX_COMMENTS_PER_BOARD: comments (replies too) one board may hold */
    private readonly maxComments = Number.POSITIVE_INFINITY,
  ) {}

  async list(user: SessionUser, boardId: string): Promise<Result<Comment[], AccessError>> {
    const access = await this.boards.access(user, boardId, 'viewer')
    if (!access.ok) return access
    return ok(await this.content.read(boardId, readComments))
  }

  async create(
    user: SessionUser,
    boardId: string,
    input: NewCommentBody,
    /** where the board opens, for the mentioned people's e-mail */
    origin: string,
  ): Promise<Result<Comment, CommentError>> {
    const access = await this.boards.access(user, boardId, 'reviewer')
    if (!access.ok) return access
    const role = access.value.role
    const members = await this.membersOf(boardId)
    const created = await this.#lock.run(boardId, async (): Promise<Result<Comment, CommentError>> => {
      const existing = await this.content.read(boardId, readComments)
      // the comments live in the board document every client loads: it may not grow without end
      if (existing.length >= this.maxComments)
        return fail('payload_too_large', `This board holds ${existing.length} comments, as many as this server takes.`)
      let threadId: string | null = null
      let elementId: string | null = input.elementId ?? null
      if (input.threadId !== undefined) {
        const first = existing.find((c) => c.id === input.threadId)
        if (!first || first.threadId !== first.id)
          return fail('validation_failed', 'threadId must name the first comment of a thread on this board')
        if (input.elementId !== undefined && input.elementId !== first.elementId)
          return fail('validation_failed', 'a reply is pinned where its thread is: leave elementId out')
        threadId = first.id
        elementId = first.elementId
      } else if (elementId !== null) {
        const id = elementId
        if (!(await this.content.read(boardId, (doc) => getElementMap(doc, id) !== undefined)))
          return fail('validation_failed', `there is no element ${id} on this board`)
      }
      const id = newElementId()
      const comment: Comment = {
        id,
        threadId: threadId ?? id,
        elementId,
        authorId: user.id,
        authorName: user.displayName.slice(0, 200),
        body: input.body,
        mentions: mentionsIn(input.body, members),
        createdAt: this.now().toISOString(),
        editedAt: null,
        resolved: false,
        resolvedBy: null,
      }
      const written = await this.content.apply(boardId, { type: 'comment.set', comment }, { role })
      if (!written.ok) return fail('forbidden', written.error.message)
      return ok(comment)
    })
    if (created.ok) void this.#mailMentions(access.value.title, boardId, created.value, [], origin)
    return created
  }

  async update(
    user: SessionUser,
    boardId: string,
    commentId: string,
    patch: PatchCommentBody,
    origin: string,
  ): Promise<Result<Comment, CommentError>> {
    const access = await this.boards.access(user, boardId, 'reviewer')
    if (!access.ok) return access
    const role = access.value.role
    const members = patch.body !== undefined ? await this.membersOf(boardId) : []
    let before: string[] = []
    const updated = await this.#lock.run(boardId, async (): Promise<Result<Comment, CommentError>> => {
      const comment = (await this.content.read(boardId, readComments)).find((c) => c.id === commentId)
      if (!comment) return fail('not_found', 'There is no such comment on this board.')
      if (patch.body !== undefined && comment.authorId !== user.id)
        return fail('forbidden', 'Only its author may change the text of a comment.')
      if (patch.resolved !== undefined && comment.threadId !== comment.id)
        return fail('validation_failed', 'A thread is resolved at its first comment.')
      before = comment.mentions
      const next: Comment = { ...comment }
      if (patch.body !== undefined && patch.body !== comment.body) {
        next.body = patch.body
        next.mentions = mentionsIn(patch.body, members)
        next.editedAt = this.now().toISOString()
      }
      if (patch.resolved !== undefined && patch.resolved !== comment.resolved) {
        next.resolved = patch.resolved
        next.resolvedBy = patch.resolved ? user.id : null
      }
      const written = await this.content.apply(boardId, { type: 'comment.set', comment: next }, { role })
      if (!written.ok) return fail('forbidden', written.error.message)
      return ok(next)
    })
    if (updated.ok) void this.#mailMentions(access.value.title, boardId, updated.value, before, origin)
    return updated
  }

  async remove(user: SessionUser, boardId: string, commentId: string): Promise<Result<null, CommentError>> {
    const access = await this.boards.access(user, boardId, 'reviewer')
    if (!access.ok) return access
    const role = access.value.role
    return this.#lock.run(boardId, async () => {
      const comments = await this.content.read(boardId, readComments)
      const comment = comments.find((c) => c.id === commentId)
      if (!comment) return fail('not_found', 'There is no such comment on this board.')
      if (comment.authorId !== user.id && !canFacilitate(role))
        return fail('forbidden', 'Only its author, a facilitator or the owner may delete a comment.')
      // a thread's first comment takes its replies with it
      const ids =
        comment.threadId === comment.id
          ? [
              comment.id,
              ...(groupThreads(comments)
                .find((t) => t.id === comment.id)
                ?.replies.map((r) => r.id) ?? []),
            ]
          : [comment.id]
      const written = await this.content.apply(boardId, { type: 'comment.delete', ids }, { role })
      if (!written.ok) return fail('forbidden', written.error.message)
      return ok(null)
    })
  }

  /** A short e-mail to each account newly mentioned (not the author, not guests); failures are logged. */
  async #mailMentions(title: string, boardId: string, comment: Comment, before: readonly string[], origin: string) {
    if (!this.mail) return
    const { mailer, users, logger } = this.mail
    const link = `${this.mail.origin ?? origin}/boards/${encodeURIComponent(boardId)}`
    for (const userId of comment.mentions) {
      if (userId === comment.authorId || before.includes(userId)) continue
      try {
        const person = await users.get(userId)
        if (!person?.email) continue
        await mailer.send({
          to: person.email,
          subject: `${comment.authorName} mentioned you on “${title}”`,
          text: [
            `Hello ${person.displayName},`,
            '',
            `${comment.authorName} mentioned you in a comment on the board “${title}”:`,
            '',
            ...comment.body.split('\n').map((line) => `> ${line}`),
            '',
            `Open the board: ${link}`,
          ].join('\n'),
        })
      } catch (error) {
        logger.error('mention mail failed', { error: error instanceof Error ? error.message : String(error) })
      }
    }
  }
}
