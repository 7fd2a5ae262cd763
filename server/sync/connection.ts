import type { Role } from '../../shared/schema/roles.ts'
import type { SessionUser } from '../access.ts'

/** Close codes the sync endpoint uses (the contract fixes 4401, 4404 and 1009). */
export const CloseCode = {
  goingAway: 1001,
  protocolError: 1002,
  tooBig: 1009,
  internalError: 1011,
  tryAgainLater: 1013,
  unauthorized: 4401,
  notFound: 4404,
} as const

/** One client socket in a room, as the room sees it. */
export interface Conn {
  readonly id: string
  readonly user: SessionUser
  readonly role: Role
  send(message: Uint8Array): void
  close(code: number, reason: string): void
}
