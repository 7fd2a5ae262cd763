import { useNavigate } from '@solidjs/router'
import { createMemo, createSignal, For } from 'solid-js'
import { createStore } from 'solid-js/store'
import { api, type Board, type SiteProfile } from '../../api.ts'
import { FormAlert, SelectField, TextAreaField, TextField } from '../../components/field.tsx'
import { errorMessage } from '../../i18n/error-message.ts'
import { countryName, enumLabel, t } from '../../i18n/locale.ts'
import { centralEuropeanCountries, heritageStatuses, otherCountries, siteConditions } from '../../site-options.ts'
import { focusFirstInvalid, maxLength, optionalNumber, requiredText } from './validation.ts'

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

/** The site profile to send: only the fields that were filled in, numbers as numbers. */
export function siteFromForm(values: FormValues): SiteProfile | undefined {
  const site: SiteProfile = {}
  const text = (value: string) => value.trim() || undefined
  site.name = text(values.name)
  site.location = text(values.location)
  site.country = text(values.country)
  site.formerUse = text(values.formerUse)
  site.heritageStatus = text(values.heritageStatus)
  site.condition = text(values.condition)
  site.description = text(values.description)
  if (values.areaM2.trim()) site.areaM2 = Number(values.areaM2)
  if (values.builtYear.trim()) site.builtYear = Number(values.builtYear)
  const filled = Object.fromEntries(Object.entries(site).filter(([, value]) => value !== undefined)) as SiteProfile
  return Object.keys(filled).length > 0 ? filled : undefined
}

const sortedByName = (codes: readonly string[]) => [...codes].sort((a, b) => countryName(a).localeCompare(countryName(b)))

/** Title and site profile → POST /api/boards → the new board. */
export function NewBoardForm(props: { onCancel: () => void; onCreated?: (board: Board) => void }) {
  const navigate = useNavigate()
  const [values, setValues] = createStore<FormValues>({ ...emptyForm })
  const [attempted, setAttempted] = createSignal(false)
  const [busy, setBusy] = createSignal(false)
  const [apiError, setApiError] = createSignal<unknown>(null)
  let form: HTMLFormElement | undefined
  const thisYear = new Date().getFullYear()

  const errors = createMemo(() => {
    if (!attempted()) return {} as Partial<Record<keyof FormValues, string | null>>
    return {
      title: requiredText(values.title) ?? maxLength(values.title, 200),
      areaM2: optionalNumber(values.areaM2, 0),
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
    setBusy(true)
    try {
      const site = siteFromForm(values)
      const { board } = await api.createBoard({ title: values.title.trim(), ...(site ? { site } : {}) })
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
          <TextField {...bind('areaM2')} label={t('site.areaM2')} type="number" inputMode="numeric" min="0" step="any" optional />
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
