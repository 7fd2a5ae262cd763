import { describe, expect, it, vi } from 'vitest'
import { analyse } from '../../../shared/analysis/analyse.ts'
import { indexBoard } from '../../../shared/analysis/board-index.ts'
import { workedExample } from '../../../shared/analysis/worked-example.fixture.ts'
import { unionOf, viewAround } from './canvas-focus.ts'
import { createThrottle, type Timers } from './live-analysis.ts'
import { parseThreshold } from './threshold-editor.tsx'
import {
  areaBalance,
  categoriesInUse,
  coverageText,
  criticalMass,
  evennessText,
  formatArea,
  formatPercent,
  gapGroups,
  gapSentence,
  heatLevel,
  heatmap,
  isEmptyForAnalysis,
  nameOf,
  sectorBars,
  stakeholderView,
  useMixBars,
} from './view-model.ts'

// The worked example of shared/analysis (site 2,000 m², threshold 3): numbers by hand in its header.
const analysis = analyse(workedExample)
const index = indexBoard(workedExample)
const { indicators } = analysis
const elementOf = (id: string) => index.byId.get(id)

describe('formatting', () => {
  it('rounds percentages and areas for the language', () => {
    expect(formatPercent(0.75)).toBe('75%')
    expect(formatPercent(0.6149)).toBe('61%')
    expect(formatArea(12000.4)).toBe('12,000 m²')
  })
})

describe('sector mix', () => {
  it('lists every sector with actors, largest first, with counts and shares', () => {
    const bars = sectorBars(indicators.actors)
    // creative 2; culture, commerce, industry, public, owner 1 each (contract order on ties); 7 actors
    expect(bars.map((bar) => [bar.key, bar.value])).toEqual([
      ['creative', 2],
      ['culture', 1],
      ['commerce', 1],
      ['industry', 1],
      ['public', 1],
      ['owner', 1],
    ])
    expect(bars[0]).toMatchObject({ label: 'Creative industries', valueText: '2', shareText: '29%', fraction: 1 })
    expect(bars[1]?.fraction).toBe(0.5)
  })

  it('is empty without actors', () => {
    expect(sectorBars(analyse({ site: {}, elements: [] }).indicators.actors)).toEqual([])
  })
})

describe('use mix by area', () => {
  it('gives m² and the share of the planned 1,500 m²', () => {
    const bars = useMixBars(indicators.mix)
    expect(bars.map((bar) => [bar.key, bar.valueText, bar.shareText])).toEqual([
      ['production', '500 m²', '33%'],
      ['makerspace', '400 m²', '27%'],
      ['gastronomy', '300 m²', '20%'],
      ['studio', '200 m²', '13%'],
      ['events', '100 m²', '7%'],
    ])
    expect(bars[4]?.fraction).toBeCloseTo(0.2)
  })
})

describe('area balance', () => {
  it('puts planned, site and weighted demand on one scale with the site as 100 %', () => {
    const view = areaBalance(indicators.area)
    // scale = max(1,500, 2,000, 682.5) = 2,000
    expect(view.rows.map((row) => [row.key, row.valueText, row.fraction])).toEqual([
      ['planned', '1,500 m²', 0.75],
      ['site', '2,000 m²', 1],
      ['weighted', '683 m²', 682.5 / 2000],
    ])
    expect(view.markerFraction).toBe(1)
    expect(view.ratioText).toBe('75% of the site is planned')
    expect(view.overPlanned).toBe(false)
    expect(view.demandText).toBe('Committed demand covers 46% of the planned area')
  })

  it('says when the site is over-planned, and what to do without a site area', () => {
    const over = areaBalance({ ...indicators.area, siteM2: 1000, ratio: 1.5 })
    expect(over.ratioText).toBe('Over-planned: 150% of the site area is planned')
    expect(over.markerFraction).toBeCloseTo(1000 / 1500)
    const noSite = areaBalance({ ...indicators.area, siteM2: null, ratio: null, vacancy: null })
    expect(noSite.ratioText).toBe('Enter the site’s floor area in the site profile to compare it with the plan.')
    expect(noSite.markerFraction).toBeNull()
    expect(noSite.rows.map((row) => row.key)).toEqual(['planned', 'weighted'])
  })
})

describe('critical mass', () => {
  it('reached: 3 creative and cultural actors against a target of 3', () => {
    const view = criticalMass(indicators.creative)
    expect(view).toMatchObject({ countText: '3 of 3', statusText: 'Reached', missing: 0, fraction: 1 })
    // a1 committed (loi), a6 merely interested, a2 an idea: committed first, then interested
    expect(view.segments).toEqual([
      { filled: true, level: 'committed' },
      { filled: true, level: 'interested' },
      { filled: true, level: 'idea' },
    ])
    expect(view.splitText).toBe('1 committed (letter of intent or more) · 1 interested · 1 idea only')
    expect(view.detailText).toBe('Creative and cultural actors: 43% of all actors, 1 committed')
  })

  it('says how many more are needed; a large target is a bar, not segments', () => {
    expect(criticalMass({ ...indicators.creative, threshold: 5, reached: false }).statusText).toBe('2 more needed')
    expect(criticalMass({ ...indicators.creative, threshold: 4, reached: false }).statusText).toBe('1 more needed')
    const big = criticalMass({ ...indicators.creative, threshold: 40, reached: false })
    expect(big.segments).toBeNull()
    expect(big.fraction).toBeCloseTo(3 / 40)
  })
})

describe('coverage, evenness, stakeholders', () => {
  it('counts uses with an operator exactly', () => {
    // 6 uses, 3 without operator (u2, u4, u6)
    expect(coverageText(index.uses.length, analysis.gaps)).toEqual({
      text: '3 of 6 uses have an operator',
      covered: 3,
      fraction: 0.5,
    })
    expect(coverageText(1, []).text).toBe('1 of 1 use has an operator')
    expect(coverageText(0, []).text).toBe('No uses yet.')
  })

  it('puts mix evenness in numbers and words', () => {
    expect(evennessText(indicators.mix)).toEqual({ text: 'Evenness 0.93 over 5 kinds of use', words: 'an even mix' })
    expect(evennessText({ ...indicators.mix, categories: 1, evenness: 0 }).words).toBeNull()
    expect(evennessText({ ...indicators.mix, evenness: 0.3 }).words).toBe('dominated by one use')
  })

  it('reads stakeholder health as a sentence and the quadrants as counts', () => {
    const view = stakeholderView(indicators.stakeholders)
    expect(view.healthText).toBe('2 of 4 key players support the project')
    expect(view.blockersText).toBe('1 blocker')
    expect(view.criticsText).toBe('1 critic')
    expect(view.quadrants.map((q) => [q.quadrant, q.count])).toEqual([
      ['keepSatisfied', 1],
      ['manageClosely', 4],
      ['monitor', 1],
      ['keepInformed', 1],
    ])
  })
})

describe('combination heat-map', () => {
  it('keeps rows of sectors with actors and columns of categories with uses; zero cells blank', () => {
    const map = heatmap(analysis.matrix, indicators.actors, categoriesInUse(index))
    expect(map.rows.map((row) => row.sector)).toEqual(['creative', 'culture', 'commerce', 'industry', 'public', 'owner'])
    expect(map.columns.map((column) => column.category)).toEqual([
      'studio',
      'makerspace',
      'events',
      'gastronomy',
      'production',
      'community',
    ])
    const cell = (sector: string, category: string) =>
      map.rows.find((row) => row.sector === sector)?.cells.find((c) => c.category === category)
    // l1 a1→u1: creative × makerspace; l4 u1→a4: industry × makerspace; l9 a4→u5: industry × production
    expect(cell('creative', 'makerspace')).toMatchObject({ count: 1, level: 4 })
    expect(cell('creative', 'makerspace')?.label).toBe('1 link: Creative industries × Makerspace. Select it on the board.')
    expect(cell('industry', 'production')?.count).toBe(1)
    expect(cell('owner', 'studio')).toMatchObject({ count: 0, level: 0, label: '' })
    expect(map.max).toBe(1)
  })

  it('on demand, the full matrix: every sector and kind of use, the same counts', () => {
    const full = heatmap(analysis.matrix, indicators.actors, categoriesInUse(index), true)
    expect(full.rows).toHaveLength(14)
    expect(full.columns).toHaveLength(analysis.matrix.columns.length)
    expect(full.rows.flatMap((row) => row.cells).reduce((sum, cell) => sum + cell.count, 0)).toBe(7)
    expect(full.max).toBe(1)
  })

  it('shades in four steps of the largest cell', () => {
    expect([0, 1, 2, 3, 4, 8].map((n) => heatLevel(n, 8))).toEqual([0, 1, 1, 2, 2, 4])
    expect(heatLevel(3, 0)).toBe(0)
  })
})

describe('gaps', () => {
  it('groups by type in the analysis’s order, with counts and sentences', () => {
    const groups = gapGroups(analysis.gaps, elementOf, indicators.zones)
    expect(groups.map((group) => [group.type, group.count])).toEqual([
      ['use-without-operator', 3],
      ['actor-without-use', 2],
      ['zone-overcommitted', 1],
      ['use-without-phase', 2],
      ['link-dangling', 2],
      ['use-zone-missing', 1],
      ['phase-ref-dangling', 1],
    ])
    expect(groups[0]?.title).toBe('Uses without an operator')
    expect(groups[0]?.items.map((item) => item.text)).toEqual([
      'Studios has no operator',
      'Festival hall has no operator',
      'Neighbourhood room has no operator',
    ])
    expect(groups[1]?.items[0]?.text).toBe('Fotografin is linked to no use')
    expect(groups[2]?.items[0]?.text).toBe('Hall B holds 400 m² of uses on 300 m²')
    expect(groups[4]?.items.map((item) => item.text)).toEqual([
      'A link from a missing element to Festival hall has lost an end',
      'A link from Töpferei Kollektiv to a missing element has lost an end',
    ])
    expect(groups[5]?.items[0]?.text).toBe('Neighbourhood room is placed in a zone that no longer exists')
    expect(groups[6]?.items[0]?.text).toBe('Pilot names an element that no longer exists')
  })

  it('names an element without a label by its kind', () => {
    expect(nameOf({ kind: 'use', label: '  ' })).toBe('Use without a name')
    expect(gapSentence({ type: 'use-without-operator', elementId: 'x' }, () => ({ kind: 'use' }))).toBe(
      'Use without a name has no operator',
    )
  })

  it('has no groups on a board without gaps', () => {
    expect(gapGroups([], elementOf)).toEqual([])
  })
})

describe('empty state and helpers', () => {
  it('is empty until there is an actor or a use', () => {
    expect(isEmptyForAnalysis(indexBoard({ elements: [] }))).toBe(true)
    expect(isEmptyForAnalysis(index)).toBe(false)
  })

  it('parses the critical-mass target as a whole number from 0 to 1000', () => {
    expect(['5', ' 12 ', '0', '1000', '1001', '2.5', '-1', '', 'x'].map(parseThreshold)).toEqual([
      5,
      12,
      0,
      1000,
      null,
      null,
      null,
      null,
      null,
    ])
  })

  it('unions element bounds for the zoom', () => {
    expect(unionOf([{ x: 0, y: 0, width: 10, height: 10 }, null, { x: 20, y: -5, width: 5, height: 5 }])).toEqual({
      x: 0,
      y: -5,
      width: 25,
      height: 15,
    })
    expect(unionOf([null])).toBeNull()
  })

  it('shows a small element with room around it, a large group with a margin', () => {
    expect(viewAround({ x: 0, y: 0, width: 180, height: 90 })).toEqual({ x: -510, y: -355, width: 1200, height: 800 })
    expect(viewAround({ x: 0, y: 0, width: 2000, height: 1000 })).toEqual({ x: -160, y: -160, width: 2320, height: 1320 })
  })
})

describe('createThrottle', () => {
  function fakeTimers() {
    let now = 0
    const queue: { at: number; fn: () => void }[] = []
    const timers: Timers = {
      now: () => now,
      setTimeout: (fn, ms) => {
        const entry = { at: now + ms, fn }
        queue.push(entry)
        return entry
      },
      clearTimeout: (handle) => {
        const i = queue.indexOf(handle as (typeof queue)[number])
        if (i >= 0) queue.splice(i, 1)
      },
    }
    const advance = (ms: number) => {
      now += ms
      for (const entry of queue.filter((e) => e.at <= now)) {
        queue.splice(queue.indexOf(entry), 1)
        entry.fn()
      }
    }
    return { timers, advance }
  }

  it('runs a frame after a quiet change, then at most every interval during a burst', () => {
    const { timers, advance } = fakeTimers()
    const run = vi.fn()
    const throttle = createThrottle(run, 100, 16, timers)
    throttle.schedule()
    advance(15)
    expect(run).not.toHaveBeenCalled()
    advance(1)
    expect(run).toHaveBeenCalledTimes(1)
    // a burst: every 10 ms for 300 ms → about one run per 100 ms, the last change included
    for (let i = 0; i < 30; i++) {
      throttle.schedule()
      advance(10)
    }
    advance(100)
    expect(run.mock.calls.length).toBeGreaterThanOrEqual(3)
    expect(run.mock.calls.length).toBeLessThanOrEqual(5)
    const calls = run.mock.calls.length
    throttle.schedule()
    throttle.cancel()
    advance(200)
    expect(run).toHaveBeenCalledTimes(calls)
  })
})
