import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createAnnouncer } from './announcer.ts'
import { type RemoteChange, remoteSummary, type SummaryWords } from './remote-summary.ts'

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

describe('remote summary', () => {
  const words: SummaryWords = {
    sentence: (action, name, items) => `${name} ${action} ${items}`,
    count: (kind, count) => `${count} ${kind}${count === 1 ? '' : 's'}`,
    list: (items) => new Intl.ListFormat('en', { type: 'conjunction' }).format(items),
  }
  const change = (id: string, kind: string, action: RemoteChange['action']): RemoteChange => ({ id, kind, action })

  it('says each kind of change by kind, the most first', () => {
    const changes = [
      change('n1', 'note', 'added'),
      change('a1', 'actor', 'added'),
      change('n2', 'note', 'added'),
      change('u1', 'use', 'changed'),
    ]
    expect(remoteSummary('Anna', changes, words)).toBe('Anna added 2 notes and 1 actor. Anna changed 1 use')
  })

  it('counts an element once: added then edited is added, added then removed is nothing', () => {
    const changes = [
      change('n1', 'note', 'added'),
      change('n1', 'note', 'changed'),
      change('n1', 'note', 'changed'),
      change('z1', 'zone', 'added'),
      change('z1', 'zone', 'removed'),
      change('a1', 'actor', 'changed'),
      change('a1', 'actor', 'removed'),
    ]
    expect(remoteSummary('Anna', changes, words)).toBe('Anna added 1 note. Anna removed 1 actor')
    expect(remoteSummary('Anna', [change('z1', 'zone', 'added'), change('z1', 'zone', 'removed')], words)).toBeNull()
  })
})
