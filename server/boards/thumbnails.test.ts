import { describe, expect, it } from 'vitest'
import type { BoardDocument } from '../../shared/schema/document.ts'
import { ThumbnailCache } from './thumbnails.ts'

const documentWith = (boxes: number): BoardDocument =>
  ({
    format: 'refresh-board',
    version: 1,
    board: { id: 'b', title: '' },
    site: {},
    elements: Array.from({ length: boxes }, (_, n) => ({
      id: `n${n}`,
      kind: 'note',
      x: n * 200,
      y: 0,
      w: 160,
      h: 120,
      label: '',
    })),
  }) as unknown as BoardDocument

/** A loader whose loads finish when the test says so, counting how many run at once. */
function slowLoader() {
  const pending: (() => void)[] = []
  const state = { loads: 0, running: 0, mostAtOnce: 0 }
  const load = async (boardId: string) => {
    state.loads++
    state.running++
    state.mostAtOnce = Math.max(state.mostAtOnce, state.running)
    await new Promise<void>((resolve) => pending.push(resolve))
    state.running--
    return documentWith(Number(boardId.slice(1)) || 1)
  }
  /** lets every load started so far finish, and what they unblock run */
  const release = async () => {
    for (let round = 0; round < 20; round++) {
      await new Promise((resolve) => setTimeout(resolve, 0))
      if (pending.length === 0) return
      for (const finish of pending.splice(0)) finish()
    }
  }
  return { load, state, release }
}

describe('ThumbnailCache', () => {
  it('draws a board once per version: again for the same version is the kept picture, a new version a new one', async () => {
    let loads = 0
    const cache = new ThumbnailCache(async () => {
      loads++
      return documentWith(loads)
    })
    const first = await cache.svg('b1', 'v1')
    expect(await cache.svg('b1', 'v1')).toBe(first)
    expect([loads, cache.draws]).toEqual([1, 1])
    const changed = await cache.svg('b1', 'v2')
    expect(changed).not.toBe(first)
    expect((changed.match(/<rect /g) ?? []).length).toBe((first.match(/<rect /g) ?? []).length + 1)
    expect(cache.draws).toBe(2)
  })

  it('asked many times while drawing, draws once', async () => {
    const { load, state, release } = slowLoader()
    const cache = new ThumbnailCache(load)
    const asked = Array.from({ length: 10 }, () => cache.svg('b1', 'v1'))
    await release()
    const pictures = await Promise.all(asked)
    expect(new Set(pictures).size).toBe(1)
    expect(state.loads).toBe(1)
  })

  it('draws a few boards at a time, the rest in turn', async () => {
    const { load, state, release } = slowLoader()
    const cache = new ThumbnailCache(load, { concurrentDraws: 2, maxEntries: 100, maxBytes: 1_000_000 })
    const asked = Array.from({ length: 7 }, (_, n) => cache.svg(`b${n + 1}`, 'v1'))
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(state.running).toBe(2)
    await release()
    expect(await Promise.all(asked)).toHaveLength(7)
    expect(state).toMatchObject({ loads: 7, mostAtOnce: 2, running: 0 })
  })

  it('keeps at most maxEntries pictures and maxBytes of them, dropping the least recently used', async () => {
    let loads = 0
    const cache = new ThumbnailCache(
      async () => {
        loads++
        return documentWith(1)
      },
      { concurrentDraws: 2, maxEntries: 2, maxBytes: 1_000_000 },
    )
    await cache.svg('b1', 'v1')
    await cache.svg('b2', 'v1')
    await cache.svg('b1', 'v1') // b1 used last: b2 goes when b3 comes
    await cache.svg('b3', 'v1')
    expect(loads).toBe(3)
    await cache.svg('b1', 'v1')
    expect(loads).toBe(3)
    await cache.svg('b2', 'v1')
    expect(loads).toBe(4)

    const size = (await cache.svg('b1', 'v1')).length
    const small = new ThumbnailCache(async () => documentWith(1), { concurrentDraws: 1, maxEntries: 100, maxBytes: size * 2 })
    for (const id of ['b1', 'b2', 'b3']) await small.svg(id, 'v1')
    expect(small.draws).toBe(3)
    await small.svg('b1', 'v1') // dropped for bytes
    expect(small.draws).toBe(4)
    await small.svg('b3', 'v1') // still kept
    expect(small.draws).toBe(4)
  })
})
