import { beforeAll, describe, expect, it } from 'vitest'
import type { Comment } from '../../shared/comments/comment.ts'
import { type Account, api, createBoard, joinAs, signup } from '../helpers/api.ts'
import type { TestServer } from '../helpers/server.ts'
import { connectClient, type SyncClient, waitFor } from '../helpers/sync-client.ts'
import { twoInstancesOnRedis } from '../helpers/two-instances.ts'

/** Comments are board content written by the server: they reach clients on every instance (two instances on one Redis). */
const bed = twoInstancesOnRedis()
let owner: Account
beforeAll(async () => {
  owner = await signup(bed.a.url, 'Owner')
})

const commentsIn = (c: SyncClient) => c.doc.getMap('comments').toJSON() as Record<string, Comment>
const post = (server: TestServer, token: string, boardId: string, body: unknown) =>
  api<{ comment: Comment }>(server.url, 'POST', `/api/boards/${boardId}/comments`, { token, body })

describe('comments across two instances', () => {
  it('a comment written on one instance reaches clients on the other, live; threads and resolve too; none is lost when both write at once', async () => {
    const { a, b, clients } = bed
    const boardId = await createBoard(a.url, owner.token, { title: 'Textile region' })
    const reviewer = await joinAs(a.url, owner.token, boardId, 'reviewer', 'Rita Reviewer')
    const onA = connectClient(a.url, boardId, owner.token)
    const onB = connectClient(b.url, boardId, reviewer.token)
    clients.push(onA, onB)
    await Promise.all([onA.synced, onB.synced])

    const first = await post(a, reviewer.token, boardId, { body: 'Seen on B?' })
    expect(first.status).toBe(201)
    await waitFor(() => commentsIn(onB)[first.body.comment.id] !== undefined, 5000, 'the comment on B')
    const reply = await post(b, owner.token, boardId, { body: 'Yes, and on A?', threadId: first.body.comment.id })
    expect(reply.status).toBe(201)
    await waitFor(() => commentsIn(onA)[reply.body.comment.id] !== undefined, 5000, 'the reply on A')
    const resolved = await api(b.url, 'PATCH', `/api/boards/${boardId}/comments/${first.body.comment.id}`, {
      token: reviewer.token,
      body: { resolved: true },
    })
    expect(resolved.status).toBe(200)
    await waitFor(() => commentsIn(onA)[first.body.comment.id]?.resolved === true, 5000, 'resolved on A')

    // ten comments at once, half through each instance: all of them everywhere
    const burst = await Promise.all(
      Array.from({ length: 10 }, (_, i) => post(i % 2 ? a : b, i % 3 ? owner.token : reviewer.token, boardId, { body: `#${i}` })),
    )
    expect(burst.map((r) => r.status)).toEqual(Array(10).fill(201))
    const ids = burst.map((r) => r.body.comment.id)
    await waitFor(() => ids.every((id) => commentsIn(onA)[id] && commentsIn(onB)[id]), 5000, 'every comment on both')
    for (const server of [a, b]) {
      const list = await api<{ comments: Comment[] }>(server.url, 'GET', `/api/boards/${boardId}/comments`, {
        token: owner.token,
      })
      expect(list.body.comments).toHaveLength(12)
    }
  })
})
