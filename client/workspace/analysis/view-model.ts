import type { BoardIndex } from '../../../shared/analysis/board-index.ts'
import {
  type ActorIndicators,
  type AreaIndicators,
  type CombinationMatrix,
  type CreativeIndicators,
  type Gap,
  type GapType,
  gapTypes,
  type MixIndicators,
  type Quadrant,
  type StakeholderHealth,
  type ZoneBalance,
} from '../../../shared/analysis/types.ts'
import { type Sector, sectors, type UseCategory, useCategories } from '../../../shared/schema/enums.ts'
import { enumLabel, formatNumber, locale, t } from '../../i18n/locale.ts'

/**
 * The analysis panel's view model: plain functions from the analysis (shared/analysis) to what
 * the charts draw and say. No Solid, no DOM: the components only lay these out, and the tests
 * check the numbers and sentences here.
 */

/** One bar of a horizontal bar chart, with its direct label and value text. */
export interface Bar {
  key: string
  label: string
  value: number
  valueText: string
  /** share of the chart's total, as text ("32 %"); empty when the chart shows counts only */
  shareText: string
  /** length relative to the longest bar, 0–1 */
  fraction: number
}

export function formatPercent(ratio: number): string {
  return new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 0 }).format(ratio)
}

export function formatArea(m2: number): string {
  return t('analysis.unit.m2', { value: formatNumber(Math.round(m2)) })
}

export function formatDecimal(value: number, digits = 2): string {
  return new Intl.NumberFormat(locale(), { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value)
}

const byValueThenOrder = <T extends { value: number; order: number }>(a: T, b: T) => b.value - a.value || a.order - b.order

/** Every sector with at least one actor, largest first (contract order on ties). */
export function sectorBars(actors: ActorIndicators): Bar[] {
  const rows = sectors
    .map((sector, order) => ({ sector, order, value: actors.bySector[sector] ?? 0 }))
    .filter((row) => row.value > 0)
    .sort(byValueThenOrder)
  const max = Math.max(1, ...rows.map((row) => row.value))
  return rows.map(({ sector, value }) => ({
    key: sector,
    label: enumLabel('sector', sector),
    value,
    valueText: t('analysis.unit.count', { value }),
    shareText: actors.total > 0 ? formatPercent(value / actors.total) : '',
    fraction: value / max,
  }))
}

/** Every use category with floor area, largest first, with m² and its share of the planned area. */
export function useMixBars(mix: MixIndicators): Bar[] {
  const rows = useCategories
    .map((category, order) => ({ category, order, value: mix.areaByCategory[category] ?? 0 }))
    .filter((row) => row.value > 0)
    .sort(byValueThenOrder)
  const total = rows.reduce((sum, row) => sum + row.value, 0)
  const max = Math.max(1, ...rows.map((row) => row.value))
  return rows.map(({ category, value }) => ({
    key: category,
    label: enumLabel('useCategory', category),
    value,
    valueText: formatArea(value),
    shareText: total > 0 ? formatPercent(value / total) : '',
    fraction: value / max,
  }))
}

export type AreaRowKey = 'planned' | 'site' | 'weighted'
export interface AreaBalanceView {
  rows: { key: AreaRowKey; label: string; valueM2: number; valueText: string; fraction: number }[]
  /** where 100 % of the site sits on the common scale (0–1); null without a site area */
  markerFraction: number | null
  /** "61 % of the site is planned", or how to get that sentence */
  ratioText: string
  overPlanned: boolean
  /** how much of the plan weighted demand backs; null when nothing is planned */
  demandText: string | null
}

/** Planned area, site area and weighted demand on one scale, with the site line as the 100 % mark. */
export function areaBalance(area: AreaIndicators): AreaBalanceView {
  const site = area.siteM2 !== null && area.siteM2 > 0 ? area.siteM2 : null
  const values: { key: AreaRowKey; value: number | null }[] = [
    { key: 'planned', value: area.plannedM2 },
    { key: 'site', value: site },
    { key: 'weighted', value: area.weightedDemandM2 },
  ]
  const scale = Math.max(1, ...values.map((v) => v.value ?? 0))
  const rows = values
    .filter((v): v is { key: AreaRowKey; value: number } => v.value !== null)
    .map(({ key, value }) => ({
      key,
      label: t(`analysis.area.${key}`),
      valueM2: value,
      valueText: formatArea(value),
      fraction: value / scale,
    }))
  const overPlanned = area.ratio !== null && area.ratio > 1
  const ratioText =
    area.ratio === null
      ? t('analysis.area.noSite')
      : t(overPlanned ? 'analysis.area.overPlanned' : 'analysis.area.ratio', { percent: formatPercent(area.ratio) })
  return {
    rows,
    markerFraction: site === null ? null : site / scale,
    ratioText,
    overPlanned,
    demandText:
      area.demandToPlanned === null ? null : t('analysis.area.demandCover', { percent: formatPercent(area.demandToPlanned) }),
  }
}

export interface CriticalMassView {
  count: number
  threshold: number
  reached: boolean
  missing: number
  /** "3 of 5" */
  countText: string
  /** "Reached" or "2 more needed" */
  statusText: string
  detailText: string
  /** the gauge: filled share of the target (0–1, capped) */
  fraction: number
  /**
   * one segment per targeted actor when the target is small enough to count: committed actors
   * first, then the merely interested, then those at the idea stage; `filled` is any of them
   */
  segments: { filled: boolean; level: CommitmentLevel }[] | null
  /** "2 committed · 1 interested · 1 idea only" */
  splitText: string
  committed: number
  interested: number
  idea: number
}

/** How far a creative actor in the gauge has committed; `empty` is a place still to fill. */
export type CommitmentLevel = 'committed' | 'interested' | 'idea' | 'empty'

export const MAX_GAUGE_SEGMENTS = 12

export function criticalMass(creative: CreativeIndicators): CriticalMassView {
  const { count, threshold, reached, committed } = creative
  const interested = creative.interested ?? 0
  const idea = Math.max(0, count - committed - interested)
  const missing = Math.max(0, threshold - count)
  const levelAt = (i: number): CommitmentLevel =>
    i < committed ? 'committed' : i < committed + interested ? 'interested' : i < count ? 'idea' : 'empty'
  return {
    count,
    threshold,
    reached,
    missing,
    countText: t('analysis.creative.countOf', { count, threshold }),
    statusText: reached ? t('analysis.creative.reached') : t('analysis.creative.missing', { count: missing }),
    detailText: t('analysis.creative.detail', { share: formatPercent(creative.share), committed: creative.committed }),
    fraction: threshold > 0 ? Math.min(1, count / threshold) : 1,
    segments:
      threshold > 0 && threshold <= MAX_GAUGE_SEGMENTS
        ? Array.from({ length: threshold }, (_, i) => ({ filled: i < count, level: levelAt(i) }))
        : null,
    splitText: t('analysis.creative.split', { committed, interested, idea }),
    committed,
    interested,
    idea,
  }
}

/** "3 of 5 uses have an operator": exact counts from the gaps, not a rounded share. */
export function coverageText(usesCount: number, gaps: readonly Gap[]): { text: string; covered: number; fraction: number } {
  if (usesCount === 0) return { text: t('analysis.coverage.none'), covered: 0, fraction: 0 }
  const uncovered = gaps.filter((gap) => gap.type === 'use-without-operator').length
  const covered = usesCount - uncovered
  return { text: t('analysis.coverage.value', { covered, count: usesCount }), covered, fraction: covered / usesCount }
}

export function evennessText(mix: MixIndicators): { text: string; words: string | null } {
  if (mix.categories === 0) return { text: t('analysis.evenness.none'), words: null }
  if (mix.categories === 1) return { text: t('analysis.evenness.single'), words: null }
  const words =
    mix.evenness < 0.5
      ? t('analysis.evenness.low')
      : mix.evenness < 0.8
        ? t('analysis.evenness.medium')
        : t('analysis.evenness.high')
  return { text: t('analysis.evenness.value', { value: formatDecimal(mix.evenness), count: mix.categories }), words }
}

export const quadrantOrder: readonly Quadrant[] = ['keepSatisfied', 'manageClosely', 'monitor', 'keepInformed']

export function stakeholderView(health: StakeholderHealth) {
  return {
    healthText:
      health.health === null
        ? t('analysis.stakeholders.noKeyPlayers')
        : t('analysis.stakeholders.health', { supportive: health.keyPlayersSupportive, keyPlayers: health.keyPlayers }),
    fraction: health.health,
    blockersText: t('analysis.stakeholders.blockers', { count: health.blockers }),
    criticsText: t('analysis.stakeholders.critics', { count: health.critics }),
    quadrants: quadrantOrder.map((quadrant) => ({
      quadrant,
      label: t(`analysis.stakeholders.quadrant.${quadrant}`),
      count: health.quadrants[quadrant],
    })),
    unplacedText:
      health.quadrants.unplaced > 0 ? t('analysis.stakeholders.unplaced', { count: health.quadrants.unplaced }) : null,
  }
}

export interface HeatCell {
  category: UseCategory
  count: number
  /** 0 blank, 1–4 shade steps of the largest cell */
  level: number
  label: string
}
export interface HeatRow {
  sector: Sector
  label: string
  cells: HeatCell[]
}
export interface Heatmap {
  columns: { category: UseCategory; label: string }[]
  rows: HeatRow[]
  max: number
}

export const HEAT_LEVELS = 4

/** Shade step of a cell: 0 for none, else 1–4 in equal steps up to the largest cell. */
export function heatLevel(count: number, max: number): number {
  if (count <= 0 || max <= 0) return 0
  return Math.max(1, Math.min(HEAT_LEVELS, Math.ceil((count / max) * HEAT_LEVELS)))
}

/** Use categories that at least one use has, in contract order. */
export function categoriesInUse(index: BoardIndex): Set<UseCategory> {
  const present = new Set<UseCategory>()
  for (const use of index.uses) if ((useCategories as readonly string[]).includes(use.category)) present.add(use.category)
  return present
}

/**
 * The matrix cut to the sectors with an actor (rows) and the categories with a use (columns),
 * or, with `full`, every sector and category of the contract.
 */
export function heatmap(
  matrix: CombinationMatrix,
  actors: ActorIndicators,
  categories: ReadonlySet<UseCategory>,
  full = false,
): Heatmap {
  const columnIndexes = matrix.columns
    .map((category, i) => ({ category, i }))
    .filter(({ category }) => full || categories.has(category))
  const rowIndexes = matrix.rows
    .map((sector, i) => ({ sector, i }))
    .filter(({ sector }) => full || (actors.bySector[sector] ?? 0) > 0)
  let max = 0
  for (const { i } of rowIndexes) for (const { i: j } of columnIndexes) max = Math.max(max, matrix.cells[i]?.[j] ?? 0)
  return {
    max,
    columns: columnIndexes.map(({ category }) => ({ category, label: enumLabel('useCategory', category) })),
    rows: rowIndexes.map(({ sector, i }) => ({
      sector,
      label: enumLabel('sector', sector),
      cells: columnIndexes.map(({ category, i: j }) => {
        const count = matrix.cells[i]?.[j] ?? 0
        return {
          category,
          count,
          level: heatLevel(count, max),
          label:
            count > 0
              ? t('analysis.matrix.cell', {
                  count,
                  sector: enumLabel('sector', sector),
                  category: enumLabel('useCategory', category),
                })
              : '',
        }
      }),
    })),
  }
}

/** What the gap sentences need to know of an element. */
export type NamedElement = { kind: string; label?: unknown; from?: unknown; to?: unknown }

/** An element's label, or "Use without a name". */
export function nameOf(element: NamedElement | undefined): string {
  if (!element) return t('analysis.gaps.missing')
  if (typeof element.label === 'string' && element.label.trim()) return element.label.trim()
  return t('analysis.gaps.unnamed', { kind: enumLabel('elementKind', element.kind) })
}

export interface GapItem {
  type: GapType
  elementId: string
  text: string
}
export interface GapGroup {
  type: GapType
  title: string
  count: number
  items: GapItem[]
}

/** One human sentence per gap ("Open workshop has no operator"). */
export function gapSentence(
  gap: Gap,
  elementOf: (id: string) => NamedElement | undefined,
  zones: readonly ZoneBalance[] = [],
): string {
  const element = elementOf(gap.elementId)
  switch (gap.type) {
    case 'link-dangling': {
      const end = (id: unknown) => (typeof id === 'string' ? elementOf(id) : undefined)
      return t('analysis.gaps.sentence.link-dangling', { from: nameOf(end(element?.from)), to: nameOf(end(element?.to)) })
    }
    case 'zone-overcommitted': {
      const zone = zones.find((z) => z.zoneId === gap.elementId)
      return t('analysis.gaps.sentence.zone-overcommitted', {
        name: nameOf(element),
        planned: formatArea(zone?.plannedM2 ?? 0),
        supply: formatArea(zone?.supplyM2 ?? 0),
      })
    }
    default:
      return t(`analysis.gaps.sentence.${gap.type}`, { name: nameOf(element) })
  }
}

/** The gaps grouped by type (in the analysis's order), each group with its count and sentences. */
export function gapGroups(
  gaps: readonly Gap[],
  elementOf: (id: string) => NamedElement | undefined,
  zones: readonly ZoneBalance[] = [],
): GapGroup[] {
  const groups: GapGroup[] = []
  for (const type of gapTypes) {
    const items = gaps
      .filter((gap) => gap.type === type)
      .map((gap) => ({ type, elementId: gap.elementId, text: gapSentence(gap, elementOf, zones) }))
    if (items.length > 0) groups.push({ type, title: t(`analysis.gaps.group.${type}`), count: items.length, items })
  }
  return groups
}

/** True when the board holds nothing the analysis speaks about (the empty state). */
export function isEmptyForAnalysis(index: BoardIndex): boolean {
  return index.actors.length === 0 && index.uses.length === 0
}
