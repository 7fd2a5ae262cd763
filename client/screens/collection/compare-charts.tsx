import { For, Show } from 'solid-js'
import type { ComparableIndicator, ComparableKey, CompareSite, TrendPoint } from '../../../shared/collections/compare.ts'
import { t } from '../../i18n/locale.ts'
import { formatValue, indicatorName } from './format.ts'

/** One site's value of one indicator, for a chart. */
export interface SiteValue {
  boardId: string
  title: string
  value: number | null
}

/** The axis of a chart: from 0 (counts, shares, money) or around the values (years). */
export function domainOf(values: readonly (number | null)[], unit: ComparableIndicator['unit']): [number, number] {
  const known = values.filter((value): value is number => value !== null)
  if (known.length === 0) return [0, 1]
  let lo = Math.min(...known)
  let hi = Math.max(...known)
  if (unit === 'year') {
    lo -= 1
    hi += 1
  } else {
    lo = Math.min(0, lo)
    hi = Math.max(0, hi)
  }
  return hi === lo ? [lo, lo + 1] : [lo, hi]
}

const shorten = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text)

const BAR = { width: 280, label: 92, bar: 116, row: 22, top: 6, bottom: 6 }

/**
 * One small multiple: a bar per site on ONE scale for every site (the same for every site of
 * the collection), the collection's median as a dashed line. The numbers are in the table above
 * and in the chart's text alternative.
 */
export function IndicatorBars(props: { indicator: ComparableIndicator; sites: SiteValue[]; median: number | null }) {
  const domain = () => domainOf([...props.sites.map((site) => site.value), props.median], props.indicator.unit)
  const x = (value: number) => {
    const [lo, hi] = domain()
    return BAR.label + ((value - lo) / (hi - lo)) * BAR.bar
  }
  const height = () => BAR.top + props.sites.length * BAR.row + BAR.bottom
  const text = (value: number | null) => (value === null ? '—' : formatValue(value, props.indicator.unit))
  const alt = () =>
    t('collection.compare.chartAlt', {
      indicator: indicatorName(props.indicator.key),
      values: props.sites.map((site) => `${site.title} ${text(site.value)}`).join('; '),
      median: text(props.median),
    })
  return (
    <figure class="multiple" data-testid="small-multiple" data-key={props.indicator.key}>
      <figcaption class="multiple__title">{indicatorName(props.indicator.key)}</figcaption>
      <svg
        class="multiple__chart"
        viewBox={`0 0 ${BAR.width} ${height()}`}
        width={BAR.width}
        height={height()}
        role="img"
        aria-label={alt()}
      >
        <For each={props.sites}>
          {(site, index) => {
            const y = () => BAR.top + index() * BAR.row
            // bars grow from 0, years from the left end of the axis
            const start = () => x(props.indicator.unit === 'year' ? domain()[0] : 0)
            return (
              <g data-board-id={site.boardId}>
                <text class="multiple__label" x={0} y={y() + 15}>
                  {shorten(site.title, 14)}
                </text>
                <Show when={site.value !== null}>
                  <rect
                    class="multiple__bar"
                    x={Math.min(start(), x(site.value as number))}
                    y={y() + 4}
                    width={Math.max(1, Math.abs(x(site.value as number) - start()))}
                    height={BAR.row - 8}
                    data-value={site.value}
                  />
                </Show>
                <text class="multiple__value" x={BAR.label + BAR.bar + 6} y={y() + 15}>
                  {text(site.value)}
                </text>
              </g>
            )
          }}
        </For>
        <Show when={props.median !== null}>
          <line
            class="multiple__median"
            x1={x(props.median as number)}
            x2={x(props.median as number)}
            y1={2}
            y2={height() - 2}
            data-testid="median-line"
          />
        </Show>
      </svg>
    </figure>
  )
}

const SPARK = { width: 150, height: 36, pad: 4 }

/** A site's trend across its snapshots (oldest first, live last), on the scale shared by every site. */
export function Sparkline(props: {
  points: TrendPoint[]
  indicatorKey: ComparableKey
  unit: ComparableIndicator['unit']
  domain: [number, number]
  label: string
}) {
  const values = () => props.points.map((point) => point.values[props.indicatorKey] ?? null)
  const xy = () => {
    const [lo, hi] = props.domain
    const n = Math.max(1, props.points.length - 1)
    return values().map((value, i) =>
      value === null
        ? null
        : {
            x: SPARK.pad + (i / n) * (SPARK.width - 2 * SPARK.pad),
            y: SPARK.height - SPARK.pad - ((value - lo) / (hi - lo)) * (SPARK.height - 2 * SPARK.pad),
          },
    )
  }
  const path = () =>
    xy()
      .filter((p): p is { x: number; y: number } => p !== null)
      .map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`)
      .join(' ')
  const last = () => xy().at(-1) ?? null
  return (
    <svg
      class="sparkline"
      viewBox={`0 0 ${SPARK.width} ${SPARK.height}`}
      width={SPARK.width}
      height={SPARK.height}
      role="img"
      aria-label={props.label}
    >
      <polyline class="sparkline__line" points={path()} />
      <For each={xy()}>
        {(p) => <Show when={p}>{(at) => <circle class="sparkline__dot" cx={at().x} cy={at().y} r={2.5} />}</Show>}
      </For>
      <Show when={last()}>{(at) => <circle class="sparkline__live" cx={at().x} cy={at().y} r={4} />}</Show>
    </svg>
  )
}

/** The text alternative of a trend: each point's label and value. */
export function trendText(points: TrendPoint[], key: ComparableKey, unit: ComparableIndicator['unit']): string {
  return points
    .map((point) => {
      const value = point.values[key] ?? null
      return `${point.snapshotId === 'live' ? t('collection.sites.live') : point.label}: ${value === null ? '—' : formatValue(value, unit)}`
    })
    .join('; ')
}

export type { CompareSite }
