import { createSignal, createUniqueId, For, type JSX, Show } from 'solid-js'
import { formatNumber, t } from '../../i18n/locale.ts'
import type { AreaBalanceView, Bar, CriticalMassView } from './view-model.ts'

/**
 * Small charts drawn by hand: SVG shapes for the bars, HTML text for every label and value,
 * so each chart reads without colour (direct labels, patterns, words) and scales with the
 * panel. Each card can swap its chart for a plain table.
 */

const pct = (fraction: number) => `${Math.max(0, Math.min(1, fraction)) * 100}%`
const share = (part: number, whole: number) => (whole > 0 ? part / whole : 1)

/** The hatch and dot patterns the charts share; rendered once per panel. */
export function ChartPatterns() {
  return (
    <svg class="an-defs" width="0" height="0" aria-hidden="true">
      <defs>
        <pattern id="an-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="6" height="6" class="an-hatch__bg" />
          <line x1="0" y1="0" x2="0" y2="6" class="an-hatch__line" />
        </pattern>
      </defs>
    </svg>
  )
}

export interface TableColumn {
  label: string
  numeric?: boolean
}

/** A titled card with a chart and, on request, the same figures as an accessible table. */
export function ChartCard(props: {
  title: string
  testId: string
  /** the headline sentence, always visible: the chart's point in words */
  summary?: JSX.Element
  columns?: TableColumn[]
  rows?: () => string[][]
  children: JSX.Element
  footer?: JSX.Element
  /** what the figure means and how it is computed, behind a "What does this mean?" disclosure */
  explain?: Explanation
}) {
  const [asTable, setAsTable] = createSignal(false)
  const id = createUniqueId()
  return (
    <section class="an-card" aria-labelledby={`${id}-title`} data-testid={props.testId}>
      <header class="an-card__head">
        <h3 id={`${id}-title`} class="an-card__title">
          {props.title}
        </h3>
        <Show when={props.columns && props.rows}>
          <button
            type="button"
            class="an-toggle"
            aria-pressed={asTable()}
            aria-controls={`${id}-body`}
            onClick={() => setAsTable(!asTable())}
          >
            {asTable() ? t('analysis.showChart') : t('analysis.showTable')}
          </button>
        </Show>
      </header>
      <Show when={props.summary}>
        <p class="an-card__summary">{props.summary}</p>
      </Show>
      <Show when={props.explain}>{(explain) => <ExplainDisclosure explain={explain()} />}</Show>
      <div id={`${id}-body`} class="an-card__body">
        <Show when={asTable() && props.columns && props.rows} fallback={props.children}>
          <table class="an-table">
            <caption class="visually-hidden">{props.title}</caption>
            <thead>
              <tr>
                <For each={props.columns}>
                  {(column) => (
                    <th scope="col" classList={{ 'an-num': Boolean(column.numeric) }}>
                      {column.label}
                    </th>
                  )}
                </For>
              </tr>
            </thead>
            <tbody>
              <For each={props.rows?.()}>
                {(row) => (
                  <tr>
                    <For each={row}>
                      {(cell, i) =>
                        i() === 0 ? (
                          <th scope="row">{cell}</th>
                        ) : (
                          <td classList={{ 'an-num': Boolean(props.columns?.[i()]?.numeric) }}>{cell}</td>
                        )
                      }
                    </For>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </Show>
      </div>
      {props.footer}
    </section>
  )
}

export interface Explanation {
  meaning: string
  how: string
}

/** A native disclosure: closed it is one line, open it says what a figure means and how it is computed. */
export function ExplainDisclosure(props: { explain: Explanation }) {
  return (
    <details class="an-explain" data-testid="indicator-explanation">
      <summary class="an-explain__summary">
        <span class="an-explain__mark" aria-hidden="true">
          ?
        </span>
        {t('analysis.explain.toggle')}
      </summary>
      <p class="an-explain__meaning">{props.explain.meaning}</p>
      <p class="an-explain__how">
        <strong>{t('analysis.explain.how')}</strong> {props.explain.how}
      </p>
    </details>
  )
}

/** Horizontal bars, largest first: label, bar, value (and share) on one line each. */
export function BarChart(props: { bars: Bar[]; showShare?: boolean; pattern?: 'solid' | 'hatch' }) {
  return (
    <ul class="an-bars">
      <For each={props.bars}>
        {(bar) => (
          <li class="an-bars__row" data-key={bar.key}>
            <span class="an-bars__label" title={bar.label}>
              {bar.label}
            </span>
            <svg class="an-bars__track" height="12" aria-hidden="true">
              <rect class="an-bars__bg" x="0" y="0" width="100%" height="12" rx="2" />
              <rect
                class="an-bars__bar"
                classList={{ 'an-bars__bar--hatch': props.pattern === 'hatch' }}
                x="0"
                y="0"
                width={pct(bar.fraction)}
                height="12"
                rx="2"
              />
            </svg>
            <span class="an-bars__value">
              {bar.valueText}
              <Show when={props.showShare && bar.shareText}>
                <span class="an-bars__share"> · {bar.shareText}</span>
              </Show>
            </span>
          </li>
        )}
      </For>
    </ul>
  )
}

/**
 * Planned area, site area and weighted demand on one scale. Each row has its own look
 * (solid, outline, hatched) and its label and value in text; a dashed line marks 100 % of
 * the site across all rows.
 */
export function AreaBalanceChart(props: { view: AreaBalanceView }) {
  return (
    <div class="an-balance">
      <ul class="an-bars an-bars--balance">
        <Show when={props.view.markerFraction}>
          {(at) => (
            <li class="an-bars__row an-balance__legend" aria-hidden="true">
              <span />
              <span class="an-balance__marker-wrap">
                <span
                  class="an-balance__marker-label"
                  style={{ left: pct(at()), transform: `translateX(${at() > 0.6 ? -100 : at() < 0.3 ? 0 : -50}%)` }}
                >
                  {t('analysis.area.marker')}
                </span>
              </span>
              <span />
            </li>
          )}
        </Show>
        <For each={props.view.rows}>
          {(row) => (
            <li class="an-bars__row" data-key={row.key}>
              <span class="an-bars__label">{row.label}</span>
              <svg class="an-bars__track" height="14" aria-hidden="true">
                <rect class="an-bars__bg" x="0" y="0" width="100%" height="14" rx="2" />
                <rect
                  class={`an-balance__bar an-balance__bar--${row.key}`}
                  x="0"
                  y="0"
                  width={pct(row.fraction)}
                  height="14"
                  rx="2"
                />
                <Show when={props.view.markerFraction !== null}>
                  <line
                    class="an-balance__marker"
                    x1={pct(props.view.markerFraction ?? 0)}
                    x2={pct(props.view.markerFraction ?? 0)}
                    y1="-2"
                    y2="16"
                  />
                </Show>
              </svg>
              <span class="an-bars__value">{row.valueText}</span>
            </li>
          )}
        </For>
      </ul>
    </div>
  )
}

/** Count against target: one segment per actor when countable, else a bar with a target tick. */
export function CriticalMassGauge(props: { view: CriticalMassView }) {
  return (
    <div
      class="an-gauge"
      role="img"
      aria-label={t('analysis.creative.gaugeLabel', { count: props.view.count, threshold: props.view.threshold })}
    >
      <Show
        when={props.view.segments}
        fallback={
          // a target too large to count: one bar, committed solid, then interested hatched, then ideas pale
          <svg class="an-gauge__bar" height="16" aria-hidden="true">
            <rect class="an-bars__bg" x="0" y="0" width="100%" height="16" rx="3" />
            <rect class="an-gauge__fill an-gauge__fill--idea" x="0" y="0" width={pct(props.view.fraction)} height="16" rx="3" />
            <rect
              class="an-gauge__fill an-gauge__fill--interested"
              x="0"
              y="0"
              width={pct(share(props.view.committed + props.view.interested, props.view.threshold))}
              height="16"
              rx="3"
            />
            <rect
              class="an-gauge__fill"
              x="0"
              y="0"
              width={pct(share(props.view.committed, props.view.threshold))}
              height="16"
              rx="3"
            />
          </svg>
        }
      >
        {(segments) => (
          <div class="an-gauge__segments" aria-hidden="true">
            <For each={segments()}>
              {(segment) => (
                <span
                  class={`an-gauge__segment an-gauge__segment--${segment.level}`}
                  classList={{ 'an-gauge__segment--filled': segment.filled }}
                />
              )}
            </For>
            <Show when={props.view.count > props.view.threshold}>
              <span class="an-gauge__extra">+{props.view.count - props.view.threshold}</span>
            </Show>
          </div>
        )}
      </Show>
    </div>
  )
}

/** The key to the gauge's segments: solid committed, hatched interested, outlined idea. */
export function CommitmentLegend(props: { view: CriticalMassView }) {
  const entries = () =>
    (['committed', 'interested', 'idea'] as const).map((level) => ({
      level,
      count: props.view[level],
      label: t(`analysis.creative.legend.${level}`),
    }))
  return (
    <ul class="an-legend" data-testid="critical-mass-split" aria-label={props.view.splitText}>
      <For each={entries()}>
        {(entry) => (
          <li class="an-legend__item" data-level={entry.level}>
            <span class={`an-gauge__segment an-gauge__segment--${entry.level} an-legend__swatch`} aria-hidden="true" />
            <strong>{formatNumber(entry.count)}</strong> {entry.label}
          </li>
        )}
      </For>
    </ul>
  )
}

/** A 0–1 share as a slim bar (coverage, stakeholder health); the text beside it carries the value. */
export function ShareBar(props: { fraction: number; label?: string }) {
  return (
    <svg class="an-share" height="8" aria-hidden="true">
      <rect class="an-bars__bg" x="0" y="0" width="100%" height="8" rx="4" />
      <rect class="an-share__fill" x="0" y="0" width={pct(props.fraction)} height="8" rx="4" />
    </svg>
  )
}

/** A 0–1 scale with a marker at the value and words at both ends (mix evenness). */
export function ScaleMarker(props: { value: number; low: string; high: string }) {
  return (
    <div class="an-scale">
      <div class="an-scale__track" aria-hidden="true">
        <span class="an-scale__marker" style={{ left: pct(props.value) }} />
      </div>
      <div class="an-scale__ends" aria-hidden="true">
        <span>{props.low}</span>
        <span>{props.high}</span>
      </div>
    </div>
  )
}
