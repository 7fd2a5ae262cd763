import type { Awareness } from 'y-protocols/awareness'
import type { PresenceState } from '../board/presence-state.ts'
import { createThrottle } from './frame-scheduler.ts'

export const PRESENCE_THROTTLE_MS = 50
/** The visible rect (for followers) at most 10 times a second. */
export const VIEW_THROTTLE_MS = 100

/**
 * Publishes the canvas's part of this person's awareness state (`cursor`, `selection`, `drag`,
 * `view`, `laser`, `reaction`; see presence-state.ts): cursor and drag at most every 50 ms, the
 * visible rect at most every 100 ms, each only when it changed, so awareness stays cheap in a
 * full workshop room (DESIGN.md, "Awareness is chatty").
 */
export function createPresencePublisher(awareness: Awareness) {
  const set = <K extends keyof PresenceState>(key: K, value: PresenceState[K]) => {
    const current = awareness.getLocalState()
    if (!current) return
    if (JSON.stringify(current[key]) === JSON.stringify(value)) return
    awareness.setLocalStateField(key, value)
  }
  const cursor = createThrottle<PresenceState['cursor']>(PRESENCE_THROTTLE_MS, (value) => set('cursor', value))
  const drag = createThrottle<PresenceState['drag']>(PRESENCE_THROTTLE_MS, (value) => set('drag', value))
  const view = createThrottle<PresenceState['view']>(VIEW_THROTTLE_MS, (value) => set('view', value))
  const round = (n: number) => Math.round(n * 10) / 10
  return {
    cursor: (point: { x: number; y: number } | null) =>
      cursor.push(point ? { x: Math.round(point.x * 10) / 10, y: Math.round(point.y * 10) / 10 } : null),
    selection: (ids: readonly string[]) => set('selection', [...ids]),
    drag: (value: PresenceState['drag']) => drag.push(value),
    /** the end of a drag: sent at once, so others drop their preview as the write arrives */
    endDrag: () => {
      drag.push(null)
      drag.flush()
    },
    /** the board rect on screen (followers mirror it) */
    view: (rect: { x: number; y: number; width: number; height: number } | null) =>
      view.push(rect ? { x: round(rect.x), y: round(rect.y), w: round(rect.width), h: round(rect.height) } : null),
    laser: (on: boolean) => set('laser', on),
    reaction: (value: PresenceState['reaction']) => set('reaction', value),
    destroy: () => {
      cursor.cancel()
      drag.cancel()
      view.cancel()
    },
  }
}

export type PresencePublisher = ReturnType<typeof createPresencePublisher>
