import { type Analysis, isBoardGap } from '../analysis/types.ts'
import { englishNumbers, type NumberStyle } from './format.ts'
import { type BriefWords, englishWords } from './markdown-text.ts'

/**
 * The flat numbers of an analysis that a trend chart draws across snapshots (stored with
 * each snapshot's index entry, so the list needs no second read). Keys are stable: a chart
 * may rely on them; null where the indicator cannot be computed (no site area, no key players).
 */
export function keyIndicators(analysis: Analysis): Record<string, number | null> {
  const { actors, creative, area, combination, coverage, mix, stakeholders } = analysis.indicators
  return {
    actors: actors.total,
    creativeActors: creative.count,
    creativeCommitted: creative.committed,
    // goodwill without a letter of intent yet, apart from the committed (critical mass); null in
    // an analysis stored before it was counted
    creativeInterested: creative.interested ?? null,
    creativeShare: creative.share,
    plannedM2: area.plannedM2,
    occupancy: area.ratio,
    vacancy: area.vacancy,
    demandM2: area.demandM2,
    weightedDemandM2: area.weightedDemandM2,
    demandToPlanned: area.demandToPlanned,
    mixEvenness: mix.evenness,
    crossSectorLinks: combination.crossSectorLinks,
    sharedUses: combination.sharedUses,
    sectorsCommitted: combination.sectorsCommitted,
    coverage,
    stakeholderHealth: stakeholders.health,
    blockers: stakeholders.blockers,
    gaps: analysis.gaps.length,
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * A shallow check that a stored value has the analysis' shape (stored data is input too).
 * Callers recompute the analysis from the document when it fails. An analysis stored before
 * the money figures (issue 17: no `viability.fundingBySource`) fails too, so every answer
 * carries them; the stored document holds whatever money fields the board had.
 */
export function looksLikeAnalysis(value: unknown): value is Analysis {
  if (!isRecord(value) || !isRecord(value.indicators) || !Array.isArray(value.gaps) || !isRecord(value.matrix)) return false
  const { indicators } = value
  return (
    ['actors', 'creative', 'area', 'combination', 'mix', 'stakeholders', 'viability'].every((key) => isRecord(indicators[key])) &&
    isRecord((indicators.viability as Record<string, unknown>).fundingBySource)
  )
}

/** One row of the brief's indicator table. */
export interface IndicatorRow {
  label: string
  value: string
}

/** The indicators a planner reads (DOMAIN.md), in words and plain numbers (English, or `numbers`' locale and `words`' language). */
export function indicatorRows(
  analysis: Analysis,
  numbers: NumberStyle = englishNumbers,
  { t }: BriefWords = englishWords,
): IndicatorRow[] {
  const { number: formatNumber, area: formatArea, percent: formatPercent } = numbers
  const na = t('export.indicator.notAvailable')
  const ratio = (value: number | null) => (value === null ? na : formatPercent(value))
  const count = (value: number) => formatNumber(value, 0)
  const { actors, creative, area, combination, coverage, mix, stakeholders, viability } = analysis.indicators
  const rows: IndicatorRow[] = [
    { label: t('export.indicator.actors'), value: count(actors.total) },
    {
      label: t('export.indicator.creative'),
      value: t('export.indicator.creativeValue', {
        count: count(creative.count),
        threshold: count(creative.threshold),
        state: t(creative.reached ? 'export.indicator.reached' : 'export.indicator.notReached'),
      }),
    },
    { label: t('export.indicator.creativeCommitted'), value: count(creative.committed) },
    { label: t('export.indicator.creativeInterested'), value: count(creative.interested ?? 0) },
    { label: t('export.indicator.creativeShare'), value: formatPercent(creative.share) },
    { label: t('export.indicator.siteArea'), value: area.siteM2 === null ? na : formatArea(area.siteM2) },
    { label: t('export.indicator.plannedArea'), value: formatArea(area.plannedM2) },
    { label: t('export.indicator.occupancy'), value: ratio(area.ratio) },
    { label: t('export.indicator.vacancy'), value: ratio(area.vacancy) },
    { label: t('export.indicator.demand'), value: formatArea(area.demandM2) },
    { label: t('export.indicator.weightedDemand'), value: formatArea(area.weightedDemandM2) },
    { label: t('export.indicator.demandToPlanned'), value: ratio(area.demandToPlanned) },
    {
      label: t('export.indicator.mixEvenness'),
      value: t('export.indicator.mixEvennessValue', {
        evenness: formatNumber(mix.evenness, 2),
        categories: count(mix.categories),
      }),
    },
    { label: t('export.indicator.crossSectorLinks'), value: count(combination.crossSectorLinks) },
    { label: t('export.indicator.sharedUses'), value: count(combination.sharedUses) },
    { label: t('export.indicator.sectorsCommitted'), value: count(combination.sectorsCommitted) },
    { label: t('export.indicator.coverage'), value: formatPercent(coverage) },
    {
      label: t('export.indicator.stakeholderHealth'),
      value:
        stakeholders.health === null
          ? t('export.indicator.noKeyPlayers')
          : t('export.indicator.stakeholderHealthValue', {
              health: formatPercent(stakeholders.health),
              supportive: count(stakeholders.keyPlayersSupportive),
              keyPlayers: count(stakeholders.keyPlayers),
            }),
    },
    { label: t('export.indicator.blockers'), value: count(stakeholders.blockers) },
    { label: t('export.indicator.critics'), value: count(stakeholders.critics) },
  ]
  if (viability.rentedAreaM2 > 0) {
    rows.push(
      {
        label: t('export.indicator.rentIncome'),
        value: t('export.indicator.rentIncomeValue', { amount: formatNumber(viability.rentIncomeEurYear, 0) }),
      },
      { label: t('export.indicator.rentedArea'), value: formatArea(viability.rentedAreaM2) },
      {
        label: t('export.indicator.meanRent'),
        value:
          viability.meanRentEurM2Month === null
            ? na
            : t('export.indicator.meanRentValue', { amount: formatNumber(viability.meanRentEurM2Month, 2) }),
      },
    )
  }
  if (viability.affordability.length > 0)
    rows.push({
      label: t('export.indicator.affordable'),
      value: t('export.indicator.affordableValue', {
        affordable: count(viability.affordableActors),
        all: count(viability.affordableActors + viability.unaffordableActors),
      }),
    })
  if (viability.subsidyAreaShare > 0)
    rows.push({ label: t('export.indicator.subsidyShare'), value: formatPercent(viability.subsidyAreaShare) })
  // Money (issue 17), when the board has any: the figures of the panel's "Investment and funding" card.
  if ((viability.investmentEur ?? 0) > 0 || (viability.runningCostEurYear ?? 0) > 0 || (viability.fundingEur ?? 0) > 0) {
    const euros = (value: number) => t('export.indicator.rentIncomeValue', { amount: formatNumber(value, 0) })
    rows.push(
      { label: t('analysis.money.investment'), value: euros(viability.investmentEur) },
      { label: t('analysis.money.runningCost'), value: euros(viability.runningCostEurYear) },
      { label: t('analysis.money.income'), value: euros(viability.incomeEurYear) },
      { label: t('analysis.money.costRecovery'), value: ratio(viability.costRecovery) },
      {
        label: t('analysis.money.payback'),
        value: viability.paybackYears === null ? na : formatNumber(viability.paybackYears, 1),
      },
      {
        label: t('analysis.money.breakEven'),
        value: viability.breakEvenYear === null ? t('analysis.money.never') : String(viability.breakEvenYear),
      },
      { label: t('analysis.money.funding'), value: euros(viability.fundingEur) },
      { label: t('analysis.money.subsidyDependency'), value: ratio(viability.subsidyDependency) },
    )
  }
  return rows
}

/**
 * The gaps as sentences, one per entry of `analysis.gaps` (so a brief counts the gaps as the
 * API and the analysis panel do); `nameOf` turns an element id into the quoted, escaped name
 * the brief prints. A gap of the whole board (`combination-missing`) names no element.
 */
export function gapSentencesOf(analysis: Analysis, nameOf: (id: string) => string, { t }: BriefWords = englishWords): string[] {
  return analysis.gaps.map((gap) => {
    const name = isBoardGap(gap) ? '' : nameOf(gap.elementId)
    const key = `export.gap.${gap.type}`
    return t.has(key) ? t(key, { name }) : `${gap.type}: ${name}`
  })
}

/** The timeline conflicts (`indicators.timelineConflicts`) as sentences: not gaps, listed apart. */
export function conflictSentencesOf(
  analysis: Analysis,
  nameOf: (id: string) => string,
  numbers: NumberStyle = englishNumbers,
  { t }: BriefWords = englishWords,
): string[] {
  return analysis.indicators.timelineConflicts.map((conflict) => {
    const params = { name: nameOf(conflict.useId), start: numbers.month(conflict.start) }
    const key = `export.conflict.${conflict.reason}`
    return t.has(key) ? t(key, params) : `${conflict.reason}: ${params.name}`
  })
}

/** The heading of the timeline conflicts in the briefs. */
export const timelineConflictsHeading = ({ t }: BriefWords = englishWords): string => t('export.conflict.heading')

/** "1 gap." / "3 gaps." — the count the analysis panel and the API (`gaps.length`) give. */
export const gapCountSentence = (count: number, { t }: BriefWords = englishWords): string => t('export.gap.count', { count })
