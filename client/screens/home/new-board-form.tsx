import { useNavigate } from '@solidjs/router'
import { createMemo, createSignal, createUniqueId, For, type JSX, Show } from 'solid-js'
import { createStore } from 'solid-js/store'
import { type NumberReading, readNumber } from '../../../shared/i18n/numbers.ts'
import { api, type Board, type SiteProfile } from '../../api.ts'
import { FormAlert, SelectField, TextAreaField, TextField } from '../../components/field.tsx'
import { createNumberEntry, NumberQuestion } from '../../components/number-question.tsx'
import { errorMessage } from '../../i18n/error-message.ts'
import { countryName, enumLabel, language, locale, t } from '../../i18n/locale.ts'
import { centralEuropeanCountries, heritageStatuses, otherCountries, siteConditions } from '../../site-options.ts'
import { focusFirstInvalid, maxLength, optionalNumber, requiredText } from './validation.ts'
import './new-board-form.css'

/**
 * The starting points `POST /api/boards {template}` accepts (server/boards/templates.ts,
 * docs/templates.md), in the order a workshop series uses them; the demo last.
 */
export const boardTemplates = [
  'blank',
  'site-scan',
  'stakeholder-map',
  'needs-inventory',
  'use-mix',
  'combination-matrix',
  'phasing-roadmap',
  'business-model-canvas',
  'textile-mill',
] as const
export type BoardTemplate = (typeof boardTemplates)[number]

const emptyForm = {
  title: '',
  name: '',
  location: '',
  country: '',
  areaM2: '',
  builtYear: '',
  formerUse: '',
  heritageStatus: '',
  condition: '',
  description: '',
}
type FormValues = typeof emptyForm

/**
 * The site profile to send: only the fields that were filled in, numbers as numbers. The floor
 * area is read in the UI locale (`1.200` in German is 1200, as in the inspector); an area that
 * reads two ways is asked about before this is called, and `area` is then the reading chosen.
 */
export function siteFromForm(
  values: FormValues,
  locale = 'en',
  area: NumberReading = readNumber(values.areaM2, locale),
): SiteProfile | undefined {
  const site: SiteProfile = {}
  const text = (value: string) => value.trim() || undefined
  site.name = text(values.name)
  site.location = text(values.location)
  site.country = text(values.country)
  site.formerUse = text(values.formerUse)
  site.heritageStatus = text(values.heritageStatus)
  site.condition = text(values.condition)
  site.description = text(values.description)
  if (area.kind === 'number') site.areaM2 = area.value
  if (values.builtYear.trim()) site.builtYear = Number(values.builtYear)
  const filled = Object.fromEntries(Object.entries(site).filter(([, value]) => value !== undefined)) as SiteProfile
  return Object.keys(filled).length > 0 ? filled : undefined
}

/** The floor area as typed: empty, a number ≥ 0 in the locale, or (null message) ambiguous until asked. */
function areaError(raw: string, locale: string): string | null {
  const reading = readNumber(raw, locale)
  if (reading.kind === 'invalid') return t('validation.number')
  return reading.kind === 'number' && reading.value < 0 ? t('validation.min', { min: 0 }) : null
}

/** Country codes sorted by their name in the UI language. */
export const sortedByName = (codes: readonly string[]) => [...codes].sort((a, b) => countryName(a).localeCompare(countryName(b)))

/** Title and site profile → POST /api/boards → the new board. */
export function NewBoardForm(props: { onCancel: () => void; onCreated?: (board: Board) => void }) {
  const navigate = useNavigate()
  const [values, setValues] = createStore<FormValues>({ ...emptyForm })
  const [attempted, setAttempted] = createSignal(false)
  const [busy, setBusy] = createSignal(false)
  const [apiError, setApiError] = createSignal<unknown>(null)
  const [template, setTemplate] = createSignal<BoardTemplate>('blank')
  let form: HTMLFormElement | undefined
  const thisYear = new Date().getFullYear()
  /** The two readings of an area that reads both ways in the locale: asked, never guessed. */
  const areaQuestionId = createUniqueId()
  const area = createNumberEntry({ text: () => values.areaM2, setText: (text) => setValues('areaM2', text) })

  const errors = createMemo(() => {
    if (!attempted()) return {} as Partial<Record<keyof FormValues, string | null>>
    return {
      title: requiredText(values.title) ?? maxLength(values.title, 200),
      areaM2: areaError(values.areaM2, locale()),
      builtYear: optionalNumber(values.builtYear, 800, thisYear),
      description: maxLength(values.description, 5000),
    }
  })
  // Getters keep the spread props reactive (Solid's mergeProps reads them lazily).
  const bind = (field: keyof FormValues) => ({
    name: field,
    get value() {
      return values[field]
    },
    onInput: (event: { currentTarget: { value: string } }) => setValues(field, event.currentTarget.value),
    get error() {
      return errors()[field]
    },
  })

  const submit = async (event: SubmitEvent) => {
    event.preventDefault()
    setAttempted(true)
    setApiError(null)
    if (Object.values(errors()).some(Boolean)) {
      focusFirstInvalid(form)
      return
    }
    if (!area.commit()) {
      queueMicrotask(() => form?.querySelector<HTMLElement>(`[id="${areaQuestionId}"] button`)?.focus())
      return
    }
    setBusy(true)
    try {
      const site = siteFromForm(values, locale(), area.read())
      const input = {
        title: values.title.trim(),
        ...(site ? { site } : {}),
        // the template's frame titles and prompts in the UI's language
        ...(template() === 'blank' ? {} : { template: template(), lang: language() }),
      }
      const { board } = await api.createBoard(input)
      props.onCreated?.(board)
      navigate(`/boards/${encodeURIComponent(board.id)}`)
    } catch (error) {
      setApiError(error)
    } finally {
      setBusy(false)
    }
  }

  return (
    <form ref={form} class="form new-board" noValidate onSubmit={submit} data-testid="new-board-form">
      <p class="form__intro">{t('newBoard.intro')}</p>
      <FormAlert message={apiError() ? errorMessage(apiError()) : null} />
      <TextField
        {...bind('title')}
        label={t('newBoard.boardTitle')}
        placeholder={t('newBoard.boardTitlePlaceholder')}
        required
        autofocus
      />
      <TemplatePicker value={template()} onChange={setTemplate} />
      <fieldset class="fieldset">
        <legend class="fieldset__legend">{t('newBoard.siteSection')}</legend>
        <div class="grid grid--2">
          <TextField {...bind('name')} label={t('site.name')} placeholder={t('site.namePlaceholder')} optional />
          <TextField {...bind('formerUse')} label={t('site.formerUse')} placeholder={t('site.formerUsePlaceholder')} optional />
          <TextField {...bind('location')} label={t('site.location')} autocomplete="address-level2" optional />
          <SelectField {...bind('country')} label={t('site.country')} optional>
            <option value="">{t('site.countryNone')}</option>
            <optgroup label={t('site.countryGroup.central')}>
              <For each={sortedByName(centralEuropeanCountries)}>
                {(code) => <option value={code}>{countryName(code)}</option>}
              </For>
            </optgroup>
            <optgroup label={t('site.countryGroup.other')}>
              <For each={sortedByName(otherCountries)}>{(code) => <option value={code}>{countryName(code)}</option>}</For>
            </optgroup>
          </SelectField>
          <div class="new-board__area">
            <AreaField
              bind={bind('areaM2')}
              entry={area}
              questionId={areaQuestionId}
              onEdit={(text) => setValues('areaM2', text)}
            />
          </div>
          <TextField
            {...bind('builtYear')}
            label={t('site.builtYear')}
            type="number"
            inputMode="numeric"
            min="800"
            max={String(thisYear)}
            optional
          />
          <SelectField {...bind('heritageStatus')} label={t('site.heritageStatus')} optional>
            <option value="">{t('site.chooseOption')}</option>
            <For each={heritageStatuses}>{(code) => <option value={code}>{enumLabel('heritageStatus', code)}</option>}</For>
          </SelectField>
          <SelectField {...bind('condition')} label={t('site.condition')} optional>
            <option value="">{t('site.chooseOption')}</option>
            <For each={siteConditions}>{(code) => <option value={code}>{enumLabel('siteCondition', code)}</option>}</For>
          </SelectField>
        </div>
        <TextAreaField
          {...bind('description')}
          label={t('site.description')}
          hint={t('site.descriptionHint')}
          rows={3}
          optional
        />
      </fieldset>
      <div class="form__actions">
        <button type="button" class="button button--ghost" onClick={() => props.onCancel()}>
          {t('app.cancel')}
        </button>
        <button type="submit" class="button button--primary" disabled={busy()} aria-busy={busy()}>
          {busy() ? t('newBoard.submitting') : t('newBoard.submit')}
        </button>
      </div>
    </form>
  )
}

/**
 * Template cards as a radio group: arrow keys move between them, the choice is announced, and
 * the selected card shows a check mark and a thicker border besides its colour.
 */
function TemplatePicker(props: { value: BoardTemplate; onChange: (template: BoardTemplate) => void }) {
  const name = createUniqueId()
  return (
    <fieldset class="fieldset template-picker" data-testid="template-picker">
      <legend class="fieldset__legend">{t('newBoard.template.legend')}</legend>
      <p class="field__hint template-picker__hint">{t('newBoard.template.hint')}</p>
      <div class="template-picker__grid">
        <For each={boardTemplates}>
          {(template) => (
            <label
              class="template-card"
              classList={{ 'template-card--selected': props.value === template }}
              data-template={template}
            >
              <input
                type="radio"
                class="template-card__radio"
                name={name}
                value={template}
                checked={props.value === template}
                aria-describedby={`${name}-${template}-description`}
                onChange={() => props.onChange(template)}
              />
              <span class="template-card__icon">
                <TemplateIcon template={template} />
              </span>
              <span class="template-card__name">{t(`newBoard.template.${template}.name`)}</span>
              <span id={`${name}-${template}-description`} class="template-card__description">
                {t(`newBoard.template.${template}.description`)}
              </span>
              <span class="template-card__check" aria-hidden="true">
                ✓
              </span>
            </label>
          )}
        </For>
      </div>
    </fieldset>
  )
}

/** A small schematic of what each template lays out (decorative: the name and description say it). */
function TemplateIcon(props: { template: BoardTemplate }) {
  const shapes: Record<BoardTemplate, () => JSX.Element> = {
    blank: () => <rect x="6" y="5" width="44" height="30" rx="3" stroke-dasharray="3 3" />,
    'site-scan': () => (
      <>
        <rect x="3" y="6" width="14" height="28" rx="2" />
        <rect x="20" y="6" width="16" height="28" rx="2" />
        <path d="M28 6v28M20 20h16" />
        <rect x="39" y="6" width="14" height="28" rx="2" />
        <path d="M46 6v28M39 20h14" stroke-dasharray="2 2" />
      </>
    ),
    'stakeholder-map': () => (
      <>
        <path d="M10 36V4M10 36h42" />
        <path d="M31 4v32M10 20h42" stroke-dasharray="2 2" />
        <circle cx="40" cy="11" r="3" class="template-icon__fill" />
        <circle cx="20" cy="14" r="3" class="template-icon__fill" />
        <circle cx="44" cy="28" r="3" class="template-icon__fill" />
        <circle cx="18" cy="29" r="3" />
      </>
    ),
    'needs-inventory': () => (
      <>
        <path d="M4 5h48v30H4zM13.6 5v30M23.2 5v30M32.8 5v30M42.4 5v30" />
        <rect x="6" y="9" width="6" height="5" class="template-icon__fill" />
        <rect x="15" y="18" width="6" height="5" class="template-icon__fill" />
        <rect x="25" y="11" width="6" height="5" class="template-icon__fill" />
        <rect x="44" y="22" width="6" height="5" class="template-icon__fill" />
      </>
    ),
    'use-mix': () => (
      <>
        <rect x="4" y="5" width="26" height="17" rx="1" />
        <rect x="4" y="24" width="14" height="11" rx="1" />
        <rect x="20" y="24" width="10" height="11" rx="1" stroke-dasharray="2 2" />
        <rect x="33" y="5" width="19" height="30" rx="1" />
        <rect x="8" y="9" width="9" height="5" class="template-icon__fill" />
        <rect x="37" y="12" width="9" height="5" class="template-icon__fill" />
      </>
    ),
    'combination-matrix': () => (
      <>
        <path d="M16 5h36v30H16zM28 5v30M40 5v30M16 15h36M16 25h36" />
        <path d="M4 10h8M4 20h8M4 30h8" />
        <rect x="30" y="17" width="8" height="6" class="template-icon__fill" />
        <rect x="42" y="7" width="8" height="6" class="template-icon__fill" />
      </>
    ),
    'phasing-roadmap': () => (
      <>
        <path d="M4 7h48M4 14h48M4 21h48M4 28h48M4 35h48" stroke-dasharray="1 3" />
        <rect x="5" y="5" width="10" height="4" rx="1" class="template-icon__fill" />
        <rect x="12" y="12" width="12" height="4" rx="1" class="template-icon__fill" />
        <rect x="22" y="19" width="12" height="4" rx="1" class="template-icon__fill" />
        <rect x="31" y="26" width="12" height="4" rx="1" class="template-icon__fill" />
        <rect x="40" y="33" width="12" height="4" rx="1" class="template-icon__fill" />
      </>
    ),
    'business-model-canvas': () => (
      <path d="M4 5h48v30H4zM4 26h48M13.6 5v21M23.2 5v21M32.8 5v21M42.4 5v21M13.6 15.5h9.6M32.8 15.5h9.6M28 26v9" />
    ),
    'textile-mill': () => (
      <>
        <path d="M4 35V19l8-6v6l8-6v6l8-6v6l8-6v22z" />
        <path d="M40 35V6h5v29M4 35h48" />
        <path d="M9 25h4M17 25h4M25 25h4" />
      </>
    ),
  }
  return (
    <svg class="template-icon" viewBox="0 0 56 40" width="44" height="32" fill="none" aria-hidden="true">
      {shapes[props.template]()}
    </svg>
  )
}

/**
 * The site's floor area as both site forms show it: a text field read in the UI language
 * (`createNumberEntry`), with its question when what was typed reads two ways.
 */
export function AreaField(props: {
  bind: { name: string; value: string; error?: string | null | undefined }
  entry: ReturnType<typeof createNumberEntry>
  questionId: string
  onEdit: (text: string) => void
}) {
  return (
    <>
      <TextField
        {...props.bind}
        onInput={(event) => {
          props.entry.clearQuestion()
          props.onEdit(event.currentTarget.value)
        }}
        onChange={() => props.entry.commit()}
        label={t('site.areaM2')}
        type="text"
        inputMode="decimal"
        optional
      />
      <Show when={props.entry.question()}>
        {(readings) => (
          <NumberQuestion id={props.questionId} field="areaM2" readings={readings()} onChoose={props.entry.choose} />
        )}
      </Show>
    </>
  )
}
