import { createSignal, Show, useContext } from 'solid-js'
import type { FacilitationCommand } from '../../shared/facilitation/commands.ts'
import { canFacilitate } from '../../shared/schema/roles.ts'
import { isApiError } from '../api.ts'
import { useBoard } from '../board/board-context.ts'
import { t } from '../i18n/locale.ts'
import { ToastContext } from '../workspace/toasts.tsx'
import { VoteDialog } from './vote-dialog.tsx'
import { VoteResultsDialog } from './vote-results.tsx'
import './vote.css'

/**
 * The facilitator's vote buttons, a group of the facilitation bar: "Start a vote" (the dialog) while
 * no vote is open, "Close vote" and "Cancel vote" while one is; "Results" once a vote has been
 * closed. Nothing for other roles (the server refuses them anyway).
 */
export function VoteControls() {
  const session = useBoard()
  const { facilitation } = session
  const toasts = useContext(ToastContext)
  const [dialog, setDialog] = createSignal(false)
  const [results, setResults] = createSignal(false)
  const [busy, setBusy] = createSignal(false)
  const open = () => facilitation.state().vote?.open === true

  const send = async (command: FacilitationCommand) => {
    setBusy(true)
    try {
      await facilitation.command(command)
      if (command.command === 'vote.close') setResults(true)
      if (command.command === 'vote.cancel') toasts?.show(t('vote.cancelled'), 'info', 5000)
    } catch (error) {
      toasts?.show(t(isApiError(error) && error.status === 409 ? 'vote.closedMeanwhile' : 'vote.error.failed'), 'warning', 6000)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Show when={canFacilitate(session.role())}>
      <fieldset class="fac-bar__group vote-controls" aria-label={t('vote.strip')} data-testid="vote-controls">
        <Show
          when={open()}
          fallback={
            <>
              <button
                type="button"
                class="fac-bar__button"
                title={t('vote.start')}
                data-testid="vote-start"
                onClick={() => setDialog(true)}
              >
                <DotsIcon />
                <span class="fac-bar__text fac-bar__text--always">{t('vote.start')}</span>
              </button>
              <Show when={facilitation.state().closedVotes.length > 0}>
                <button
                  type="button"
                  class="fac-bar__button"
                  title={t('vote.results.title')}
                  data-testid="vote-results-facilitator"
                  onClick={() => setResults(true)}
                >
                  <span class="fac-bar__text fac-bar__text--always">{t('vote.results')}</span>
                </button>
              </Show>
            </>
          }
        >
          <button
            type="button"
            class="fac-bar__button fac-bar__button--on"
            title={t('vote.close')}
            data-testid="vote-close"
            disabled={busy()}
            onClick={() => void send({ command: 'vote.close' })}
          >
            <DotsIcon />
            <span class="fac-bar__text fac-bar__text--always">{t('vote.close')}</span>
          </button>
          <button
            type="button"
            class="fac-bar__button"
            title={t('vote.cancel')}
            data-testid="vote-cancel"
            disabled={busy()}
            onClick={() => void send({ command: 'vote.cancel' })}
          >
            <span class="fac-bar__text fac-bar__text--always">{t('vote.cancel')}</span>
          </button>
        </Show>
        <VoteDialog open={dialog()} onClose={() => setDialog(false)} />
        <VoteResultsDialog open={results()} onClose={() => setResults(false)} />
      </fieldset>
    </Show>
  )
}

/** Three dots, the vote's sign (decorative: every button says what it does). */
function DotsIcon() {
  return (
    <svg class="icon" width="18" height="18" viewBox="0 0 24 24" aria-hidden="true" fill="currentColor">
      <circle cx="6" cy="15" r="3" />
      <circle cx="12" cy="8" r="3" />
      <circle cx="18" cy="15" r="3" />
    </svg>
  )
}
