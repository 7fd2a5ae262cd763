import { createMemo, For, Match, Show, Switch } from 'solid-js'
import { canEdit } from '../../../shared/schema/roles.ts'
import { useBoard } from '../../board/board-context.ts'
import { enumLabel, t } from '../../i18n/locale.ts'
import { PresenceList } from '../../screens/board/presence-list.tsx'
import { SitePanel } from '../../screens/board/site-panel.tsx'
import { BoardSummary } from './board-summary.tsx'
import { ElementForm } from './element-form.tsx'
import { SelectionActions } from './selection-actions.tsx'

/**
 * The right-hand panel: the selected element's fields (one element), the selection's count and
 * common actions (several), or the site profile and board stats (none). Collapsible; every
 * control is reachable by keyboard in reading order.
 */
export function Inspector() {
  const { selection, store, role } = useBoard()
  const selected = createMemo(() => selection.ids().filter((id) => id in store.state.elements))
  const single = () => (selected().length === 1 ? store.state.elements[selected()[0] ?? ''] : undefined)
  const byKind = createMemo(() => {
    const counts = new Map<string, number>()
    for (const id of selected()) {
      const kind = store.state.elements[id]?.kind ?? 'other'
      counts.set(kind, (counts.get(kind) ?? 0) + 1)
    }
    return [...counts]
  })

  return (
    <aside
      class="ws-inspector"
      aria-label={t('inspector.title')}
      data-testid="inspector"
      data-mode={selected().length === 0 ? 'none' : selected().length === 1 ? 'single' : 'multi'}
    >
      {/* the scroll container takes focus so that a keyboard can scroll a long, read-only form */}
      <div id="inspector-body" class="ws-inspector__body" tabindex="0">
        <Switch>
          <Match when={single()}>
            {(element) => (
              <section class="panel" aria-labelledby="inspector-heading">
                <header class="ws-inspector__head">
                  <span class="ws-kind-chip" data-kind={element().kind}>
                    {enumLabel('elementKind', element().kind)}
                  </span>
                  <Show when={!canEdit(role())}>
                    <span class="badge badge--muted">{t('inspector.readOnly')}</span>
                  </Show>
                </header>
                <h2 id="inspector-heading" class="panel__title ws-inspector__title">
                  {typeof element().label === 'string' && element().label
                    ? String(element().label)
                    : enumLabel('elementKind', element().kind)}
                </h2>
                <Show when={element().id} keyed>
                  <ElementForm element={element()} />
                </Show>
                <SelectionActions ids={selected()} />
              </section>
            )}
          </Match>
          <Match when={selected().length > 1}>
            <section class="panel" aria-labelledby="inspector-heading" data-testid="multi-selection">
              <h2 id="inspector-heading" class="panel__title" aria-live="polite">
                {t('inspector.selectionCount', { count: selected().length })}
              </h2>
              <ul class="ws-kind-list">
                <For each={byKind()}>
                  {([kind, count]) => <li>{t('inspector.kindCount', { count, kind: enumLabel('elementKindPlural', kind) })}</li>}
                </For>
              </ul>
              <SelectionActions ids={selected()} />
            </section>
          </Match>
          <Match when={true}>
            <p class="muted ws-inspector__hint">{canEdit(role()) ? t('inspector.emptyHint') : t('inspector.emptyHintViewer')}</p>
            <BoardSummary />
            <SitePanel />
            <PresenceList />
          </Match>
        </Switch>
      </div>
    </aside>
  )
}
