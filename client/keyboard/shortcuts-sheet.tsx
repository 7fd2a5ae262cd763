import { createMemo, createSignal, For, onCleanup, Show } from 'solid-js'
import { announceRemote, setAnnounceRemote } from '../a11y/announce-preference.ts'
import type { ShortcutGroup } from '../canvas/actions/types.ts'
import { Dialog } from '../components/dialog.tsx'
import { t } from '../i18n/locale.ts'
import { keyboard, shortcutPreferences } from './app-keyboard.ts'
import { isCharacterKey, isMacPlatform, type KeyBinding, keyCaps } from './key-binding.ts'
import type { KeyCommand } from './keyboard-router.ts'
import './keyboard.css'

// in this order the three columns come out even (tools and help, edit, arrange and view)
const groups: readonly ShortcutGroup[] = ['tools', 'help', 'edit', 'arrange', 'view']

const [sheetOpen, setSheetOpen] = createSignal(false)

/** Opens the shortcuts sheet (the help button, `?`). */
export const openShortcutsSheet = () => setSheetOpen(true)

const shownKeys = (command: KeyCommand): readonly KeyBinding[] => command.keys.filter((b) => b.listed !== false)

function Keys(props: { binding: KeyBinding }) {
  const isMac = isMacPlatform()
  return (
    <span class="kb-keys">
      <For each={keyCaps(props.binding, t, isMac)}>{(cap) => <kbd class="kb-key">{cap}</kbd>}</For>
    </span>
  )
}

/**
 * The `?` sheet: every shortcut of the page, read from the keyboard router's table (what is
 * listed is what the router matches), grouped; and the switch that turns single-key shortcuts
 * off (WCAG 2.1.4) and the one that keeps others' changes out of the live region, remembered in this browser.
 */
export function ShortcutsSheet() {
  const table = createMemo(() => keyboard.table())
  const singleKeys = shortcutPreferences.singleKeys
  const rowsOf = (group: ShortcutGroup) => table().filter((c) => c.group === group && shownKeys(c).length > 0)
  const isOff = (command: KeyCommand) => !singleKeys() && shownKeys(command).every(isCharacterKey)

  // "?" opens it, like in most web apps; it is itself a single-key shortcut
  const help: KeyCommand = {
    id: 'shortcuts',
    label: 'shortcuts.open',
    group: 'help',
    keys: [{ key: '?', shift: 'any' }],
    enabled: () => !sheetOpen(),
    run: openShortcutsSheet,
  }
  onCleanup(keyboard.register({ id: 'help', priority: 30, commands: () => [help] }))

  return (
    <Dialog open={sheetOpen()} onClose={() => setSheetOpen(false)} title={t('shortcuts.title')} wide>
      <div class="kb-sheet" data-testid="shortcuts-sheet">
        <p class="kb-sheet__intro">{t('shortcuts.intro')}</p>
        <label class="checkbox kb-sheet__toggle">
          <input
            type="checkbox"
            data-testid="single-key-shortcuts"
            checked={singleKeys()}
            aria-describedby="kb-single-keys-hint"
            onChange={(e) => shortcutPreferences.setSingleKeys(e.currentTarget.checked)}
          />
          <span>{t('shortcuts.singleKeys')}</span>
        </label>
        <p id="kb-single-keys-hint" class="kb-sheet__hint">
          {t('shortcuts.singleKeysHint')}
        </p>
        <label class="checkbox kb-sheet__toggle">
          <input
            type="checkbox"
            data-testid="announce-remote"
            checked={announceRemote()}
            onChange={(e) => setAnnounceRemote(e.currentTarget.checked)}
          />
          <span>{t('shortcuts.announceRemote')}</span>
        </label>
        <div class="kb-sheet__groups">
          <For each={groups.filter((group) => rowsOf(group).length > 0)}>
            {(group) => (
              <section class="kb-group" aria-labelledby={`kb-group-${group}`}>
                <h3 id={`kb-group-${group}`} class="kb-group__title">
                  {t(`shortcuts.group.${group}`)}
                </h3>
                <dl class="kb-group__list">
                  <For each={rowsOf(group)}>
                    {(command) => (
                      <div class="kb-row" classList={{ 'kb-row--off': isOff(command) }} data-shortcut={command.id}>
                        <dt class="kb-row__label">{t(command.label)}</dt>
                        <dd class="kb-row__keys">
                          <For each={shownKeys(command)}>
                            {(binding, index) => (
                              <>
                                <Show when={index() > 0}>
                                  <span class="kb-row__or">{t('shortcuts.or')}</span>
                                </Show>
                                <Keys binding={binding} />
                              </>
                            )}
                          </For>
                          <Show when={isOff(command)}>
                            <span class="badge badge--muted kb-row__off">{t('shortcuts.off')}</span>
                          </Show>
                        </dd>
                      </div>
                    )}
                  </For>
                </dl>
                <Show when={group === 'help'}>
                  <ul class="kb-sheet__notes">
                    <li>{t('shortcuts.hold')}</li>
                    <li>{t('shortcuts.nudgeBig')}</li>
                    <li>{t('shortcuts.walk')}</li>
                    <li>{t('shortcuts.place')}</li>
                  </ul>
                </Show>
              </section>
            )}
          </For>
        </div>
        <p class="kb-sheet__foot">
          {/* a new tab: the statement must not take anyone out of a running session */}
          <a href="/accessibility" target="_blank" rel="noopener" data-testid="statement-link">
            {t('statement.link')}
          </a>
        </p>
      </div>
    </Dialog>
  )
}

/** The toolbar's help button: the shortcuts sheet, one click away. */
export function ShortcutsButton() {
  return (
    <>
      <button
        type="button"
        class="ws-tool"
        data-testid="shortcuts-open"
        aria-label={t('shortcuts.open')}
        aria-haspopup="dialog"
        aria-keyshortcuts="?"
        title={`${t('shortcuts.open')} (?)`}
        onClick={openShortcutsSheet}
      >
        <span class="kb-help-glyph" aria-hidden="true">
          ?
        </span>
      </button>
      <ShortcutsSheet />
    </>
  )
}
