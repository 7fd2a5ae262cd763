import { useNavigate } from '@solidjs/router'
import { createMemo, createSignal, createUniqueId, For, Show } from 'solid-js'
import { createStore } from 'solid-js/store'
import { formatNumberInput } from '../../../shared/i18n/numbers.ts'
import { addableTemplates } from '../../../shared/operations/operation.ts'
import { canFacilitate } from '../../../shared/schema/roles.ts'
import { api } from '../../api.ts'
import { useBoard } from '../../board/board-context.ts'
import { Dialog } from '../../components/dialog.tsx'
import { FormAlert, SelectField, TextAreaField, TextField } from '../../components/field.tsx'
import { createNumberEntry } from '../../components/number-question.tsx'
import { errorMessage } from '../../i18n/error-message.ts'
import { countryName, enumLabel, language, locale, t } from '../../i18n/locale.ts'
import { useSession } from '../../session/session-store.ts'
import { centralEuropeanCountries, heritageStatuses, otherCountries, siteConditions } from '../../site-options.ts'
import { AreaField, siteFromForm, sortedByName } from '../home/new-board-form.tsx'
import { maxLength, optionalNumber, requiredText } from '../home/validation.ts'
import { useSiteProfile } from './site-panel.tsx'
import { TimelineOriginForm } from './timeline-origin-form.tsx'
import { WorkingLanguagesForm } from './working-languages-form.tsx'
import '../home/board-manage.css'

/**
 * The board's settings: title and site profile (owner, facilitator: PATCH /api/boards/:id),
 * the working languages and where the timeline starts (owner, facilitator: the `settings.update`
 * operation, synced),
 * a template's frames beside the content (owner, facilitator), a copy the caller owns (any
 * account), and deleting it after a confirmation that names it (owner).
 */
export function BoardSettingsDialog(props: { open: boolean; onClose: () => void }) {
  return (
    <Dialog open={props.open} onClose={props.onClose} title={t('manage.title')} wide>
      <Show when={props.open}>
        <div class="board-settings" data-testid="board-settings">
          <ProfileForm />
          <WorkingLanguagesForm />
          <TimelineOriginForm />
          <TemplateAdder />
          <CopyAndDelete />
        </div>
      </Show>
    </Dialog>
  )
}

function ProfileForm() {
  const { board, role, store } = useBoard()
  const site = useSiteProfile()
  const current = site()
  const [values, setValues] = createStore({
    title: store.state.title ?? board.title,
    name: current.name ?? '',
    location: current.location ?? '',
    country: current.country ?? '',
    areaM2: current.areaM2 === undefined ? '' : formatNumberInput(current.areaM2, locale()),
    builtYear: current.builtYear === undefined ? '' : String(current.builtYear),
    formerUse: current.formerUse ?? '',
    heritageStatus: current.heritageStatus ?? '',
    condition: current.condition ?? '',
    description: current.description ?? '',
  })
  type Field = keyof typeof values
  const area = createNumberEntry({
    text: () => values.areaM2,
    setText: (text) => setValues('areaM2', text),
    initial: current.areaM2,
  })
  const [busy, setBusy] = createSignal(false)
  const [status, setStatus] = createSignal<'saved' | null>(null)
  const [failure, setFailure] = createSignal<unknown>(null)
  const areaQuestionId = createUniqueId()
  const errors = createMemo(() => {
    const reading = area.read()
    return {
      title: requiredText(values.title) ?? maxLength(values.title, 200),
      areaM2:
        reading.kind === 'invalid'
          ? t('validation.number')
          : reading.kind === 'number' && reading.value < 0
            ? t('validation.min', { min: 0 })
            : null,
      builtYear: optionalNumber(values.builtYear, 800, new Date().getFullYear()),
      description: maxLength(values.description, 5000),
    } as Partial<Record<Field, string | null>>
  })
  const [attempted, setAttempted] = createSignal(false)
  const bind = (field: Field) => ({
    name: field,
    get value() {
      return values[field]
    },
    onInput: (event: { currentTarget: { value: string } }) => {
      setStatus(null)
      setValues(field, event.currentTarget.value)
    },
    get error() {
      return attempted() ? errors()[field] : null
    },
  })
  const areaValue = (): number | undefined => {
    const reading = area.read()
    return reading.kind === 'number' ? reading.value : undefined
  }
  const save = async (event: SubmitEvent) => {
    event.preventDefault()
    setAttempted(true)
    setFailure(null)
    if (!area.commit() || Object.values(errors()).some(Boolean)) return
    setBusy(true)
    try {
      const areaM2 = areaValue()
      const site = { ...siteFromForm({ ...values, areaM2: '' }, locale()), ...(areaM2 === undefined ? {} : { areaM2 }) }
      await api.updateBoard(board.id, { title: values.title.trim(), site: Object.keys(site).length > 0 ? site : null })
      setStatus('saved')
    } catch (error) {
      setFailure(error)
    } finally {
      setBusy(false)
    }
  }
  return (
    <Show when={canFacilitate(role())}>
      <form class="form" noValidate onSubmit={save} data-testid="board-profile-form">
        <h3 class="fieldset__legend">{t('manage.profile')}</h3>
        <FormAlert message={failure() ? errorMessage(failure()) : null} />
        <TextField {...bind('title')} label={t('newBoard.boardTitle')} required />
        <div class="grid grid--2">
          <TextField {...bind('name')} label={t('site.name')} optional />
          <TextField {...bind('formerUse')} label={t('site.formerUse')} optional />
          <TextField {...bind('location')} label={t('site.location')} optional />
          <SelectField {...bind('country')} label={t('site.country')} optional>
            <option value="">{t('site.countryNone')}</option>
            <For each={sortedByName([...centralEuropeanCountries, ...otherCountries])}>
              {(code) => <option value={code}>{countryName(code)}</option>}
            </For>
          </SelectField>
          <div>
            <AreaField
              bind={bind('areaM2')}
              entry={area}
              questionId={areaQuestionId}
              onEdit={(text) => {
                setStatus(null)
                setValues('areaM2', text)
              }}
            />
          </div>
          <TextField {...bind('builtYear')} label={t('site.builtYear')} type="number" inputMode="numeric" optional />
          <SelectField {...bind('heritageStatus')} label={t('site.heritageStatus')} optional>
            <option value="">{t('site.chooseOption')}</option>
            <For each={heritageStatuses}>{(code) => <option value={code}>{enumLabel('heritageStatus', code)}</option>}</For>
          </SelectField>
          <SelectField {...bind('condition')} label={t('site.condition')} optional>
            <option value="">{t('site.chooseOption')}</option>
            <For each={siteConditions}>{(code) => <option value={code}>{enumLabel('siteCondition', code)}</option>}</For>
          </SelectField>
        </div>
        <TextAreaField {...bind('description')} label={t('site.description')} rows={2} optional />
        <div class="form__actions">
          <Show when={status() === 'saved'}>
            <span role="status">{t('manage.saved')}</span>
          </Show>
          <button type="submit" class="button button--primary" disabled={busy()}>
            {busy() ? t('manage.saving') : t('manage.save')}
          </button>
        </div>
      </form>
    </Show>
  )
}

function TemplateAdder() {
  const { board, role } = useBoard()
  const [template, setTemplate] = createSignal<string>(addableTemplates[0])
  const [busy, setBusy] = createSignal(false)
  const [added, setAdded] = createSignal<number | null>(null)
  const [failure, setFailure] = createSignal<unknown>(null)
  const add = async () => {
    setBusy(true)
    setFailure(null)
    setAdded(null)
    try {
      setAdded((await api.addTemplate(board.id, template(), language())).added)
    } catch (error) {
      setFailure(error)
    } finally {
      setBusy(false)
    }
  }
  return (
    <Show when={canFacilitate(role())}>
      <section class="board-settings__section" data-testid="add-template">
        <h3 class="fieldset__legend">{t('manage.template.legend')}</h3>
        <p class="field__hint">{t('manage.template.hint')}</p>
        <FormAlert message={failure() ? errorMessage(failure()) : null} />
        <div class="board-settings__row">
          <SelectField
            name="template"
            label={t('manage.template.choose')}
            value={template()}
            onInput={(event) => setTemplate(event.currentTarget.value)}
          >
            <For each={addableTemplates}>{(name) => <option value={name}>{t(`newBoard.template.${name}.name`)}</option>}</For>
          </SelectField>
          <button type="button" class="button" disabled={busy()} onClick={() => void add()}>
            {busy() ? t('manage.template.adding') : t('manage.template.add')}
          </button>
        </div>
        <Show when={added() !== null}>
          <p role="status">{t('manage.template.added', { count: added() ?? 0 })}</p>
        </Show>
      </section>
    </Show>
  )
}

function CopyAndDelete() {
  const { board, role, store } = useBoard()
  const [user] = useSession()
  const navigate = useNavigate()
  const [busy, setBusy] = createSignal<'copy' | 'delete' | null>(null)
  const [confirming, setConfirming] = createSignal(false)
  const [failure, setFailure] = createSignal<unknown>(null)
  const title = () => store.state.title ?? board.title
  const run = async (what: 'copy' | 'delete') => {
    setBusy(what)
    setFailure(null)
    try {
      if (what === 'copy') navigate(`/boards/${encodeURIComponent((await api.duplicateBoard(board.id)).board.id)}`)
      else {
        await api.deleteBoard(board.id)
        navigate('/')
      }
    } catch (error) {
      setFailure(error)
    } finally {
      setBusy(null)
    }
  }
  return (
    <>
      <FormAlert message={failure() ? errorMessage(failure()) : null} />
      <Show when={!user()?.guest}>
        <section class="board-settings__section">
          <h3 class="fieldset__legend">{t('manage.copy.legend')}</h3>
          <p class="field__hint">{t('manage.copy.hint')}</p>
          <button type="button" class="button" disabled={busy() !== null} onClick={() => void run('copy')}>
            {busy() === 'copy' ? t('manage.copying') : t('manage.copy')}
          </button>
        </section>
      </Show>
      <Show when={role() === 'owner'}>
        <section class="board-settings__section board-settings__danger">
          <h3 class="fieldset__legend">{t('manage.delete.legend')}</h3>
          <p class="field__hint">{t('manage.delete.hint')}</p>
          <Show
            when={confirming()}
            fallback={
              <button type="button" class="button button--danger" onClick={() => setConfirming(true)}>
                {t('manage.delete')}
              </button>
            }
          >
            <div role="alertdialog" aria-label={t('manage.delete.confirm', { title: title() })} class="board-settings__confirm">
              <p>{t('manage.delete.confirm', { title: title() })}</p>
              <button type="button" class="button" onClick={() => setConfirming(false)}>
                {t('manage.delete.no')}
              </button>
              <button type="button" class="button button--danger" disabled={busy() !== null} onClick={() => void run('delete')}>
                {busy() === 'delete' ? t('manage.deleting') : t('manage.delete.yes', { title: title() })}
              </button>
            </div>
          </Show>
        </section>
      </Show>
    </>
  )
}

/** The header's way into the settings, for whoever may do anything there (a guest viewer may not). */
export function BoardSettingsButton() {
  const { role } = useBoard()
  const [user] = useSession()
  const [open, setOpen] = createSignal(false)
  return (
    <Show when={canFacilitate(role()) || !user()?.guest}>
      <button
        type="button"
        class="button button--small"
        aria-haspopup="dialog"
        data-testid="board-settings-open"
        onClick={() => setOpen(true)}
      >
        {t('manage.open')}
      </button>
      <BoardSettingsDialog open={open()} onClose={() => setOpen(false)} />
    </Show>
  )
}
