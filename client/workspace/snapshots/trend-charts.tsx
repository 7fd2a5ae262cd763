import { createMemo, createSignal, createUniqueId, For, Show } from 'solid-js'
import { enumLabel, formatNumber, locale, t } from '../../i18n/locale.ts'
import type { Snapshot } from './snapshot-api.ts'
import {
  ALL_INDICATORS,
  formatIndicator,
  indicatorLabelKey,
  KEY_INDICATORS,
  sparkline,
  type TrendSeries,
  trendSeries,
} from './trend-data.ts'

const WIDTH = 280
const HEIGHT = 64
const PAD = 14
/** With more points than this only the first, last, lowest and highest values get a label. */
const LABEL_ALL_MAX = 6

const words = () => ({
  t,
  enumLabel,
  formatNumber,
  formatPercent: (value: number) => new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 1 }).format(value),
})

function Sparkline(props: { series: TrendSeries }) {
  const titleId = `trend-${createUniqueId()}`
  const shape = createMemo(() =>
    sparkline(
      props.series.points.map((point) => point.value),
      WIDTH,
      HEIGHT,
      PAD,
    ),
  )
  const name = () => t(indicatorLabelKey(props.series.key))
  const format = (value: number | null) => formatIndicator(props.series.key, value, words())
  const summary = () =>
    t('trend.chart', {
      indicator: name(),
      summary: t('trend.summary', {
        first: format(props.series.first),
        last: format(props.series.last),
        count: props.series.points.length,
      }),
    })
  const labelled = (index: number, value: number) => {
    const dots = shape().dots
    if (dots.length <= LABEL_ALL_MAX) return true
    return index === dots[0]?.index || index === dots.at(-1)?.index || value === props.series.min || value === props.series.max
  }
  return (
    <figure class="snap-trend" data-indicator={props.series.key}>
      <figcaption class="snap-trend__caption">
        <span class="snap-trend__name">{name()}</span>
        <span class="snap-trend__last">{format(props.series.last)}</span>
      </figcaption>
      <svg class="snap-trend__chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" role="img" aria-labelledby={titleId}>
        <title id={titleId}>{summary()}</title>
        <line class="snap-trend__base" x1={PAD} x2={WIDTH - PAD} y1={HEIGHT - 2} y2={HEIGHT - 2} />
        <path class="snap-trend__line" d={shape().path} />
        <Show when={shape().dots.length === 0}>
          <text class="snap-trend__value" x={WIDTH / 2} y={HEIGHT / 2} text-anchor="middle">
            {t('trend.noValue')}
          </text>
        </Show>
        <For each={shape().dots}>
          {(dot) => (
            <>
              <circle class="snap-trend__dot" cx={dot.x} cy={dot.y} r="3" />
              <Show when={labelled(dot.index, dot.value)}>
                <text
                  class="snap-trend__value"
                  x={dot.x}
                  y={dot.y < HEIGHT / 2 ? dot.y + 13 : dot.y - 6}
                  text-anchor={dot.index === 0 ? 'start' : dot.index === props.series.points.length - 1 ? 'end' : 'middle'}
                >
                  {format(dot.value)}
                </text>
              </Show>
            </>
          )}
        </For>
      </svg>
    </figure>
  )
}

/**
 * A sparkline per key indicator over the snapshots (oldest to newest), each value labelled,
 * with the same numbers as a table behind a toggle (screen readers, exact reading).
 */
export function TrendCharts(props: { snapshots: readonly Snapshot[] }) {
  const [asTable, setAsTable] = createSignal(false)
  const [all, setAll] = createSignal(false)
  const keys = () => (all() ? ALL_INDICATORS : KEY_INDICATORS)
  const series = createMemo(() => trendSeries(props.snapshots, keys()))
  const ordered = () => series()[0]?.points ?? []
  return (
    <section class="panel snap-trends" aria-labelledby="snap-trends-title" data-testid="snapshot-trends">
      <h3 id="snap-trends-title" class="snap-section-title">
        {t('trend.title')}
      </h3>
      <Show when={props.snapshots.length >= 2} fallback={<p class="muted snap-small">{t('trend.needTwo')}</p>}>
        <p class="muted snap-small">{t('trend.intro')}</p>
        <div class="snap-trends__toggles">
          <button
            type="button"
            class="button button--small button--ghost"
            aria-pressed={asTable()}
            onClick={() => setAsTable(!asTable())}
          >
            {asTable() ? t('trend.showCharts') : t('trend.showTable')}
          </button>
          <button type="button" class="button button--small button--ghost" aria-pressed={all()} onClick={() => setAll(!all())}>
            {all() ? t('trend.fewer') : t('trend.all')}
          </button>
        </div>
        <Show
          when={asTable()}
          fallback={
            <div class="snap-trends__charts">
              <For each={series()}>{(entry) => <Sparkline series={entry} />}</For>
            </div>
          }
        >
          <section class="snap-trends__table" tabindex="0" aria-label={t('trend.table')}>
            <table data-testid="trend-table">
              <caption class="visually-hidden">{t('trend.table')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('trend.indicator')}</th>
                  <For each={ordered()}>{(point) => <th scope="col">{point.label}</th>}</For>
                </tr>
              </thead>
              <tbody>
                <For each={series()}>
                  {(entry) => (
                    <tr>
                      <th scope="row">{t(indicatorLabelKey(entry.key))}</th>
                      <For each={entry.points}>{(point) => <td>{formatIndicator(entry.key, point.value, words())}</td>}</For>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </section>
        </Show>
      </Show>
    </section>
  )
}
