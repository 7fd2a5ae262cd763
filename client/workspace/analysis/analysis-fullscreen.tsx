import { createUniqueId, type JSX, onCleanup, onMount } from 'solid-js'
import { t } from '../../i18n/locale.ts'

/**
 * The analysis full screen, to project it to the room: a modal `<dialog>` over the whole
 * window in large type, also asking the browser for full screen (hides its bars on a
 * projector). Escape leaves: handled on the dialog itself (so it works even where a board
 * shortcut would take Escape first) or, when the browser is full screen and takes Escape
 * itself, its `fullscreenchange`. Being modal, the board behind it is inert while it is open,
 * and no key pressed here reaches the board's shortcuts.
 */
export function AnalysisFullscreen(props: { title: string; onClose: () => void; children: JSX.Element }) {
  let dialog: HTMLDialogElement | undefined
  const id = createUniqueId()
  const leave = () => props.onClose()
  const onKeyDown = (event: KeyboardEvent) => {
    event.stopPropagation() // the board behind is inert: none of its shortcuts
    if (event.key !== 'Escape') return
    event.preventDefault()
    leave()
  }
  const onFullscreenChange = () => {
    if (!document.fullscreenElement) leave()
  }

  onMount(() => {
    if (!dialog) return
    dialog.showModal()
    // Full screen needs the click that opened us; where the browser refuses, the dialog still fills the window.
    if (typeof dialog.requestFullscreen === 'function' && document.fullscreenEnabled)
      dialog
        .requestFullscreen()
        .then(() => document.addEventListener('fullscreenchange', onFullscreenChange))
        .catch(() => {})
  })
  onCleanup(() => {
    document.removeEventListener('fullscreenchange', onFullscreenChange)
    if (document.fullscreenElement) document.exitFullscreen().catch(() => {})
    if (dialog?.open) dialog.close()
  })

  return (
    <dialog
      ref={dialog}
      class="an-fullscreen"
      aria-labelledby={`${id}-title`}
      data-testid="analysis-fullscreen"
      on:keydown={onKeyDown}
      onClose={leave}
    >
      <header class="an-fullscreen__head">
        <h2 id={`${id}-title`} class="an-fullscreen__title">
          {props.title}
        </h2>
        <button type="button" class="an-toggle an-fullscreen__close" data-testid="analysis-fullscreen-close" onClick={leave}>
          {t('analysis.fullscreen.close')}
        </button>
      </header>
      <div class="an-fullscreen__body an-panel">{props.children}</div>
    </dialog>
  )
}
