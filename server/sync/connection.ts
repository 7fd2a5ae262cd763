import type { Role } from '../../shared/schema/roles.ts'
import type { SessionUser } from '../access.ts'

/**
 * Close codes the sync endpoint uses (the contract fixes 4400, 4401, 4403, 4404 and 1009;
 * 4429 is ours: a limit against abuse, docs/contract.md).
 */
export const CloseCode = {
  goingAway: 1001,
  protocolError: 1002,
  tooBig: 1009,
  internalError: 1011,
  tryAgainLater: 1013,
  forged: 4400,
  unauthorized: 4401,
  removed: 4403,
  notFound: 4404,
  /** too many connections from the address or to the board, or too many updates or update bytes */
  limited: 4429,
} as const

/** The limits a connection is held to (config.ts `Limits`; Infinity: none). */
export interface ConnectionLimits {
  connectionsPerAddress: number
  connectionsPerBoard: number
  updatesPerSecond: number
  updateBytesPerSecond: number
  awarenessPerSecond: number
  elementsPerBoard: number
}

export const noLimits: ConnectionLimits = {
  connectionsPerAddress: Number.POSITIVE_INFINITY,
  connectionsPerBoard: Number.POSITIVE_INFINITY,
  updatesPerSecond: Number.POSITIVE_INFINITY,
  updateBytesPerSecond: Number.POSITIVE_INFINITY,
  awarenessPerSecond: Number.POSITIVE_INFINITY,
  elementsPerBoard: Number.POSITIVE_INFINITY,
}

/** How many seconds of each rate a connection may spend at once (its burst). */
export const burstSeconds = { updates: 10, updateBytes: 16, awareness: 2 } as const

/** One client socket in a room, as the room sees it. */
export interface Conn {
  readonly id: string
  readonly user: SessionUser
  /** live: a member change applies to the next message (RoomManager.memberChanged) */
  role: Role
  /** `sessionHash` of the session this socket was opened with (logout closes it) */
  readonly sessionHash: string
  /** what this connection may still ask of the server (costly answers) */
  readonly budget: MessageBudget
  /** the most elements the board may hold: an update's new elements past it are refused (`too_many_elements`) */
  readonly maxElements?: number
  /** when the message being handled arrived (`performance.now()`): the room measures sync latency from it */
  receivedAt: number
  send(message: Uint8Array): void
  close(code: number, reason: string): void
}

type BudgetKind = 'step1' | 'query' | 'resync'

/** Per kind: how many at once, and how many per second after that. */
const budgets: Record<BudgetKind, { burst: number; perSecond: number }> = {
  // each sync step 1 may make the server encode the whole board
  step1: { burst: 10, perSecond: 0.5 },
  query: { burst: 10, perSecond: 1 },
  // asking a client for what the room lacks (its answer may carry the whole board)
  resync: { burst: 3, perSecond: 0.5 },
}

/** Token buckets of one connection, for the messages whose answers cost the server. */
export class MessageBudget {
  readonly #tokens = new Map<BudgetKind, { tokens: number; at: number }>()

  /** True (and one token spent) when a message of `kind` may be answered at `now` (ms). */
  take(kind: BudgetKind, now: number): boolean {
    const { burst, perSecond } = budgets[kind]
    const bucket = this.#tokens.get(kind) ?? { tokens: burst, at: now }
    bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.at) / 1000) * perSecond)
    bucket.at = now
    this.#tokens.set(kind, bucket)
    if (bucket.tokens < 1) return false
    bucket.tokens -= 1
    return true
  }
}
