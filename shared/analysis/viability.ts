import { addMonths, DEFAULT_TIMELINE_ORIGIN, isYearMonth, monthNumber } from '../scene/timeline.ts'
import { type FundingSource, fundingSources, publicFundingSources } from '../schema/enums.ts'
import type { Settings } from '../schema/settings.ts'
import type { Use } from '../schema/use.ts'
import type { BoardIndex } from './board-index.ts'
import type { LinkFacts } from './link-facts.ts'
import { amount, compareIds, ratioOr, zeros } from './numbers.ts'
import { comparePhases, refsOf } from './phases.ts'
import type { Affordability, Viability } from './types.ts'

const hasRent = (use: Use): boolean => typeof use.rentEurM2Month === 'number' && Number.isFinite(use.rentEurM2Month)

/** Rent per month and area of the uses that have a rent. */
function rentOf(uses: Iterable<Use>): { eurMonth: number; areaM2: number } {
  let eurMonth = 0
  let areaM2 = 0
  for (const use of uses) {
    if (!hasRent(use)) continue
    const area = amount(use.areaM2)
    eurMonth += amount(use.rentEurM2Month) * area
    areaM2 += area
  }
  return { eurMonth, areaM2 }
}

type FundingKey = FundingSource | 'unspecified'
const fundingKeys: readonly FundingKey[] = [...fundingSources, 'unspecified']
const isPublic = (source: FundingKey | undefined): boolean =>
  source !== undefined && source !== 'unspecified' && publicFundingSources.includes(source)

/** A use's income per year: its incomeEurYear, else its rent income at full letting, else 0. */
export function useIncomeEurYear(use: Use): number {
  if (typeof use.incomeEurYear === 'number' && Number.isFinite(use.incomeEurYear)) return amount(use.incomeEurYear)
  return hasRent(use) ? amount(use.rentEurM2Month) * amount(use.areaM2) * 12 : 0
}

const carriesMoney = (use: Use): boolean =>
  amount(use.investmentEur) > 0 || amount(use.runningCostEurYear) > 0 || useIncomeEurYear(use) > 0

/**
 * The month money starts to flow: the earliest start of a phase (not of stage `analysis`)
 * that schedules a use with an investment, running cost or income; else the settings'
 * timelineOrigin; else the timeline's default origin (2027-01).
 */
export function moneyStart(index: BoardIndex, settings?: Pick<Settings, 'timelineOrigin'>): string {
  for (const phase of [...index.phases].sort(comparePhases)) {
    if (phase.stage === 'analysis' || !isYearMonth(phase.start)) continue
    for (const ref of refsOf(phase)) {
      const use = index.useById.get(ref)
      if (use && carriesMoney(use)) return phase.start
    }
  }
  return isYearMonth(settings?.timelineOrigin) ? settings.timelineOrigin : DEFAULT_TIMELINE_ORIGIN
}

/**
 * Where a counted `funds` link's money comes from: a public funder's money is public, at the
 * level the use names (its fundingSource when that is public), else `municipal`; anyone
 * else's under the use's fundingSource when that is not public, else `unspecified`.
 */
function linkSource(funderPublic: boolean, use: Use): FundingKey {
  if (funderPublic) return isPublic(use.fundingSource) ? (use.fundingSource as FundingSource) : 'municipal'
  return use.fundingSource !== undefined && !isPublic(use.fundingSource) ? use.fundingSource : 'unspecified'
}

/** Investment, running cost, income, payback and funding (docs/analysis.md, "Money"). */
function moneyFigures(index: BoardIndex, settings?: Pick<Settings, 'timelineOrigin'>) {
  const fundingBySource = zeros(fundingKeys)
  const covered = new Map<string, number>()
  for (const link of index.links) {
    if (link.relation !== 'funds') continue
    const funder = index.actorById.get(link.from)
    const use = index.useById.get(link.to)
    const money = amount(link.amountEur)
    if (!funder || !use || money === 0) continue
    fundingBySource[linkSource(funder.sector === 'public', use)] += money
    covered.set(use.id, (covered.get(use.id) ?? 0) + money)
  }
  let investmentEur = 0
  let runningCostEurYear = 0
  let incomeEurYear = 0
  for (const use of index.uses) {
    investmentEur += amount(use.investmentEur)
    runningCostEurYear += amount(use.runningCostEurYear)
    incomeEurYear += useIncomeEurYear(use)
    const uncovered = amount(use.investmentEur) - (covered.get(use.id) ?? 0)
    if (uncovered > 0) fundingBySource[use.fundingSource ?? 'unspecified'] += uncovered
  }
  const costRecovery = ratioOr(incomeEurYear, runningCostEurYear, null)
  const surplus = incomeEurYear - runningCostEurYear
  const paybackYears = investmentEur > 0 && surplus > 0 ? investmentEur / surplus : null
  let breakEvenYear: number | null = null
  if (paybackYears !== null) {
    const months = Math.max(1, Math.ceil(paybackYears * 12))
    breakEvenYear = Math.floor(monthNumber(addMonths(moneyStart(index, settings), months - 1)) / 12)
  }

  let fundingEur = 0
  let publicFundingEur = 0
  for (const key of fundingKeys) {
    fundingEur += fundingBySource[key]
    if (isPublic(key)) publicFundingEur += fundingBySource[key]
  }
  return {
    investmentEur,
    runningCostEurYear,
    incomeEurYear,
    costRecovery,
    paybackYears,
    breakEvenYear,
    fundingEur,
    publicFundingEur,
    subsidyDependency: ratioOr(publicFundingEur, fundingEur, null),
    fundingBySource,
  }
}

/**
 * The viability figures: rents (use.rentEurM2Month), the revenue model (use.revenueModel),
 * what actors can pay (actor.budgetEurM2Month), and the money fields (investment, running
 * cost, income, funding source, `funds` link amounts): cost recovery, payback, break-even
 * year and subsidy dependency (docs/analysis.md).
 */
export function viabilityFigures(
  index: BoardIndex,
  facts: LinkFacts,
  plannedM2: number,
  settings?: Pick<Settings, 'timelineOrigin'>,
): Viability {
  const board = rentOf(index.uses)
  const meanRentEurM2Month = ratioOr(board.eurMonth, board.areaM2, null)
  let subsidisedM2 = 0
  for (const use of index.uses) if (use.revenueModel === 'subsidy') subsidisedM2 += amount(use.areaM2)

  const affordability: Affordability[] = []
  for (const actor of [...index.actors].sort((a, b) => compareIds(a.id, b.id))) {
    if (typeof actor.budgetEurM2Month !== 'number' || !Number.isFinite(actor.budgetEurM2Month)) continue
    const own = rentOf(facts.occupiedBy.get(actor.id)?.values() ?? [])
    const askingRentEurM2Month = ratioOr(own.eurMonth, own.areaM2, null) ?? meanRentEurM2Month
    if (askingRentEurM2Month === null || askingRentEurM2Month <= 0) continue
    const budgetEurM2Month = amount(actor.budgetEurM2Month)
    affordability.push({
      actorId: actor.id,
      budgetEurM2Month,
      askingRentEurM2Month,
      ratio: budgetEurM2Month / askingRentEurM2Month,
    })
  }
  const affordableActors = affordability.filter((row) => row.ratio >= 1).length
  return {
    rentIncomeEurYear: board.eurMonth * 12,
    rentedAreaM2: board.areaM2,
    meanRentEurM2Month,
    subsidyAreaShare: ratioOr(subsidisedM2, plannedM2, 0),
    affordability,
    affordableActors,
    unaffordableActors: affordability.length - affordableActors,
    ...moneyFigures(index, settings),
  }
}
