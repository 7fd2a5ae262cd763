import { createEffect, createSignal, For, on, Show } from 'solid-js'
import { createStore, produce } from 'solid-js/store'
import type { FacilitationCommand } from '../../shared/facilitation/commands.ts'
import type { AgendaStep } from '../../shared/facilitation/state.ts'
import { elementKinds } from '../../shared/schema/enums.ts'
import { useBoard } from '../board/board-context.ts'
import { Dialog } from '../components/dialog.tsx'
import { enumLabel, t } from '../i18n/locale.ts'
import { ChevronLeftIcon, ChevronRightIcon, TrashIcon } from '../workspace/icons.tsx'

type ElementKindName = (typeof elementKinds)[number]

/** A step as the form holds it: minutes as typed, kinds as a set (null: any kind). */
interface Draft {
  key: number
  id?: string
  title: string
  method: string
  minutes: string
  frameId: string
  kinds: ElementKindName[] | null
}

let nextKey = 1
const draftOf = (step?: AgendaStep): Draft => ({
  key: nextKey++,
  id: step?.id,
  title: step?.title ?? '',
  method: step?.method ?? '',
  minutes: step?.minutes === undefined ? '' : String(step.minutes),
  frameId: step?.frameId ?? '',
  kinds: step?.allowedKinds ? [...step.allowedKinds] : null,
})

type StepInput = Extract<FacilitationCommand, { command: 'agenda.set' }>['steps'][number]

function stepOf(draft: Draft, index: number): StepInput {
  const minutes = Number(draft.minutes.replace(',', '.'))
  return {
    ...(draft.id ? { id: draft.id } : {}),
    title: draft.title.trim() || t('facilitation.stepNumber', { number: index + 1 }),
    ...(draft.method.trim() ? { method: draft.method.trim() } : {}),
    ...(draft.minutes.trim() && Number.isFinite(minutes) && minutes > 0 ? { minutes } : {}),
    ...(draft.frameId ? { frameId: draft.frameId as StepInput['frameId'] } : {}),
    ...(draft.kinds ? { allowedKinds: draft.kinds } : {}),
  }
}

/** The board's frames by their labels, for the pickers (agenda steps and groups). */
export function useFrames() {
  const { store } = useBoard()
  return () =>
    Object.values(store.state.elements)
      .filter((element) => element.kind === 'frame')
      .map((frame) => ({ id: frame.id, label: typeof frame.label === 'string' && frame.label ? frame.label : '' }))
      .sort((a, b) => a.label.localeCompare(b.label))
}

/**
 * The facilitator's agenda editor: time-boxed steps with a title, a method hint, minutes, the
 * frame it happens in and the kinds participants may add; steps reorder and go. Saving sends
 * the whole agenda (`agenda.set`); the current step stays where it is when it still exists.
 */
export function AgendaDialog(props: {
  open: boolean
  onClose: () => void
  send: (command: FacilitationCommand) => Promise<boolean>
}) {
  const { facilitation } = useBoard()
  const frames = useFrames()
  const [drafts, setDrafts] = createStore<Draft[]>([])
  const [saving, setSaving] = createSignal(false)
  // each opening starts from the agenda as it is now
  createEffect(
    on(
      () => props.open,
      (open) => {
        if (!open) return
        const steps = facilitation.state().agenda.steps
        setDrafts(steps.length > 0 ? steps.map(draftOf) : [draftOf()])
      },
    ),
  )

  const update = (key: number, patch: Partial<Draft>) => {
    const index = drafts.findIndex((draft) => draft.key === key)
    if (index >= 0) setDrafts(index, patch)
  }
  const move = (index: number, by: -1 | 1) =>
    setDrafts(
      produce((all) => {
        const target = index + by
        if (target < 0 || target >= all.length) return
        const [moved] = all.splice(index, 1)
        if (moved) all.splice(target, 0, moved)
      }),
    )
  const toggleKind = (draft: Draft, kind: ElementKindName, checked: boolean) => {
    const current = draft.kinds ?? [...elementKinds]
    const kinds = checked ? elementKinds.filter((k) => k === kind || current.includes(k)) : current.filter((k) => k !== kind)
    update(draft.key, { kinds: kinds.length === elementKinds.length ? null : kinds })
  }

  const save = async (event: SubmitEvent) => {
    event.preventDefault()
    setSaving(true)
    const ok = await props.send({ command: 'agenda.set', steps: drafts.map(stepOf) })
    setSaving(false)
    if (ok) props.onClose()
  }

  return (
    <Dialog open={props.open} onClose={props.onClose} title={t('facilitation.agendaTitle')} wide class="fac-dialog">
      <form class="fac-form" onSubmit={save} data-testid="agenda-dialog">
        <p class="fac-form__intro">{t('facilitation.agendaIntro')}</p>
        <Show when={drafts.length > 0} fallback={<p>{t('facilitation.agendaEmpty')}</p>}>
          <ol class="fac-steps">
            <For each={drafts}>
              {(draft, index) => (
                <li class="fac-step" data-testid="agenda-step">
                  <div class="fac-step__head">
                    <span class="fac-step__number">{t('facilitation.stepNumber', { number: index() + 1 })}</span>
                    <span class="fac-step__actions">
                      <button
                        type="button"
                        class="button button--ghost button--small fac-step__up"
                        aria-label={t('facilitation.stepUp')}
                        title={t('facilitation.stepUp')}
                        disabled={index() === 0}
                        onClick={() => move(index(), -1)}
                      >
                        <ChevronLeftIcon size={16} />
                      </button>
                      <button
                        type="button"
                        class="button button--ghost button--small fac-step__down"
                        aria-label={t('facilitation.stepDown')}
                        title={t('facilitation.stepDown')}
                        disabled={index() === drafts.length - 1}
                        onClick={() => move(index(), 1)}
                      >
                        <ChevronRightIcon size={16} />
                      </button>
                      <button
                        type="button"
                        class="button button--ghost button--small"
                        aria-label={t('facilitation.stepDelete')}
                        title={t('facilitation.stepDelete')}
                        onClick={() => setDrafts((all) => all.filter((d) => d.key !== draft.key))}
                      >
                        <TrashIcon size={16} />
                      </button>
                    </span>
                  </div>
                  <div class="fac-step__fields">
                    <label class="field fac-step__title">
                      <span class="field__label">{t('facilitation.stepTitle')}</span>
                      <input
                        class="input"
                        data-testid="agenda-step-title"
                        maxLength={200}
                        value={draft.title}
                        onInput={(e) => update(draft.key, { title: e.currentTarget.value })}
                      />
                    </label>
                    <label class="field fac-step__minutes">
                      <span class="field__label">{t('facilitation.stepMinutes')}</span>
                      <input
                        class="input"
                        type="number"
                        min="1"
                        max="1440"
                        step="any"
                        inputmode="decimal"
                        data-testid="agenda-step-minutes"
                        value={draft.minutes}
                        onInput={(e) => update(draft.key, { minutes: e.currentTarget.value })}
                      />
                    </label>
                    <label class="field fac-step__method">
                      <span class="field__label">{t('facilitation.stepMethod')}</span>
                      <input
                        class="input"
                        maxLength={500}
                        placeholder={t('facilitation.stepMethodHint')}
                        data-testid="agenda-step-method"
                        value={draft.method}
                        onInput={(e) => update(draft.key, { method: e.currentTarget.value })}
                      />
                    </label>
                    <label class="field fac-step__frame">
                      <span class="field__label">{t('facilitation.stepFrame')}</span>
                      <select
                        class="input"
                        data-testid="agenda-step-frame"
                        value={draft.frameId}
                        onChange={(e) => update(draft.key, { frameId: e.currentTarget.value })}
                      >
                        <option value="">{t('facilitation.stepNoFrame')}</option>
                        <For each={frames()}>
                          {(frame) => (
                            <option value={frame.id} selected={frame.id === draft.frameId}>
                              {frame.label || t('facilitation.untitledFrame')}
                            </option>
                          )}
                        </For>
                      </select>
                    </label>
                  </div>
                  <fieldset class="fac-step__kinds">
                    <legend class="field__label">
                      {t('facilitation.stepKinds')}
                      <Show when={draft.kinds === null}>
                        <span class="fac-step__any"> · {t('facilitation.stepAnyKind')}</span>
                      </Show>
                    </legend>
                    <For each={elementKinds}>
                      {(kind) => (
                        <label class="fac-check">
                          <input
                            type="checkbox"
                            data-kind={kind}
                            checked={draft.kinds === null || draft.kinds.includes(kind)}
                            onChange={(e) => toggleKind(draft, kind, e.currentTarget.checked)}
                          />
                          {enumLabel('elementKind', kind)}
                        </label>
                      )}
                    </For>
                  </fieldset>
                </li>
              )}
            </For>
          </ol>
        </Show>
        <div class="fac-form__actions">
          <button
            type="button"
            class="button button--ghost"
            data-testid="agenda-add-step"
            onClick={() => setDrafts(drafts.length, draftOf())}
          >
            {t('facilitation.stepAdd')}
          </button>
          <span class="fac-form__spacer" />
          <button type="button" class="button button--ghost" onClick={() => props.onClose()}>
            {t('app.cancel')}
          </button>
          <button type="submit" class="button button--primary" data-testid="agenda-save" disabled={saving()}>
            {t('facilitation.save')}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
