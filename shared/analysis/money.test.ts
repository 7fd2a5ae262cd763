import { describe, expect, it } from 'vitest'
import type { BoardDocument } from '../schema/document.ts'
import type { Element } from '../schema/elements.ts'
import type { SettingsInput } from '../schema/settings.ts'
import { analyse } from './analyse.ts'

/** A board of just these elements (boxes get a position; the figures never read it). */
function board(elements: Record<string, unknown>[], settings: SettingsInput = {}): BoardDocument {
  const box = { x: 0, y: 0, w: 100, h: 50, label: '' }
  return {
    format: 'refresh-board',
    version: 1,
    board: { id: 'm', title: 'Money' },
    site: {},
    settings: settings as BoardDocument['settings'],
    elements: elements.map((element) => (element.kind === 'link' ? element : { ...box, ...element })) as Element[],
  }
}
const actor = (id: string, sector: string) => ({ id, kind: 'actor', sector, commitment: 'signed' })
const use = (id: string, fields: Record<string, unknown> = {}) => ({ id, kind: 'use', category: 'studio', ...fields })
const funds = (id: string, from: string, to: string, amountEur?: number, relation = 'funds') => ({
  id,
  kind: 'link',
  from,
  to,
  relation,
  ...(amountEur === undefined ? {} : { amountEur }),
})
const viability = (document: BoardDocument) => analyse(document).indicators.viability

describe('viability: money', () => {
  it('a private funder counts under the use’s own non-public source; a public funder at the use’s public level', () => {
    const v = viability(
      board([
        actor('city', 'public'),
        actor('bank', 'investor'),
        actor('club', 'civil'),
        use('u1', { investmentEur: 100000, fundingSource: 'loan' }),
        use('u2', { investmentEur: 50000, fundingSource: 'regional' }),
        funds('l1', 'bank', 'u1', 70000), // loan
        funds('l2', 'city', 'u2', 20000), // regional (the use names the level)
        funds('l3', 'club', 'u2', 10000), // u2's source is public: the club's money is unspecified
        funds('l4', 'bank', 'u2', 40000, 'supports'), // not `funds`: not counted
        funds('l5', 'ghost', 'u1', 9999), // no such actor: not counted
        funds('l6', 'u1', 'city', 9999), // from a use: not counted
        funds('l7', 'city', 'u1'), // no amount: nothing
      ]),
    )
    // u1: 70,000 by link + 30,000 uncovered → loan 100,000
    // u2: 20,000 regional + 10,000 unspecified by link, 20,000 uncovered → regional
    expect(v.fundingBySource).toMatchObject({ loan: 100000, regional: 40000, unspecified: 10000, municipal: 0, private: 0 })
    expect(v.fundingEur).toBe(150000)
    expect(v.publicFundingEur).toBe(40000)
    expect(v.subsidyDependency).toBeCloseTo(40000 / 150000, 12)
  })

  it('links may fund more than the investment (running grants): all of it counts, nothing is uncovered', () => {
    const v = viability(
      board([actor('eu', 'public'), use('u1', { investmentEur: 10000, fundingSource: 'eu' }), funds('l1', 'eu', 'u1', 25000)]),
    )
    expect(v.fundingBySource.eu).toBe(25000)
    expect([v.fundingEur, v.publicFundingEur, v.subsidyDependency]).toEqual([25000, 25000, 1])
    expect(v.investmentEur).toBe(10000)
  })

  it('income: the use’s incomeEurYear wins over its rent, even 0; rent × area × 12 otherwise', () => {
    const v = viability(
      board([
        use('u1', { areaM2: 100, rentEurM2Month: 10, incomeEurYear: 0, runningCostEurYear: 4000 }),
        use('u2', { areaM2: 50, rentEurM2Month: 6, runningCostEurYear: 6000 }), // 3,600
        use('u3', { rentEurM2Month: 9 }), // no area: 0
      ]),
    )
    expect(v.incomeEurYear).toBe(3600)
    expect(v.runningCostEurYear).toBe(10000)
    expect(v.costRecovery).toBeCloseTo(0.36, 12)
    expect(v.rentIncomeEurYear).toBe(12000 + 3600) // the rent figure still counts u1's rent
  })

  it('no running cost: cost recovery null; no surplus or no investment: no payback, no break-even', () => {
    const noCost = viability(board([use('u1', { incomeEurYear: 5000, investmentEur: 10000 })]))
    expect(noCost.costRecovery).toBeNull()
    expect(noCost.paybackYears).toBe(2)
    const loss = viability(board([use('u1', { incomeEurYear: 5000, runningCostEurYear: 5000, investmentEur: 10000 })]))
    expect(loss.costRecovery).toBe(1)
    expect([loss.paybackYears, loss.breakEvenYear]).toEqual([null, null])
    const free = viability(board([use('u1', { incomeEurYear: 5000 })]))
    expect([free.paybackYears, free.breakEvenYear]).toEqual([null, null])
  })

  it('break-even year: from the earliest phase (not analysis) scheduling a use with money, else timelineOrigin, else 2027-01', () => {
    // 12,000 investment, 1,000 surplus a year: 12 years = 144 months
    const money = use('u1', { investmentEur: 12000, incomeEurYear: 3000, runningCostEurYear: 2000 })
    const phase = (id: string, stage: string, start: string, refs: string[]) => ({
      id,
      kind: 'phase',
      stage,
      start,
      end: start,
      refs,
    })
    const phased = viability(
      board([
        money,
        use('u2'),
        phase('p0', 'analysis', '2026-01', ['u1']), // analysing a use does not open it
        phase('p1', 'interim', '2026-06', ['u2']), // u2 carries no money
        phase('p2', 'pilot', '2028-02', ['u1']),
      ]),
    )
    // 2028-02 + 143 months = 2040-01
    expect(phased.breakEvenYear).toBe(2040)
    expect(viability(board([money], { timelineOrigin: '2030-01' })).breakEvenYear).toBe(2041) // 2030-01 + 143 = 2041-12
    expect(viability(board([money])).breakEvenYear).toBe(2038) // 2027-01 + 143 = 2038-12
    // half a year's payback from 2027-01: 6 months, the last is 2027-06
    const quick = use('u1', { investmentEur: 500, incomeEurYear: 1000 })
    expect(viability(board([quick])).breakEvenYear).toBe(2027)
    expect(viability(board([quick])).paybackYears).toBe(0.5)
  })
})
