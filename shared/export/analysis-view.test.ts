import { describe, expect, it } from 'vitest'
import { analyse } from '../analysis/analyse.ts'
import type { Analysis } from '../analysis/types.ts'
import { workedExample } from '../analysis/worked-example.fixture.ts'
import type { BoardDocument } from '../schema/document.ts'
import { indicatorRows, keyIndicators, looksLikeAnalysis } from './analysis-view.ts'
import { numbersFor } from './format.ts'
import { briefWords } from './markdown-text.ts'

const at = { x: 0, y: 0, w: 180, h: 90 }
const board = {
  format: 'refresh-board',
  version: 1,
  board: { id: 'b', title: 'Brewery' },
  site: { name: 'Brewery', areaM2: 2000 },
  elements: [
    { id: 'a1', kind: 'actor', ...at, label: 'Print studio', sector: 'creative', commitment: 'signed' },
    { id: 'a2', kind: 'actor', ...at, label: 'Theatre', sector: 'culture', commitment: 'interested' },
    { id: 'a3', kind: 'actor', ...at, label: 'Potter', sector: 'creative', commitment: 'interested' },
    { id: 'a4', kind: 'actor', ...at, label: 'Bakery', sector: 'gastronomy', commitment: 'interested' },
    { id: 'a5', kind: 'actor', ...at, label: 'Band', sector: 'creative', commitment: 'idea' },
  ],
} as unknown as BoardDocument

describe('keyIndicators (stored with every snapshot)', () => {
  it('keeps committed and merely interested creative actors apart, as the critical mass does', () => {
    const key = keyIndicators(analyse(board))
    // the bakery's interest is not the creative scene's
    expect(key).toMatchObject({ creativeActors: 4, creativeCommitted: 1, creativeInterested: 2 })
  })

  it('is null for the interested of an analysis stored before they were counted', () => {
    const stored = structuredClone(analyse(board)) as Analysis
    delete (stored.indicators.creative as { interested?: number }).interested
    expect(keyIndicators(stored).creativeInterested).toBeNull()
    expect(keyIndicators(stored).creativeCommitted).toBe(1)
  })
})

describe('indicatorRows: money', () => {
  const analysis = analyse(workedExample)
  it('adds the money figures of the worked example, in English and in German', () => {
    const rows = Object.fromEntries(indicatorRows(analysis).map((row) => [row.label, row.value]))
    expect(rows).toMatchObject({
      Investment: '€600,000',
      'Running cost per year': '€60,000',
      'Income per year': '€109,200',
      'Cost recovery': '182%',
      'Payback (years)': '12.2',
      'Break-even year': '2039',
      Funding: '€600,000',
      'Subsidy dependency': '60%',
    })
    const german = Object.fromEntries(
      indicatorRows(analysis, numbersFor('de'), briefWords('de')).map((row) => [row.label, row.value.replace(/\s/g, ' ')]),
    )
    expect(german).toMatchObject({ Investition: '600.000 €', Kostendeckung: '182 %', 'Break-even-Jahr': '2039' })
  })

  it('leaves them out of a board without money, and of an analysis stored before they existed', () => {
    const none = analyse({ site: {}, elements: [] })
    expect(indicatorRows(none).map((row) => row.label)).not.toContain('Investment')
    const stored = structuredClone(analysis) as unknown as { indicators: { viability: Record<string, unknown> } }
    for (const key of ['investmentEur', 'runningCostEurYear', 'fundingEur']) delete stored.indicators.viability[key]
    expect(indicatorRows(stored as unknown as Analysis).map((row) => row.label)).not.toContain('Investment')
  })
})

describe('looksLikeAnalysis', () => {
  it('takes a current analysis, and refuses one stored before the money figures (it is recomputed)', () => {
    const current = analyse(workedExample)
    expect(looksLikeAnalysis(current)).toBe(true)
    const stored = structuredClone(current) as unknown as { indicators: { viability: Record<string, unknown> } }
    delete stored.indicators.viability.fundingBySource
    expect(looksLikeAnalysis(stored)).toBe(false)
    expect(looksLikeAnalysis({ indicators: {}, gaps: [], matrix: {} })).toBe(false)
  })
})
