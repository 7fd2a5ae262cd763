import { getOwner, onCleanup } from 'solid-js'
import type { Awareness } from 'y-protocols/awareness'
import type { PresenceState } from './presence-state.ts'

/** At most one cursor update per this many milliseconds (DESIGN.md, "Awareness is chatty"). */
export const CURSOR_INTERVAL_MS = 50

type Cursor = NonNullable<PresenceState['cursor']>
type Drag = NonNullable<PresenceState['drag']>

/**
 * Publishes this person's ephemeral state (cursor, selection, drag) through awareness. Each
 * field is sent only when it changed; the cursor at most every `CURSOR_INTERVAL_MS` (the last
 * position of a burst is always sent, so others see where the pointer came to rest).
 */
export interface PresencePublisher {
  cursor(point: Cursor | null): void
  selection(ids: readonly string[]): void
  drag(drag: Drag | null): void
  dispose(): void
}

const sameIds = (a: readonly string[] | undefined, b: readonly string[]) =>
  a !== undefined && a.length === b.length && a.every((id, i) => id === b[i])

export function createPresencePublisher(awareness: Awareness, now: () => number = () => Date.now()): PresencePublisher {
  let sentCursor: Cursor | null | undefined
  let pendingCursor: Cursor | null | undefined
  let lastSentAt = Number.NEGATIVE_INFINITY
  let timer: ReturnType<typeof setTimeout> | undefined
  let sentSelection: readonly string[] | undefined
  let sentDrag: Drag | null | undefined

  const sameCursor = (a: Cursor | null | undefined, b: Cursor | null) =>
    a === b || (a != null && b != null && Math.round(a.x) === Math.round(b.x) && Math.round(a.y) === Math.round(b.y))

  const flushCursor = () => {
    timer = undefined
    if (pendingCursor === undefined) return
    const next = pendingCursor
    pendingCursor = undefined
    if (sameCursor(sentCursor, next)) return
    sentCursor = next
    lastSentAt = now()
    awareness.setLocalStateField('cursor', next && { x: Math.round(next.x), y: Math.round(next.y) })
  }

  const cursor = (point: Cursor | null) => {
    pendingCursor = point
    const wait = lastSentAt + CURSOR_INTERVAL_MS - now()
    // Leaving the canvas is sent at once: a cursor frozen at the edge looks like a stuck person.
    if (point === null || wait <= 0) {
      if (timer) clearTimeout(timer)
      flushCursor()
    } else timer ??= setTimeout(flushCursor, wait)
  }

  const selection = (ids: readonly string[]) => {
    if (sameIds(sentSelection, ids)) return
    sentSelection = [...ids]
    awareness.setLocalStateField('selection', [...ids])
  }

  const drag = (next: Drag | null) => {
    if (next === null && (sentDrag === null || sentDrag === undefined)) return
    sentDrag = next
    awareness.setLocalStateField('drag', next)
  }

  const dispose = () => {
    if (timer) clearTimeout(timer)
    timer = undefined
  }
  if (getOwner()) onCleanup(dispose)
  return { cursor, selection, drag, dispose }
}
