import { createEffect, createMemo, on, onCleanup, onMount, Show } from 'solid-js'
import { currentStep } from '../../shared/facilitation/state.ts'
import { useBoard } from '../board/board-context.ts'
import { locale, t } from '../i18n/locale.ts'
import { formatClock, playChime, unlockChime } from './clock.ts'
import { closesOutside } from './disclosure.ts'
import { facilitationPreferences } from './preferences.ts'
import { groupOf } from './view-moves.ts'

/**
 * What everyone sees of the live workshop, over the top of the canvas: the current agenda step
 * with its method and what comes next, the timer (the same on every screen: it is derived from
 * the server's clock), your group, and this person's own choices (stay put, chime).
 * At zero the timer pulses softly (not with reduced motion) and, if chosen, chimes once.
 */
export function FacilitationStrip() {
  const { facilitation, me } = useBoard()
  const preferences = facilitationPreferences()
  const state = facilitation.state
  const step = createMemo(() => currentStep(state()))
  const next = createMemo(() => {
    const { current, steps } = state().agenda
    return current === null ? null : (steps[current + 1] ?? null)
  })
  const timer = () => state().timer
  const timerShown = () => timer().running || timer().remainingMs > 0 || timer().durationMs > 0
  const atZero = createMemo(() => timer().running && facilitation.remaining() === 0)
  const myGroup = createMemo(() => groupOf(state(), me.id))
  // who presents is said by the attention banner (attention/attention-ui.tsx), not here
  const shown = () => step() !== null || timerShown() || myGroup() !== null

  // the chime sounds when this screen sees the timer reach zero, not when it opens on a finished one
  createEffect(
    on(atZero, (zero, before) => {
      if (zero && before === false && preferences.sound()) playChime()
    }),
  )

  // browsers start audio only from a gesture: the first one on the page readies the chime
  onMount(() => {
    const ready = () => {
      if (preferences.sound()) unlockChime()
    }
    document.addEventListener('pointerdown', ready, { once: true, capture: true })
    onCleanup(() => document.removeEventListener('pointerdown', ready, { capture: true }))
  })

  const clock = () => formatClock(facilitation.remaining(), locale())

  return (
    <Show when={shown()}>
      <section class="fac-strip" aria-label={t('facilitation.strip')} data-testid="facilitation-strip">
        <Show when={step()}>
          {(current) => (
            <div class="fac-strip__step">
              <span class="fac-strip__count">
                {t('facilitation.step', {
                  number: (state().agenda.current ?? 0) + 1,
                  count: state().agenda.steps.length,
                })}
              </span>
              <span class="fac-strip__title" data-testid="facilitation-step">
                {current().title}
              </span>
              <Show when={current().method}>
                <span class="fac-strip__method" data-testid="facilitation-method">
                  {current().method}
                </span>
              </Show>
              <span class="fac-strip__next" data-testid="facilitation-next">
                {next() ? t('facilitation.next', { title: next()?.title ?? '' }) : t('facilitation.lastStep')}
              </span>
            </div>
          )}
        </Show>
        <Show when={myGroup()}>
          {(group) => (
            <span class="fac-strip__group" data-testid="facilitation-my-group">
              {t('facilitation.groupOf', { name: group().name })}
            </span>
          )}
        </Show>
        <Show when={timerShown()}>
          <span
            class="fac-timer"
            classList={{ 'fac-timer--zero': atZero(), 'fac-timer--paused': !timer().running }}
            role="timer"
            aria-label={atZero() ? t('facilitation.timeUp') : t('facilitation.timerAt', { time: clock() })}
            title={timer().running ? t('facilitation.timer') : t('facilitation.timerPaused')}
            data-testid="facilitation-timer"
            data-remaining-ms={String(Math.round(facilitation.remaining()))}
          >
            {clock()}
          </span>
        </Show>
        <details class="fac-strip__settings" ref={closesOutside}>
          <summary class="fac-strip__settings-button" aria-label={t('facilitation.settings')} title={t('facilitation.settings')}>
            <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true" fill="currentColor">
              <circle cx="5" cy="12" r="1.8" />
              <circle cx="12" cy="12" r="1.8" />
              <circle cx="19" cy="12" r="1.8" />
            </svg>
          </summary>
          <div class="fac-menu fac-strip__menu">
            <label class="fac-check" title={t('facilitation.stayPutHint')}>
              <input
                type="checkbox"
                data-testid="facilitation-stay-put"
                checked={preferences.stayPut()}
                onChange={(e) => preferences.setStayPut(e.currentTarget.checked)}
              />
              {t('facilitation.stayPut')}
            </label>
            <label class="fac-check">
              <input
                type="checkbox"
                data-testid="facilitation-sound"
                checked={preferences.sound()}
                onChange={(e) => {
                  preferences.setSound(e.currentTarget.checked)
                  if (e.currentTarget.checked) unlockChime()
                }}
              />
              {t('facilitation.sound')}
            </label>
          </div>
        </details>
      </section>
    </Show>
  )
}

/** Over the canvas while a facilitator paused editing: said in words, for everyone. */
export function PausedBanner() {
  const { facilitation } = useBoard()
  return (
    <Show when={facilitation.state().editingPaused}>
      <div class="fac-paused" role="status" data-testid="editing-paused">
        <strong>{t('facilitation.paused')}</strong>
        <span class="fac-paused__hint">{t('facilitation.pausedHint')}</span>
      </div>
    </Show>
  )
}
