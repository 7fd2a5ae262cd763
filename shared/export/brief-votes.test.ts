import { describe, expect, it } from 'vitest'
import type { Vote } from '../facilitation/state.ts'
import type { BoardDocument } from '../schema/document.ts'
import { briefIndex } from './brief-rows.ts'
import { briefVotes } from './brief-votes.ts'
import { briefWords } from './markdown-text.ts'

const vote = (fields: Partial<Vote>): Vote => ({
  id: 'vote1',
  open: false,
  elementIds: ['a', 'b', 'c', 'gone'],
  dotsPerPerson: 3,
  maxPerElement: 2,
  anonymous: true,
  openedAt: Date.UTC(2026, 11, 3, 10),
  closedAt: Date.UTC(2026, 11, 3, 10, 20),
  voters: 3,
  results: [
    { elementId: 'b', dots: 4 },
    { elementId: 'a', dots: 4 },
    { elementId: 'gone', dots: 1 },
    { elementId: 'c', dots: 0 },
  ],
  ...fields,
})

const document = (votes: Vote[]): BoardDocument =>
  ({
    format: 'refresh-board',
    version: 1,
    board: { id: 'b', title: 'Votes' },
    site: {},
    elements: [
      { id: 'a', kind: 'note', x: 0, y: 0, w: 100, h: 100, label: 'Makerspace' },
      { id: 'b', kind: 'use', x: 200, y: 0, w: 100, h: 100, label: 'Café', category: 'gastronomy' },
      { id: 'c', kind: 'note', x: 400, y: 0, w: 100, h: 100, label: '' },
    ],
    votes,
  }) as unknown as BoardDocument

describe('closed votes in the briefs', () => {
  it('ranks by dots with shared places, names elements, counts the ones without dots', () => {
    const doc = document([vote({})])
    const [written] = briefVotes(doc, briefIndex(doc))
    expect(written).toEqual({
      heading: 'Vote: Dot vote',
      summary: '3 people voted (3 per person, at most 2 per element); closed 3 Dec 2026. Anonymous: totals only.',
      lines: ['1. Café — 4 dots', '1. Makerspace — 4 dots', '3. missing element gone — 1 dot'],
      withoutDots: 'No dots: 1 other element.',
    })
  })

  it('names the voters when the vote was not anonymous; numbers and dates in the brief’s locale', () => {
    const doc = document([
      vote({
        title: 'Which first?',
        anonymous: false,
        voters: 1200,
        results: [{ elementId: 'a', dots: 1500, voters: [{ userId: 'u1', name: 'Ana', dots: 1500 }] }],
        elementIds: ['a'],
      }),
    ])
    const [written] = briefVotes(doc, briefIndex(doc, 'de'))
    // the words from the German catalog (English where it lacks a key), numbers and dates as German writes them
    const { say } = briefWords('de')
    expect(written?.heading).toBe(say('vote', { title: 'Which first?' }))
    expect(written?.summary).toBe(say('voteSummary', { count: 1200, people: '1.200', dots: '3', max: '2', date: '03.12.2026' }))
    const line = say('voteLine', { rank: '1', name: 'Makerspace', dots: say('voteDots', { count: 1500, n: '1.500' }) })
    expect(written?.lines).toEqual([say('voteVoters', { line, names: say('voteVoter', { name: 'Ana', count: '1.500' }) })])
    expect(written?.withoutDots).toBeNull()
  })

  it('leaves out a vote that is still open', () => {
    const doc = document([vote({ open: true, results: null })])
    expect(briefVotes(doc, briefIndex(doc))).toEqual([])
  })
})
