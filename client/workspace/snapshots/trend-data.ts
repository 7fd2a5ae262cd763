import type { MessageKey } from '../../../shared/i18n/index.ts'
import type { Words } from './diff-sentences.ts'

/** Every flat indicator a snapshot keeps (docs/exports.md), in the brief's order. */
export const ALL_INDICATORS = [
  'actors',
  'creativeActors',
  'creativeCommitted',
  'creativeInterested',
  'creativeShare',
  'plannedM2',
  'occupancy',
  'vacancy',
  'demandM2',
  'weightedDemandM2',
  'demandToPlanned',
  'mixEvenness',
  'crossSectorLinks',
  'sharedUses',
  'sectorsCommitted',
  'coverage',
  'stakeholderHealth',
  'blockers',
  'gaps',
] as const
export type IndicatorKey = (typeof ALL_INDICATORS)[number]

/** The ones a facilitator looks at after every round (shown first; the rest behind a toggle). */
export const KEY_INDICATORS: readonly IndicatorKey[] = [
  'actors',
  'creativeCommitted',
  'plannedM2',
  'occupancy',
  'mixEvenness',
  'crossSectorLinks',
  'stakeholderHealth',
  'gaps',
]

const RATIOS = new Set<string>(['creativeShare', 'occupancy', 'vacancy', 'demandToPlanned', 'coverage', 'stakeholderHealth'])
const AREAS = new Set<string>(['plannedM2', 'demandM2', 'weightedDemandM2'])

export const indicatorLabelKey = (key: string) => `indicator.${key}` as MessageKey

/** An indicator value as people read it: 60.6 %, 1,500 m², 0.87, 17; "n/a" for null. */
export function formatIndicator(
  key: string,
  value: number | null,
  words: Words & { formatPercent(value: number): string },
): string {
  if (value === null || !Number.isFinite(value)) return words.t('trend.noValue')
  if (RATIOS.has(key)) return words.formatPercent(value)
  if (AREAS.has(key)) return words.t('diff.area', { value: Math.round(value) })
  if (key === 'mixEvenness') return words.formatNumber(Math.round(value * 100) / 100)
  return words.formatNumber(value)
}

export interface TrendPoint {
  snapshotId: string
  label: string
  createdAt: string
  value: number | null
}

export interface TrendSeries {
  key: string
  /** oldest first */
  points: TrendPoint[]
  first: number | null
  last: number | null
  min: number | null
  max: number | null
}

interface SnapshotLike {
  id: string
  label: string
  createdAt: string
  indicators: Record<string, number | null> | null
}

/**
 * One series per indicator over the snapshots, oldest first (the list comes newest first).
 * A snapshot without indicators, or without that one, is a gap (null), not a zero.
 */
export function trendSeries(snapshots: readonly SnapshotLike[], keys: readonly string[]): TrendSeries[] {
  const ordered = [...snapshots].sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0))
  return keys.map((key) => {
    const points = ordered.map((snapshot) => {
      const raw = snapshot.indicators?.[key]
      return {
        snapshotId: snapshot.id,
        label: snapshot.label,
        createdAt: snapshot.createdAt,
        value: typeof raw === 'number' && Number.isFinite(raw) ? raw : null,
      }
    })
    const values = points.map((point) => point.value).filter((value): value is number => value !== null)
    return {
      key,
      points,
      first: values[0] ?? null,
      last: values.at(-1) ?? null,
      min: values.length ? Math.min(...values) : null,
      max: values.length ? Math.max(...values) : null,
    }
  })
}

export interface SparklineDot {
  x: number
  y: number
  value: number
  index: number
}

/**
 * Coordinates of a sparkline in a `width` × `height` box with `pad` inside: x spreads the
 * points evenly, y runs from min (bottom) to max (top); a flat series sits in the middle.
 * Gaps (null) break the line into segments (`M … L …` per run).
 */
export function sparkline(
  values: readonly (number | null)[],
  width: number,
  height: number,
  pad = 4,
): { path: string; dots: SparklineDot[] } {
  const present = values.filter((value): value is number => value !== null)
  if (present.length === 0) return { path: '', dots: [] }
  const min = Math.min(...present)
  const max = Math.max(...present)
  const span = max - min
  const step = values.length > 1 ? (width - 2 * pad) / (values.length - 1) : 0
  const round = (n: number) => Math.round(n * 100) / 100
  const dots: SparklineDot[] = []
  let path = ''
  let pen = false
  values.forEach((value, index) => {
    if (value === null) {
      pen = false
      return
    }
    const x = round(values.length > 1 ? pad + index * step : width / 2)
    const y = round(span === 0 ? height / 2 : pad + (1 - (value - min) / span) * (height - 2 * pad))
    path += `${pen ? 'L' : 'M'}${x} ${y} `
    pen = true
    dots.push({ x, y, value, index })
  })
  return { path: path.trim(), dots }
}
