import { establishedSectors, isCreative, isEstablished } from '../analysis/sectors.ts'
import type { CombinationMatrix, Indicators } from '../analysis/types.ts'
import type { Actor } from '../schema/actor.ts'
import type { BoardDocument } from '../schema/document.ts'
import { type Sector, type Subsector, sectors, subsectors, type UseCategory, useCategories } from '../schema/enums.ts'

/**
 * Sites side by side (issue 17, `GET /api/collections/:id/compare`): the indicators that can be
 * put next to each other, the collection's median and spread of each, the combination matrix
 * summed over the region, and where the creative scene meets the established economy anywhere
 * in the region — and where nowhere. Pure; every formula is in docs/analysis.md, "Comparing sites".
 */

export const comparableKeys = [
  'actors.total',
  'creative.count',
  'creative.share',
  'creative.committed',
  'area.plannedM2',
  'area.ratio',
  'area.demandToPlanned',
  'combination.crossSectorLinks',
  'combination.sharedUses',
  'combination.sectorsCommitted',
  'coverage',
  'mix.evenness',
  'stakeholders.health',
  'viability.investmentEur',
  'viability.costRecovery',
  'viability.subsidyDependency',
  'viability.breakEvenYear',
] as const
export type ComparableKey = (typeof comparableKeys)[number]

/** How a value reads: a count, a share (shown as a percentage; cost recovery may pass 100 %), square metres, euros, a calendar year, a plain ratio. */
export type ComparableUnit = 'count' | 'share' | 'm2' | 'eur' | 'year' | 'ratio'

export interface ComparableIndicator {
  key: ComparableKey
  unit: ComparableUnit
  /** The value of one site; null when the board cannot tell (e.g. no site area). */
  get: (indicators: Indicators) => number | null
}

/** A number only when it is one (money figures are optional on older analyses). */
const finite = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null)
const viability = (indicators: Indicators, key: string): number | null =>
  finite((indicators.viability as unknown as Record<string, unknown>)[key])

export const comparableIndicators: readonly ComparableIndicator[] = [
  { key: 'actors.total', unit: 'count', get: (i) => i.actors.total },
  { key: 'creative.count', unit: 'count', get: (i) => i.creative.count },
  { key: 'creative.share', unit: 'share', get: (i) => i.creative.share },
  { key: 'creative.committed', unit: 'count', get: (i) => i.creative.committed },
  { key: 'area.plannedM2', unit: 'm2', get: (i) => i.area.plannedM2 },
  { key: 'area.ratio', unit: 'share', get: (i) => i.area.ratio },
  { key: 'area.demandToPlanned', unit: 'ratio', get: (i) => i.area.demandToPlanned },
  { key: 'combination.crossSectorLinks', unit: 'count', get: (i) => i.combination.crossSectorLinks },
  { key: 'combination.sharedUses', unit: 'count', get: (i) => i.combination.sharedUses },
  { key: 'combination.sectorsCommitted', unit: 'count', get: (i) => i.combination.sectorsCommitted },
  { key: 'coverage', unit: 'share', get: (i) => i.coverage },
  { key: 'mix.evenness', unit: 'ratio', get: (i) => i.mix.evenness },
  { key: 'stakeholders.health', unit: 'share', get: (i) => i.stakeholders.health },
  { key: 'viability.investmentEur', unit: 'eur', get: (i) => viability(i, 'investmentEur') },
  { key: 'viability.costRecovery', unit: 'share', get: (i) => viability(i, 'costRecovery') },
  { key: 'viability.subsidyDependency', unit: 'share', get: (i) => viability(i, 'subsidyDependency') },
  { key: 'viability.breakEvenYear', unit: 'year', get: (i) => viability(i, 'breakEvenYear') },
]

/** Every comparable value of one analysis, in `comparableKeys` order. */
export function comparableValues(indicators: Indicators): Record<ComparableKey, number | null> {
  const values = {} as Record<ComparableKey, number | null>
  for (const indicator of comparableIndicators) values[indicator.key] = finite(indicator.get(indicators))
  return values
}

/** A creative field: a creative or culture actor's subsector, else its sector. */
export type CreativeField = Subsector | 'creative' | 'culture'
export const creativeFields: readonly CreativeField[] = [...subsectors, 'creative', 'culture']
/** The established sectors, in contract order. */
export const establishedColumns: readonly Sector[] = sectors.filter((sector) => establishedSectors.has(sector))

/**
 * Where creative fields meet established sectors. A creative actor and an established actor
 * meet when a link joins them directly (any relation but `conflicts`) or both have a link
 * (either direction, any relation but `conflicts`) to the same use; each pair of actors counts once.
 * `present` says which fields and sectors have any actor at all.
 */
export interface MeetingMatrix {
  rows: readonly CreativeField[]
  columns: readonly Sector[]
  /** cells[row][column]: pairs of actors that meet */
  cells: number[][]
  /** sites[row][column]: sites where such a pair meets (1 or 0 for one site) */
  sites: number[][]
  presentRows: boolean[]
  presentColumns: boolean[]
}

const fieldOf = (actor: Actor): CreativeField =>
  actor.subsector && (actor.sector === 'creative' || actor.sector === 'culture')
    ? actor.subsector
    : (actor.sector as CreativeField)

const rowIndex = new Map<CreativeField, number>(creativeFields.map((field, index) => [field, index]))
const columnIndex = new Map<Sector, number>(establishedColumns.map((sector, index) => [sector, index]))
const grid = (): number[][] => creativeFields.map(() => establishedColumns.map(() => 0))

/** The meeting matrix of one board document. */
export function meetingsOf(document: Pick<BoardDocument, 'elements'>): MeetingMatrix {
  const actors = new Map<string, Actor>()
  const useIds = new Set<string>()
  for (const element of document.elements) {
    if (element.kind === 'actor') actors.set(element.id, element)
    else if (element.kind === 'use') useIds.add(element.id)
  }
  const presentRows = creativeFields.map(() => false)
  const presentColumns = establishedColumns.map(() => false)
  for (const actor of actors.values()) {
    const row = isCreative(actor.sector) ? rowIndex.get(fieldOf(actor)) : undefined
    if (row !== undefined) presentRows[row] = true
    const column = columnIndex.get(actor.sector)
    if (column !== undefined) presentColumns[column] = true
  }

  const pairs = new Set<string>()
  const meet = (a: Actor, b: Actor): void => {
    const [creative, established] = isCreative(a.sector) && isEstablished(b.sector) ? [a, b] : [b, a]
    if (!isCreative(creative.sector) || !isEstablished(established.sector)) return
    pairs.add(`${creative.id}\u0000${established.id}`)
  }
  const actorsAtUse = new Map<string, Set<Actor>>()
  for (const element of document.elements) {
    if (element.kind !== 'link' || element.relation === 'conflicts') continue
    const from = actors.get(element.from)
    const to = actors.get(element.to)
    if (from && to) {
      meet(from, to)
      continue
    }
    const actor = from ?? to
    const useId = from ? element.to : element.from
    if (!actor || !useIds.has(useId)) continue
    const atUse = actorsAtUse.get(useId) ?? new Set<Actor>()
    actorsAtUse.set(useId, atUse)
    atUse.add(actor)
  }
  for (const atUse of actorsAtUse.values()) {
    const list = [...atUse]
    for (const [i, a] of list.entries()) for (const b of list.slice(i + 1)) meet(a, b)
  }

  const cells = grid()
  for (const pair of pairs) {
    const [creativeId, establishedId] = pair.split('\u0000') as [string, string]
    const row = rowIndex.get(fieldOf(actors.get(creativeId) as Actor))
    const column = columnIndex.get((actors.get(establishedId) as Actor).sector)
    const cellRow = row === undefined ? undefined : cells[row]
    if (cellRow && column !== undefined) cellRow[column] = (cellRow[column] ?? 0) + 1
  }
  const sites = cells.map((row) => row.map((n) => (n > 0 ? 1 : 0)))
  return { rows: creativeFields, columns: establishedColumns, cells, sites, presentRows, presentColumns }
}

/** One site of a collection as the compare endpoint answers it. */
export interface CompareSite {
  boardId: string
  title: string
  /** null: the live board counts */
  snapshotId: string | null
  snapshotLabel: string | null
  site: { name: string | null; country: string | null; areaM2: number | null } | null
  /** exactly what the board's own analysis gives for that state */
  indicators: Indicators
  /** the site's combination matrix (actor sector × use category) */
  matrix: CombinationMatrix
  meetings: MeetingMatrix
  /** one point per snapshot of the board, oldest first, then the live board ('live') */
  trend: TrendPoint[]
}

export interface TrendPoint {
  /** a snapshot id, or 'live' */
  snapshotId: string
  label: string
  createdAt: string
  values: Record<ComparableKey, number | null>
}

export interface Spread {
  min: number
  max: number
  /** first and third quartile (linear interpolation between closest ranks) */
  q1: number
  q3: number
}

export interface CompareResult {
  sites: CompareSite[]
  median: Record<ComparableKey, number | null>
  spread: Record<ComparableKey, Spread | null>
  /** Σ of the sites' combination matrices */
  matrix: CombinationMatrix
  /** Σ of the sites' meeting matrices (`sites`: in how many sites a field meets a sector) */
  meetings: MeetingMatrix
  /** creative fields and established sectors both present in the region that meet in no site */
  nowhere: { field: CreativeField; sector: Sector }[]
}

/** The q-quantile (0 ≤ q ≤ 1) of sorted values, interpolating between closest ranks. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN
  const position = (sorted.length - 1) * q
  const lower = Math.floor(position)
  const upper = Math.ceil(position)
  const low = sorted[lower] as number
  const high = sorted[upper] as number
  return low + (high - low) * (position - lower)
}

/** The median of the values that are known; null when none is. */
export function median(values: readonly (number | null)[]): number | null {
  const known = values.filter((value): value is number => value !== null).sort((a, b) => a - b)
  return known.length === 0 ? null : quantile(known, 0.5)
}

export function spreadOf(values: readonly (number | null)[]): Spread | null {
  const known = values.filter((value): value is number => value !== null).sort((a, b) => a - b)
  if (known.length === 0) return null
  return {
    min: known[0] as number,
    max: known[known.length - 1] as number,
    q1: quantile(known, 0.25),
    q3: quantile(known, 0.75),
  }
}

const emptyMatrix = (): CombinationMatrix => ({
  rows: [...sectors],
  columns: [...useCategories] as UseCategory[],
  cells: sectors.map(() => useCategories.map(() => 0)),
})

/** Sums cell by cell (every matrix has the contract's rows and columns in contract order). */
function addCells(into: number[][], cells: readonly (readonly number[])[]): void {
  for (const [r, row] of cells.entries()) {
    const target = into[r]
    if (!target) continue
    for (const [c, n] of row.entries()) target[c] = (target[c] ?? 0) + n
  }
}

/** The collection's answer from its sites (in the collection's order). */
export function compareSites(sites: CompareSite[]): CompareResult {
  const values = sites.map((site) => comparableValues(site.indicators))
  const medianOf = {} as Record<ComparableKey, number | null>
  const spread = {} as Record<ComparableKey, Spread | null>
  for (const key of comparableKeys) {
    const column = values.map((row) => row[key])
    medianOf[key] = median(column)
    spread[key] = spreadOf(column)
  }
  const matrix = emptyMatrix()
  const meetings: MeetingMatrix = {
    rows: creativeFields,
    columns: establishedColumns,
    cells: grid(),
    sites: grid(),
    presentRows: creativeFields.map(() => false),
    presentColumns: establishedColumns.map(() => false),
  }
  for (const site of sites) {
    addCells(matrix.cells, site.matrix.cells)
    addCells(meetings.cells, site.meetings.cells)
    addCells(meetings.sites, site.meetings.sites)
    for (const [r, present] of site.meetings.presentRows.entries()) if (present) meetings.presentRows[r] = true
    for (const [c, present] of site.meetings.presentColumns.entries()) if (present) meetings.presentColumns[c] = true
  }
  const nowhere: CompareResult['nowhere'] = []
  for (const [r, field] of creativeFields.entries()) {
    if (!meetings.presentRows[r]) continue
    for (const [c, sector] of establishedColumns.entries()) {
      if (meetings.presentColumns[c] && (meetings.sites[r]?.[c] ?? 0) === 0) nowhere.push({ field, sector })
    }
  }
  return { sites, median: medianOf, spread, matrix, meetings, nowhere }
}
