import { createEffect, createSignal, For, on, Show } from 'solid-js'
import { createStore } from 'solid-js/store'
import { type StrategyTextKey, strategyTextKeys } from '../../../shared/collections/collection.ts'
import type { MessageKey } from '../../../shared/i18n/index.ts'
import { type LanguageCode, plannedLanguages } from '../../../shared/i18n/languages.ts'
import { ApiError } from '../../api.ts'
import { FormAlert } from '../../components/field.tsx'
import { errorMessage } from '../../i18n/error-message.ts'
import { nativeName } from '../../i18n/language-picker.tsx'
import { language, t } from '../../i18n/locale.ts'
import { ExportFailure, fetchExport, saveBlob } from '../../workspace/export/download-export.ts'
import { collectionApi, type StrategyFormat } from './collection-api.ts'
import { type CollectionPage, canManage } from './collection-context.ts'

const formats: StrategyFormat[] = ['md', 'pdf', 'docx']
const shortNames: Record<StrategyFormat, string> = { md: 'Markdown', pdf: 'PDF', docx: 'DOCX' }

type ExportState =
  | { kind: 'preparing'; format: StrategyFormat }
  | { kind: 'done'; file: string }
  | { kind: 'error'; text: string }

function exportError(failure: unknown, format: StrategyFormat): string {
  if (failure instanceof ExportFailure) {
    if (failure.status === 0) return t('export.error.network')
    if (failure.code !== 'unexpected_response') return errorMessage(new ApiError(failure.code, failure.code, failure.status))
  }
  return t('export.error.failed', { format: shortNames[format] })
}

/** Strategy: the free texts of the chapters (owners and facilitators write them) and the export. */
export function StrategyTab(props: { page: CollectionPage }) {
  const page = props.page
  const [texts, setTexts] = createStore<Partial<Record<StrategyTextKey, string>>>({})
  createEffect(
    on(
      () => page.collection().texts,
      (current) => {
        for (const key of strategyTextKeys) setTexts(key, current[key] ?? '')
      },
    ),
  )
  const [error, setError] = createSignal<unknown>(null)
  const [saved, setSaved] = createSignal(false)
  const [saving, setSaving] = createSignal(false)
  const [lang, setLang] = createSignal<LanguageCode>(language())
  const [exporting, setExporting] = createSignal<ExportState | null>(null)
  /** fetched rather than linked, so a refusal (a busy server: 429) is said here instead of saved as a file */
  const download = async (format: StrategyFormat) => {
    setExporting({ kind: 'preparing', format })
    try {
      const { blob, filename } = await fetchExport(collectionApi.exportUrl(page.id, format, lang()), {
        fallbackName: `strategy.${format}`,
      })
      saveBlob(blob, filename)
      setExporting({ kind: 'done', file: filename })
    } catch (failure) {
      setExporting({ kind: 'error', text: exportError(failure, format) })
    }
  }
  const busy = () => exporting()?.kind === 'preparing'
  const save = async (event: SubmitEvent) => {
    event.preventDefault()
    setSaving(true)
    setError(null)
    setSaved(false)
    try {
      const out: Partial<Record<StrategyTextKey, string>> = {}
      for (const key of strategyTextKeys) out[key] = texts[key] ?? ''
      const { collection } = await collectionApi.update(page.id, { texts: out })
      page.setCollection(collection)
      setSaved(true)
    } catch (failure) {
      setError(failure)
    } finally {
      setSaving(false)
    }
  }
  return (
    <section class="collection-section" aria-labelledby="strategy-title">
      <h2 id="strategy-title" class="collection-section__title">
        {t('collection.strategy.title')}
      </h2>
      <p class="muted">{t('collection.strategy.intro')}</p>
      <div class="collection-form card" data-testid="strategy-export">
        <h3 class="collection-form__title">{t('collection.strategy.export')}</h3>
        <div class="field collection-form__narrow">
          <label class="field__label" for="strategy-lang">
            {t('collection.strategy.language')}
          </label>
          <select
            id="strategy-lang"
            class="input select"
            value={lang()}
            onChange={(e) => setLang(e.currentTarget.value as LanguageCode)}
          >
            <For each={plannedLanguages}>{(code) => <option value={code}>{nativeName(code)}</option>}</For>
          </select>
        </div>
        <div class="collection-form__buttons">
          <For each={formats}>
            {(format) => (
              <button
                type="button"
                class="button"
                disabled={busy()}
                onClick={() => void download(format)}
                data-testid={`strategy-export-${format}`}
              >
                {t(`collection.strategy.format.${format}` as MessageKey)}
              </button>
            )}
          </For>
        </div>
        <p class="muted" role="status" data-testid="strategy-export-status">
          {(() => {
            const state = exporting()
            if (state?.kind === 'preparing') return t('export.preparing', { format: shortNames[state.format] })
            if (state?.kind === 'done') return t('export.done', { file: state.file })
            return ''
          })()}
        </p>
        <FormAlert
          message={(() => {
            const state = exporting()
            return state?.kind === 'error' ? state.text : null
          })()}
        />
      </div>
      <form class="collection-form" onSubmit={save} data-testid="strategy-texts">
        <FormAlert message={error() ? errorMessage(error()) : null} />
        <Show when={!canManage(page)}>
          <p class="field__hint">{t('collection.readOnly')}</p>
        </Show>
        <For each={strategyTextKeys}>
          {(key) => (
            <div class="field">
              <label class="field__label" for={`strategy-${key}`}>
                {t(`collection.strategy.text.${key}` as MessageKey)}
              </label>
              <p class="field__hint" id={`strategy-${key}-hint`}>
                {t(`collection.strategy.hint.${key}` as MessageKey)}
              </p>
              <textarea
                id={`strategy-${key}`}
                class="input textarea"
                rows={4}
                maxLength={20000}
                aria-describedby={`strategy-${key}-hint`}
                readOnly={!canManage(page)}
                value={texts[key] ?? ''}
                onInput={(e) => setTexts(key, e.currentTarget.value)}
                data-testid={`strategy-text-${key}`}
              />
            </div>
          )}
        </For>
        <Show when={canManage(page)}>
          <div class="collection-form__buttons">
            <button type="submit" class="button button--primary" disabled={saving()}>
              {t('collection.strategy.save')}
            </button>
            <span role="status" class="muted" data-testid="strategy-status">
              {saved() ? t('collection.saved') : ''}
            </span>
          </div>
        </Show>
      </form>
    </section>
  )
}
