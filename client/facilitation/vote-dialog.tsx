import { createMemo, createSignal, For, Show } from 'solid-js'
import type { FacilitationCommand } from '../../shared/facilitation/commands.ts'
import { elementKinds } from '../../shared/schema/enums.ts'
import { isElementId } from '../../shared/schema/fields.ts'
import { isApiError } from '../api.ts'
import { useBoard } from '../board/board-context.ts'
import { Dialog } from '../components/dialog.tsx'
import { FormAlert, SelectField, TextField } from '../components/field.tsx'
import { enumLabel, t } from '../i18n/locale.ts'

/** The kinds a vote may be on "all of": every kind but links, which have no place for dots. */
export const votableKinds = elementKinds.filter((kind) => kind !== 'link')
type VotableKind = (typeof votableKinds)[number]

/** A whole number from 1 to 100, else null. */
export const wholeDots = (raw: string): number | null => {
  const value = Number(raw.trim())
  return Number.isInteger(value) && value >= 1 && value <= 100 ? value : null
}

/**
 * "Start a vote" (issue 13): on the selected elements or on every element of one kind, with
 * dots per person, a maximum per element, anonymous or not, and an optional question. Sends
 * `vote.open`; the server checks everything again.
 */
export function VoteDialog(props: { open: boolean; onClose: () => void; onOpened?: () => void }) {
  const { facilitation, selection, store } = useBoard()
  /** the selected elements that can be voted on (links cannot) */
  const selected = createMemo(() =>
    selection.ids().filter((id) => {
      const kind = store.state.elements[id]?.kind
      return kind !== undefined && kind !== 'link'
    }),
  )
  const [scope, setScope] = createSignal<'selection' | 'kind'>('selection')
  const [kind, setKind] = createSignal<VotableKind>('note')
  const [question, setQuestion] = createSignal('')
  const [dots, setDots] = createSignal('3')
  const [perElement, setPerElement] = createSignal('')
  const [anonymous, setAnonymous] = createSignal(true)
  const [failure, setFailure] = createSignal<string | null>(null)
  const [busy, setBusy] = createSignal(false)
  const effectiveScope = () => (scope() === 'selection' && selected().length === 0 ? 'kind' : scope())

  const submit = async (event: Event) => {
    event.preventDefault()
    const perPerson = wholeDots(dots())
    const max = perElement().trim() === '' ? perPerson : wholeDots(perElement())
    if (perPerson === null || max === null) return setFailure(t('vote.error.range'))
    const elementIds = selected().filter(isElementId)
    const target = effectiveScope() === 'selection' ? { elementIds } : { kind: kind() }
    if (effectiveScope() === 'selection' && elementIds.length === 0) return setFailure(t('vote.error.noElements'))
    const title = question().trim()
    const command: FacilitationCommand = {
      command: 'vote.open',
      ...target,
      dotsPerPerson: perPerson,
      maxPerElement: max,
      anonymous: anonymous(),
      ...(title ? { title } : {}),
    }
    setBusy(true)
    setFailure(null)
    try {
      await facilitation.command(command)
      setQuestion('')
      props.onOpened?.()
      props.onClose()
    } catch (error) {
      if (isApiError(error) && error.status === 409) setFailure(t('vote.error.conflict'))
      else if (isApiError(error) && error.status === 400) setFailure(t('vote.error.invalid', { reason: error.message }))
      else setFailure(t('vote.error.failed'))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Dialog open={props.open} onClose={props.onClose} title={t('vote.dialog.title')}>
      <form class="form vote-dialog" noValidate onSubmit={submit} data-testid="vote-dialog">
        <p class="form__intro">{t('vote.dialog.intro')}</p>
        <FormAlert message={failure()} />
        <TextField
          label={t('vote.question')}
          hint={t('vote.questionHint')}
          optional
          maxLength={200}
          value={question()}
          onInput={(e) => setQuestion(e.currentTarget.value)}
          data-testid="vote-question"
        />
        <fieldset class="vote-dialog__scope">
          <legend>{t('vote.scope')}</legend>
          <label class="checkbox">
            <input
              type="radio"
              name="vote-scope"
              value="selection"
              checked={effectiveScope() === 'selection'}
              disabled={selected().length === 0}
              onChange={() => setScope('selection')}
              data-testid="vote-scope-selection"
            />
            {selected().length === 0 ? t('vote.scope.noSelection') : t('vote.scope.selection', { count: selected().length })}
          </label>
          <label class="checkbox">
            <input
              type="radio"
              name="vote-scope"
              value="kind"
              checked={effectiveScope() === 'kind'}
              onChange={() => setScope('kind')}
              data-testid="vote-scope-kind"
            />
            {t('vote.scope.kind')}
          </label>
          <Show when={effectiveScope() === 'kind'}>
            <SelectField
              label={t('vote.kind')}
              value={kind()}
              onChange={(e) => setKind(e.currentTarget.value as VotableKind)}
              data-testid="vote-kind"
            >
              <For each={votableKinds}>{(value) => <option value={value}>{enumLabel('elementKindPlural', value)}</option>}</For>
            </SelectField>
          </Show>
        </fieldset>
        <div class="vote-dialog__numbers">
          <TextField
            label={t('vote.dotsPerPerson')}
            type="number"
            inputMode="numeric"
            min={1}
            max={100}
            step={1}
            required
            value={dots()}
            onInput={(e) => setDots(e.currentTarget.value)}
            data-testid="vote-dots"
          />
          <TextField
            label={t('vote.maxPerElement')}
            type="number"
            inputMode="numeric"
            min={1}
            max={100}
            step={1}
            optional
            value={perElement()}
            onInput={(e) => setPerElement(e.currentTarget.value)}
            data-testid="vote-max"
          />
        </div>
        <label class="checkbox">
          <input
            type="checkbox"
            checked={anonymous()}
            onChange={(e) => setAnonymous(e.currentTarget.checked)}
            data-testid="vote-anonymous"
          />
          {t('vote.anonymous')}
        </label>
        <div class="vote-dialog__actions">
          <button type="button" class="button" onClick={() => props.onClose()}>
            {t('app.cancel')}
          </button>
          <button type="submit" class="button button--primary" disabled={busy()} data-testid="vote-submit">
            {t('vote.open')}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
