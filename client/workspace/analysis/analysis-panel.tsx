import { createMemo, createSignal, For, type JSX, onCleanup, Show } from 'solid-js'
import { linksInCell } from '../../../shared/analysis/matrix.ts'
import type { MessageKey } from '../../../shared/i18n/en.ts'
import type { Sector, UseCategory } from '../../../shared/schema/enums.ts'
import { canEdit, canFacilitate } from '../../../shared/schema/roles.ts'
import { useBoard } from '../../board/board-context.ts'
import { activeCanvas } from '../../canvas/canvas-api.ts'
import { formatNumber, t } from '../../i18n/locale.ts'
import { AnalysisFullscreen } from './analysis-fullscreen.tsx'
import { createGapHighlighter, zoomToElements } from './canvas-focus.ts'
import {
  AreaBalanceChart,
  BarChart,
  ChartCard,
  ChartPatterns,
  CommitmentLegend,
  CriticalMassGauge,
  type Explanation,
  ScaleMarker,
  ShareBar,
} from './charts.tsx'
import { CombinationHeatmap } from './combination-heatmap.tsx'
import { GapList } from './gap-list.tsx'
import { createLiveAnalysis } from './live-analysis.ts'
import { conflictItems, moneyView, phaseRows, viabilityView, zoneRows } from './roadmap-view.ts'
import { ThresholdEditor } from './threshold-editor.tsx'
import {
  areaBalance,
  categoriesInUse,
  coverageText,
  criticalMass,
  evennessText,
  formatPercent,
  type GapItem,
  gapGroups,
  heatmap,
  isEmptyForAnalysis,
  sectorBars,
  stakeholderView,
  useMixBars,
} from './view-model.ts'
import './analysis.css'

/** A card's "What does this mean?" text from the catalog (`analysis.explain.<card>.meaning` / `.how`). */
const explain = (card: string): Explanation => ({
  meaning: t(`analysis.explain.${card}.meaning` as MessageKey),
  how: t(`analysis.explain.${card}.how` as MessageKey),
})

/**
 * The "Analysis" tab: the reuse concept judged while it grows (docs/analysis.md). Indicator
 * cards, the combination matrix whose cells select their links, and the gap list whose items
 * show their element on the board. Re-analyses the board store at most every ~100 ms.
 */
/** Labelled figures, one row each (`data-figure` or `data-source`: the figure's key, for tests and styles). */
function FigureRows(props: {
  figures: readonly { key: string; label: string; value: string }[]
  keyAs?: 'figure' | 'source'
  testId?: string
}) {
  return (
    <dl class="an-figures an-figures--rows" data-testid={props.testId}>
      <For each={props.figures}>
        {(figure) => (
          <div {...{ [`data-${props.keyAs ?? 'figure'}`]: figure.key }}>
            <dt>{figure.label}</dt>
            <dd>{figure.value}</dd>
          </div>
        )}
      </For>
    </dl>
  )
}

export function AnalysisPanel() {
  const session = useBoard()
  const { store, selection, writes, role, connection } = session
  const live = createLiveAnalysis(connection.doc, store)
  const indicators = () => live().analysis.indicators
  const highlighter = createGapHighlighter()
  onCleanup(() => highlighter.clear(activeCanvas()))
  const [notice, setNotice] = createSignal('')

  const sectors = createMemo(() => sectorBars(indicators().actors))
  const uses = createMemo(() => useMixBars(indicators().mix))
  const balance = createMemo(() => areaBalance(indicators().area))
  const mass = createMemo(() => criticalMass(indicators().creative))
  const coverage = createMemo(() => coverageText(live().index.uses.length, live().analysis.gaps))
  const evenness = createMemo(() => evennessText(indicators().mix))
  const stakeholders = createMemo(() => stakeholderView(indicators().stakeholders))
  const matrix = createMemo(() => heatmap(live().analysis.matrix, indicators().actors, categoriesInUse(live().index)))
  const gaps = createMemo(() =>
    gapGroups(live().analysis.gaps, (id) => live().index.byId.get(id) ?? store.state.elements[id], indicators().zones),
  )
  const gapTotal = () => live().analysis.gaps.length
  const vacancy = () => indicators().area.vacancy
  const phases = createMemo(() => phaseRows(indicators().phases, live().index))
  const conflicts = createMemo(() => conflictItems(indicators().timelineConflicts, live().index))
  const zones = createMemo(() => zoneRows(indicators().zones, live().index))
  const viability = createMemo(() => viabilityView(indicators().viability, live().index))
  const money = createMemo(() => moneyView(indicators().viability))
  const [fullMatrix, setFullMatrix] = createSignal(false)
  const fullHeatmap = createMemo(() => heatmap(live().analysis.matrix, indicators().actors, categoriesInUse(live().index), true))
  const [fullscreen, setFullscreen] = createSignal(false)

  const showOnBoard = (ids: string[], highlight: boolean) => {
    const present = ids.filter((id) => id in store.state.elements)
    selection.set(present)
    const canvas = activeCanvas()
    if (!canvas || present.length === 0) return false
    zoomToElements(canvas, present)
    if (highlight) highlighter.show(canvas, present)
    return true
  }

  const showGap = (gap: GapItem) => {
    setFullscreen(false) // the board is behind the full-screen view
    const element = store.state.elements[gap.elementId]
    if (!element) {
      setNotice(t('analysis.gaps.notOnBoard'))
      return
    }
    setNotice('')
    showOnBoard([gap.elementId], true)
  }

  const selectCell = (sector: Sector, category: UseCategory) => {
    const { index } = live()
    const linkIds = linksInCell(index, sector, category)
    const ids = new Set<string>()
    for (const id of linkIds) {
      const link = index.byId.get(id)
      ids.add(id)
      if (link?.kind === 'link') {
        ids.add(link.from)
        ids.add(link.to)
      }
    }
    setFullscreen(false)
    showOnBoard([...ids], false)
    setNotice(t('analysis.matrix.selected', { count: ids.size }))
  }

  const showUse = (useId: string) => {
    setFullscreen(false)
    if (!showOnBoard([useId], true)) setNotice(t('analysis.gaps.notOnBoard'))
  }

  const saveThreshold = (value: number) => writes.apply({ type: 'settings.update', fields: { creativeThreshold: value } }).ok

  /** The cards; drawn in the side panel and, while it is open, again in the full-screen view. */
  const cards = (): JSX.Element => (
    <>
      <Show
        when={!isEmptyForAnalysis(live().index)}
        fallback={
          <div class="an-empty" data-testid="analysis-empty">
            <svg class="an-empty__art" viewBox="0 0 120 64" aria-hidden="true">
              <rect x="4" y="8" width="40" height="20" rx="4" class="an-empty__card" />
              <rect x="76" y="36" width="40" height="20" rx="4" class="an-empty__card an-empty__card--use" />
              <path d="M44 18 C 62 18, 58 46, 76 46" class="an-empty__link" />
            </svg>
            <p class="an-empty__title">{t('analysis.empty.title')}</p>
            <p>{t('analysis.empty.body')}</p>
            <p class="muted">{canEdit(role()) ? t('analysis.empty.hintEditor') : t('analysis.empty.hintViewer')}</p>
          </div>
        }
      >
        <ChartCard
          title={t('analysis.gaps.title')}
          testId="analysis-gaps"
          explain={explain('gaps')}
          summary={gapTotal() > 0 ? t('analysis.gaps.count', { count: gapTotal() }) : undefined}
        >
          <GapList groups={gaps()} onShow={showGap} />
        </ChartCard>

        <ChartCard
          title={t('analysis.sectors.title')}
          testId="analysis-sectors"
          explain={explain('sectors')}
          summary={
            sectors().length === 1
              ? t('analysis.sectors.summaryOne', { count: indicators().actors.total })
              : t('analysis.sectors.summary', { count: indicators().actors.total, sectors: sectors().length })
          }
          columns={[
            { label: t('analysis.sectors.column') },
            { label: t('analysis.sectors.actors'), numeric: true },
            { label: t('analysis.table.share'), numeric: true },
          ]}
          rows={() => sectors().map((bar) => [bar.label, formatNumber(bar.value), bar.shareText])}
        >
          <Show when={sectors().length > 0} fallback={<p class="an-empty-line">{t('analysis.sectors.none')}</p>}>
            <BarChart bars={sectors()} />
          </Show>
        </ChartCard>

        <ChartCard
          title={t('analysis.creative.title')}
          testId="analysis-critical-mass"
          explain={explain('creative')}
          summary={
            <>
              <strong class="an-figure">{mass().countText}</strong>
              <span class="an-status" classList={{ 'an-status--ok': mass().reached }} data-testid="critical-mass-status">
                <span class="an-status__mark" aria-hidden="true">
                  {mass().reached ? '✓' : '○'}
                </span>
                {mass().statusText}
              </span>
            </>
          }
          footer={
            <ThresholdEditor
              threshold={indicators().creative.threshold}
              editable={canFacilitate(role())}
              onSave={saveThreshold}
            />
          }
        >
          <CriticalMassGauge view={mass()} />
          <CommitmentLegend view={mass()} />
          <p class="an-note">{mass().detailText}</p>
        </ChartCard>

        <ChartCard
          title={t('analysis.uses.title')}
          testId="analysis-use-mix"
          explain={explain('uses')}
          summary={
            uses().length > 0
              ? t('analysis.uses.summary', {
                  area: t('analysis.unit.m2', { value: Math.round(indicators().area.plannedM2) }),
                  count: uses().length,
                })
              : undefined
          }
          columns={[
            { label: t('analysis.uses.column') },
            { label: t('analysis.uses.area'), numeric: true },
            { label: t('analysis.table.share'), numeric: true },
          ]}
          rows={() => uses().map((bar) => [bar.label, bar.valueText, bar.shareText])}
        >
          <Show when={uses().length > 0} fallback={<p class="an-empty-line">{t('analysis.uses.none')}</p>}>
            <BarChart bars={uses()} showShare />
          </Show>
        </ChartCard>

        <ChartCard
          title={t('analysis.area.title')}
          testId="analysis-area"
          explain={explain('area')}
          summary={
            <span classList={{ 'an-warn': balance().overPlanned }} data-testid="area-ratio">
              <Show when={balance().overPlanned}>
                <span aria-hidden="true">⚠ </span>
              </Show>
              {balance().ratioText}
            </span>
          }
          columns={[{ label: t('analysis.area.column') }, { label: t('analysis.table.value'), numeric: true }]}
          rows={() => [
            ...balance().rows.map((row) => [row.label, row.valueText]),
            [t('analysis.area.demand'), t('analysis.unit.m2', { value: Math.round(indicators().area.demandM2) })],
            ...(vacancy() === null ? [] : [[t('analysis.area.vacancyLabel'), formatPercent(vacancy() ?? 0)]]),
          ]}
        >
          <AreaBalanceChart view={balance()} />
          <Show when={(vacancy() ?? 0) > 0}>
            <p class="an-note" data-testid="area-vacancy">
              {t('analysis.area.vacancy', { percent: formatPercent(vacancy() ?? 0) })}
            </p>
          </Show>
          <Show when={balance().demandText}>{(text) => <p class="an-note">{text()}</p>}</Show>
        </ChartCard>

        <div class="an-pair">
          <ChartCard title={t('analysis.coverage.title')} testId="analysis-coverage" explain={explain('coverage')}>
            <p class="an-figure-line">{coverage().text}</p>
            <ShareBar fraction={coverage().fraction} />
          </ChartCard>
          <ChartCard title={t('analysis.evenness.title')} testId="analysis-evenness" explain={explain('evenness')}>
            <p class="an-figure-line">{evenness().text}</p>
            <Show when={evenness().words}>
              {(words) => (
                <>
                  <ScaleMarker
                    value={indicators().mix.evenness}
                    low={t('analysis.evenness.scaleLow')}
                    high={t('analysis.evenness.scaleHigh')}
                  />
                  <p class="an-note">{words()}</p>
                </>
              )}
            </Show>
          </ChartCard>
        </div>

        <ChartCard
          title={t('analysis.stakeholders.title')}
          testId="analysis-stakeholders"
          explain={explain('stakeholders')}
          summary={stakeholders().healthText}
          columns={[{ label: t('analysis.stakeholders.quadrants') }, { label: t('analysis.sectors.actors'), numeric: true }]}
          rows={() => stakeholders().quadrants.map((q) => [q.label, formatNumber(q.count)])}
        >
          <Show when={stakeholders().fraction !== null}>
            <ShareBar fraction={stakeholders().fraction ?? 0} />
          </Show>
          <div
            class="an-quadrants"
            role="img"
            aria-label={stakeholders()
              .quadrants.map((q) => `${q.label}: ${q.count}`)
              .join(', ')}
          >
            {stakeholders().quadrants.map((q) => (
              <div class={`an-quadrants__cell an-quadrants__cell--${q.quadrant}`}>
                <span class="an-quadrants__count">{formatNumber(q.count)}</span>
                <span class="an-quadrants__label">{q.label}</span>
              </div>
            ))}
          </div>
          <p class="an-note">
            {stakeholders().blockersText} · {stakeholders().criticsText}
            <Show when={stakeholders().unplacedText}>{(text) => <> · {text()}</>}</Show>
          </p>
        </ChartCard>

        <ChartCard title={t('analysis.combination.title')} testId="analysis-combination" explain={explain('combination')}>
          <dl class="an-figures">
            <div>
              <dt>{t('analysis.combination.crossSectorLinks')}</dt>
              <dd>{formatNumber(indicators().combination.crossSectorLinks)}</dd>
            </div>
            <div>
              <dt>{t('analysis.combination.sharedUses')}</dt>
              <dd>{formatNumber(indicators().combination.sharedUses)}</dd>
            </div>
            <div>
              <dt>{t('analysis.combination.sectorsCommitted')}</dt>
              <dd>{formatNumber(indicators().combination.sectorsCommitted)}</dd>
            </div>
          </dl>
        </ChartCard>

        <ChartCard
          title={t('analysis.matrix.title')}
          testId="analysis-matrix"
          summary={t('analysis.matrix.intro')}
          explain={explain('matrix')}
        >
          <CombinationHeatmap
            map={fullMatrix() ? fullHeatmap() : matrix()}
            full={fullMatrix()}
            note={
              fullMatrix()
                ? t('analysis.matrix.fullNote', {
                    allSectors: fullHeatmap().rows.length,
                    allCategories: fullHeatmap().columns.length,
                  })
                : t('analysis.matrix.presentNote', {
                    sectors: matrix().rows.length,
                    allSectors: fullHeatmap().rows.length,
                    categories: matrix().columns.length,
                    allCategories: fullHeatmap().columns.length,
                  })
            }
            onToggleFull={() => setFullMatrix(!fullMatrix())}
            onSelect={selectCell}
          />
        </ChartCard>

        <ChartCard
          title={t('analysis.phases.title')}
          testId="analysis-phases"
          explain={explain('phases')}
          summary={phases().length > 0 ? t('analysis.phases.summary', { count: phases().length }) : undefined}
          columns={[
            { label: t('analysis.phases.column') },
            { label: t('analysis.phases.area'), numeric: true },
            { label: t('analysis.phases.occupancy'), numeric: true },
          ]}
          rows={() => phases().map((row) => [`${row.label} (${row.stageText})`, row.areaText, row.occupancyText])}
        >
          <Show when={phases().length > 0} fallback={<p class="an-empty-line">{t('analysis.phases.none')}</p>}>
            <ul class="an-phases">
              <For each={phases()}>
                {(row) => (
                  <li class="an-phases__row" data-testid="phase-occupancy" data-phase-id={row.phaseId}>
                    <span class="an-phases__name">
                      <strong>{row.label}</strong>
                      <span class="muted">
                        {' '}
                        · {row.stageText} · {row.monthsText}
                      </span>
                    </span>
                    <Show when={row.fraction !== null}>
                      <ShareBar fraction={row.fraction ?? 0} />
                    </Show>
                    <span class="an-phases__value" classList={{ 'an-warn': row.overPlanned }}>
                      {row.occupancyText} · {row.areaText} · {row.usesText}
                    </span>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        </ChartCard>

        <ChartCard
          title={t('analysis.conflicts.title')}
          testId="analysis-conflicts"
          explain={explain('conflicts')}
          summary={conflicts().length > 0 ? t('analysis.conflicts.count', { count: conflicts().length }) : undefined}
        >
          <Show
            when={conflicts().length > 0}
            fallback={
              <p class="an-ok">
                <span class="an-ok__mark" aria-hidden="true">
                  ✓
                </span>
                {t('analysis.conflicts.none')}
              </p>
            }
          >
            <ul class="an-gaps__list">
              <For each={conflicts()}>
                {(item) => (
                  <li>
                    <button
                      type="button"
                      class="an-gap"
                      data-testid="timeline-conflict"
                      data-element-id={item.useId}
                      title={t('analysis.gaps.zoomHint')}
                      onClick={() => showUse(item.useId)}
                    >
                      <span class="an-gap__mark" aria-hidden="true">
                        ⏱
                      </span>
                      <span class="an-gap__text">{item.text}</span>
                      <span class="an-gap__go" aria-hidden="true">
                        →
                      </span>
                    </button>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        </ChartCard>

        <Show when={zones().length > 0}>
          <ChartCard
            title={t('analysis.zones.title')}
            testId="analysis-zones"
            explain={explain('zones')}
            columns={[
              { label: t('analysis.zones.column') },
              { label: t('analysis.zones.supply'), numeric: true },
              { label: t('analysis.zones.planned'), numeric: true },
              { label: t('analysis.zones.occupancy'), numeric: true },
            ]}
            rows={() => zones().map((row) => [row.label, row.supplyText, row.plannedText, row.occupancyText])}
          >
            <dl class="an-figures an-figures--rows">
              <For each={zones()}>
                {(row) => (
                  <div data-zone-id={row.zoneId}>
                    <dt>{row.label}</dt>
                    <dd classList={{ 'an-warn': row.overPlanned }}>
                      <Show when={row.overPlanned}>
                        <span aria-hidden="true">⚠ </span>
                      </Show>
                      {row.plannedText} / {row.supplyText} · {row.occupancyText}
                    </dd>
                  </div>
                )}
              </For>
            </dl>
          </ChartCard>
        </Show>

        <ChartCard
          title={t('analysis.viability.title')}
          testId="analysis-viability"
          explain={explain('viability')}
          summary={viability().affordableText ?? undefined}
        >
          <Show when={viability().hasRent} fallback={<p class="an-empty-line">{t('analysis.viability.none')}</p>}>
            <FigureRows figures={viability().figures} />
            <Show when={viability().affordability.length > 0}>
              <ul class="an-afford">
                <For each={viability().affordability}>
                  {(row) => (
                    <li class="an-afford__row" data-actor-id={row.actorId} data-can-pay={row.canPay}>
                      <span class="an-afford__mark" aria-hidden="true">
                        {row.canPay ? '✓' : '✗'}
                      </span>
                      <span>
                        {row.text} ({row.canPay ? t('analysis.viability.canPay') : t('analysis.viability.cannotPay')})
                      </span>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          </Show>
          <p class="an-note muted">{t('analysis.viability.missing')}</p>
        </ChartCard>

        <ChartCard
          title={t('analysis.money.title')}
          testId="analysis-money"
          explain={explain('money')}
          summary={money().summaryText ?? undefined}
        >
          <Show when={money().hasMoney} fallback={<p class="an-empty-line">{t('analysis.money.none')}</p>}>
            <FigureRows figures={money().figures} />
            <Show when={money().sources.length > 0}>
              <h4 class="an-subhead">{t('analysis.money.bySource')}</h4>
              <FigureRows figures={money().sources} keyAs="source" testId="analysis-money-sources" />
            </Show>
          </Show>
        </ChartCard>
      </Show>
    </>
  )

  return (
    <section class="an-panel" aria-labelledby="analysis-heading" data-testid="analysis-panel">
      <ChartPatterns />
      <header class="an-panel__head">
        <div class="an-panel__title-row">
          <h2 id="analysis-heading" class="panel__title">
            {t('analysis.title')}
          </h2>
          <button
            type="button"
            class="an-toggle an-fullscreen-open"
            data-testid="analysis-fullscreen-open"
            title={t('analysis.fullscreen.openHint')}
            aria-haspopup="dialog"
            onClick={() => setFullscreen(true)}
          >
            <svg class="an-fullscreen-open__icon" viewBox="0 0 24 24" width="14" height="14" aria-hidden="true">
              <path d="M4 9V4h5M15 4h5v5M20 15v5h-5M9 20H4v-5" />
            </svg>
            {t('analysis.fullscreen.open')}
          </button>
        </div>
        <p class="an-panel__intro muted">{t('analysis.intro')}</p>
      </header>
      <p class="visually-hidden" aria-live="polite" data-testid="analysis-notice">
        {notice()}
      </p>
      {cards()}
      <Show when={fullscreen()}>
        <AnalysisFullscreen
          title={t('analysis.fullscreen.title', { board: session.board.title })}
          onClose={() => setFullscreen(false)}
        >
          {cards()}
        </AnalysisFullscreen>
      </Show>
    </section>
  )
}
