import { createMemo, For, Show } from 'solid-js'
import { numbersFor } from '../../../shared/export/format.ts'
import { commitments } from '../../../shared/schema/enums.ts'
import { useBoard } from '../../board/board-context.ts'
import { enumLabel, formatNumber, locale, t } from '../../i18n/locale.ts'
import { useSiteProfile } from '../../screens/board/site-panel.tsx'

const kinds = ['actor', 'use', 'zone', 'phase', 'link', 'note', 'frame', 'image'] as const
const COMMITTED = new Set<string>(commitments.slice(commitments.indexOf('loi')))

const num = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : 0)

/** Nothing selected: the board at a glance, from the live document. */
export function BoardSummary() {
  const { store } = useBoard()
  const site = useSiteProfile()
  const stats = createMemo(() => {
    let plannedM2 = 0
    let needM2 = 0
    let committed = 0
    let start: string | undefined
    let end: string | undefined
    for (const element of Object.values(store.state.elements)) {
      if (element.kind === 'use') plannedM2 += num(element.areaM2)
      if (element.kind === 'actor') {
        needM2 += num(element.spaceNeedM2)
        if (COMMITTED.has(String(element.commitment))) committed++
      }
      if (element.kind === 'phase' && typeof element.start === 'string' && typeof element.end === 'string') {
        if (!start || element.start < start) start = element.start
        if (!end || element.end > end) end = element.end
      }
    }
    return { plannedM2, needM2, committed, start, end }
  })
  const planned = () =>
    typeof site().areaM2 === 'number'
      ? t('summary.plannedAreaValue', { area: stats().plannedM2, site: site().areaM2 ?? 0 })
      : t('summary.plannedAreaOnly', { area: stats().plannedM2 })

  return (
    <section class="panel" aria-labelledby="summary-title" data-testid="board-summary">
      <h2 id="summary-title" class="panel__title">
        {t('summary.stats')}
      </h2>
      <ul class="kind-grid ws-kind-grid" data-testid="element-counts" aria-label={t('board.elements')}>
        <For each={kinds}>
          {(kind) => (
            <li class="kind-grid__item" data-kind={kind} classList={{ 'kind-grid__item--empty': !store.countsByKind()[kind] }}>
              <span class="kind-grid__count">{formatNumber(store.countsByKind()[kind] ?? 0)}</span>
              <span class="kind-grid__label">{enumLabel('elementKindPlural', kind)}</span>
            </li>
          )}
        </For>
      </ul>
      <dl class="facts">
        <div class="facts__row">
          <dt>{t('summary.plannedArea')}</dt>
          <dd>{planned()}</dd>
        </div>
        <div class="facts__row">
          <dt>{t('summary.spaceNeed')}</dt>
          <dd>{t('site.area', { area: stats().needM2 })}</dd>
        </div>
        <div class="facts__row">
          <dt>{t('summary.committedActors')}</dt>
          <dd>{formatNumber(stats().committed)}</dd>
        </div>
        <Show when={stats().start && stats().end}>
          <div class="facts__row">
            <dt>{t('summary.timeline')}</dt>
            <dd>
              {t('summary.timelineValue', {
                start: numbersFor(locale()).month(stats().start ?? ''),
                end: numbersFor(locale()).month(stats().end ?? ''),
              })}
            </dd>
          </div>
        </Show>
      </dl>
    </section>
  )
}
