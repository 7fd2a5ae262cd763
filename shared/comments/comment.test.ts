import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  type Comment,
  getComments,
  groupThreads,
  mentionCandidates,
  mentionQueryAt,
  mentionsIn,
  openThreadCounts,
  readComments,
} from './comment.ts'

const comment = (fields: Partial<Comment> & { id: string }): Comment => ({
  threadId: fields.id,
  elementId: null,
  authorId: 'u1',
  authorName: 'Ana',
  body: 'Hello',
  mentions: [],
  createdAt: '2026-12-01T10:00:00.000Z',
  editedAt: null,
  resolved: false,
  resolvedBy: null,
  ...fields,
})

const members = [
  { userId: 'ana', displayName: 'Ana' },
  { userId: 'ana-n', displayName: 'Ana Novak' },
  { userId: 'zs', displayName: 'Zsófia Kovács' },
]

describe('comments', () => {
  it('reads valid comments from the document, oldest first, and leaves damaged ones out', () => {
    const doc = new Y.Doc()
    const map = getComments(doc)
    map.set('b', comment({ id: 'b', createdAt: '2026-12-01T11:00:00.000Z' }))
    map.set('a', comment({ id: 'a' }))
    map.set('c', { id: 'c', body: 42 })
    map.set('d', comment({ id: 'other' }))
    expect(readComments(doc).map((c) => c.id)).toEqual(['a', 'b'])
  })

  it('groups replies under their first comment and counts open threads per element', () => {
    const threads = groupThreads([
      comment({ id: 'r1', threadId: 't1', createdAt: '2026-12-01T12:00:00.000Z' }),
      comment({ id: 't1', elementId: 'n1' }),
      comment({ id: 't2', elementId: 'n1', resolved: true, resolvedBy: 'u1' }),
      comment({ id: 'orphan', threadId: 'gone' }),
      comment({ id: 't3' }),
    ])
    expect(threads.map((t) => [t.id, t.replies.map((r) => r.id)])).toEqual([
      ['t1', ['r1']],
      ['t2', []],
      ['t3', []],
    ])
    expect(threads[0]?.lastAt).toBe('2026-12-01T12:00:00.000Z')
    expect([...openThreadCounts(threads)]).toEqual([
      ['n1', 1],
      [null, 1],
    ])
  })

  it('finds mentions of members by display name, the longest name first, not in e-mail addresses', () => {
    expect(mentionsIn('@Ana Novak, look at this — and @ana too', members)).toEqual(['ana-n', 'ana'])
    expect(mentionsIn('@Anabel and mail ana@Ana', members)).toEqual([])
    expect(mentionsIn('Thanks @Zsófia Kovács!', members)).toEqual(['zs'])
  })

  it('knows the mention being typed and offers members for it', () => {
    expect(mentionQueryAt('Hi @Zs', 6)).toEqual({ start: 3, query: 'Zs' })
    expect(mentionQueryAt('mail a@b', 8)).toBeNull()
    expect(mentionCandidates(members, 'kov').map((m) => m.userId)).toEqual(['zs'])
    expect(mentionCandidates(members, 'an').map((m) => m.userId)).toEqual(['ana', 'ana-n'])
  })
})
