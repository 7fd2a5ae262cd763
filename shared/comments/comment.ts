import type * as Y from 'yjs'
import { z } from 'zod'
import { UrlSafeId } from '../schema/fields.ts'

/**
 * Comments on a board (docs/contract.md "Comments"): pinned to an element or to the board,
 * threaded, with mentions and resolve. They live in the board document's top-level map
 * `comments` — comment id → the comment as one plain value — written by the server alone (the
 * sync guard refuses any client's write there: `server_only`), so every client sees them live
 * on every instance and no one writes under another's name. Readers narrow with `Comment`: a
 * damaged value is left out.
 *
 * A thread is its first comment and the replies that name it in `threadId`; `resolved` and
 * `resolvedBy` are kept on the first comment (a reply's are always false / null).
 */

export const COMMENTS_MAP = 'comments'
export const MAX_COMMENT_CHARS = 4000

const userId = z.string().min(1).max(200)

export const Comment = z.object({
  id: UrlSafeId,
  /** the id of the thread's first comment (its own id for a first comment) */
  threadId: UrlSafeId,
  /** the element it is pinned to; null: the board as a whole */
  elementId: UrlSafeId.nullable(),
  authorId: userId,
  authorName: z.string().max(200),
  body: z.string().min(1).max(MAX_COMMENT_CHARS),
  /** the user ids of the board members it mentions (`@Display Name`), resolved by the server */
  mentions: z.array(userId).max(100),
  /** ISO 8601 */
  createdAt: z.string(),
  editedAt: z.string().nullable(),
  resolved: z.boolean(),
  resolvedBy: userId.nullable(),
})
export type Comment = z.infer<typeof Comment>

const CommentText = z
  .string({ error: 'must be text' })
  .trim()
  .min(1, { error: 'must not be empty' })
  .max(MAX_COMMENT_CHARS, { error: `must be at most ${MAX_COMMENT_CHARS} characters` })

/** `POST /api/boards/:id/comments`: a new thread (on an element or the board), or a reply (`threadId`). */
export const NewCommentBody = z.object({
  body: CommentText,
  elementId: UrlSafeId.nullable().optional(),
  threadId: UrlSafeId.optional(),
})
export type NewCommentBody = z.infer<typeof NewCommentBody>

/** `PATCH /api/boards/:id/comments/:cid`: the text (its author), resolved (a thread's first comment). */
export const PatchCommentBody = z
  .object({ body: CommentText.optional(), resolved: z.boolean({ error: 'must be true or false' }).optional() })
  .refine((patch) => patch.body !== undefined || patch.resolved !== undefined, {
    error: 'must change body or resolved',
  })
export type PatchCommentBody = z.infer<typeof PatchCommentBody>

export const getComments = (doc: Y.Doc): Y.Map<unknown> => doc.getMap<unknown>(COMMENTS_MAP)

/** Every valid comment of a board, oldest first (ties by id). */
export function readComments(doc: Y.Doc): Comment[] {
  const comments: Comment[] = []
  for (const [id, value] of getComments(doc).entries()) {
    const parsed = Comment.safeParse(value)
    if (parsed.success && parsed.data.id === id) comments.push(parsed.data)
  }
  return sortComments(comments)
}

export function sortComments(comments: readonly Comment[]): Comment[] {
  return [...comments].sort((a, b) =>
    a.createdAt === b.createdAt ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.createdAt < b.createdAt ? -1 : 1,
  )
}

export interface Thread {
  /** = the first comment's id */
  id: string
  elementId: string | null
  first: Comment
  replies: Comment[]
  resolved: boolean
  /** when the thread last had a comment (ISO 8601) */
  lastAt: string
}

/**
 * Comments grouped into threads, oldest thread first; replies oldest first. A reply whose first
 * comment is gone is left out (deleting a first comment deletes its thread).
 */
export function groupThreads(comments: readonly Comment[]): Thread[] {
  const sorted = sortComments(comments)
  const threads = new Map<string, Thread>()
  for (const comment of sorted)
    if (comment.threadId === comment.id)
      threads.set(comment.id, {
        id: comment.id,
        elementId: comment.elementId,
        first: comment,
        replies: [],
        resolved: comment.resolved,
        lastAt: comment.createdAt,
      })
  for (const comment of sorted) {
    if (comment.threadId === comment.id) continue
    const thread = threads.get(comment.threadId)
    if (!thread) continue
    thread.replies.push(comment)
    if (comment.createdAt > thread.lastAt) thread.lastAt = comment.createdAt
  }
  return [...threads.values()]
}

/** Open (unresolved) threads per element id (`null`: the board). */
export function openThreadCounts(threads: readonly Thread[]): Map<string | null, number> {
  const counts = new Map<string | null, number>()
  for (const thread of threads) if (!thread.resolved) counts.set(thread.elementId, (counts.get(thread.elementId) ?? 0) + 1)
  return counts
}

export interface Mentionable {
  userId: string
  displayName: string
}

/** A character that may follow a mention: the end, a space or punctuation — not a letter or digit. */
const endsMention = (next: string | undefined): boolean => next === undefined || !/[\p{L}\p{N}_]/u.test(next)

/**
 * Where `@Display Name` of a member stands in `text`: the longest name wins where two start
 * alike ("@Ana" and "@Ana Novak"), matched without regard to case; a mention ends where a
 * letter or digit does not follow. Spans in text order, not overlapping.
 */
export function mentionSpans(
  text: string,
  members: readonly Mentionable[],
): { start: number; end: number; userId: string; displayName: string }[] {
  const named = members.filter((m) => m.displayName.trim().length > 0).sort((a, b) => b.displayName.length - a.displayName.length)
  const lower = text.toLocaleLowerCase()
  const spans: { start: number; end: number; userId: string; displayName: string }[] = []
  let at = 0
  while (at < text.length) {
    const sign = text.indexOf('@', at)
    if (sign < 0) break
    // an e-mail address (name@host) is no mention
    if (sign > 0 && /[\p{L}\p{N}_.]/u.test(text[sign - 1] ?? '')) {
      at = sign + 1
      continue
    }
    const match = named.find((m) => {
      const name = m.displayName.toLocaleLowerCase()
      return lower.startsWith(name, sign + 1) && endsMention(text[sign + 1 + name.length])
    })
    if (match) {
      const end = sign + 1 + match.displayName.length
      spans.push({ start: sign, end, userId: match.userId, displayName: match.displayName })
      at = end
    } else at = sign + 1
  }
  return spans
}

/** The user ids `text` mentions, each once, in text order. */
export function mentionsIn(text: string, members: readonly Mentionable[]): string[] {
  return [...new Set(mentionSpans(text, members).map((span) => span.userId))]
}

/**
 * The mention being typed at `caret`: an `@` at the start or after a space, and what follows
 * it up to the caret (at most 40 characters, no line break). Null when the caret is not in one.
 */
export function mentionQueryAt(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret)
  const sign = before.lastIndexOf('@')
  if (sign < 0) return null
  if (sign > 0 && !/\s/u.test(before[sign - 1] ?? '')) return null
  const query = before.slice(sign + 1)
  if (query.length > 40 || /[\n\r]/.test(query)) return null
  return { start: sign, query }
}

/** Members whose name starts with `query` (or has a word that does), at most `limit`. */
export function mentionCandidates<M extends Mentionable>(members: readonly M[], query: string, limit = 6): M[] {
  const q = query.trim().toLocaleLowerCase()
  return members
    .filter((m) => {
      const name = m.displayName.toLocaleLowerCase()
      return q === '' || name.startsWith(q) || name.split(/\s+/).some((word) => word.startsWith(q))
    })
    .slice(0, limit)
}
