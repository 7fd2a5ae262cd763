import { type Accessor, createSignal, onCleanup } from 'solid-js'
import type * as Y from 'yjs'
import {
  type Comment,
  getComments,
  groupThreads,
  type Mentionable,
  type NewCommentBody,
  type PatchCommentBody,
  readComments,
  type Thread,
} from '../../shared/comments/comment.ts'
import { request } from '../api.ts'

/**
 * The comments of one open board: read live from the document's `comments` map (the server
 * writes it; every client gets each change as an ordinary update) and written through REST
 * (docs/contract.md "Comments"). Call inside a reactive owner.
 */
export interface CommentsStore {
  readonly comments: Accessor<readonly Comment[]>
  readonly threads: Accessor<readonly Thread[]>
  /** the board's members, for `@` mentions (loaded on first use) */
  readonly members: Accessor<readonly Mentionable[]>
  loadMembers(): Promise<void>
  create(body: NewCommentBody): Promise<Comment>
  update(id: string, patch: PatchCommentBody): Promise<Comment>
  remove(id: string): Promise<void>
}

export function createCommentsStore(doc: Y.Doc, boardId: string): CommentsStore {
  const map = getComments(doc)
  const [comments, setComments] = createSignal<readonly Comment[]>(readComments(doc))
  const [threads, setThreads] = createSignal<readonly Thread[]>(groupThreads(comments()))
  const onChange = () => {
    const next = readComments(doc)
    setComments(next)
    setThreads(groupThreads(next))
  }
  map.observe(onChange)
  onCleanup(() => map.unobserve(onChange))

  const path = `/api/boards/${encodeURIComponent(boardId)}/comments`
  const [members, setMembers] = createSignal<readonly Mentionable[]>([])
  return {
    comments,
    threads,
    members,
    async loadMembers() {
      const answer = await request<{ members: Mentionable[] }>('GET', `/api/boards/${encodeURIComponent(boardId)}/members`)
      setMembers(answer.members.map((m) => ({ userId: m.userId, displayName: m.displayName })))
    },
    create: async (body) => (await request<{ comment: Comment }>('POST', path, body)).comment,
    update: async (id, patch) =>
      (await request<{ comment: Comment }>('PATCH', `${path}/${encodeURIComponent(id)}`, patch)).comment,
    remove: (id) => request<void>('DELETE', `${path}/${encodeURIComponent(id)}`),
  }
}
