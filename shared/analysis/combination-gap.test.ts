import { describe, expect, it } from 'vitest'
import { type BoardDocument, emptyBoardDocument, parseBoardDocument } from '../schema/document.ts'
import { analyse } from './analyse.ts'
import { isBoardGap } from './types.ts'
import { workedExample } from './worked-example.fixture.ts'

/**
 * The board-level gap `combination-missing` (docs/analysis.md, Gaps) and the merely interested
 * creative actors of the critical mass. Every expectation is worked out by hand from the small
 * boards below.
 */

function board(elements: unknown[]): BoardDocument {
  const parsed = parseBoardDocument({ format: 'refresh-board', version: 1, board: { id: 'b', title: 'B' }, site: {}, elements })
  if (!parsed.ok) throw new Error(parsed.error.message)
  return parsed.value
}
const at = { x: 0, y: 0, w: 100, h: 50, label: '' }
const combinationGaps = (document: BoardDocument) => analyse(document).gaps.filter((gap) => gap.type === 'combination-missing')

// a creative maker, a bakery (gastronomy: established), a theatre group (culture), a café use
const maker = { id: 'a1', kind: 'actor', ...at, sector: 'creative', commitment: 'signed' }
const bakery = { id: 'a2', kind: 'actor', ...at, sector: 'gastronomy', commitment: 'loi' }
const theatre = { id: 'a3', kind: 'actor', ...at, sector: 'culture', commitment: 'interested' }
const cafe = { id: 'u1', kind: 'use', ...at, category: 'gastronomy', areaM2: 100 }

describe('gap: no creative-to-established combination at all', () => {
  it('is one gap of the whole board, with an empty element id, listed first', () => {
    // creative and established actors on the board, both linked to uses, but never together
    const document = board([
      maker,
      bakery,
      cafe,
      { id: 'u2', kind: 'use', ...at, category: 'studio', areaM2: 50 },
      { id: 'l1', kind: 'link', from: 'a1', to: 'u2', relation: 'operates' },
      { id: 'l2', kind: 'link', from: 'a2', to: 'u1', relation: 'operates' },
    ])
    const { gaps, indicators } = analyse(document)
    expect(indicators.combination).toMatchObject({ crossSectorLinks: 0, sharedUses: 0 })
    expect(gaps[0]).toEqual({ type: 'combination-missing', elementId: '' })
    expect(gaps.filter(isBoardGap)).toEqual([{ type: 'combination-missing', elementId: '' }])
    // the rest are the element gaps: u1 and u2 in no phase → 3 gaps in all
    expect(gaps).toHaveLength(3)
  })

  it('a link between a creative and an established actor closes it', () => {
    const document = board([maker, bakery, { id: 'l1', kind: 'link', from: 'a2', to: 'a1', relation: 'cooperates' }])
    expect(analyse(document).indicators.combination.crossSectorLinks).toBe(1)
    expect(combinationGaps(document)).toEqual([])
  })

  it('a use shared by a creative and an established actor closes it', () => {
    const document = board([
      theatre,
      bakery,
      cafe,
      { id: 'l1', kind: 'link', from: 'a2', to: 'u1', relation: 'operates' },
      { id: 'l2', kind: 'link', from: 'u1', to: 'a3', relation: 'supplies' }, // either direction counts
    ])
    expect(analyse(document).indicators.combination).toMatchObject({ crossSectorLinks: 0, sharedUses: 1 })
    expect(combinationGaps(document)).toEqual([])
  })

  it('links that do not pair the two worlds leave it open', () => {
    const document = board([
      maker,
      theatre,
      { id: 'a4', kind: 'actor', ...at, sector: 'public', commitment: 'signed' },
      cafe,
      { id: 'l1', kind: 'link', from: 'a1', to: 'a3', relation: 'synergy' }, // creative ↔ culture
      { id: 'l2', kind: 'link', from: 'a4', to: 'a1', relation: 'funds' }, // public is not established
      { id: 'l3', kind: 'link', from: 'a4', to: 'u1', relation: 'operates' },
      { id: 'l4', kind: 'link', from: 'a1', to: 'u1', relation: 'uses' },
      { id: 'l5', kind: 'link', from: 'a2', to: 'u1', relation: 'uses' }, // a2 is not on the board: dangling
    ])
    expect(combinationGaps(document)).toEqual([{ type: 'combination-missing', elementId: '' }])
  })

  it('a board with no actors and no uses has not begun: no gap; the worked example has combinations', () => {
    expect(analyse(emptyBoardDocument({ id: 'e', title: 'Empty' })).gaps).toEqual([])
    expect(combinationGaps(board([{ id: 'n1', kind: 'note', ...at, color: 'yellow' }]))).toEqual([])
    expect(combinationGaps(board([cafe]))).toEqual([{ type: 'combination-missing', elementId: '' }])
    expect(combinationGaps(workedExample)).toEqual([]) // l5 a1 → a3 is creative ↔ commerce
  })
})

describe('critical mass: committed and merely interested creative actors apart', () => {
  it('counts each creative or cultural actor in one of committed, interested or (the rest) idea', () => {
    const document = board([
      maker, // creative, signed → committed
      theatre, // culture, interested
      { id: 'a4', kind: 'actor', ...at, sector: 'creative', commitment: 'interested' },
      { id: 'a5', kind: 'actor', ...at, sector: 'culture', commitment: 'idea' },
      { id: 'a6', kind: 'actor', ...at, sector: 'creative', commitment: 'precontract' },
      bakery, // interested would not count: gastronomy is not creative (and it is loi)
      { id: 'a7', kind: 'actor', ...at, sector: 'commerce', commitment: 'interested' },
    ])
    // creative + culture: a1, a3, a4, a5, a6 = 5; committed a1, a6 = 2; interested a3, a4 = 2; idea a5
    expect(analyse(document, { creativeThreshold: 6 }).indicators.creative).toEqual({
      count: 5,
      threshold: 6,
      reached: false,
      share: 5 / 7,
      committed: 2,
      interested: 2,
    })
  })
})
