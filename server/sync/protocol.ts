import * as decoding from 'lib0/decoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import type { RefusalCode } from '../../shared/rules/refusals.ts'
import type { Conn } from './connection.ts'
import {
  awarenessEntries,
  encodeAwarenessMessage,
  encodePermissionDenied,
  encodeSyncStep1Message,
  MessageType,
} from './messages.ts'
import { stampPresenceIdentity } from './presence-identity.ts'
import type { Room } from './room.ts'
import { applyCompensated } from './rules/compensate.ts'
import { guardUpdate, refusalReason, underAny } from './rules/guard.ts'

export { MessageType } from './messages.ts'

export type MessageOutcome =
  | { kind: 'ok' }
  /** applied with the refused part compensated, or dropped (read-only); the client was told why */
  | { kind: 'denied'; reason: string }
  /** a forgery: nothing applied; the connection must close with 4400 */
  | { kind: 'forged'; code: RefusalCode; reason: string }
  | { kind: 'ignored'; reason: string }
  | { kind: 'malformed'; reason: string }

/** The contract's limits on presence: states per connection and the size of one state. */
export const MAX_AWARENESS_CLIENTS_PER_CONN = 4
export const MAX_AWARENESS_STATE_CHARS = 32_768

/**
 * Handles one message from a client, y-websocket style: switch on the type, reply only if
 * something was written. Every document update passes the guard (rules/guard.ts) before it is
 * applied. Never throws: a message that cannot be decoded is reported as `malformed`.
 */
export function handleMessage(room: Room, conn: Conn, data: Uint8Array, now = Date.now()): MessageOutcome {
  try {
    const decoder = decoding.createDecoder(data)
    const type = decoding.readVarUint(decoder)
    switch (type) {
      case MessageType.Sync:
        return handleSync(room, conn, decoder, now)
      case MessageType.Awareness:
        return handleAwareness(room, conn, decoding.readVarUint8Array(decoder))
      case MessageType.QueryAwareness: {
        if (!conn.budget.take('query', now)) return { kind: 'ignored', reason: 'awareness queries too frequent' }
        const states = [...room.awareness.getStates().keys()]
        conn.send(encodeAwarenessMessage(awarenessProtocol.encodeAwarenessUpdate(room.awareness, states)))
        return { kind: 'ok' }
      }
      case MessageType.Auth:
        return { kind: 'ignored', reason: 'clients do not send auth messages' }
      default:
        return { kind: 'ignored', reason: `unknown message type ${type}` }
    }
  } catch (error) {
    return { kind: 'malformed', reason: error instanceof Error ? error.message : String(error) }
  }
}

function handleSync(room: Room, conn: Conn, decoder: decoding.Decoder, now: number): MessageOutcome {
  const step = decoding.readVarUint(decoder)
  if (step === syncProtocol.messageYjsSyncStep1) {
    const stateVector = decoding.readVarUint8Array(decoder)
    // each answer may encode the whole board: a client gets a few, then one every few seconds
    if (!conn.budget.take('step1', now)) return { kind: 'ignored', reason: 'sync step 1 too frequent' }
    conn.send(room.syncStep2For(stateVector))
    return { kind: 'ok' }
  }
  if (step !== syncProtocol.messageYjsSyncStep2 && step !== syncProtocol.messageYjsUpdate) {
    return { kind: 'malformed', reason: `unknown sync step ${step}` }
  }
  const update = decoding.readVarUint8Array(decoder)
  // decode fully before anything is applied: Y.applyUpdate could apply part of a broken update
  const decoded = Y.decodeUpdate(update)
  if (decoded.structs.length === 0 && decoded.ds.clients.size === 0) return { kind: 'ok' }
  const { verdict, writers } = guardUpdate({
    doc: room.doc,
    role: conn.role,
    userId: conn.user.id,
    now,
    decoded,
    isForeignWriter: (clientId) => room.isForeignWriter(clientId, conn.user.id),
    maxElements: conn.maxElements,
  })
  switch (verdict.kind) {
    case 'drop':
      conn.send(encodePermissionDenied(`${verdict.code}: this role writes nothing on the board`))
      return { kind: 'denied', reason: verdict.code }
    case 'resync':
      // earlier updates of this sender are missing (sent while it could not write): ask for
      // everything the room lacks; its sync step 2 brings them, and this one, in order
      if (conn.budget.take('resync', now)) conn.send(encodeSyncStep1Message(room.doc))
      return { kind: 'ignored', reason: 'missing earlier updates: resync asked' }
    case 'forged':
      return { kind: 'forged', code: verdict.code, reason: `${verdict.code}: ${verdict.detail}` }
    case 'compensate': {
      if (!applied(() => applyCompensated(room.doc, update, conn, underAny(verdict.refusals))))
        return { kind: 'forged', code: 'unplaceable', reason: 'unplaceable: the update could not be integrated' }
      room.bindWriters(writers, conn.user.id)
      const reason = refusalReason(verdict.refusals)
      conn.send(encodePermissionDenied(reason))
      return { kind: 'denied', reason }
    }
    case 'apply':
      if (!applied(() => Y.applyUpdate(room.doc, update, conn)))
        return { kind: 'forged', code: 'unplaceable', reason: 'unplaceable: the update could not be integrated' }
      room.bindWriters(writers, conn.user.id)
      return { kind: 'ok' }
  }
}

/**
 * Runs an apply; false when Yjs threw half-way (the guard refuses every such update it knows
 * of — see changes.ts `refersAhead` — so this is the last line: the sender is closed as a forger).
 */
function applied(apply: () => void): boolean {
  try {
    apply()
    return true
  } catch {
    return false
  }
}

function handleAwareness(room: Room, conn: Conn, update: Uint8Array): MessageOutcome {
  const entries = awarenessEntries(update)
  const clients = entries.map((entry) => entry.clientId)
  // a client speaks for its own presence only, for a few ids, with states of a bounded size
  if (room.isControlledByOther(conn, clients)) return { kind: 'ignored', reason: 'awareness of another connection' }
  if (entries.some((entry) => entry.json.length > MAX_AWARENESS_STATE_CHARS))
    return { kind: 'ignored', reason: 'awareness state too large' }
  const controlled = room.controlledBy(conn)
  const fresh = clients.filter((id) => !controlled.has(id))
  if (controlled.size + fresh.length > MAX_AWARENESS_CLIENTS_PER_CONN)
    return { kind: 'ignored', reason: 'too many awareness states on one connection' }
  const identity = { id: conn.user.id, name: conn.user.displayName, role: conn.role }
  awarenessProtocol.applyAwarenessUpdate(room.awareness, stampPresenceIdentity(update, identity), conn)
  return { kind: 'ok' }
}
