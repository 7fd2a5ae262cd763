import { describe, expect, it } from 'vitest'
import { analyse } from '../analysis/analyse.ts'
import { type BoardDocument, parseBoardDocument } from '../schema/document.ts'
import { type CompareSite, comparableValues, compareSites, median, meetingsOf, quantile, spreadOf } from './compare.ts'

/** Sites side by side (docs/analysis.md, "Comparing sites"); every number worked out by hand. */

function board(elements: unknown[], areaM2?: number): BoardDocument {
  const parsed = parseBoardDocument({
    format: 'refresh-board',
    version: 1,
    board: { id: 'b', title: 'B' },
    site: areaM2 === undefined ? {} : { areaM2 },
    elements,
  })
  if (!parsed.ok) throw new Error(parsed.error.message)
  return parsed.value
}
const at = { x: 0, y: 0, w: 100, h: 50, label: '' }
const actor = (id: string, sector: string, extra: object = {}) => ({
  id,
  kind: 'actor',
  ...at,
  sector,
  commitment: 'idea',
  ...extra,
})
const use = (id: string, category: string, areaM2: number) => ({ id, kind: 'use', ...at, category, areaM2 })
const link = (id: string, from: string, to: string, relation = 'uses') => ({ id, kind: 'link', from, to, relation })

function site(boardId: string, document: BoardDocument): CompareSite {
  const { indicators, matrix } = analyse(document)
  return {
    boardId,
    title: boardId,
    snapshotId: null,
    snapshotLabel: null,
    site: null,
    indicators,
    matrix,
    meetings: meetingsOf(document),
    trend: [],
  }
}

describe('median and spread', () => {
  it('interpolate between closest ranks and leave unknown values out', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5)
    expect(quantile([1, 2, 3, 4], 0.25)).toBe(1.75)
    expect(median([3, null, 1, 2])).toBe(2)
    expect(median([null, null])).toBeNull()
    expect(spreadOf([10, null, 30, 20])).toEqual({ min: 10, max: 30, q1: 15, q3: 25 })
    expect(spreadOf([])).toBeNull()
  })
})

describe('meetings of creative fields and established sectors', () => {
  it('counts a direct link and a shared use once per pair, by subsector, never a conflict', () => {
    const document = board([
      actor('crafts', 'creative', { subsector: 'crafts' }),
      actor('band', 'culture', { subsector: 'music' }),
      actor('theatre', 'culture'),
      actor('mill', 'industry'),
      actor('bakery', 'gastronomy'),
      actor('shop', 'commerce'),
      use('hall', 'events', 300),
      link('l1', 'crafts', 'mill', 'cooperates'), // direct
      link('l2', 'crafts', 'hall'),
      link('l3', 'mill', 'hall', 'operates'), // crafts and mill meet again at the hall: still one pair
      link('l4', 'band', 'hall'), // band meets mill at the hall
      link('l5', 'theatre', 'bakery', 'conflicts'), // a conflict is no meeting
    ])
    const m = meetingsOf(document)
    const cell = (field: string, sector: string) => m.cells[m.rows.indexOf(field as never)]?.[m.columns.indexOf(sector as never)]
    expect(cell('crafts', 'industry')).toBe(1)
    expect(cell('music', 'industry')).toBe(1)
    expect(cell('culture', 'gastronomy')).toBe(0)
    expect(m.cells.flat().reduce((a, b) => a + b, 0)).toBe(2)
    expect(m.presentRows[m.rows.indexOf('culture')]).toBe(true)
    expect(m.presentColumns[m.columns.indexOf('commerce')]).toBe(true)
    expect(m.presentColumns[m.columns.indexOf('tourism')]).toBe(false)
  })
})

describe('compareSites', () => {
  const a = board(
    [
      actor('c1', 'creative', { subsector: 'crafts', commitment: 'signed' }),
      actor('c2', 'creative', { subsector: 'crafts' }),
      actor('i1', 'industry'),
      use('u1', 'makerspace', 400),
      link('l1', 'c1', 'u1', 'operates'),
      link('l2', 'i1', 'u1', 'funds'),
    ],
    1000,
  )
  const b = board([actor('c1', 'culture', { subsector: 'music' }), actor('g1', 'gastronomy'), use('u1', 'gastronomy', 200)], 2000)
  const c = board([
    actor('c1', 'creative', { subsector: 'crafts' }),
    actor('i1', 'industry'),
    link('l', 'c1', 'i1', 'cooperates'),
  ])

  it('keeps each site exactly as its own analysis and puts median and spread beside it', () => {
    const result = compareSites([site('a', a), site('b', b), site('c', c)])
    expect(result.sites.map((s) => s.indicators)).toEqual([a, b, c].map((d) => analyse(d).indicators))
    // actors: 3, 2, 2 → median 2; planned m²: 400, 200, 0 → 200
    expect(result.median['actors.total']).toBe(2)
    expect(result.median['area.plannedM2']).toBe(200)
    expect(result.spread['area.plannedM2']).toEqual({ min: 0, max: 400, q1: 100, q3: 300 })
    // occupancy: 0.4, 0.1, unknown (no site area) → median of the two known
    expect(comparableValues((result.sites[2] as CompareSite).indicators)['area.ratio']).toBeNull()
    expect(result.median['area.ratio']).toBeCloseTo(0.25)
  })

  it('sums the combination matrices cell by cell', () => {
    const sites = [site('a', a), site('b', b), site('c', c)]
    const result = compareSites(sites)
    const expected = (sites[0] as CompareSite).matrix.cells.map((row, r) =>
      row.map((_, col) => sites.reduce((sum, s) => sum + (s.matrix.cells[r]?.[col] ?? 0), 0)),
    )
    expect(result.matrix.cells).toEqual(expected)
    expect(result.matrix.cells.flat().reduce((x, y) => x + y, 0)).toBe(2)
  })

  it('names the creative fields and established sectors of the region that meet nowhere', () => {
    const result = compareSites([site('a', a), site('b', b), site('c', c)])
    const at = (field: string, sector: string) =>
      result.meetings.sites[result.meetings.rows.indexOf(field as never)]?.[result.meetings.columns.indexOf(sector as never)]
    // crafts meets industry at site a (shared makerspace) and at site c (direct link)
    expect(at('crafts', 'industry')).toBe(2)
    // subsectors in contract order: music before crafts
    expect(result.nowhere).toEqual([
      { field: 'music', sector: 'industry' },
      { field: 'music', sector: 'gastronomy' },
      { field: 'crafts', sector: 'gastronomy' },
    ])
  })

  it('answers an empty collection with nothing known', () => {
    const result = compareSites([])
    expect(result.median['actors.total']).toBeNull()
    expect(result.spread.coverage).toBeNull()
    expect(result.nowhere).toEqual([])
  })
})
