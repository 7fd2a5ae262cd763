import { type Analysis, type Gap, isBoardGap, type TimelineConflict } from '../analysis/types.ts'
import { englishNumbers, formatNumber, type NumberStyle } from './format.ts'

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
 * Callers recompute the analysis from the document when it fails.
 */
export function looksLikeAnalysis(value: unknown): value is Analysis {
  if (!isRecord(value) || !isRecord(value.indicators) || !Array.isArray(value.gaps) || !isRecord(value.matrix)) return false
  const { indicators } = value
  return ['actors', 'creative', 'area', 'combination', 'mix', 'stakeholders', 'viability'].every((key) =>
    isRecord(indicators[key]),
  )
}

/** One row of the brief's indicator table. */
export interface IndicatorRow {
  label: string
  value: string
}

/** The indicators a planner reads (DOMAIN.md), in words and plain numbers (English, or `numbers`' locale). */
export function indicatorRows(analysis: Analysis, numbers: NumberStyle = englishNumbers): IndicatorRow[] {
  const { number: formatNumber, area: formatArea, percent: formatPercent } = numbers
  const ratio = (value: number | null) => (value === null ? 'n/a' : formatPercent(value))
  const count = (value: number) => formatNumber(value, 0)
  const { actors, creative, area, combination, coverage, mix, stakeholders, viability } = analysis.indicators
  const rows: IndicatorRow[] = [
    { label: 'Actors', value: count(actors.total) },
    {
      label: 'Creative and cultural actors (critical mass)',
      value: `${count(creative.count)} of a target of ${count(creative.threshold)} (${creative.reached ? 'reached' : 'not reached'})`,
    },
    { label: 'Committed creative and cultural actors (letter of intent or more)', value: count(creative.committed) },
    { label: 'Merely interested creative and cultural actors', value: count(creative.interested ?? 0) },
    { label: 'Creative and cultural share of actors', value: formatPercent(creative.share) },
    { label: 'Site area', value: area.siteM2 === null ? 'n/a' : formatArea(area.siteM2) },
    { label: 'Planned area', value: formatArea(area.plannedM2) },
    { label: 'Occupancy (planned / site area)', value: ratio(area.ratio) },
    { label: 'Vacancy', value: ratio(area.vacancy) },
    { label: 'Space demand of actors', value: formatArea(area.demandM2) },
    { label: 'Commitment-weighted demand', value: formatArea(area.weightedDemandM2) },
    { label: 'Weighted demand / planned area', value: ratio(area.demandToPlanned) },
    {
      label: 'Use-mix evenness (0 one use, 1 even mix)',
      value: `${formatNumber(mix.evenness, 2)} over ${count(mix.categories)} categories`,
    },
    { label: 'Links between creative and established-sector actors', value: count(combination.crossSectorLinks) },
    { label: 'Uses shared by creative and established actors', value: count(combination.sharedUses) },
    { label: 'Sectors among committed actors', value: count(combination.sectorsCommitted) },
    { label: 'Uses with an operator', value: formatPercent(coverage) },
    {
      label: 'Stakeholder health (key players who are champions or supporters)',
      value:
        stakeholders.health === null
          ? 'n/a (no key players)'
          : `${formatPercent(stakeholders.health)} (${count(stakeholders.keyPlayersSupportive)} of ${count(stakeholders.keyPlayers)})`,
    },
    { label: 'Blockers', value: count(stakeholders.blockers) },
    { label: 'Critics', value: count(stakeholders.critics) },
  ]
  if (viability.rentedAreaM2 > 0) {
    rows.push(
      { label: 'Rent income per year', value: `€${formatNumber(viability.rentIncomeEurYear, 0)}` },
      { label: 'Rented area', value: formatArea(viability.rentedAreaM2) },
      {
        label: 'Mean rent',
        value:
          viability.meanRentEurM2Month === null ? 'n/a' : `€${formatNumber(viability.meanRentEurM2Month, 2)} per m² and month`,
      },
    )
  }
  if (viability.affordability.length > 0)
    rows.push({
      label: 'Actors who can afford the asking rent',
      value: `${count(viability.affordableActors)} of ${count(viability.affordableActors + viability.unaffordableActors)}`,
    })
  if (viability.subsidyAreaShare > 0)
    rows.push({ label: 'Share of planned area on subsidy', value: formatPercent(viability.subsidyAreaShare) })
  return rows
}

const gapSentences: Record<Gap['type'], string> = {
  'combination-missing':
    'No creative or cultural actor is combined with an established-sector actor yet (no link between them, no use they share).',
  'use-without-operator': 'Use {name} has no operator yet (no actor "operates" it).',
  'actor-without-use': 'Actor {name} is linked to no use yet.',
  'zone-overcommitted': 'Zone {name} holds more planned area than it has.',
  'use-without-phase': 'Use {name} is in no phase of the roadmap.',
  'link-dangling': 'Link {name} points at an element the board lacks.',
  'use-zone-missing': 'Use {name} names a zone the board lacks.',
  'phase-ref-dangling': 'Phase {name} schedules an element the board lacks.',
}

const conflictSentences: Record<TimelineConflict['reason'], string> = {
  'operator-uncommitted': 'Use {name} is scheduled from {start} before any operator has committed (letter of intent or more).',
  'operator-scheduled-later': 'Use {name} is scheduled from {start}, before its operator is on board in the roadmap.',
}

const fill = (sentence: string, params: Record<string, string>) =>
  sentence.replace(/\{(\w+)\}/g, (whole, key: string) => params[key] ?? whole)

/**
 * The gaps as sentences, one per entry of `analysis.gaps` (so a brief counts the gaps as the
 * API and the analysis panel do); `nameOf` turns an element id into the quoted, escaped name
 * the brief prints. A gap of the whole board (`combination-missing`) names no element.
 */
export function gapSentencesOf(analysis: Analysis, nameOf: (id: string) => string): string[] {
  return analysis.gaps.map((gap) =>
    fill(gapSentences[gap.type] ?? `${gap.type}: {name}`, { name: isBoardGap(gap) ? '' : nameOf(gap.elementId) }),
  )
}

/** The timeline conflicts (`indicators.timelineConflicts`) as sentences: not gaps, listed apart. */
export function conflictSentencesOf(
  analysis: Analysis,
  nameOf: (id: string) => string,
  numbers: NumberStyle = englishNumbers,
): string[] {
  return analysis.indicators.timelineConflicts.map((conflict) =>
    fill(conflictSentences[conflict.reason] ?? `${conflict.reason}: {name}`, {
      name: nameOf(conflict.useId),
      start: numbers.month(conflict.start),
    }),
  )
}

/** The heading of the timeline conflicts in the briefs. */
export const timelineConflictsHeading = 'Timeline conflicts'

/** "1 gap." / "3 gaps." — the count the analysis panel and the API (`gaps.length`) give. */
export const gapCountSentence = (count: number): string => `${formatNumber(count, 0)} ${count === 1 ? 'gap' : 'gaps'}.`
