import { createUniqueId, For, Show } from 'solid-js'
import { useBoard } from '../../board/board-context.ts'
import type { BoardElement } from '../../board/board-store.ts'
import { languageName } from '../../i18n/language-name.ts'
import { t } from '../../i18n/locale.ts'

/**
 * An element's names in other languages (its `labels`, code → name), and the write of one: an
 * empty name removes the language, a name is cut to 500 characters, no names at all is null.
 * The working-language fields and the Translations section both edit them.
 */
export function elementLabels(props: { element: BoardElement; commit(name: string, value: unknown): string | null }) {
  const labels = (): Record<string, string> =>
    props.element.labels && typeof props.element.labels === 'object' ? (props.element.labels as Record<string, string>) : {}
  const set = (code: string, text: string) => {
    const next = { ...labels() }
    if (text.trim() === '') delete next[code]
    else next[code] = text.slice(0, 500)
    props.commit('labels', Object.keys(next).length > 0 ? next : null)
  }
  return { labels, set }
}

/**
 * The element's name in each of the board's working languages (settings `languages`), right
 * under the label as written: one field per language, side by side with its name, writing the
 * element's `labels`. Other languages stay in the Translations section below.
 */
export function WorkingLanguageLabels(props: {
  element: BoardElement
  readOnly: boolean
  commit(name: string, value: unknown): string | null
}) {
  const { store } = useBoard()
  const id = createUniqueId()
  const { labels, set } = elementLabels(props)
  const original = () => (typeof props.element.label === 'string' ? props.element.label : '')
  return (
    <Show when={store.state.languages.length > 0}>
      <fieldset class="ws-bilingual" data-testid="working-language-labels">
        <legend class="field__label">{t('inspector.workingLanguages')}</legend>
        <For each={store.state.languages}>
          {(code) => (
            <div class="ws-bilingual__row">
              <label class="ws-bilingual__language" for={`${id}-${code}`}>
                {t('field.translation', { language: languageName(code) })}
              </label>
              <input
                id={`${id}-${code}`}
                class="input ws-input"
                lang={code}
                maxLength={500}
                data-language={code}
                placeholder={original()}
                value={labels()[code] ?? ''}
                readOnly={props.readOnly}
                onChange={(e) => set(code, e.currentTarget.value)}
              />
            </div>
          )}
        </For>
      </fieldset>
    </Show>
  )
}
