import { describe, expect, it } from 'vitest'
import { fundingSources, sectors, useCategories } from '../schema/enums.ts'
import { analyse } from './analyse.ts'
import { indexBoard } from './board-index.ts'
import { linksInCell } from './matrix.ts'
import type { Gap } from './types.ts'
import { workedExample, workedExampleWith } from './worked-example.fixture.ts'

// Every expected number below is worked out by hand from the table in worked-example.fixture.ts.
const { indicators, matrix, gaps } = analyse(workedExample)

describe('analyse: worked example', () => {
  it('actors: total and every sector with 0s', () => {
    expect(indicators.actors.total).toBe(7)
    expect(Object.keys(indicators.actors.bySector)).toEqual([...sectors])
    expect(indicators.actors.bySector).toEqual({
      creative: 2, // a1, a6
      culture: 1, // a2
      commerce: 1,
      industry: 1,
      services: 0,
      gastronomy: 0,
      tourism: 0,
      public: 1,
      heritage: 0,
      education: 0,
      civil: 0,
      residents: 0,
      owner: 1,
      investor: 0,
    })
  })

  it('creative critical mass: creative + culture against the board threshold', () => {
    // a1, a2, a6 → 3 ≥ threshold 3; share 3 / 7; committed (loi+) only a1; merely interested a6;
    // a2 is at the idea stage (3 − 1 − 1)
    expect(indicators.creative).toEqual({ count: 3, threshold: 3, reached: true, share: 3 / 7, committed: 1, interested: 1 })
    expect(analyse(workedExample, { creativeThreshold: 4 }).indicators.creative.reached).toBe(false)
  })

  it('area: planned against site, demand and commitment-weighted demand', () => {
    const area = indicators.area
    expect(area.siteM2).toBe(2000)
    expect(area.plannedM2).toBe(1500) // 400 + 200 + 300 + 100 + 500 + 0
    expect(area.ratio).toBe(0.75) // 1500 / 2000
    expect(area.vacancy).toBe(0.25)
    expect(area.demandM2).toBe(1150) // 300 + 200 + 100 + 500 + 50
    // 300·0.5 + 200·0.1 + 100·1 + 500·0.8 + 50·0.25 = 150 + 20 + 100 + 400 + 12.5
    expect(area.weightedDemandM2).toBeCloseTo(682.5, 9)
    expect(area.demandToPlanned).toBeCloseTo(0.455, 9) // 682.5 / 1500
  })

  it('weights are board settings: a document setting or an explicit override', () => {
    // all weights 1 → weighted demand equals demand
    const allOne = { idea: 1, interested: 1, loi: 1, precontract: 1, signed: 1 }
    expect(analyse(workedExample, { commitmentWeights: allOne }).indicators.area.weightedDemandM2).toBe(1150)
    // only idea changed to 0.5: 682.5 − 200·0.1 + 200·0.5 = 762.5
    const fromDocument = workedExampleWith((input) => {
      input.settings = { creativeThreshold: 3, commitmentWeights: { idea: 0.5 } } as typeof input.settings
    })
    expect(analyse(fromDocument).indicators.area.weightedDemandM2).toBeCloseTo(762.5, 9)
  })

  it('combination: cross-sector links, shared uses, committed sectors', () => {
    expect(indicators.combination).toEqual({
      crossSectorLinks: 2, // l5 creative–commerce, l6 industry–culture (l10 public–creative is not)
      sharedUses: 1, // u1: a1 creative, a3 commerce, a4 industry
      sectorsCommitted: 4, // creative (a1 loi), commerce (a3), industry (a4), owner (a7)
    })
  })

  it('coverage: share of uses with an operates link from an actor', () => {
    expect(indicators.coverage).toBe(0.5) // u1 (a1), u3 (a2), u5 (a4) of six uses
  })

  it('mix: Shannon evenness of planned area over categories', () => {
    // p = 400, 200, 300, 100, 500 over 1500; H = −Σ p ln p = 1.4897503188505912; k = 5
    // evenness = H / ln 5 = 0.925633916873193 (community has 0 m² and does not count)
    expect(indicators.mix.categories).toBe(5)
    expect(indicators.mix.evenness).toBeCloseTo(0.925633916873193, 12)
    expect(indicators.mix.areaByCategory).toMatchObject({
      makerspace: 400,
      studio: 200,
      gastronomy: 300,
      events: 100,
      production: 500,
      community: 0,
    })
    expect(Object.keys(indicators.mix.areaByCategory)).toEqual([...useCategories])
  })

  it('stakeholder health: key players on side, blockers, quadrants', () => {
    expect(indicators.stakeholders).toEqual({
      keyPlayers: 4, // a1 (4,5), a3 (4,4), a4 (5,4), a5 (5,5)
      keyPlayersSupportive: 2, // a1, a5 champions; a3 neutral, a4 blocker
      health: 0.5,
      blockers: 1, // a4
      critics: 1, // a6
      quadrants: { manageClosely: 4, keepSatisfied: 1, keepInformed: 1, monitor: 1, unplaced: 0 },
    })
  })

  it('occupancy per phase, in time order', () => {
    expect(indicators.phases).toEqual([
      { phaseId: 'p1', stage: 'analysis', start: '2027-01', end: '2027-06', uses: 0, actors: 1, plannedM2: 0, occupancy: 0 },
      // u1 400 + u2 200 + u3 300 = 900 of 2000
      { phaseId: 'p2', stage: 'interim', start: '2027-04', end: '2028-03', uses: 3, actors: 1, plannedM2: 900, occupancy: 0.45 },
      // u3 300 + u5 500; ghost2 is no element
      { phaseId: 'p3', stage: 'pilot', start: '2028-04', end: '2029-03', uses: 2, actors: 0, plannedM2: 800, occupancy: 0.4 },
      {
        phaseId: 'p4',
        stage: 'consolidation',
        start: '2029-01',
        end: '2030-12',
        uses: 2,
        actors: 1,
        plannedM2: 900,
        occupancy: 0.45,
      },
    ])
  })

  it('timeline conflicts: uses scheduled before their operator is committed', () => {
    expect(indicators.timelineConflicts).toEqual([
      // u3 opens in p2 (2027-04); its only operator a2 is at "idea"
      { useId: 'u3', phaseId: 'p2', start: '2027-04', reason: 'operator-uncommitted', operatorIds: ['a2'] },
      // u5 opens in p3 (2028-04); its operator a4 is committed but first scheduled in p4 (2029-01)
      { useId: 'u5', phaseId: 'p3', start: '2028-04', reason: 'operator-scheduled-later', operatorIds: ['a4'] },
    ])
    // u1 opens in p2 with a1 (loi) scheduled in p2 too: no conflict
  })

  it('supply and demand per zone', () => {
    expect(indicators.zones).toEqual([
      // u1 + u2 = 600 of 800; occupants a1 (300, loi), a3 (100, signed), a2 (200, idea): 150 + 100 + 20
      { zoneId: 'z1', supplyM2: 800, plannedM2: 600, demandM2: 600, weightedDemandM2: 270, occupancy: 0.75, uses: 2 },
      // u3 + u4 = 400 of 300; occupant a2 operates u3 (200 × 0.1)
      { zoneId: 'z2', supplyM2: 300, plannedM2: 400, demandM2: 200, weightedDemandM2: 20, occupancy: 400 / 300, uses: 2 },
      // no area: occupancy unknown; a4 operates u5 (500 × 0.8); a5 only funds it
      { zoneId: 'z3', supplyM2: null, plannedM2: 500, demandM2: 500, weightedDemandM2: 400, occupancy: null, uses: 1 },
    ])
  })

  it('viability from rents, revenue models and budgets', () => {
    const v = indicators.viability
    // (5·400 + 8·200 + 10·300 + 4·500) · 12 = 8600 · 12
    expect(v.rentIncomeEurYear).toBe(103200)
    expect(v.rentedAreaM2).toBe(1400)
    expect(v.meanRentEurM2Month).toBeCloseTo(8600 / 1400, 12) // 6.142857…
    expect(v.subsidyAreaShare).toBeCloseTo(100 / 1500, 12) // u4
    expect(v.affordability).toEqual([
      // a1 operates u1 at 5 €/m²: 6 / 5
      { actorId: 'a1', budgetEurM2Month: 6, askingRentEurM2Month: 5, ratio: 1.2 },
      // a2 uses u2 (8 × 200) and operates u3 (10 × 300): 4600 / 500 = 9.2; 3 / 9.2
      { actorId: 'a2', budgetEurM2Month: 3, askingRentEurM2Month: 9.2, ratio: 3 / 9.2 },
    ])
    expect([v.affordableActors, v.unaffordableActors]).toEqual([1, 1])
  })

  it('money: investment, running cost, income, cost recovery, payback, break-even and funding', () => {
    const v = indicators.viability
    expect(v.investmentEur).toBe(600000) // 300,000 + 120,000 + 80,000 + 100,000
    expect(v.runningCostEurYear).toBe(60000) // 18,000 + 30,000 + 12,000
    // u1 rent 5·400·12 = 24,000; u2 8·200·12 = 19,200; u3 its income 42,000 (not its rent 36,000); u5 4·500·12 = 24,000
    expect(v.incomeEurYear).toBe(109200)
    expect(v.costRecovery).toBeCloseTo(1.82, 12) // 109,200 / 60,000
    expect(v.paybackYears).toBeCloseTo(600000 / 49200, 12) // 12.195…
    // from p2 (2027-04, the first phase, not analysis, with a use that carries money: u1);
    // ⌈12.195 × 12⌉ = 147 months, the last of them 2027-04 + 146 months = 2039-06
    expect(v.breakEvenYear).toBe(2039)
    expect(v.fundingBySource).toEqual({
      own: 40000, // u5: 100,000 − the 60,000 of l7
      private: 0,
      loan: 120000, // u3
      municipal: 60000, // l7: a public actor, u5 names no public level
      regional: 0,
      national: 0,
      eu: 300000, // u1
      foundation: 0,
      crowdfunding: 0,
      mixed: 0,
      unspecified: 80000, // u4 names no source; l10 is no `funds` link
    })
    expect(Object.keys(v.fundingBySource)).toEqual([...fundingSources, 'unspecified'])
    expect(v.fundingEur).toBe(600000)
    expect(v.publicFundingEur).toBe(360000)
    expect(v.subsidyDependency).toBeCloseTo(0.6, 12)
  })

  it('an actor with a budget but no rented use is judged against the mean rent', () => {
    const document = workedExampleWith((input) => {
      Object.assign(input.elements[5] as object, { budgetEurM2Month: 12.285714285714286 }) // a6, 2 × mean rent
    })
    const a6 = analyse(document).indicators.viability.affordability.find((row) => row.actorId === 'a6')
    expect(a6?.askingRentEurM2Month).toBeCloseTo(8600 / 1400, 12)
    expect(a6?.ratio).toBeCloseTo(2, 12)
  })

  it('matrix: sectors × categories, links of any relation in either direction', () => {
    expect(matrix.rows).toEqual([...sectors])
    expect(matrix.columns).toEqual([...useCategories])
    const expected = sectors.map(() => useCategories.map(() => 0))
    const set = (sector: string, category: string) => {
      const row = expected[sectors.indexOf(sector as (typeof sectors)[number])]
      if (row) row[useCategories.indexOf(category as (typeof useCategories)[number])] = 1
    }
    set('creative', 'makerspace') // l1
    set('culture', 'studio') // l2
    set('culture', 'gastronomy') // l3
    set('industry', 'makerspace') // l4, use → actor
    set('public', 'production') // l7
    set('industry', 'production') // l9
    set('commerce', 'makerspace') // l11
    expect(matrix.cells).toEqual(expected)
    expect(linksInCell(indexBoard(workedExample), 'industry', 'makerspace')).toEqual(['l4'])
  })

  it('gaps of every type, sorted by type then id', () => {
    const expected: Gap[] = [
      { type: 'use-without-operator', elementId: 'u2' }, // only "uses"
      { type: 'use-without-operator', elementId: 'u4' },
      { type: 'use-without-operator', elementId: 'u6' },
      { type: 'actor-without-use', elementId: 'a6' },
      { type: 'actor-without-use', elementId: 'a7' }, // owns a zone, not a use
      { type: 'zone-overcommitted', elementId: 'z2' }, // 400 > 300; z1 600 ≤ 800; z3 has no area
      { type: 'use-without-phase', elementId: 'u4' },
      { type: 'use-without-phase', elementId: 'u6' },
      { type: 'link-dangling', elementId: 'l13' }, // from "gone"
      { type: 'link-dangling', elementId: 'l8' }, // to "ghost"
      { type: 'use-zone-missing', elementId: 'u6' }, // zone "zX"
      { type: 'phase-ref-dangling', elementId: 'p3' }, // "ghost2"
    ]
    expect(gaps).toEqual(expected)
  })

  it('a zone filled exactly to its area is not overcommitted', () => {
    const document = workedExampleWith((input) => {
      Object.assign(input.elements[10] as object, { areaM2: 0 }) // u4: z2 holds 300 of 300
    })
    expect(analyse(document).gaps.filter((gap) => gap.type === 'zone-overcommitted')).toEqual([])
  })

  it('is deterministic: same input, same JSON; element order does not change lists', () => {
    const again = analyse(structuredClone(workedExample))
    expect(JSON.stringify(again)).toBe(JSON.stringify(analyse(workedExample)))
    const reversed = analyse({ ...workedExample, elements: [...workedExample.elements].reverse() })
    expect(reversed.gaps).toEqual(gaps)
    expect(reversed.indicators.phases).toEqual(indicators.phases)
    expect(reversed.indicators.zones).toEqual(indicators.zones)
    expect(reversed.indicators.timelineConflicts).toEqual(indicators.timelineConflicts)
    expect(Object.keys(reversed.indicators)).toEqual([
      'actors',
      'creative',
      'area',
      'combination',
      'coverage',
      'mix',
      'stakeholders',
      'phases',
      'timelineConflicts',
      'zones',
      'viability',
    ])
  })
})
