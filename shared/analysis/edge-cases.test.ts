import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { writeBoardDocument } from '../schema/convert.ts'
import { type BoardDocument, emptyBoardDocument, parseBoardDocument } from '../schema/document.ts'
import { sectors, useCategories } from '../schema/enums.ts'
import { analyse } from './analyse.ts'
import { analyseDoc } from './analyse-doc.ts'
import { workedExample, workedExampleWith } from './worked-example.fixture.ts'

function board(elements: unknown[], site: Record<string, unknown> = {}): BoardDocument {
  const parsed = parseBoardDocument({ format: 'refresh-board', version: 1, board: { id: 'b', title: 'B' }, site, elements })
  if (!parsed.ok) throw new Error(parsed.error.message)
  return parsed.value
}
const at = { x: 0, y: 0, w: 100, h: 50, label: '' }

describe('analyse: edge cases', () => {
  it('an empty board: zeros, nulls where a ratio has no denominator, no gaps', () => {
    const { indicators, matrix, gaps } = analyse(emptyBoardDocument({ id: 'e', title: 'Empty' }))
    expect(indicators.actors.total).toBe(0)
    expect(Object.values(indicators.actors.bySector)).toEqual(sectors.map(() => 0))
    expect(indicators.creative).toEqual({ count: 0, threshold: 5, reached: false, share: 0, committed: 0, interested: 0 })
    expect(indicators.area).toEqual({
      siteM2: null,
      plannedM2: 0,
      ratio: null,
      vacancy: null,
      demandM2: 0,
      weightedDemandM2: 0,
      demandToPlanned: null,
    })
    expect(indicators.combination).toEqual({ crossSectorLinks: 0, sharedUses: 0, sectorsCommitted: 0 })
    expect(indicators.coverage).toBe(0)
    expect(indicators.mix.evenness).toBe(0)
    expect(indicators.mix.categories).toBe(0)
    expect(indicators.stakeholders.health).toBeNull()
    expect([indicators.phases, indicators.timelineConflicts, indicators.zones]).toEqual([[], [], []])
    expect(indicators.viability).toEqual({
      rentIncomeEurYear: 0,
      rentedAreaM2: 0,
      meanRentEurM2Month: null,
      subsidyAreaShare: 0,
      affordability: [],
      affordableActors: 0,
      unaffordableActors: 0,
      investmentEur: 0,
      runningCostEurYear: 0,
      incomeEurYear: 0,
      costRecovery: null,
      paybackYears: null,
      breakEvenYear: null,
      fundingEur: 0,
      publicFundingEur: 0,
      subsidyDependency: null,
      fundingBySource: {
        own: 0,
        private: 0,
        loan: 0,
        municipal: 0,
        regional: 0,
        national: 0,
        eu: 0,
        foundation: 0,
        crowdfunding: 0,
        mixed: 0,
        unspecified: 0,
      },
    })
    expect(matrix.cells).toEqual(sectors.map(() => useCategories.map(() => 0)))
    expect(gaps).toEqual([])
  })

  it('a threshold of 0 is reached by an empty board', () => {
    expect(analyse(emptyBoardDocument({ id: 'e', title: 'E' }), { creativeThreshold: 0 }).indicators.creative.reached).toBe(true)
  })

  it('without a site area: ratio, vacancy and phase occupancy are null; the rest still counts', () => {
    const noArea = workedExampleWith((input) => {
      input.site = { name: 'Malzfabrik' } as typeof input.site
    })
    const { area, phases } = analyse(noArea).indicators
    expect(area.siteM2).toBeNull()
    expect(area.ratio).toBeNull()
    expect(area.vacancy).toBeNull()
    expect(area.plannedM2).toBe(1500)
    expect(phases.map((phase) => phase.occupancy)).toEqual([null, null, null, null])
    // an area of 0 is no denominator either
    const zero = workedExampleWith((input) => {
      input.site = { areaM2: 0 } as typeof input.site
    })
    expect(analyse(zero).indicators.area).toMatchObject({ siteM2: 0, ratio: null, vacancy: null })
  })

  it('one category only: evenness 0; two equal categories: evenness 1', () => {
    const one = board([
      { id: 'u1', kind: 'use', ...at, category: 'studio', areaM2: 100 },
      { id: 'u2', kind: 'use', ...at, category: 'studio', areaM2: 50 },
      { id: 'u3', kind: 'use', ...at, category: 'retail', areaM2: 0 },
    ])
    expect(analyse(one).indicators.mix).toMatchObject({ evenness: 0, categories: 1 })
    const two = board([
      { id: 'u1', kind: 'use', ...at, category: 'studio', areaM2: 100 },
      { id: 'u2', kind: 'use', ...at, category: 'retail', areaM2: 100 },
    ])
    expect(analyse(two).indicators.mix).toMatchObject({ evenness: 1, categories: 2 })
  })

  it('dangling links count nowhere but as gaps; an operator that is gone leaves the use uncovered', () => {
    const document = board([
      { id: 'a1', kind: 'actor', ...at, sector: 'creative', commitment: 'idea' },
      { id: 'u1', kind: 'use', ...at, category: 'studio', areaM2: 10 },
      { id: 'l1', kind: 'link', from: 'gone', to: 'u1', relation: 'operates' },
      { id: 'l2', kind: 'link', from: 'a1', to: 'missing', relation: 'uses' },
      { id: 'l3', kind: 'link', from: 'x', to: 'y', relation: 'synergy' },
    ])
    const { indicators, matrix, gaps } = analyse(document)
    expect(indicators.coverage).toBe(0)
    expect(matrix.cells.flat().reduce((a, b) => a + b, 0)).toBe(0)
    expect(gaps).toEqual([
      { type: 'combination-missing', elementId: '' }, // one creative actor, nobody to combine with
      { type: 'use-without-operator', elementId: 'u1' },
      { type: 'actor-without-use', elementId: 'a1' },
      { type: 'use-without-phase', elementId: 'u1' },
      { type: 'link-dangling', elementId: 'l1' },
      { type: 'link-dangling', elementId: 'l2' },
      { type: 'link-dangling', elementId: 'l3' },
    ])
  })

  it('an operates link from the use to the actor is no operator (coverage reads actor → use)', () => {
    const document = board([
      { id: 'a1', kind: 'actor', ...at, sector: 'services', commitment: 'signed' },
      { id: 'u1', kind: 'use', ...at, category: 'coworking' },
      { id: 'l1', kind: 'link', from: 'u1', to: 'a1', relation: 'operates' },
    ])
    const { indicators, gaps } = analyse(document)
    expect(indicators.coverage).toBe(0)
    expect(gaps.map((gap) => gap.type)).toEqual(['combination-missing', 'use-without-operator', 'use-without-phase'])
  })

  it('timeline: a committed operator no phase schedules is on board; one scheduled the same month is too', () => {
    const document = board([
      { id: 'a1', kind: 'actor', ...at, sector: 'creative', commitment: 'signed' },
      { id: 'a2', kind: 'actor', ...at, sector: 'industry', commitment: 'loi' },
      { id: 'a3', kind: 'actor', ...at, sector: 'industry', commitment: 'idea' },
      { id: 'u1', kind: 'use', ...at, category: 'studio' },
      { id: 'u2', kind: 'use', ...at, category: 'production' },
      { id: 'u3', kind: 'use', ...at, category: 'storage' },
      { id: 'l1', kind: 'link', from: 'a1', to: 'u1', relation: 'operates' },
      { id: 'l2', kind: 'link', from: 'a2', to: 'u2', relation: 'operates' },
      // u3 has an uncommitted and a committed operator: the committed one is enough
      { id: 'l3', kind: 'link', from: 'a3', to: 'u3', relation: 'operates' },
      { id: 'l4', kind: 'link', from: 'a2', to: 'u3', relation: 'operates' },
      { id: 'p1', kind: 'phase', ...at, stage: 'pilot', start: '2028-01', end: '2028-12', refs: ['u1', 'u2', 'u3', 'a2'] },
      // an analysis phase never schedules a use, even an earlier one
      { id: 'p0', kind: 'phase', ...at, stage: 'analysis', start: '2027-01', end: '2027-03', refs: ['u1'] },
    ])
    expect(analyse(document).indicators.timelineConflicts).toEqual([])
  })

  it('the Y.Doc adapter skips what readBoardDocument skips: garbage, unknown kinds and enum values', () => {
    const doc = new Y.Doc()
    writeBoardDocument(doc, workedExample)
    const elements = doc.getMap<unknown>('elements')
    const put = (id: string, fields: Record<string, unknown>) => {
      const map = new Y.Map<unknown>()
      for (const [key, value] of Object.entries(fields)) map.set(key, value)
      elements.set(id, map)
    }
    doc.transact(() => {
      put('x1', { kind: 'actor', ...at, sector: 'aliens', commitment: 'signed' }) // unknown sector
      put('x2', { kind: 'use', ...at, category: 'spaceport', areaM2: 9999 }) // unknown category
      put('x3', { kind: 'link', from: 'a1', to: 'u2', relation: 'loves' }) // unknown relation
      put('x4', { kind: 'hologram', ...at }) // unknown kind
      put('x5', { kind: 'use', ...at, category: 'studio', areaM2: -5 }) // bad number
      elements.set('x6', 'not a map')
      doc.getMap('site').set('areaM2', 'large')
    })
    const result = analyseDoc(doc)
    expect(result.skipped).toBe(7)
    const { skipped: _skipped, ...analysis } = result
    // the site area was dropped as malformed; everything else equals the clean board
    const clean = analyse({ ...workedExample, site: {} })
    expect(analysis).toEqual(clean)
    expect(analysis.indicators.actors.total).toBe(7)
    expect(analysis.indicators.area.plannedM2).toBe(1500)
  })

  it('the Y.Doc adapter reads the settings from the doc', () => {
    const doc = new Y.Doc()
    writeBoardDocument(doc, workedExample)
    expect(analyseDoc(doc).indicators.creative.threshold).toBe(3)
    doc.getMap('settings').set('creativeThreshold', 10)
    expect(analyseDoc(doc).indicators.creative).toMatchObject({ threshold: 10, reached: false })
  })

  it('figures a newer client might write do not crash the document analysis', () => {
    // not parseable, but analyse must still answer for a document typed loosely at run time
    const loose = {
      site: { areaM2: Number.NaN },
      elements: [
        { id: 'a1', kind: 'actor', ...at, sector: 'aliens', commitment: 'someday', spaceNeedM2: 'lots' },
        { id: 'u1', kind: 'use', ...at, category: 'spaceport', areaM2: Number.POSITIVE_INFINITY },
        { id: 'p1', kind: 'phase', ...at, stage: 'pilot', start: '2027-01', end: '2027-02', refs: 'u1' },
        null,
        { id: 'l1', kind: 'link', from: 'a1', to: 'u1', relation: 'operates' },
      ],
    } as unknown as BoardDocument
    const { indicators } = analyse(loose)
    expect(indicators.actors.total).toBe(1)
    expect(indicators.area).toMatchObject({ siteM2: null, plannedM2: 0, demandM2: 0, weightedDemandM2: 0 })
    expect(indicators.mix.evenness).toBe(0)
  })
})
