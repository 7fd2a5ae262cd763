import { afterEach, describe, expect, it } from 'vitest'
import { analyse } from '../../../shared/analysis/analyse.ts'
import { indexBoard } from '../../../shared/analysis/board-index.ts'
import { workedExample } from '../../../shared/analysis/worked-example.fixture.ts'
import { setLanguage } from '../../i18n/locale.ts'
import { conflictItems, formatEuro, formatMonth, moneyView, phaseRows, viabilityView, zoneRows } from './roadmap-view.ts'

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

describe('investment and funding', () => {
  afterEach(() => setLanguage('en'))

  it('the money figures of the worked example, in English and German', () => {
    const view = moneyView(indicators.viability)
    expect(view.hasMoney).toBe(true)
    expect(view.figures.map((figure) => [figure.key, figure.value])).toEqual([
      ['investment', '€600,000'],
      ['runningCost', '€60,000'],
      ['income', '€109,200'], // rents of u1, u2, u5 + u3's own 42,000
      ['costRecovery', '182%'], // 109,200 / 60,000
      ['payback', '12.2'], // 600,000 / 49,200
      ['breakEven', '2039'],
      ['funding', '€600,000'],
      ['subsidyDependency', '60%'], // 360,000 of 600,000
    ])
    expect(view.sources.map((source) => [source.label, source.value])).toEqual([
      ['Own funds', '€40,000'],
      ['Loan', '€120,000'],
      ['Municipality', '€60,000'],
      ['EU funding', '€300,000'],
      ['Source not named', '€80,000'],
    ])
    expect(view.summaryText).toBe('Investment €600K, break-even 2039')

    setLanguage('de')
    const german = moneyView(indicators.viability)
    const value = (key: string) => german.figures.find((figure) => figure.key === key)?.value.replace(/\s/g, ' ')
    expect(value('investment')).toBe('600.000 €')
    expect(value('costRecovery')).toBe('182 %')
    expect(value('payback')).toBe('12,2')
    expect(value('breakEven')).toBe('2039') // a year, not "2.039"
    expect(german.summaryText?.replace(/\s/g, ' ')).toBe('Investition 600.000 €, Break-even 2039')
  })

  it('a board without money: the card asks for it; no payback is "not reached"', () => {
    const empty = moneyView(analyse({ site: {}, elements: [] }).indicators.viability)
    expect(empty).toEqual({ hasMoney: false, figures: [], sources: [], summaryText: null })
    const loss = analyse({
      site: {},
      elements: [
        {
          id: 'u1',
          kind: 'use',
          x: 0,
          y: 0,
          w: 10,
          h: 10,
          label: '',
          category: 'studio',
          investmentEur: 1000,
          runningCostEurYear: 500,
        },
      ],
    } as unknown as Parameters<typeof analyse>[0]).indicators.viability
    const view = moneyView(loss)
    expect(view.figures.find((figure) => figure.key === 'breakEven')?.value).toBe('not reached')
    expect(view.figures.find((figure) => figure.key === 'costRecovery')?.value).toBe('0%')
    expect(view.sources).toEqual([{ key: 'unspecified', label: 'Source not named', value: '€1,000' }])
  })
})
