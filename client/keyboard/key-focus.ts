/**
 * Where a key press lands, as far as shortcuts care:
 * - `typing`: a text field, select, the in-place text editor, anything contenteditable: the
 *   keys are the person's text (letters, Delete, Ctrl+Z, Ctrl+A); no shortcut fires;
 * - `dialog`: inside a dialog or menu, or while a modal dialog is open: it has its own keys;
 * - `control`: on a button, link, tab…: Enter and Space press it, other shortcuts work;
 * - `free`: the canvas, the page: every shortcut works.
 */
export type KeyFocus = 'typing' | 'dialog' | 'control' | 'free'

const TYPING =
  'input, textarea, select, [contenteditable=""], [contenteditable="true"], [role="textbox"], [role="searchbox"], [role="combobox"], [role="spinbutton"]'
const DIALOG = 'dialog, [role="dialog"], [role="alertdialog"], [role="menu"], [aria-modal="true"]'
const CONTROL =
  'button, a[href], summary, [role="button"], [role="link"], [role="tab"], [role="menuitem"], [role="option"], [role="checkbox"], [role="switch"], [role="radio"], [role="slider"]'

/** An open modal `<dialog>` (focus is trapped in it, but a key may still come from the page behind). */
function hasOpenModal(doc: Document): boolean {
  for (const dialog of doc.querySelectorAll('dialog[open]')) {
    try {
      if (dialog.matches(':modal')) return true
    } catch {
      return true // no :modal support: an open dialog counts
    }
  }
  return doc.querySelector('[aria-modal="true"]') !== null
}

export function keyFocusOf(target: EventTarget | null): KeyFocus {
  const element = target instanceof Element ? target : null
  if (element && ((element as HTMLElement).isContentEditable === true || element.closest(TYPING))) return 'typing'
  if (element?.closest(DIALOG)) return 'dialog'
  const doc = element?.ownerDocument ?? (typeof document === 'undefined' ? null : document)
  if (doc && hasOpenModal(doc)) return 'dialog'
  if (element?.closest(CONTROL)) return 'control'
  return 'free'
}
