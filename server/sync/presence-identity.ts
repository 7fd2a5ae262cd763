import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import type { Role } from '../../shared/schema/roles.ts'

/** Who a connection is, as its presence must say. */
export interface PresenceIdentity {
  id: string
  name: string
  role: Role
}

/**
 * Rewrites an awareness update so that every presence state it carries names the connection's
 * account: `user.id`, `user.name` and `user.role` come from the server, whatever the client
 * wrote (a client could otherwise appear under someone else's name, or as a facilitator).
 * Other fields — `user.color`, cursor, selection, view — are the client's. A removed state
 * (null) stays removed. Throws on an update that does not decode, like `applyAwarenessUpdate`.
 */
export function stampPresenceIdentity(update: Uint8Array, identity: PresenceIdentity): Uint8Array {
  const decoder = decoding.createDecoder(update)
  const encoder = encoding.createEncoder()
  const count = decoding.readVarUint(decoder)
  encoding.writeVarUint(encoder, count)
  for (let i = 0; i < count; i++) {
    encoding.writeVarUint(encoder, decoding.readVarUint(decoder)) // client id
    encoding.writeVarUint(encoder, decoding.readVarUint(decoder)) // clock
    const state: unknown = JSON.parse(decoding.readVarString(decoder))
    encoding.writeVarString(encoder, JSON.stringify(stamp(state, identity)))
  }
  return encoding.toUint8Array(encoder)
}

function stamp(state: unknown, identity: PresenceIdentity): unknown {
  if (typeof state !== 'object' || state === null || Array.isArray(state)) return state
  const { user } = state as { user?: unknown }
  const own = typeof user === 'object' && user !== null && !Array.isArray(user) ? user : {}
  return { ...state, user: { ...own, id: identity.id, name: identity.name, role: identity.role } }
}
