import { createMemo, createSignal, For, onCleanup, Show } from 'solid-js'
import { buildLegend, type LegendSectionKey } from '../../../shared/scene/legend.ts'
import type { SceneTranslate } from '../../../shared/scene/types.ts'
import { Dialog } from '../../components/dialog.tsx'
import { locale, t } from '../../i18n/locale.ts'
import { keyboard } from '../../keyboard/app-keyboard.ts'
import type { KeyCommand } from '../../keyboard/keyboard-router.ts'
import { SceneSvg } from './scene-svg.tsx'
import './legend.css'

const [legendOpen, setLegendOpen] = createSignal(false)
/** Three columns of about equal height, the actor's symbols first. */
const columns: readonly (readonly LegendSectionKey[])[] = [
  ['sectors', 'commitment'],
  ['stance', 'categories'],
  ['stages', 'relations'],
]

export { legendOpen }
export const openLegend = () => setLegendOpen(true)

/**
 * The legend of the card symbols — sector colours, commitment squares, stance marks, use
 * categories with their patterns, phase stages, link relations — drawn from the scene's own
 * parts (shared/scene/legend.ts), in a dialog: Escape or the close button closes it. `Shift+L`
 * opens it (listed in the `?` sheet).
 */
export function Legend() {
  const sections = createMemo(() => buildLegend(t as unknown as SceneTranslate, locale()))

  const open: KeyCommand = {
    id: 'legend',
    label: 'scene.legend.open',
    group: 'help',
    keys: [{ key: 'L', code: 'KeyL', shift: true }],
    enabled: () => !legendOpen(),
    run: openLegend,
  }
  onCleanup(keyboard.register({ id: 'legend', priority: 25, commands: () => [open] }))

  return (
    <Dialog open={legendOpen()} onClose={() => setLegendOpen(false)} title={t('scene.legend.title')} class="legend-dialog">
      <div class="legend" data-testid="legend">
        <p class="legend__intro">{t('scene.legend.intro')}</p>
        <div class="legend__columns">
          <For each={columns}>
            {(keys) => (
              <div class="legend__column">
                <For each={sections().filter((section) => keys.includes(section.key))}>
                  {(section) => (
                    <section class="legend__section" data-legend-section={section.key} aria-labelledby={`legend-${section.key}`}>
                      <h3 id={`legend-${section.key}`} class="legend__title">
                        {section.title}
                      </h3>
                      <ul class="legend__list">
                        <For each={section.entries}>
                          {(entry) => (
                            <li class="legend__entry" data-legend-value={entry.value}>
                              <span class="legend__swatch">
                                <SceneSvg node={entry.swatch} width={entry.width} height={entry.height} />
                              </span>
                              <span class="legend__name">{entry.name}</span>
                              <Show when={entry.note}>
                                <span class="legend__note">{entry.note}</span>
                              </Show>
                            </li>
                          )}
                        </For>
                      </ul>
                    </section>
                  )}
                </For>
              </div>
            )}
          </For>
        </div>
      </div>
    </Dialog>
  )
}

/** The button beside the zoom controls that opens the legend. */
export function LegendButton() {
  return (
    <button
      type="button"
      class="ws-tool ws-tool--small"
      aria-label={t('scene.legend.open')}
      title={`${t('scene.legend.open')} (Shift+L)`}
      aria-haspopup="dialog"
      aria-expanded={legendOpen()}
      data-testid="legend-button"
      onClick={openLegend}
    >
      <svg viewBox="0 0 16 16" width="18" height="18" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="1.4">
        <rect x="1.5" y="2.5" width="4" height="3" rx="0.8" fill="currentColor" />
        <rect x="1.5" y="6.5" width="4" height="3" rx="0.8" />
        <rect x="1.5" y="10.5" width="4" height="3" rx="0.8" fill="currentColor" opacity="0.45" />
        <path d="M8 4h6.5M8 8h6.5M8 12h6.5" stroke-linecap="round" />
      </svg>
    </button>
  )
}
