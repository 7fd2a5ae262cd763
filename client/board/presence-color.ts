import type { Awareness } from 'y-protocols/awareness'
import { colorDistance, NEAR_IDENTICAL_DISTANCE, pickPresenceColor } from './user-color.ts'

interface Colored {
  clientId: number
  color: string
}

function colorsOfOthers(awareness: Awareness, selfUserId: string): Colored[] {
  const others: Colored[] = []
  for (const [clientId, state] of awareness.getStates()) {
    if (clientId === awareness.clientID) continue
    const user = (state as { user?: { id?: unknown; color?: unknown } }).user
    // the same person's other tabs share this person's colour on purpose
    if (!user || user.id === selfUserId || typeof user.color !== 'string' || !/^#[0-9a-f]{6}$/i.test(user.color)) continue
    others.push({ clientId, color: user.color })
  }
  return others
}

/**
 * Keeps this client's presence colour apart from everyone else's: once the room is known (the
 * first sync) it takes the palette colour farthest from those present; afterwards, when someone
 * shows up with a near-identical colour (two people joining at once), the one with the higher
 * client id picks again, so exactly one of the two moves. Returns the cleanup.
 */
export function keepPresenceColorDistinct(awareness: Awareness, selfUserId: string, whenRoomKnown: Promise<void>): () => void {
  let isRoomKnown = false
  const ownColor = () => (awareness.getLocalState() as { user?: { color?: string } } | null)?.user?.color
  const setOwnColor = (color: string) => {
    const user = (awareness.getLocalState() as { user?: Record<string, unknown> } | null)?.user
    if (user && user.color !== color) awareness.setLocalStateField('user', { ...user, color })
  }
  const choose = () => {
    const others = colorsOfOthers(awareness, selfUserId)
    setOwnColor(
      pickPresenceColor(
        selfUserId,
        others.map((o) => o.color),
      ),
    )
  }
  const onChange = () => {
    const mine = ownColor()
    if (!isRoomKnown || !mine) return
    const clash = colorsOfOthers(awareness, selfUserId).some(
      (other) => other.clientId < awareness.clientID && colorDistance(other.color, mine) < NEAR_IDENTICAL_DISTANCE,
    )
    if (clash) choose()
  }
  let stopped = false
  void whenRoomKnown.then(() => {
    if (stopped) return
    isRoomKnown = true
    choose()
  })
  awareness.on('change', onChange)
  return () => {
    stopped = true
    awareness.off('change', onChange)
  }
}
