import { createMemo, createSignal, onCleanup, Show } from 'solid-js'
import { linksInCell } from '../../../shared/analysis/matrix.ts'
import type { Sector, UseCategory } from '../../../shared/schema/enums.ts'
import { canEdit, canFacilitate } from '../../../shared/schema/roles.ts'
import { useBoard } from '../../board/board-context.ts'
import { activeCanvas } from '../../canvas/canvas-api.ts'
import { formatNumber, t } from '../../i18n/locale.ts'
import { createGapHighlighter, zoomToElements } from './canvas-focus.ts'
import { AreaBalanceChart, BarChart, ChartCard, ChartPatterns, CriticalMassGauge, ScaleMarker, ShareBar } from './charts.tsx'
import { CombinationHeatmap } from './combination-heatmap.tsx'
import { GapList } from './gap-list.tsx'
import { createLiveAnalysis } from './live-analysis.ts'
import { ThresholdEditor } from './threshold-editor.tsx'
import {
  areaBalance,
  categoriesInUse,
  coverageText,
  criticalMass,
  evennessText,
  type GapItem,
  gapGroups,
  heatmap,
  isEmptyForAnalysis,
  sectorBars,
  stakeholderView,
  useMixBars,
} from './view-model.ts'
import './analysis.css'

/**
 * The "Analysis" tab: the reuse concept judged while it grows (docs/analysis.md). Indicator
 * cards, the combination matrix whose cells select their links, and the gap list whose items
 * show their element on the board. Re-analyses the board store at most every ~100 ms.
 */
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
    showOnBoard([...ids], false)
    setNotice(t('analysis.matrix.selected', { count: ids.size }))
  }

  const saveThreshold = (value: number) => writes.apply({ type: 'settings.update', fields: { creativeThreshold: value } }).ok

  return (
    <section class="an-panel" aria-labelledby="analysis-heading" data-testid="analysis-panel">
      <ChartPatterns />
      <header class="an-panel__head">
        <h2 id="analysis-heading" class="panel__title">
          {t('analysis.title')}
        </h2>
        <p class="an-panel__intro muted">{t('analysis.intro')}</p>
      </header>
      <p class="visually-hidden" aria-live="polite" data-testid="analysis-notice">
        {notice()}
      </p>
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
          summary={gapTotal() > 0 ? t('analysis.gaps.count', { count: gapTotal() }) : undefined}
        >
          <GapList groups={gaps()} onShow={showGap} />
        </ChartCard>

        <ChartCard
          title={t('analysis.sectors.title')}
          testId="analysis-sectors"
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
          <p class="an-note">{mass().detailText}</p>
        </ChartCard>

        <ChartCard
          title={t('analysis.uses.title')}
          testId="analysis-use-mix"
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
          ]}
        >
          <AreaBalanceChart view={balance()} />
          <Show when={balance().demandText}>{(text) => <p class="an-note">{text()}</p>}</Show>
        </ChartCard>

        <div class="an-pair">
          <ChartCard title={t('analysis.coverage.title')} testId="analysis-coverage">
            <p class="an-figure-line">{coverage().text}</p>
            <ShareBar fraction={coverage().fraction} />
          </ChartCard>
          <ChartCard title={t('analysis.evenness.title')} testId="analysis-evenness">
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

        <ChartCard title={t('analysis.combination.title')} testId="analysis-combination">
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

        <ChartCard title={t('analysis.matrix.title')} testId="analysis-matrix" summary={t('analysis.matrix.intro')}>
          <CombinationHeatmap map={matrix()} onSelect={selectCell} />
        </ChartCard>
      </Show>
    </section>
  )
}
