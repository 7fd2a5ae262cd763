import { SMTPServer } from 'smtp-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import type { Comment } from '../../shared/comments/comment.ts'
import { type Account, api, createBoard, exportJson, joinAs, signup } from '../helpers/api.ts'
import { labelOf, note, putElement } from '../helpers/elements.ts'
import type { TestServer } from '../helpers/server.ts'
import { deniedReasons, useSyncBed } from '../helpers/sync-bed.ts'
import { waitFor } from '../helpers/sync-client.ts'

/**
 * Comments on a board and the reviewer role (issue 17): REST writes land in the board
 * document's `comments` map, which every client gets live and no client may write; a reviewer
 * comments and resolves and changes nothing else, by REST or by a raw y-websocket client.
 */

const mails: string[] = []
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  onData(stream, _session, callback) {
    let raw = ''
    stream.on('data', (chunk: Buffer) => {
      raw += chunk.toString()
    })
    stream.on('end', () => {
      mails.push(raw)
      callback()
    })
  },
})
const env: Record<string, string> = { ROOM_IDLE_MS: '50', PING_INTERVAL_MS: '200' }
beforeAll(async () => {
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve))
  const address = smtp.server.address()
  env.SMTP_URL = `smtp://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
})
afterAll(() => new Promise<void>((resolve) => smtp.close(() => resolve())))

let server: TestServer
let owner: Account
const { client } = useSyncBed(env, (s, o) => {
  server = s
  owner = o
})

type Answer = { comment: Comment; comments: Comment[]; error?: { code: string; message: string } }
const post = (token: string, boardId: string, body: unknown) =>
  api<Answer>(server.url, 'POST', `/api/boards/${boardId}/comments`, { token, body })
const patch = (token: string, boardId: string, id: string, body: unknown) =>
  api<Answer>(server.url, 'PATCH', `/api/boards/${boardId}/comments/${id}`, { token, body })
const remove = (token: string, boardId: string, id: string) =>
  api<Answer>(server.url, 'DELETE', `/api/boards/${boardId}/comments/${id}`, { token })
const list = (token: string, boardId: string) => api<Answer>(server.url, 'GET', `/api/boards/${boardId}/comments`, { token })
const commentsIn = (doc: Y.Doc) => doc.getMap('comments').toJSON() as Record<string, Comment>

/** A board with one note, its owner's client synced, and an account of every role below owner. */
async function board(title: string) {
  const boardId = await createBoard(server.url, owner.token, { title })
  const o = client(owner.token, boardId)
  await o.synced
  putElement(o.doc, note('n1', 'Roof leaks?'))
  await waitFor(() => labelOf(o.doc, 'n1') === 'Roof leaks?')
  for (let i = 0; i < 50; i++) {
    if ((await exportJson(server.url, owner.token, boardId)).elements.some((e) => e.id === 'n1')) break
    await new Promise((r) => setTimeout(r, 20))
  }
  const member = async (name: string, role: 'facilitator' | 'editor' | 'reviewer' | 'viewer') => {
    const account = await signup(server.url, name)
    const inv = await api<{ invite: { token: string } }>(server.url, 'POST', `/api/boards/${boardId}/invites`, {
      token: owner.token,
      body: { role },
    })
    const joined = await api(server.url, 'POST', `/api/invites/${inv.body.invite.token}/join`, { token: account.token })
    if (joined.status !== 200) throw new Error(`join failed: ${joined.status}`)
    return account
  }
  return {
    boardId,
    o,
    facilitator: await member('Franka Weber', 'facilitator'),
    editor: await member('Mira Horvat', 'editor'),
    reviewer: await member('Zsófia Kovács', 'reviewer'),
    viewer: await member('Viktor Novak', 'viewer'),
  }
}

describe('comments over REST', () => {
  it('a reviewer comments on an element with a mention; an editor replies; every client gets both live; viewers read', async () => {
    const { boardId, o, editor, reviewer, viewer } = await board('Salt warehouse Piran')
    const e = client(editor.token, boardId)
    await e.synced

    const first = await post(reviewer.token, boardId, {
      body: '@Mira Horvat is the roof in the budget? Mail me: zsofia@example.org',
      elementId: 'n1',
    })
    expect(first.status).toBe(201)
    const c = first.body.comment
    expect(c).toMatchObject({
      threadId: c.id,
      elementId: 'n1',
      authorId: reviewer.user.id,
      authorName: 'Zsófia Kovács',
      mentions: [editor.user.id],
      editedAt: null,
      resolved: false,
      resolvedBy: null,
    })
    // live on the editor's and the owner's y-websocket clients, as the server wrote it
    await waitFor(() => commentsIn(e.doc)[c.id] !== undefined, 5000, 'the comment on the editor’s client')
    await waitFor(() => commentsIn(o.doc)[c.id] !== undefined, 5000, 'the comment on the owner’s client')
    expect(commentsIn(e.doc)[c.id]).toEqual(c)

    const reply = await post(editor.token, boardId, { body: 'Yes, in phase 1.', threadId: c.id })
    expect(reply.status).toBe(201)
    expect(reply.body.comment).toMatchObject({ threadId: c.id, elementId: 'n1', mentions: [] })
    await waitFor(() => commentsIn(o.doc)[reply.body.comment.id] !== undefined, 5000, 'the reply')

    const board_ = await post(owner.token, boardId, { body: 'General remark on the board' })
    expect(board_.body.comment.elementId).toBeNull()

    const read = await list(viewer.token, boardId)
    expect(read.status).toBe(200)
    expect(read.body.comments.map((x) => x.id)).toEqual([c.id, reply.body.comment.id, board_.body.comment.id])

    // the mentioned account gets a short e-mail with a link to the board (once: the author is never mailed)
    await expect.poll(() => mails.filter((m) => m.includes(`To: ${editor.user.email}`)).length, { timeout: 10_000 }).toBe(1)
    const mail = (mails.find((m) => m.includes(`To: ${editor.user.email}`)) ?? '').replace(/=\r?\n/g, '')
    expect(mail).toContain(`${server.url}/boards/${boardId}`)
    expect(mails.some((m) => m.includes(`To: ${reviewer.user.email}`))).toBe(false)

    // a viewer may not comment; a stranger does not see the board
    const refused = await post(viewer.token, boardId, { body: 'Me too' })
    expect(refused.status).toBe(403)
    expect(refused.body.error?.code).toBe('forbidden')
    const stranger = await signup(server.url, 'Stranger')
    expect((await list(stranger.token, boardId)).status).toBe(404)
    expect((await post(stranger.token, boardId, { body: 'Hi' })).status).toBe(404)
  })

  it('checks bodies, threads and elements; only the author edits a text; resolve at the first comment; delete by author or facilitator', async () => {
    const { boardId, o, facilitator, editor, reviewer } = await board('Textile mill')
    const thread = (await post(reviewer.token, boardId, { body: 'Phasing unclear', elementId: 'n1' })).body.comment
    const reply = (await post(editor.token, boardId, { body: 'Will fix', threadId: thread.id })).body.comment

    const bad = async (body: unknown, code = 'validation_failed') => {
      const res = await post(reviewer.token, boardId, body)
      expect(res.status, JSON.stringify(body)).toBe(400)
      expect(res.body.error?.code).toBe(code)
      expect(res.body.error?.message).toEqual(expect.any(String))
    }
    await bad({ body: '   ' })
    await bad({ body: 'x'.repeat(4001) })
    await bad({ body: 'On nothing', elementId: 'no-such-element' })
    await bad({ body: 'Reply to a reply', threadId: reply.id })
    await bad({ body: 'Reply elsewhere', threadId: thread.id, elementId: null })
    expect((await patch(reviewer.token, boardId, thread.id, {})).status).toBe(400)
    expect((await patch(reviewer.token, boardId, 'no-such-comment', { resolved: true })).status).toBe(404)

    // the text: only its author
    expect((await patch(editor.token, boardId, thread.id, { body: 'Rewritten by someone else' })).status).toBe(403)
    expect((await patch(owner.token, boardId, thread.id, { body: 'Rewritten by the owner' })).status).toBe(403)
    const edited = await patch(reviewer.token, boardId, thread.id, { body: 'Phasing unclear — @Franka Weber?' })
    expect(edited.status).toBe(200)
    expect(edited.body.comment.editedAt).toEqual(expect.any(String))
    expect(edited.body.comment.mentions).toEqual([facilitator.user.id])

    // resolve: anyone from reviewer up, at the thread's first comment
    expect((await patch(reviewer.token, boardId, reply.id, { resolved: true })).status).toBe(400)
    const resolved = await patch(editor.token, boardId, thread.id, { resolved: true })
    expect(resolved.body.comment).toMatchObject({ resolved: true, resolvedBy: editor.user.id })
    await waitFor(() => commentsIn(o.doc)[thread.id]?.resolved === true, 5000, 'resolved live')
    const reopened = await patch(reviewer.token, boardId, thread.id, { resolved: false })
    expect(reopened.body.comment).toMatchObject({ resolved: false, resolvedBy: null })

    // delete: the author, or a facilitator / the owner; a first comment takes its thread with it
    expect((await remove(reviewer.token, boardId, reply.id)).status).toBe(403)
    expect((await remove(editor.token, boardId, thread.id)).status).toBe(403)
    const other = (await post(editor.token, boardId, { body: 'Second thread' })).body.comment
    expect((await remove(editor.token, boardId, other.id)).status).toBe(204)
    expect((await remove(facilitator.token, boardId, thread.id)).status).toBe(204)
    expect((await list(owner.token, boardId)).body.comments).toEqual([])
    await waitFor(() => Object.keys(commentsIn(o.doc)).length === 0, 5000, 'the thread gone live')
    expect((await remove(owner.token, boardId, thread.id)).status).toBe(404)
  })

  it('a reviewer changes nothing else by REST: board, snapshots, images, vote, facilitation, invites, members', async () => {
    const { boardId, reviewer, viewer } = await board('Komló mine')
    await api(server.url, 'POST', `/api/boards/${boardId}/facilitation`, {
      token: owner.token,
      body: { command: 'vote.open', elementIds: ['n1'], dotsPerPerson: 3 },
    })
    const tries: [string, string, unknown][] = [
      ['PATCH', `/api/boards/${boardId}`, { title: 'Renamed' }],
      ['POST', `/api/boards/${boardId}/snapshots`, { label: 'Mine' }],
      ['PUT', `/api/boards/${boardId}/vote`, { dots: { n1: 1 } }],
      ['PUT', `/api/boards/${boardId}/private-notes/mine`, { label: 'Private' }],
      ['POST', `/api/boards/${boardId}/facilitation`, { command: 'timer.start', seconds: 60 }],
      ['POST', `/api/boards/${boardId}/templates`, { template: 'site-scan' }],
      ['POST', `/api/boards/${boardId}/invites`, { role: 'viewer' }],
      ['PATCH', `/api/boards/${boardId}/members/${viewer.user.id}`, { role: 'editor' }],
      ['DELETE', `/api/boards/${boardId}`, undefined],
    ]
    for (const [method, path, body] of tries) {
      const res = await api<Answer>(server.url, method, path, { token: reviewer.token, ...(body ? { body } : {}) })
      expect(`${method} ${path} → ${res.status}`).toBe(`${method} ${path} → 403`)
    }
    const detail = await api<{ board: { title: string; role: string } }>(server.url, 'GET', `/api/boards/${boardId}`, {
      token: reviewer.token,
    })
    expect(detail.body.board).toMatchObject({ title: 'Komló mine', role: 'reviewer' })
    expect((await post(reviewer.token, boardId, { body: 'But I may comment' })).status).toBe(201)
  })
})

describe('comments and the reviewer over raw y-websocket', () => {
  it('refuses a reviewer’s element add, element change and comment write, and an editor’s comment write; the board stays as it was', async () => {
    const { boardId, o, editor, reviewer } = await board('Raw writes')
    const existing = (await post(reviewer.token, boardId, { body: 'Honest comment', elementId: 'n1' })).body.comment
    await waitFor(() => commentsIn(o.doc)[existing.id] !== undefined, 5000, 'the comment')
    const r = client(reviewer.token, boardId)
    const e = client(editor.token, boardId)
    await Promise.all([r.synced, e.synced])
    await waitFor(() => commentsIn(r.doc)[existing.id] !== undefined && commentsIn(e.doc)[existing.id] !== undefined)
    const before = await exportJson(server.url, owner.token, boardId)
    const forged = { ...existing, id: 'forged', threadId: 'forged', body: 'Written by no server' }
    const denied = deniedReasons()
    try {
      putElement(r.doc, note('r1', 'A reviewer’s note'))
      r.doc.transact(() => (r.doc.getMap('elements').get('n1') as Y.Map<unknown>).set('label', 'Changed by a reviewer'))
      r.doc.transact(() => r.doc.getMap('comments').set('forged', forged))
      r.doc.transact(() => r.doc.getMap('comments').set(existing.id, { ...existing, resolved: true, resolvedBy: 'x' }))
      e.doc.transact(() => e.doc.getMap('comments').set('forged2', { ...forged, id: 'forged2', threadId: 'forged2' }))
      e.doc.transact(() => e.doc.getMap('comments').delete(existing.id))
      await waitFor(() => denied.reasons.length >= 6, 5000, 'six refusals')
      // the editor's connection still works: a permitted edit applies and reaches the owner
      putElement(e.doc, note('after', 'permitted'))
      await waitFor(() => labelOf(o.doc, 'after') === 'permitted', 5000, 'the permitted edit')
      // a read-only connection's writes are dropped (as a viewer's); the editor's refused ones compensated
      await waitFor(
        () => commentsIn(e.doc).forged2 === undefined && commentsIn(e.doc)[existing.id] !== undefined,
        5000,
        'the editor brought back',
      )
    } finally {
      denied.restore()
    }
    expect(denied.reasons.filter((reason) => reason.includes('read_only')).length).toBeGreaterThanOrEqual(4)
    expect(denied.reasons.filter((reason) => reason.includes('server_only')).length).toBeGreaterThanOrEqual(2)
    expect(labelOf(o.doc, 'r1')).toBeUndefined()
    expect(labelOf(o.doc, 'n1')).toBe('Roof leaks?')
    expect(commentsIn(o.doc)).toEqual({ [existing.id]: existing })
    const after = await exportJson(server.url, owner.token, boardId)
    expect(after.elements.filter((el) => el.id !== 'after')).toEqual(before.elements)
    expect((await list(owner.token, boardId)).body.comments).toEqual([existing])
  })

  it('a guest reviewer (joined by invite) comments too, and sees a new comment live', async () => {
    const { boardId } = await board('Guest reviewer')
    const guest = await joinAs(server.url, owner.token, boardId, 'reviewer', 'Peer Reviewer')
    const g = client(guest.token, boardId)
    await g.synced
    const made = await post(owner.token, boardId, { body: '@Peer Reviewer please look at the vision' })
    expect(made.body.comment.mentions).toEqual([guest.user.id])
    await waitFor(() => commentsIn(g.doc)[made.body.comment.id] !== undefined, 5000, 'the comment live')
    const answer = await post(guest.token, boardId, { body: 'Will do', threadId: made.body.comment.id })
    expect(answer.status).toBe(201)
  })
})
