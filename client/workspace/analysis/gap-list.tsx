import { createSignal, For, Show } from 'solid-js'
import { t } from '../../i18n/locale.ts'
import type { GapGroup, GapItem } from './view-model.ts'

/**
 * The gaps, grouped by type with counts, one sentence each. A sentence is a button: it shows
 * the element on the board (zoom, select, outline). Marks are shapes and words, not colour.
 */
/** Items a group shows before "Show all": a long list would push every chart out of sight. */
export const GAPS_SHOWN = 4

export function GapList(props: { groups: GapGroup[]; onShow: (gap: GapItem) => void }) {
  const [expanded, setExpanded] = createSignal<ReadonlySet<string>>(new Set())
  const isExpanded = (type: string) => expanded().has(type)
  const toggle = (type: string) => {
    const next = new Set(expanded())
    if (next.has(type)) next.delete(type)
    else next.add(type)
    setExpanded(next)
  }
  return (
    <Show
      when={props.groups.length > 0}
      fallback={
        <p class="an-ok" data-testid="gaps-none">
          <span class="an-ok__mark" aria-hidden="true">
            ✓
          </span>
          {t('analysis.gaps.none')}
        </p>
      }
    >
      <div class="an-gaps" data-testid="gap-list">
        <For each={props.groups}>
          {(group) => (
            <section class="an-gaps__group" data-gap-type={group.type}>
              <h4 class="an-gaps__title">
                {group.title}
                <span class="an-count" aria-hidden="true">
                  {group.count}
                </span>
                <span class="visually-hidden">({t('analysis.gaps.count', { count: group.count })})</span>
              </h4>
              <ul class="an-gaps__list">
                <For each={isExpanded(group.type) ? group.items : group.items.slice(0, GAPS_SHOWN)}>
                  {(item) => (
                    <li>
                      <Show
                        when={item.elementId !== ''}
                        fallback={
                          // a gap of the whole board: nothing to show on the board
                          <p class="an-gap an-gap--board" data-testid="gap-item" data-gap-type={item.type} data-element-id="">
                            <span class="an-gap__mark" aria-hidden="true">
                              !
                            </span>
                            <span class="an-gap__text">{item.text}</span>
                          </p>
                        }
                      >
                        <button
                          type="button"
                          class="an-gap"
                          data-testid="gap-item"
                          data-gap-type={item.type}
                          data-element-id={item.elementId}
                          title={t('analysis.gaps.zoomHint')}
                          onClick={() => props.onShow(item)}
                        >
                          <span class="an-gap__mark" aria-hidden="true">
                            !
                          </span>
                          <span class="an-gap__text">{item.text}</span>
                          <span class="an-gap__go" aria-hidden="true">
                            →
                          </span>
                        </button>
                      </Show>
                    </li>
                  )}
                </For>
              </ul>
              <Show when={group.count > GAPS_SHOWN}>
                <button
                  type="button"
                  class="an-gaps__more"
                  aria-expanded={isExpanded(group.type)}
                  onClick={() => toggle(group.type)}
                >
                  {isExpanded(group.type) ? t('analysis.gaps.showFewer') : t('analysis.gaps.showAll', { count: group.count })}
                </button>
              </Show>
            </section>
          )}
        </For>
      </div>
    </Show>
  )
}
