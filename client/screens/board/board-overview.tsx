import { For, Show } from 'solid-js'
import { canEdit } from '../../../shared/schema/roles.ts'
import { useBoard } from '../../board/board-context.ts'
import { enumLabel, formatNumber, t } from '../../i18n/locale.ts'

/** The kinds of the board document, in the order a workshop usually meets them. */
const kinds = ['actor', 'use', 'zone', 'phase', 'link', 'note', 'frame', 'image'] as const

/**
 * Placeholder for the canvas: a live summary of the document (element count by kind). It reads
 * the board store only, like the canvas will.
 */
export function BoardOverview() {
  const { store, role } = useBoard()
  const otherCount = () =>
    Object.entries(store.countsByKind())
      .filter(([kind]) => !(kinds as readonly string[]).includes(kind))
      .reduce((sum, [, count]) => sum + count, 0)
  return (
    <div class="overview">
      <section class="panel overview__counts" aria-labelledby="elements-title" data-testid="element-counts">
        <h2 id="elements-title" class="panel__title">
          {t('board.elements')}
        </h2>
        <p class="overview__total" aria-live="polite" data-testid="element-total">
          {t('board.elementTotal', { count: store.elementCount() })}
        </p>
        <ul class="kind-grid">
          <For each={kinds}>
            {(kind) => (
              <li class="kind-grid__item" data-kind={kind} classList={{ 'kind-grid__item--empty': !store.countsByKind()[kind] }}>
                <span class="kind-grid__count">{formatNumber(store.countsByKind()[kind] ?? 0)}</span>
                <span class="kind-grid__label">{enumLabel('elementKindPlural', kind)}</span>
              </li>
            )}
          </For>
          <Show when={otherCount() > 0}>
            <li class="kind-grid__item" data-kind="other">
              <span class="kind-grid__count">{formatNumber(otherCount())}</span>
              <span class="kind-grid__label">{enumLabel('elementKindPlural', 'other')}</span>
            </li>
          </Show>
        </ul>
      </section>
      <div class="overview__canvas-note">
        <p>{t('board.canvasComingSoon')}</p>
        <Show when={!canEdit(role)}>
          <p class="alert alert--info">{t('board.readOnly')}</p>
        </Show>
      </div>
    </div>
  )
}
