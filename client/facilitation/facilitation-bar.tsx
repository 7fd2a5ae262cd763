import { createMemo, createSignal, For, type JSX, onCleanup, onMount, Show } from 'solid-js'
import type { FacilitationCommand } from '../../shared/facilitation/commands.ts'
import type { ElementId } from '../../shared/schema/fields.ts'
import { isApiError } from '../api.ts'
import { useBoard } from '../board/board-context.ts'
import { activeCanvas } from '../canvas/canvas-api.ts'
import { visibleRect } from '../canvas/viewport.ts'
import { errorMessage } from '../i18n/error-message.ts'
import { t } from '../i18n/locale.ts'
import { ChevronLeftIcon, ChevronRightIcon, LockIcon } from '../workspace/icons.tsx'
import { useToasts } from '../workspace/toasts.tsx'
import { AgendaDialog } from './agenda-dialog.tsx'
import { closesOutside } from './disclosure.ts'
import {
  GroupsIcon,
  HandIcon,
  MenuIcon,
  PauseIcon,
  PlayIcon,
  PlusMinuteIcon,
  PresentIcon,
  ResetIcon,
  StopwatchIcon,
  SummonIcon,
  UnlockIcon,
} from './facilitation-icons.tsx'
import { GroupsDialog } from './groups-dialog.tsx'
import { PrivateControls } from './private-controls.tsx'
import { goToFrame } from './view-moves.ts'
import { VoteControls } from './vote-controls.tsx'

/** What a refused command says, in the board's words (the server's English stays in its log). */
function commandError(error: unknown): string {
  if (isApiError(error) && error.code === 'conflict') return t('facilitation.error.conflict')
  if (isApiError(error) && error.code === 'validation_failed') return t('facilitation.error.invalid')
  return errorMessage(error)
}

/** A control of the bar: an icon with its name as the tooltip; the name is written out in the phone menu. */
function BarButton(props: {
  label: string
  icon: JSX.Element
  onClick: () => void
  testId: string
  pressed?: boolean
  /** a setting rather than a state of the room: pressed shows quietly */
  soft?: boolean
  disabled?: boolean
  title?: string
  wide?: boolean
}) {
  return (
    <button
      type="button"
      class="fac-bar__button"
      classList={{
        'fac-bar__button--wide': props.wide,
        'fac-bar__button--on': props.pressed && !props.soft,
        'fac-bar__button--soft-on': props.pressed && props.soft,
      }}
      aria-pressed={props.pressed === undefined ? undefined : props.pressed}
      aria-label={props.wide ? undefined : props.label}
      title={props.title ?? props.label}
      data-testid={props.testId}
      disabled={props.disabled}
      onClick={() => props.onClick()}
    >
      {props.icon}
      <span class="fac-bar__text">{props.label}</span>
    </button>
  )
}

/**
 * The facilitator's controls for a live workshop (issue 13, item 9), in one compact row over the
 * canvas (a menu on a phone): the agenda (edit, previous/next, go to a step), the timer, paused
 * editing, presenting, "bring everyone here", locking the selection (a frame with its contents)
 * and groups. Each control sends one command of the facilitation API (the same a script can
 * send); the server decides, and a refusal shows as a toast in the board's words.
 */
export function FacilitationBar() {
  const { facilitation, selection, store } = useBoard()
  const toasts = useToasts()
  const state = facilitation.state
  const [menuOpen, setMenuOpen] = createSignal(false)
  const [agendaOpen, setAgendaOpen] = createSignal(false)
  const [groupsOpen, setGroupsOpen] = createSignal(false)
  const [minutes, setMinutes] = createSignal(5)
  const [pauseOthers, setPauseOthers] = createSignal(true)
  // moving to a step starts its timer (its minutes) unless the facilitator turns that off
  const [stepTimer, setStepTimer] = createSignal(true)

  // the phone menu closes when the pointer goes down elsewhere (its dialogs are inside the bar)
  let nav: HTMLElement | undefined
  onMount(() => {
    const outside = (event: PointerEvent) => {
      if (menuOpen() && nav && !nav.contains(event.target as Node)) setMenuOpen(false)
    }
    document.addEventListener('pointerdown', outside, true)
    onCleanup(() => document.removeEventListener('pointerdown', outside, true))
  })

  const send = async (command: FacilitationCommand): Promise<boolean> => {
    try {
      await facilitation.command(command)
      return true
    } catch (error) {
      toasts.show(commandError(error), 'error', 6000)
      return false
    }
  }
  const run = (command: FacilitationCommand) => void send(command)

  const agenda = () => state().agenda
  const timer = () => state().timer
  const timerSet = () => timer().running || timer().remainingMs > 0

  const selected = createMemo(() => selection.ids().filter((id) => store.state.elements[id]) as ElementId[])
  const allLocked = () => selected().length > 0 && selected().every((id) => store.state.elements[id]?.locked === true)
  const lock = () => {
    const elementIds = selected()
    if (elementIds.length === 0) return
    const withContents = elementIds.some((id) => store.state.elements[id]?.kind === 'frame')
    run({ command: 'lock', elementIds, locked: !allLocked(), ...(withContents ? { withContents: true } : {}) })
  }

  const summon = async () => {
    const canvas = activeCanvas()
    if (!canvas) return
    const view = visibleRect(canvas.viewport(), canvas.size())
    if (await send({ command: 'summon', rect: { x: view.x, y: view.y, w: view.width, h: view.height } }))
      toasts.show(t('facilitation.summoned'), 'info', 3000)
  }

  const startTimer = () => {
    const seconds = Math.round(minutes() * 60)
    if (seconds >= 1) run({ command: 'timer.start', seconds })
  }

  const groups = () => state().groups

  return (
    <nav
      ref={nav}
      class="fac-bar"
      aria-label={t('facilitation.bar')}
      data-testid="facilitation-bar"
      data-open={String(menuOpen())}
    >
      <button
        type="button"
        class="fac-bar__menu"
        aria-expanded={menuOpen()}
        aria-controls="fac-bar-controls"
        data-testid="facilitation-menu"
        onClick={() => setMenuOpen(!menuOpen())}
      >
        <MenuIcon />
        {t('facilitation.menu')}
      </button>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: Escape closes the phone menu; the controls inside are buttons */}
      <div
        class="fac-bar__controls"
        id="fac-bar-controls"
        onKeyDown={(e) => {
          if (e.key === 'Escape' && menuOpen()) {
            setMenuOpen(false)
            e.currentTarget.closest('nav')?.querySelector<HTMLButtonElement>('.fac-bar__menu')?.focus()
          }
        }}
      >
        <fieldset class="fac-bar__group" aria-label={t('facilitation.agendaTitle')}>
          <button
            type="button"
            class="fac-bar__button fac-bar__button--wide"
            data-testid="agenda-edit"
            onClick={() => setAgendaOpen(true)}
          >
            <span class="fac-bar__text fac-bar__text--always">{t('facilitation.agenda')}</span>
          </button>
          <BarButton
            label={t('facilitation.previous')}
            icon={<ChevronLeftIcon size={18} />}
            testId="agenda-previous"
            disabled={agenda().current === null || agenda().current === 0}
            onClick={() => run({ command: 'agenda.previous', startTimer: stepTimer() })}
          />
          <select
            class="fac-bar__select"
            aria-label={t('facilitation.goTo')}
            title={t('facilitation.goTo')}
            data-testid="agenda-go"
            disabled={agenda().steps.length === 0}
            onChange={async (e) => {
              const select = e.currentTarget
              const value = select.value
              // refused: the list shows the step the workshop is really at
              if (!(await send({ command: 'agenda.go', index: value === '' ? null : Number(value), startTimer: stepTimer() })))
                select.value = String(agenda().current ?? '')
            }}
          >
            <option value="" selected={agenda().current === null}>
              {t('facilitation.noStep')}
            </option>
            <For each={agenda().steps}>
              {(step, index) => (
                <option value={index()} selected={agenda().current === index()}>
                  {t('facilitation.stepOption', { number: index() + 1, title: step.title })}
                </option>
              )}
            </For>
          </select>
          <BarButton
            label={t('facilitation.nextStep')}
            icon={<ChevronRightIcon size={18} />}
            testId="agenda-next"
            disabled={agenda().steps.length === 0 || (agenda().current ?? -1) >= agenda().steps.length - 1}
            onClick={() => run({ command: 'agenda.next', startTimer: stepTimer() })}
          />
          <BarButton
            label={t('facilitation.stepTimer')}
            icon={<StopwatchIcon />}
            testId="agenda-step-timer"
            pressed={stepTimer()}
            soft
            onClick={() => setStepTimer(!stepTimer())}
          />
        </fieldset>

        <fieldset class="fac-bar__group" aria-label={t('facilitation.timer')}>
          <Show
            when={timerSet()}
            fallback={
              <>
                <input
                  class="fac-bar__minutes"
                  type="number"
                  min="1"
                  max="1440"
                  step="1"
                  aria-label={t('facilitation.timerMinutes')}
                  title={t('facilitation.timerMinutes')}
                  data-testid="timer-minutes"
                  value={minutes()}
                  onInput={(e) => {
                    const value = Number(e.currentTarget.value)
                    if (Number.isFinite(value) && value > 0) setMinutes(value)
                  }}
                />
                <BarButton label={t('facilitation.timerStart')} icon={<PlayIcon />} testId="timer-start" onClick={startTimer} />
              </>
            }
          >
            <Show
              when={timer().running}
              fallback={
                <BarButton
                  label={t('facilitation.timerResume')}
                  icon={<PlayIcon />}
                  testId="timer-resume"
                  onClick={() => run({ command: 'timer.resume' })}
                />
              }
            >
              <BarButton
                label={t('facilitation.timerPause')}
                icon={<PauseIcon />}
                testId="timer-pause"
                onClick={() => run({ command: 'timer.pause' })}
              />
            </Show>
            <BarButton
              label={t('facilitation.timerAdd')}
              icon={<PlusMinuteIcon />}
              testId="timer-add"
              onClick={() => run({ command: 'timer.add', seconds: 60 })}
            />
            <BarButton
              label={t('facilitation.timerReset')}
              icon={<ResetIcon />}
              testId="timer-reset"
              onClick={() => run({ command: 'timer.reset' })}
            />
          </Show>
        </fieldset>

        <fieldset class="fac-bar__group" aria-label={t('facilitation.bar')}>
          <BarButton
            label={state().editingPaused ? t('facilitation.resumeEditing') : t('facilitation.pauseEditing')}
            icon={<HandIcon />}
            testId="editing-toggle"
            pressed={state().editingPaused}
            onClick={() => run({ command: state().editingPaused ? 'editing.resume' : 'editing.pause' })}
          />
          <Show
            when={state().presenter}
            fallback={
              <details class="fac-bar__present" ref={closesOutside}>
                <summary class="fac-bar__button" title={t('facilitation.present')} data-testid="present">
                  <PresentIcon />
                  <span class="fac-bar__text">{t('facilitation.present')}</span>
                </summary>
                <div class="fac-menu">
                  <label class="fac-check">
                    <input
                      type="checkbox"
                      data-testid="present-pause-editing"
                      checked={pauseOthers()}
                      onChange={(e) => setPauseOthers(e.currentTarget.checked)}
                    />
                    {t('facilitation.presentPause')}
                  </label>
                  <button
                    type="button"
                    class="button button--primary button--small"
                    data-testid="present-start"
                    onClick={(e) => {
                      e.currentTarget.closest('details')?.removeAttribute('open')
                      run({ command: 'present.start', pauseEditing: pauseOthers() })
                    }}
                  >
                    {t('facilitation.present')}
                  </button>
                </div>
              </details>
            }
          >
            <BarButton
              label={t('facilitation.stopPresenting')}
              icon={<PresentIcon />}
              testId="present-stop"
              pressed
              onClick={() => run({ command: 'present.stop' })}
            />
          </Show>
          <BarButton label={t('facilitation.summon')} icon={<SummonIcon />} testId="summon" onClick={() => void summon()} />
          <BarButton
            label={allLocked() ? t('facilitation.unlock') : t('facilitation.lock')}
            title={selected().length === 0 ? t('facilitation.lockHint') : undefined}
            icon={allLocked() ? <UnlockIcon /> : <LockIcon size={18} />}
            testId="lock-selection"
            disabled={selected().length === 0}
            onClick={lock}
          />
        </fieldset>

        <fieldset class="fac-bar__group" aria-label={t('facilitation.groupsTitle')}>
          <Show
            when={groups().active}
            fallback={
              <BarButton
                label={t('facilitation.groups')}
                icon={<GroupsIcon />}
                testId="groups-open"
                onClick={() => setGroupsOpen(true)}
              />
            }
          >
            <select
              class="fac-bar__select"
              aria-label={t('facilitation.visitGroup')}
              title={t('facilitation.visitGroup')}
              data-testid="group-visit"
              onChange={(e) => {
                const group = groups().groups.find((g) => g.id === e.currentTarget.value)
                goToFrame(group?.frameId)
                e.currentTarget.value = ''
              }}
            >
              <option value="">{t('facilitation.visitGroup')}</option>
              <For each={groups().groups}>
                {(group) => (
                  <option value={group.id} disabled={!group.frameId}>
                    {t('facilitation.visit', { name: t('facilitation.groupName', { name: group.name }) })}
                  </option>
                )}
              </For>
            </select>
            <BarButton
              label={t('facilitation.endGroups')}
              icon={<GroupsIcon />}
              testId="groups-end"
              pressed
              onClick={() => run({ command: 'groups.end' })}
            />
          </Show>
        </fieldset>
        <VoteControls />
        <PrivateControls send={send} />
      </div>
      <AgendaDialog open={agendaOpen()} onClose={() => setAgendaOpen(false)} send={send} />
      <GroupsDialog open={groupsOpen()} onClose={() => setGroupsOpen(false)} send={send} />
    </nav>
  )
}
