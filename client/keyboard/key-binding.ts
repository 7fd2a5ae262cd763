import type { MessageKey } from '../../shared/i18n/index.ts'

/**
 * One key (chord) that runs a command, as data: the router matches it, the shortcuts sheet and
 * the context menu show it, so what is shown is what works.
 */
export interface KeyBinding {
  /** `KeyboardEvent.key`; letters are matched whatever their case */
  readonly key: string
  /** a `KeyboardEvent.code` that matches too, whatever the layout makes of the key (Shift+1 is `!` only on some) */
  readonly code?: string
  /** Ctrl, or Cmd on macOS */
  readonly mod?: boolean
  /** true: Shift held; false (the default): not held; 'any': either (Shift makes a nudge bigger; `+` needs it on some layouts) */
  readonly shift?: boolean | 'any'
  /** false: an alternative that works but is not listed (Ctrl+= beside +) */
  readonly listed?: false
}

/** The parts of a key press a binding looks at (a `KeyboardEvent` has them all). */
export type KeyPress = Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>

export function matchesKey(binding: KeyBinding, event: KeyPress): boolean {
  if (event.altKey) return false
  if ((binding.mod ?? false) !== (event.ctrlKey || event.metaKey)) return false
  const shift = binding.shift ?? false
  if (shift !== 'any' && shift !== event.shiftKey) return false
  if (binding.code !== undefined && event.code === binding.code) return true
  return event.key.length === 1 ? event.key.toLowerCase() === binding.key.toLowerCase() : event.key === binding.key
}

/**
 * A character key alone: a letter, digit, punctuation or symbol without Ctrl/Cmd (Shift may be
 * held). WCAG 2.1.4 asks that such shortcuts can be turned off, since speech input and a stray
 * key press trigger them; Delete, arrows, Enter and Escape are not character keys.
 */
export const isCharacterKey = (binding: KeyBinding): boolean => !binding.mod && [...binding.key].length === 1

/** Named keys shown by their catalog text; the rest are shown as they are (upper case letters). */
const namedKeys: Readonly<Record<string, MessageKey>> = {
  Delete: 'key.delete',
  Backspace: 'key.backspace',
  Escape: 'key.escape',
  Enter: 'key.enter',
  ' ': 'key.space',
  ArrowLeft: 'key.left',
  ArrowRight: 'key.right',
  ArrowUp: 'key.up',
  ArrowDown: 'key.down',
  ContextMenu: 'key.menu',
}

/** What a key's cap says for a binding whose `code` names it (Shift+1 shows 1, not !). */
function capOf(binding: KeyBinding): string {
  const digit = binding.code?.match(/^Digit(\d)$/)?.[1]
  if (digit) return digit
  if (binding.code === 'BracketLeft') return '['
  if (binding.code === 'BracketRight') return ']'
  if (binding.key === '-') return '−'
  return binding.key.length === 1 ? binding.key.toUpperCase() : binding.key
}

/** The keys of a binding as shown, one string per key cap: ["Ctrl", "Shift", "Z"]. */
export function keyCaps(binding: KeyBinding, t: (key: MessageKey) => string, isMac = false): string[] {
  const caps: string[] = []
  if (binding.mod) caps.push(isMac ? '⌘' : t('key.ctrl'))
  if (binding.shift === true) caps.push(t('key.shift'))
  const named = namedKeys[binding.key]
  caps.push(named ? t(named) : capOf(binding))
  return caps
}

/** One line of text for a binding: "Ctrl+Shift+Z". */
export const keyText = (binding: KeyBinding, t: (key: MessageKey) => string, isMac = false): string =>
  keyCaps(binding, t, isMac).join('+')

/** True on macOS (Cmd instead of Ctrl in what is shown). */
export const isMacPlatform = (): boolean =>
  typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent)
