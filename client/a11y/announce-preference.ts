import { createSignal } from 'solid-js'

const KEY = 'rb.announceRemote'
const storage = typeof localStorage === 'undefined' ? null : localStorage

const [announceRemote, setSignal] = createSignal(storage?.getItem(KEY) !== 'off')

/** Whether the live region says other people's changes (on unless turned off; remembered in this browser). */
export { announceRemote }

export function setAnnounceRemote(on: boolean): void {
  setSignal(on)
  try {
    storage?.setItem(KEY, on ? 'on' : 'off')
  } catch {
    // storage full or refused: the choice holds for this page
  }
}
