import { describe, expect, it } from 'vitest'
import { analyse } from '../../../shared/analysis/analyse.ts'
import { indexBoard } from '../../../shared/analysis/board-index.ts'
import { workedExample } from '../../../shared/analysis/worked-example.fixture.ts'
import { conflictItems, formatEuro, formatMonth, phaseRows, viabilityView, zoneRows } from './roadmap-view.ts'

// Figures from shared/analysis/analyse.test.ts (worked out by hand from worked-example.fixture.ts),
// here as the sentences and rows the panel shows, in English.
const { indicators } = analyse(workedExample)
const index = indexBoard(workedExample)

describe('the cards the briefs also have', () => {
  it('formats months and euros for the UI language', () => {
    expect(formatMonth('2027-04')).toBe('Apr 2027')
    expect(formatMonth('someday')).toBe('someday')
    expect(formatEuro(6.142857)).toBe('€6.14')
    expect(formatEuro(103200, 0)).toBe('€103,200')
  })

  it('occupancy per phase: one row per phase with the share of the site', () => {
    const rows = phaseRows(indicators.phases, index)
    expect(rows).toHaveLength(indicators.phases.length)
    const interim = rows.find((row) => row.phaseId === 'p2')
    // p2 interim 2027-04 – 2028-03: u1, u2, u3 = 400 + 200 + 300 = 900 m² of 2,000 m² = 45 %
    expect(interim).toMatchObject({ areaText: '900 m²', occupancyText: '45%', usesText: '3 uses', fraction: 0.45 })
    expect(interim?.monthsText).toBe('Apr 2027 – Mar 2028')
  })

  it('timeline conflicts as sentences naming use, phase and operators', () => {
    const items = conflictItems(indicators.timelineConflicts, index)
    expect(items.map((item) => item.useId)).toEqual(['u3', 'u5'])
    expect(items[0]?.text).toMatch(/opens in .+ \(Apr 2027\), but .+ has not committed yet$/)
  })

  it('space per zone and rent: the figures of the analysis in words', () => {
    const zones = zoneRows(indicators.zones, index)
    const z2 = zones.find((row) => row.zoneId === 'z2')
    // z2: 300 m²; u3 300 + u4 100 = 400 m² planned → 133 %, over-planned
    expect(z2).toMatchObject({ supplyText: '300 m²', plannedText: '400 m²', occupancyText: '133%', overPlanned: true })
    const view = viabilityView(indicators.viability, index)
    expect(view.hasRent).toBe(true)
    expect(view.figures.map((figure) => [figure.key, figure.value])).toEqual([
      ['income', '€103,200'], // (5·400 + 8·200 + 10·300 + 4·500) · 12
      ['rentedArea', '1,400 m²'],
      ['meanRent', '€6.14 per m² and month'],
      ['subsidy', '7%'], // u4 100 m² of 1,500 m²
    ])
    expect(view.affordableText).toBe('1 of 2 actors with a budget can pay the asking rent')
    expect(view.affordability.map((row) => [row.actorId, row.canPay])).toEqual([
      ['a1', true],
      ['a2', false],
    ])
  })
})
