import type { Awareness } from 'y-protocols/awareness'
import { readViewRect, type ViewRect } from './view-geometry.ts'

/** What the attention features read of another client's awareness state (anyone may publish anything). */
export interface AttentionPeer {
  clientId: number
  userId: string
  name: string
  color: string | null
  view: ViewRect | null
  reaction: Reaction | null
  /** when this state last changed here (awareness meta), to pick the liveliest of a person's tabs */
  updatedAt: number
}

export interface Reaction {
  id: string
  emoji: string
  /** board point it floats up from */
  x: number
  y: number
  /** server time it was sent */
  at: number
}

/** The emoji a person may react with (and their names); anything else published is ignored. */
export const REACTIONS = [
  { emoji: '👍', name: 'thumbsUp' },
  { emoji: '❤️', name: 'heart' },
  { emoji: '👏', name: 'applause' },
  { emoji: '😂', name: 'laughing' },
  { emoji: '🤔', name: 'thinking' },
  { emoji: '✅', name: 'done' },
] as const

const finite = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value)

export function readReaction(value: unknown): Reaction | null {
  if (typeof value !== 'object' || value === null) return null
  const { id, emoji, x, y, at } = value as Record<string, unknown>
  if (typeof id !== 'string' || id.length === 0 || id.length > 64) return null
  if (typeof emoji !== 'string' || !REACTIONS.some((r) => r.emoji === emoji)) return null
  return finite(x) && finite(y) && finite(at) ? { id, emoji, x, y, at } : null
}

/** Every client's attention state (this client's own included), read defensively. */
export function readAttentionPeers(awareness: Awareness): AttentionPeer[] {
  const peers: AttentionPeer[] = []
  for (const [clientId, state] of awareness.getStates()) {
    if (typeof state !== 'object' || state === null) continue
    const record = state as Record<string, unknown>
    const user = record.user as Record<string, unknown> | undefined
    if (typeof user !== 'object' || user === null || typeof user.id !== 'string' || typeof user.name !== 'string') continue
    peers.push({
      clientId,
      userId: user.id,
      name: user.name.slice(0, 80),
      color: typeof user.color === 'string' && /^#[0-9a-f]{6}$/i.test(user.color) ? user.color : null,
      view: readViewRect(record.view),
      reaction: readReaction(record.reaction),
      updatedAt: awareness.meta.get(clientId)?.lastUpdated ?? 0,
    })
  }
  return peers
}

/** The view of the person `userId` shows (of their tabs, the one that changed last), or null. */
export function leaderView(peers: readonly AttentionPeer[], userId: string, selfClientId: number): ViewRect | null {
  let best: AttentionPeer | null = null
  for (const peer of peers) {
    if (peer.userId !== userId || peer.clientId === selfClientId || !peer.view) continue
    if (!best || peer.updatedAt > best.updatedAt) best = peer
  }
  return best?.view ?? null
}
