import { createSignal, For, Show } from 'solid-js'
import { type LanguageCode, plannedLanguages } from '../../../shared/i18n/languages.ts'
import { canFacilitate } from '../../../shared/schema/roles.ts'
import { useBoard } from '../../board/board-context.ts'
import { FormAlert } from '../../components/field.tsx'
import { languageName } from '../../i18n/language-name.ts'
import { t } from '../../i18n/locale.ts'

/**
 * The board's working languages (settings `languages`) and whether cards show two of them
 * (`showBothLanguages`), for facilitators. Each tick is one `settings.update`, applied at once
 * and synced like any other change.
 */
export function WorkingLanguagesForm() {
  const { role, store, writes } = useBoard()
  const [failure, setFailure] = createSignal<string | null>(null)
  const chosen = () => store.state.languages
  const apply = (fields: { languages?: LanguageCode[] | null; showBothLanguages?: boolean | null }) => {
    const result = writes.apply({ type: 'settings.update', fields })
    setFailure(result.ok ? null : t('inspector.refused', { reason: result.error.message }))
  }
  const toggle = (code: LanguageCode, on: boolean) => {
    // kept in the order the facilitator ticked them: the first is the board's main language
    const next = on ? [...chosen().filter((c) => c !== code), code] : chosen().filter((c) => c !== code)
    apply({ languages: next.length > 0 ? next : null })
  }
  return (
    <Show when={canFacilitate(role())}>
      <section class="board-settings__section" data-testid="working-languages">
        <h3 class="fieldset__legend">{t('manage.languages.legend')}</h3>
        <p class="field__hint">{t('manage.languages.hint')}</p>
        <FormAlert message={failure()} />
        <fieldset class="board-settings__languages" aria-label={t('manage.languages.legend')}>
          <For each={plannedLanguages}>
            {(code) => (
              <label class="checkbox">
                <input
                  type="checkbox"
                  name="languages"
                  value={code}
                  checked={chosen().includes(code)}
                  onChange={(e) => toggle(code, e.currentTarget.checked)}
                />
                <span>{languageName(code)}</span>
              </label>
            )}
          </For>
        </fieldset>
        <label class="checkbox">
          <input
            type="checkbox"
            name="showBothLanguages"
            checked={store.state.showBothLanguages}
            disabled={chosen().length < 2 && !store.state.showBothLanguages}
            onChange={(e) => apply({ showBothLanguages: e.currentTarget.checked ? true : null })}
          />
          <span>{t('manage.languages.showBoth')}</span>
        </label>
      </section>
    </Show>
  )
}
