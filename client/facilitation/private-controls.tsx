import { createSignal, Show } from 'solid-js'
import type { FacilitationCommand } from '../../shared/facilitation/commands.ts'
import { useBoard } from '../board/board-context.ts'
import { t } from '../i18n/locale.ts'
import { EyeIcon, EyeSlashIcon } from './facilitation-icons.tsx'

/**
 * The facilitator's private brainstorm controls (issue 13, item 7), in the facilitation bar:
 * "Start private brainstorm", optionally reading along, and while it runs "Reveal notes",
 * optionally without names. Each is one command of the facilitation API (`private.start`,
 * `private.reveal`); `send` reports a refusal and answers whether it went through.
 */
export function PrivateControls(props: { send(command: FacilitationCommand): Promise<boolean> }) {
  const { facilitation } = useBoard()
  const [readAlong, setReadAlong] = createSignal(false)
  const [anonymous, setAnonymous] = createSignal(false)
  const running = () => facilitation.state().privateMode.active
  const close = (event: Event) => (event.currentTarget as HTMLElement).closest('details')?.removeAttribute('open')

  return (
    <fieldset class="fac-bar__group private-controls" aria-label={t('private.controls')} data-testid="private-controls">
      <Show
        when={running()}
        fallback={
          <details class="fac-bar__present">
            <summary class="fac-bar__button" title={t('private.start')} data-testid="private-start-open">
              <EyeSlashIcon size={18} />
              <span class="fac-bar__text">{t('private.start')}</span>
            </summary>
            <div class="fac-menu">
              <p class="private-controls__hint">{t('private.startHint')}</p>
              <label class="fac-check">
                <input
                  type="checkbox"
                  data-testid="private-read-along"
                  checked={readAlong()}
                  onChange={(e) => setReadAlong(e.currentTarget.checked)}
                />
                {t('private.readAlong')}
              </label>
              <button
                type="button"
                class="button button--primary button--small"
                data-testid="private-start"
                onClick={(e) => {
                  close(e)
                  void props.send({ command: 'private.start', facilitatorSees: readAlong() })
                }}
              >
                {t('private.start')}
              </button>
            </div>
          </details>
        }
      >
        <details class="fac-bar__present">
          <summary class="fac-bar__button fac-bar__button--on" title={t('private.reveal')} data-testid="private-reveal-open">
            <EyeIcon />
            <span class="fac-bar__text">{t('private.reveal')}</span>
          </summary>
          <div class="fac-menu">
            <label class="fac-check">
              <input
                type="checkbox"
                data-testid="private-anonymous"
                checked={anonymous()}
                onChange={(e) => setAnonymous(e.currentTarget.checked)}
              />
              {t('private.anonymous')}
            </label>
            <button
              type="button"
              class="button button--primary button--small"
              data-testid="private-reveal"
              onClick={async (e) => {
                close(e)
                if (await props.send({ command: 'private.reveal', anonymous: anonymous() })) setAnonymous(false)
              }}
            >
              {t('private.reveal')}
            </button>
          </div>
        </details>
      </Show>
    </fieldset>
  )
}
