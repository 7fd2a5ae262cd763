import { type Accessor, createSignal } from 'solid-js'

const STORAGE_KEY = 'refresh-board:single-key-shortcuts'

export interface ShortcutPreferences {
  readonly singleKeys: Accessor<boolean>
  setSingleKeys(on: boolean): void
}

/** Whether character keys alone are shortcuts; remembered in this browser (on unless turned off). */
export function createShortcutPreferences(storage: Pick<Storage, 'getItem' | 'setItem'> | null): ShortcutPreferences {
  const read = () => {
    try {
      return storage?.getItem(STORAGE_KEY) !== 'off'
    } catch {
      return true // storage blocked (private mode): on
    }
  }
  const [singleKeys, setSignal] = createSignal(read())
  return {
    singleKeys,
    setSingleKeys(on) {
      setSignal(on)
      try {
        storage?.setItem(STORAGE_KEY, on ? 'on' : 'off')
      } catch {
        // not remembered, still applied
      }
    },
  }
}
