import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createAnnouncer } from './announcer.ts'

describe('announcer', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  const setup = () => {
    const said: string[] = []
    const announcer = createAnnouncer({ write: (text) => text && said.push(text), now: () => Date.now() })
    return { said, announcer }
  }

  it('says only the last of a burst', () => {
    const { said, announcer } = setup()
    announcer.announce('Makers e.V., actor, 1 of 3')
    announcer.announce('Open workshop, use, 2 of 3')
    announcer.announce('Brewhouse, zone, 3 of 3')
    vi.advanceTimersByTime(200)
    expect(said).toEqual(['Brewhouse, zone, 3 of 3'])
  })

  it('drops a text said a moment ago, and says it again later', () => {
    const { said, announcer } = setup()
    announcer.announce('Undone')
    vi.advanceTimersByTime(200)
    announcer.announce('Undone')
    vi.advanceTimersByTime(200)
    expect(said).toEqual(['Undone'])
    vi.advanceTimersByTime(3000)
    announcer.announce('Undone')
    vi.advanceTimersByTime(200)
    expect(said).toEqual(['Undone', 'Undone'])
  })

  it('summarizes a stream at most once per five seconds', () => {
    const { said, announcer } = setup()
    const summary = (items: number[]) => `Ana changed ${items.reduce((a, b) => a + b, 0)} elements`
    announcer.summarize('remote', 1, summary)
    vi.advanceTimersByTime(400)
    expect(said).toEqual(['Ana changed 1 elements'])
    for (let i = 0; i < 10; i++) {
      announcer.summarize('remote', 2, summary)
      vi.advanceTimersByTime(400)
    }
    expect(said).toHaveLength(1)
    vi.advanceTimersByTime(1500)
    expect(said).toEqual(['Ana changed 1 elements', 'Ana changed 20 elements'])
  })

  it('says nothing while switched off', () => {
    const { said, announcer } = setup()
    announcer.setEnabled(false)
    announcer.announce('Deleted 2 elements')
    announcer.summarize('remote', 1, () => 'Ana changed 1 element')
    vi.advanceTimersByTime(6000)
    expect(said).toEqual([])
  })
})
