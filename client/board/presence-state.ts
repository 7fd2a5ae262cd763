import type { PresenceUser } from './connection.ts'

/**
 * The awareness state each client publishes (ephemeral, never stored). Board coordinates.
 * Updates are throttled (cursor at most every 50 ms) and carry only what changed.
 */
export interface PresenceState {
  user: PresenceUser
  /** pointer position on the board, or null when the pointer left the canvas */
  cursor?: { x: number; y: number } | null
  /** ids this person has selected (drawn as outlines for others) */
  selection?: string[]
  /** a drag in progress: others see the elements move; the final position is written on drop */
  drag?: { ids: string[]; dx: number; dy: number } | null
  /** viewport, for "follow" later */
  viewport?: { x: number; y: number; scale: number } | null
  /** the board rect this person sees (others follow it; at most 10 updates a second) */
  view?: { x: number; y: number; w: number; h: number } | null
  /** the laser pointer is on: the cursor draws a short fading red trail for everyone */
  laser?: boolean
  /** the last reaction (an emoji floating up at a board point); `at` is server time */
  reaction?: { id: string; emoji: string; x: number; y: number; at: number } | null
}
