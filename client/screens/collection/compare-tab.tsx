import { createMemo, createSignal, For, Show } from 'solid-js'
import {
  type ComparableIndicator,
  type ComparableKey,
  type CompareResult,
  comparableIndicators,
} from '../../../shared/collections/compare.ts'
import { enumLabel, t } from '../../i18n/locale.ts'
import { heatLevel } from '../../workspace/analysis/view-model.ts'
import { type CollectionPage, settled } from './collection-context.ts'
import { LoadState } from './collection-screen.tsx'
import { domainOf, IndicatorBars, Sparkline, trendText } from './compare-charts.tsx'
import { fieldName, formatValue, indicatorName } from './format.ts'

/** Compare: the sites side by side — one table, small multiples, trends and the region's combinations. */
export function CompareTab(props: { page: CollectionPage }) {
  const page = props.page
  return (
    <section class="collection-section" aria-labelledby="compare-title">
      <h2 id="compare-title" class="collection-section__title">
        {t('collection.compare.title')}
      </h2>
      <LoadState
        error={page.compare.error}
        loading={page.compare.loading && !settled(page.compare)}
        retry={page.refetchCompare}
        failed="collection.compare.loadFailed"
      />
      <Show when={settled(page.compare)}>
        {(result) => (
          <Show when={result().sites.length > 0} fallback={<p class="empty-state">{t('collection.compare.empty')}</p>}>
            <CompareView result={result()} />
          </Show>
        )}
      </Show>
    </section>
  )
}

const Value = (props: { value: number | null; unit: ComparableIndicator['unit'] }) => (
  <Show
    when={props.value !== null}
    fallback={
      <>
        <span aria-hidden="true">—</span>
        <span class="visually-hidden">{t('collection.compare.unknown')}</span>
      </>
    }
  >
    {formatValue(props.value as number, props.unit)}
  </Show>
)

function CompareView(props: { result: CompareResult }) {
  const valuesOf = (indicator: ComparableIndicator) =>
    props.result.sites.map((site) => ({ boardId: site.boardId, title: site.title, value: indicator.get(site.indicators) }))
  return (
    <>
      <p class="muted">{t('collection.compare.intro')}</p>
      <section class="table-scroll" aria-labelledby="compare-table-caption" tabindex="0">
        <table class="compare-table" data-testid="compare-table">
          <caption id="compare-table-caption" class="compare-table__caption">
            <span class="compare-table__caption-text">{t('collection.compare.tableCaption')}</span>
          </caption>
          <thead>
            <tr>
              <th scope="col" class="compare-table__corner">
                {t('collection.compare.site')}
              </th>
              <For each={comparableIndicators}>
                {(indicator) => (
                  <th scope="col" data-key={indicator.key}>
                    {indicatorName(indicator.key)}
                  </th>
                )}
              </For>
            </tr>
          </thead>
          <tbody>
            <For each={props.result.sites}>
              {(site) => (
                <tr data-board-id={site.boardId} data-testid="compare-row">
                  <th scope="row">
                    {site.title}
                    <span class="compare-table__at">
                      {site.snapshotLabel
                        ? t('collection.sites.snapshot', { label: site.snapshotLabel })
                        : t('collection.sites.live')}
                    </span>
                  </th>
                  <For each={comparableIndicators}>
                    {(indicator) => {
                      const value = indicator.get(site.indicators)
                      return (
                        <td data-key={indicator.key} data-value={value ?? ''}>
                          <Value value={value} unit={indicator.unit} />
                        </td>
                      )
                    }}
                  </For>
                </tr>
              )}
            </For>
          </tbody>
          <tfoot>
            <tr data-testid="compare-median">
              <th scope="row">{t('collection.compare.median')}</th>
              <For each={comparableIndicators}>
                {(indicator) => (
                  <td data-key={indicator.key} data-value={props.result.median[indicator.key] ?? ''}>
                    <Value value={props.result.median[indicator.key]} unit={indicator.unit} />
                  </td>
                )}
              </For>
            </tr>
            <tr data-testid="compare-spread">
              <th scope="row">{t('collection.compare.spread')}</th>
              <For each={comparableIndicators}>
                {(indicator) => {
                  const spread = props.result.spread[indicator.key]
                  return (
                    <td data-key={indicator.key}>
                      <Show when={spread} fallback={<Value value={null} unit={indicator.unit} />}>
                        {(s) => (
                          <span class="compare-table__spread">
                            {t('collection.compare.range', {
                              min: formatValue(s().min, indicator.unit),
                              max: formatValue(s().max, indicator.unit),
                            })}
                            <br />
                            <span class="muted">
                              {t('collection.compare.quartiles', {
                                q1: formatValue(s().q1, indicator.unit),
                                q3: formatValue(s().q3, indicator.unit),
                              })}
                            </span>
                          </span>
                        )}
                      </Show>
                    </td>
                  )
                }}
              </For>
            </tr>
          </tfoot>
        </table>
      </section>

      <h3 class="collection-section__subtitle">{t('collection.compare.multiples')}</h3>
      <p class="muted">{t('collection.compare.multiplesHint')}</p>
      <div class="multiples" data-testid="small-multiples">
        <For each={comparableIndicators}>
          {(indicator) => (
            <IndicatorBars indicator={indicator} sites={valuesOf(indicator)} median={props.result.median[indicator.key]} />
          )}
        </For>
      </div>

      <Trends result={props.result} />
      <RegionMatrix result={props.result} />
    </>
  )
}

/** The trend of one indicator per site across its snapshots, on one scale for all sites. */
function Trends(props: { result: CompareResult }) {
  const [key, setKey] = createSignal<ComparableKey>('creative.count')
  const indicator = () => comparableIndicators.find((candidate) => candidate.key === key()) ?? comparableIndicators[0]
  const domain = createMemo(() =>
    domainOf(
      props.result.sites.flatMap((site) => site.trend.map((point) => point.values[key()] ?? null)),
      indicator()?.unit ?? 'count',
    ),
  )
  const longest = () => Math.max(0, ...props.result.sites.map((site) => site.trend.length))
  return (
    <>
      <h3 class="collection-section__subtitle">{t('collection.compare.trends')}</h3>
      <div class="field collection-form__narrow">
        <label class="field__label" for="trend-indicator">
          {t('collection.compare.trendIndicator')}
        </label>
        <select
          id="trend-indicator"
          class="input select"
          value={key()}
          onChange={(e) => setKey(e.currentTarget.value as ComparableKey)}
        >
          <For each={comparableIndicators}>
            {(candidate) => <option value={candidate.key}>{indicatorName(candidate.key)}</option>}
          </For>
        </select>
      </div>
      <section class="table-scroll" aria-labelledby="trend-caption" tabindex="0">
        <table class="compare-table trend-table" data-testid="trend-table">
          <caption id="trend-caption" class="compare-table__caption">
            <span class="compare-table__caption-text">
              {t('collection.compare.trendCaption', { indicator: indicatorName(key()) })}
            </span>
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('collection.compare.site')}</th>
              <th scope="col">{t('collection.compare.trendChart')}</th>
              <For each={Array.from({ length: longest() }, (_, i) => i)}>
                {(i) => <th scope="col">{t('collection.compare.trendPoint', { n: i + 1 })}</th>}
              </For>
            </tr>
          </thead>
          <tbody>
            <For each={props.result.sites}>
              {(site) => (
                <tr data-board-id={site.boardId}>
                  <th scope="row">{site.title}</th>
                  <td>
                    <Sparkline
                      points={site.trend}
                      indicatorKey={key()}
                      unit={indicator()?.unit ?? 'count'}
                      domain={domain()}
                      label={t('collection.compare.trendAlt', {
                        title: site.title,
                        values: trendText(site.trend, key(), indicator()?.unit ?? 'count'),
                      })}
                    />
                  </td>
                  <For each={Array.from({ length: longest() }, (_, i) => site.trend[i])}>
                    {(point) => (
                      <td>
                        <Show when={point}>
                          {(p) => (
                            <>
                              <span class="trend-table__label">
                                {p().snapshotId === 'live' ? t('collection.sites.live') : p().label}
                              </span>
                              <br />
                              <Value value={p().values[key()] ?? null} unit={indicator()?.unit ?? 'count'} />
                            </>
                          )}
                        </Show>
                      </td>
                    )}
                  </For>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </section>
    </>
  )
}

interface HeatLine {
  key: string
  label: string
  /** the row or column in the answer's matrix */
  index: number
}

/** A heat table with a number in every cell (the shade only repeats it), its caption and a named corner. */
function HeatTable(props: {
  id: string
  testId: string
  caption: string
  corner: string
  rows: HeatLine[]
  columns: HeatLine[]
  max: number
  cell: (row: HeatLine, column: HeatLine) => { count: number; testId: string; title?: string; note?: string | undefined }
}) {
  return (
    <section class="table-scroll" aria-labelledby={`${props.id}-caption`} tabindex="0">
      <table class="heat-table" data-testid={props.testId}>
        <caption id={`${props.id}-caption`} class="compare-table__caption">
          <span class="compare-table__caption-text">{props.caption}</span>
        </caption>
        <thead>
          <tr>
            <td class="heat-table__corner">
              <span class="visually-hidden">{props.corner}</span>
            </td>
            <For each={props.columns}>{(column) => <th scope="col">{column.label}</th>}</For>
          </tr>
        </thead>
        <tbody>
          <For each={props.rows}>
            {(row) => (
              <tr>
                <th scope="row">{row.label}</th>
                <For each={props.columns}>
                  {(column) => {
                    const cell = props.cell(row, column)
                    return (
                      <td
                        class="heat-table__cell"
                        data-level={heatLevel(cell.count, props.max)}
                        data-testid={cell.testId}
                        title={cell.title}
                      >
                        {cell.count}
                        <Show when={cell.note}>
                          <span class="heat-table__sites">{cell.note}</span>
                        </Show>
                      </td>
                    )
                  }}
                </For>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </section>
  )
}

/**
 * Where the creative fields meet the established sectors across the region (pairs of actors,
 * and in how many sites), every cell with its number; then the meetings found nowhere, and
 * the summed combination matrix (actor sectors × kinds of use).
 */
function RegionMatrix(props: { result: CompareResult }) {
  const meetings = () => props.result.meetings
  const rows = createMemo(() =>
    meetings()
      .rows.map((field, r) => ({ field, r }))
      .filter(({ r }) => meetings().presentRows[r]),
  )
  const columns = createMemo(() =>
    meetings()
      .columns.map((sector, c) => ({ sector, c }))
      .filter(({ c }) => meetings().presentColumns[c]),
  )
  const max = () => Math.max(0, ...rows().flatMap(({ r }) => columns().map(({ c }) => meetings().cells[r]?.[c] ?? 0)))
  const sums = () => props.result.matrix
  const sumRows = createMemo(() =>
    sums()
      .rows.map((sector, r) => ({ sector, r }))
      .filter(({ r }) => (sums().cells[r] ?? []).some((n) => n > 0)),
  )
  const sumColumns = createMemo(() =>
    sums()
      .columns.map((category, c) => ({ category, c }))
      .filter(({ c }) => sums().cells.some((row) => (row[c] ?? 0) > 0)),
  )
  const sumMax = () => Math.max(0, ...sums().cells.flat())
  return (
    <>
      <h3 class="collection-section__subtitle">{t('collection.compare.meetings')}</h3>
      <p class="muted">{t('collection.compare.meetingsHint')}</p>
      <Show
        when={rows().length > 0 && columns().length > 0}
        fallback={<p class="empty-state">{t('collection.compare.meetingsNone')}</p>}
      >
        <HeatTable
          id="meetings"
          testId="region-meetings"
          caption={t('collection.compare.meetingsCaption')}
          corner={t('collection.compare.meetingsCorner')}
          rows={rows().map(({ field, r }) => ({ key: field, label: fieldName(field), index: r }))}
          columns={columns().map(({ sector, c }) => ({ key: sector, label: enumLabel('sector', sector), index: c }))}
          max={max()}
          cell={(row, column) => {
            const count = meetings().cells[row.index]?.[column.index] ?? 0
            const sites = meetings().sites[row.index]?.[column.index] ?? 0
            return {
              count,
              testId: `meeting-${row.key}-${column.key}`,
              title: t('collection.compare.meetingCell', { count, sites, field: row.label, sector: column.label }),
              note: count > 0 ? t('collection.compare.inSites', { count: sites }) : undefined,
            }
          }}
        />
      </Show>
      <h4 class="collection-section__minor">{t('collection.compare.nowhere')}</h4>
      <Show when={props.result.nowhere.length > 0} fallback={<p class="muted">{t('collection.compare.nowhereNone')}</p>}>
        <ul class="nowhere-list" data-testid="nowhere-list">
          <For each={props.result.nowhere}>
            {(pair) => (
              <li>
                {t('collection.compare.nowherePair', { field: fieldName(pair.field), sector: enumLabel('sector', pair.sector) })}
              </li>
            )}
          </For>
        </ul>
      </Show>

      <h3 class="collection-section__subtitle">{t('collection.compare.matrix')}</h3>
      <Show
        when={sumRows().length > 0 && sumColumns().length > 0}
        fallback={<p class="empty-state">{t('analysis.matrix.none')}</p>}
      >
        <HeatTable
          id="matrix"
          testId="region-matrix"
          caption={t('collection.compare.matrixCaption')}
          corner={t('analysis.matrix.corner')}
          rows={sumRows().map(({ sector, r }) => ({ key: sector, label: enumLabel('sector', sector), index: r }))}
          columns={sumColumns().map(({ category, c }) => ({
            key: category,
            label: enumLabel('useCategory', category),
            index: c,
          }))}
          max={sumMax()}
          cell={(row, column) => ({
            count: sums().cells[row.index]?.[column.index] ?? 0,
            testId: `region-cell-${row.key}-${column.key}`,
          })}
        />
      </Show>
    </>
  )
}
