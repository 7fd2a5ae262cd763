import type { FundingSource, Sector, Stage, UseCategory } from '../schema/enums.ts'

/**
 * What `analyse` returns and `GET /api/boards/:id/analysis` answers. Every formula is in
 * docs/analysis.md. Object keys come in a fixed order and every list has a fixed sort, so
 * one board state always gives the same JSON.
 */
export interface Analysis {
  indicators: Indicators
  matrix: CombinationMatrix
  gaps: Gap[]
}

export interface Indicators {
  actors: ActorIndicators
  creative: CreativeIndicators
  area: AreaIndicators
  combination: CombinationIndicators
  /** Share of uses run by an actor (`operates` link from an actor to the use); 0 without uses. */
  coverage: number
  mix: MixIndicators
  stakeholders: StakeholderHealth
  /** One row per phase element, in time order (start, end, id). */
  phases: PhaseOccupancy[]
  /** Uses scheduled before their operator is committed and on board, in time order. */
  timelineConflicts: TimelineConflict[]
  /** Supply and demand per zone element, by id. */
  zones: ZoneBalance[]
  viability: Viability
}

export interface ActorIndicators {
  total: number
  /** Every sector of the contract, in contract order, 0 when none. */
  bySector: Record<Sector, number>
}

export interface CreativeIndicators {
  /** Actors of sector `creative` or `culture`. */
  count: number
  /** The board's `creativeThreshold` setting (default 5). */
  threshold: number
  reached: boolean
  /** count / actors.total; 0 without actors. */
  share: number
  /** Creative and cultural actors with commitment `loi`, `precontract` or `signed`. */
  committed: number
  /**
   * Creative and cultural actors with commitment `interested`: goodwill, not yet a letter of
   * intent. `count − committed − interested` are at the `idea` stage.
   */
  interested: number
}

export interface AreaIndicators {
  /** site.areaM2; null when the site profile has no area. */
  siteM2: number | null
  /** Σ use.areaM2 (a use without an area counts 0). */
  plannedM2: number
  /** plannedM2 / siteM2 (occupancy); null without a site area or with a site area of 0. */
  ratio: number | null
  /** 1 − ratio; null when ratio is. */
  vacancy: number | null
  /** Σ actor.spaceNeedM2. */
  demandM2: number
  /** Σ actor.spaceNeedM2 × weight(commitment). */
  weightedDemandM2: number
  /** weightedDemandM2 / plannedM2; null when nothing is planned. */
  demandToPlanned: number | null
}

export interface CombinationIndicators {
  /** Links directly between a creative-sector and an established-sector actor. */
  crossSectorLinks: number
  /** Uses linked to at least one creative-sector and one established-sector actor. */
  sharedUses: number
  /** Distinct sectors among actors with commitment loi, precontract or signed. */
  sectorsCommitted: number
}

export interface MixIndicators {
  /** Shannon evenness of planned area over the categories with area > 0; 0 when k ≤ 1. */
  evenness: number
  /** k: the number of categories with area > 0. */
  categories: number
  /** Planned m² per use category, every category in contract order. */
  areaByCategory: Record<UseCategory, number>
}

export type Quadrant = 'manageClosely' | 'keepSatisfied' | 'keepInformed' | 'monitor'

export interface StakeholderHealth {
  /** Actors with influence ≥ 4 and interest ≥ 4. */
  keyPlayers: number
  /** Key players whose stance is champion or supporter. */
  keyPlayersSupportive: number
  /** keyPlayersSupportive / keyPlayers; null without key players. */
  health: number | null
  blockers: number
  critics: number
  /** Actors per quadrant of the influence/interest grid; `unplaced` lack influence or interest. */
  quadrants: Record<Quadrant | 'unplaced', number>
}

export interface PhaseOccupancy {
  phaseId: string
  stage: Stage
  start: string
  end: string
  /** Distinct existing uses in `refs`. */
  uses: number
  /** Distinct existing actors in `refs`. */
  actors: number
  /** Σ areaM2 of those uses. */
  plannedM2: number
  /** plannedM2 / site area; null without a site area. */
  occupancy: number | null
}

export type TimelineConflictReason = 'operator-uncommitted' | 'operator-scheduled-later'

export interface TimelineConflict {
  useId: string
  /** The earliest phase (not of stage `analysis`) that schedules the use. */
  phaseId: string
  /** That phase's start month. */
  start: string
  reason: TimelineConflictReason
  /** The use's operators (actors with an `operates` link to it), by id. */
  operatorIds: string[]
}

export interface ZoneBalance {
  zoneId: string
  /** The zone's areaM2 (supply); null when it has none. */
  supplyM2: number | null
  /** Σ areaM2 of the uses whose `zone` is this zone. */
  plannedM2: number
  /** Σ spaceNeedM2 of the actors that operate or use a use in this zone (each actor once). */
  demandM2: number
  weightedDemandM2: number
  /** plannedM2 / supplyM2; null without a supply or with 0. */
  occupancy: number | null
  uses: number
}

export interface Affordability {
  actorId: string
  budgetEurM2Month: number
  /** Area-weighted rent of the uses the actor operates or uses, else the board's mean rent. */
  askingRentEurM2Month: number
  /** budget / asking rent: ≥ 1 means the actor can pay it. */
  ratio: number
}

export interface Viability {
  /** Σ rentEurM2Month × areaM2 × 12 over uses with a rent. */
  rentIncomeEurYear: number
  /** Σ areaM2 of the uses with a rent. */
  rentedAreaM2: number
  /** rent income per month / rentedAreaM2; null when no rented use has an area. */
  meanRentEurM2Month: number | null
  /** Planned area of uses whose revenueModel is `subsidy`, over plannedM2; 0 when nothing is planned. */
  subsidyAreaShare: number
  /** Actors with a budget and an asking rent > 0, by id. */
  affordability: Affordability[]
  affordableActors: number
  unaffordableActors: number
  /** Σ use.investmentEur. */
  investmentEur: number
  /** Σ use.runningCostEurYear. */
  runningCostEurYear: number
  /** Σ per use: incomeEurYear, else (a use with a rent) rentEurM2Month × areaM2 × 12, else 0. */
  incomeEurYear: number
  /** incomeEurYear / runningCostEurYear; null without running cost. */
  costRecovery: number | null
  /** investmentEur / (incomeEurYear − runningCostEurYear); null without investment or without a surplus. */
  paybackYears: number | null
  /** The calendar year the surplus since the start has paid the investment back; null with paybackYears. */
  breakEvenYear: number | null
  /** Σ fundingBySource: counted `funds` link amounts plus the investment they leave uncovered. */
  fundingEur: number
  /** The public part of fundingEur (sources in publicFundingSources). */
  publicFundingEur: number
  /** publicFundingEur / fundingEur; null without funding. */
  subsidyDependency: number | null
  /** Funding per source, every source in `fundingSources` order, then `unspecified`. */
  fundingBySource: Record<FundingSource | 'unspecified', number>
}

export interface CombinationMatrix {
  /** Actor sectors, contract order. */
  rows: Sector[]
  /** Use categories, contract order. */
  columns: UseCategory[]
  /** cells[row][column]: links (any relation, either direction) between such an actor and such a use. */
  cells: number[][]
}

export const gapTypes = [
  'combination-missing',
  'use-without-operator',
  'actor-without-use',
  'zone-overcommitted',
  'use-without-phase',
  'link-dangling',
  'use-zone-missing',
  'phase-ref-dangling',
] as const
export type GapType = (typeof gapTypes)[number]

/**
 * Something the concept still lacks, on one element. Sorted by type (the order above), then id.
 * A gap of the whole board (`combination-missing`) has no element: its `elementId` is ''
 * (see `isBoardGap`).
 */
export interface Gap {
  type: GapType
  elementId: string
}

/** The gap types about the board as a whole; their `elementId` is always ''. */
export const boardGapTypes: ReadonlySet<GapType> = new Set<GapType>(['combination-missing'])

/** True for a gap of the whole board, which names no element. */
export const isBoardGap = (gap: Gap): boolean => boardGapTypes.has(gap.type)
