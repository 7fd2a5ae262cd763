import { createEffect, createUniqueId, type JSX, onCleanup } from 'solid-js'
import { t } from '../i18n/locale.ts'
import { CloseIcon } from './icons.tsx'

/**
 * A modal on the native `<dialog>`: the browser traps focus, closes on Escape and restores
 * focus to the opener. `open` drives it; `onClose` reports every way of closing.
 */
export function Dialog(props: {
  open: boolean
  onClose: () => void
  title: string
  children: JSX.Element
  wide?: boolean
  /** a class of its own (a size the two standard widths do not fit) */
  class?: string
}) {
  let dialog: HTMLDialogElement | undefined
  const titleId = `dialog-title-${createUniqueId()}`

  createEffect(() => {
    if (!dialog) return
    if (props.open && !dialog.open) dialog.showModal()
    else if (!props.open && dialog.open) dialog.close()
  })
  onCleanup(() => dialog?.open && dialog.close())

  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: the backdrop click mirrors Escape, which <dialog> handles itself
    <dialog
      ref={dialog}
      class={props.class ? `dialog ${props.class}` : 'dialog'}
      classList={{ 'dialog--wide': props.wide }}
      aria-labelledby={titleId}
      onClose={() => props.onClose()}
      onClick={(event) => {
        // A click on the backdrop lands on the dialog element itself.
        if (event.target === dialog) props.onClose()
      }}
    >
      <div class="dialog__panel">
        <header class="dialog__header">
          <h2 id={titleId} class="dialog__title">
            {props.title}
          </h2>
          <button type="button" class="button button--icon button--ghost" onClick={() => props.onClose()}>
            <CloseIcon />
            <span class="visually-hidden">{t('app.close')}</span>
          </button>
        </header>
        {props.children}
      </div>
    </dialog>
  )
}
