import type { Awareness } from 'y-protocols/awareness'
import type { PresenceUser } from './connection.ts'

type Point = { x: number; y: number }

import { colorForUser } from './user-color.ts'

/** Another client's ephemeral state, read defensively: anyone may publish anything. */
export interface PeerState {
  clientId: number
  user: PresenceUser
  cursor: Point | null
  selection: string[]
  drag: { ids: string[]; dx: number; dy: number } | null
  /** the laser pointer is on: their cursor draws a fading red trail */
  laser: boolean
}

const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value)

function readPoint(value: unknown): Point | null {
  if (typeof value !== 'object' || value === null) return null
  const { x, y } = value as Record<string, unknown>
  return isFiniteNumber(x) && isFiniteNumber(y) ? { x, y } : null
}

function readIds(value: unknown, max = 500): string[] {
  if (!Array.isArray(value)) return []
  return value.filter((id): id is string => typeof id === 'string').slice(0, max)
}

export function readPeerState(clientId: number, state: unknown): PeerState | null {
  if (typeof state !== 'object' || state === null) return null
  const record = state as Record<string, unknown>
  const user = record.user as Record<string, unknown> | undefined
  if (typeof user !== 'object' || user === null || typeof user.id !== 'string' || typeof user.name !== 'string') return null
  const color = typeof user.color === 'string' && /^#[0-9a-f]{6}$/i.test(user.color) ? user.color : colorForUser(user.id)
  const drag = record.drag as Record<string, unknown> | null | undefined
  const dragIds = drag ? readIds(drag.ids) : []
  return {
    clientId,
    user: {
      id: user.id,
      name: user.name.slice(0, 80),
      color,
      role: (typeof user.role === 'string' ? user.role : 'viewer') as PresenceUser['role'],
    },
    cursor: readPoint(record.cursor),
    selection: readIds(record.selection),
    drag:
      drag && dragIds.length > 0 && isFiniteNumber(drag.dx) && isFiniteNumber(drag.dy)
        ? { ids: dragIds, dx: drag.dx, dy: drag.dy }
        : null,
    laser: record.laser === true,
  }
}

/** Everyone else's state (other tabs of the same person included: they are separate cursors). */
export function otherPeerStates(awareness: Awareness): PeerState[] {
  const peers: PeerState[] = []
  for (const [clientId, state] of awareness.getStates()) {
    if (clientId === awareness.clientID) continue
    const peer = readPeerState(clientId, state)
    if (peer) peers.push(peer)
  }
  return peers
}
