import { type Accessor, createSignal } from 'solid-js'

/**
 * This person's own choices about the live workshop, kept in this browser (localStorage, for
 * every board): whether the agenda and groups may move their view, and whether the timer chimes
 * at zero (off by default: a room full of laptops chiming at once is no help).
 */
export interface FacilitationPreferences {
  readonly stayPut: Accessor<boolean>
  setStayPut(value: boolean): void
  readonly sound: Accessor<boolean>
  setSound(value: boolean): void
}

const KEY = {
  stayPut: 'refresh-board:facilitation:stay-put',
  sound: 'refresh-board:facilitation:sound',
} as const

function readFlag(key: string): boolean {
  try {
    return globalThis.localStorage?.getItem(key) === 'true'
  } catch {
    return false
  }
}

function writeFlag(key: string, value: boolean): void {
  try {
    globalThis.localStorage?.setItem(key, String(value))
  } catch {
    // storage full or disabled: the choice lasts until the page goes
  }
}

function flag(key: string): [Accessor<boolean>, (value: boolean) => void] {
  const [value, setValue] = createSignal(readFlag(key))
  return [
    value,
    (next) => {
      setValue(next)
      writeFlag(key, next)
    },
  ]
}

let shared: FacilitationPreferences | null = null

/** The preferences (one set per page: the strip and the view follower read the same signals). */
export function facilitationPreferences(): FacilitationPreferences {
  if (shared) return shared
  const [stayPut, setStayPut] = flag(KEY.stayPut)
  const [sound, setSound] = flag(KEY.sound)
  shared = { stayPut, setStayPut, sound, setSound }
  return shared
}
