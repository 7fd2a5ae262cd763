import { type Accessor, createSignal, onCleanup } from 'solid-js'

/** Phones (and narrow windows): the board's chrome folds up below this width. */
export const SMALL_SCREEN_QUERY = '(max-width: 640px)'

/**
 * Whether the window is phone-sized now, following resizes and rotation. Call it inside a
 * reactive owner (a component); the listener goes with the owner.
 */
export function createSmallScreen(): Accessor<boolean> {
  const query = globalThis.matchMedia?.(SMALL_SCREEN_QUERY)
  const [small, setSmall] = createSignal(query?.matches ?? false)
  if (!query) return small
  const onChange = (event: MediaQueryListEvent) => setSmall(event.matches)
  query.addEventListener('change', onChange)
  onCleanup(() => query.removeEventListener('change', onChange))
  return small
}

/** Whether the window is phone-sized right now (no tracking: for defaults chosen once). */
export const isSmallScreen = (): boolean => globalThis.matchMedia?.(SMALL_SCREEN_QUERY).matches ?? false
