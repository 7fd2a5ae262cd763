import { For, Match, Show, Switch } from 'solid-js'
import { t } from '../../i18n/locale.ts'
import { DiffBadgeIcon, DiffLegend } from './diff-legend.tsx'
import type { DiffItem } from './diff-sentences.ts'
import { diffState, snapshotMode, zoomToDiffElement } from './snapshot-mode.tsx'

const markOf = (item: DiffItem) => (item.kind === 'site' || item.kind === 'settings' ? 'changed' : item.kind)

/** The differences of the running comparison in words; a click on an element's line zooms to it. */
export function DiffList() {
  const state = diffState
  return (
    <Show when={snapshotMode().kind === 'compare'}>
      <section class="panel snap-diff" aria-labelledby="snap-diff-title" data-testid="diff-list">
        <h3 id="snap-diff-title" class="snap-section-title">
          {t('diff.title')}
        </h3>
        <Switch>
          <Match when={state().status === 'loading'}>
            <p class="loading" role="status">
              {t('snapshots.compare.loading')}
            </p>
          </Match>
          <Match when={state().status === 'failed'}>
            <p class="alert alert--error" role="alert">
              {t('snapshots.compare.failed')}
            </p>
          </Match>
          <Match when={state().items.length === 0}>
            <p class="muted">{t('diff.none')}</p>
          </Match>
          <Match when={true}>
            <p class="snap-small" aria-live="polite" data-testid="diff-summary">
              {t('diff.summary', state().counts)}
            </p>
            <DiffLegend />
            <ul class="snap-diff__items">
              <For each={state().items}>
                {(item) => (
                  <li class="snap-diff__item" data-kind={item.kind} data-element-id={item.elementId ?? undefined}>
                    <Show
                      when={item.elementId}
                      fallback={
                        <span class="snap-diff__text">
                          <DiffBadgeIcon mark={markOf(item)} />
                          <span>{item.text}</span>
                        </span>
                      }
                    >
                      {(id) => (
                        <button
                          type="button"
                          class="snap-diff__button"
                          title={t('diff.zoomTo')}
                          onClick={() => zoomToDiffElement(id())}
                        >
                          <DiffBadgeIcon mark={markOf(item)} />
                          <span>{item.text}</span>
                        </button>
                      )}
                    </Show>
                  </li>
                )}
              </For>
            </ul>
          </Match>
        </Switch>
      </section>
    </Show>
  )
}
