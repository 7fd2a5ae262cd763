import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as authProtocol from 'y-protocols/auth'
import * as Y from 'yjs'

/**
 * Every y-websocket message the server writes or peeks into, in one place. The protocol
 * (y-protocols): `[type][…]`; sync messages `[0][step][bytes]` with step 0 = sync step 1 (a
 * state vector), 1 = sync step 2 (an update), 2 = update; awareness `[1][bytes]`; auth
 * `[2][0 = permission denied][reason]`.
 */
export const MessageType = { Sync: 0, Awareness: 1, Auth: 2, QueryAwareness: 3 } as const

/** Sync step 1 of a client whose document holds nothing yet: `[Sync, step 1, length 1, empty state vector]`. */
export function isFreshSyncStep1(message: Uint8Array): boolean {
  return message.byteLength === 4 && message[0] === MessageType.Sync && message[1] === 0 && message[2] === 1 && message[3] === 0
}

/** A state vector of a document that holds nothing (`Y.encodeStateVector(new Y.Doc())`). */
export function isEmptyStateVector(stateVector: Uint8Array): boolean {
  return stateVector.byteLength === 1 && stateVector[0] === 0
}

/** An update that carries no structs and no deletions (e.g. a diff against an equal state). */
export function isEmptyUpdate(update: Uint8Array): boolean {
  if (update.byteLength <= 2) return true
  const decoded = Y.decodeUpdate(update)
  return decoded.structs.length === 0 && decoded.ds.clients.size === 0
}

/** A y-websocket sync message of `step` (y-protocols: 1 sync step 2, 2 update) carrying `update`. */
function encodeSyncMessage(step: 1 | 2, update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.Sync)
  encoding.writeVarUint(encoder, step)
  encoding.writeVarUint8Array(encoder, update)
  return encoding.toUint8Array(encoder)
}

/** The y-websocket message answering sync step 1 with `update`. */
export const encodeSyncStep2Message = (update: Uint8Array): Uint8Array => encodeSyncMessage(1, update)

/** The y-websocket message carrying a document update. */
export const encodeUpdateMessage = (update: Uint8Array): Uint8Array => encodeSyncMessage(2, update)

/** Sync step 1: the document's state vector, asking the other side for what it lacks. */
export function encodeSyncStep1Message(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.Sync)
  encoding.writeVarUint(encoder, 0)
  encoding.writeVarUint8Array(encoder, Y.encodeStateVector(doc))
  return encoding.toUint8Array(encoder)
}

export function encodeAwarenessMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.Awareness)
  encoding.writeVarUint8Array(encoder, update)
  return encoding.toUint8Array(encoder)
}

/** y-protocols auth "permission denied" with a reason (`<refusal code>: <detail>`). */
export function encodePermissionDenied(reason: string): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.Auth)
  authProtocol.writePermissionDenied(encoder, reason)
  return encoding.toUint8Array(encoder)
}

/** One client's entry in an awareness update. */
export interface AwarenessEntry {
  clientId: number
  clock: number
  /** the state as JSON text (`null` when the client left) */
  json: string
}

/** The entries of an awareness update (without applying it). Throws on a malformed one. */
export function awarenessEntries(update: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update)
  const entries: AwarenessEntry[] = []
  const len = decoding.readVarUint(decoder)
  for (let i = 0; i < len; i++) {
    const clientId = decoding.readVarUint(decoder)
    const clock = decoding.readVarUint(decoder)
    entries.push({ clientId, clock, json: decoding.readVarString(decoder) })
  }
  return entries
}

/** The client ids an awareness update speaks for (without applying it). */
export const awarenessClients = (update: Uint8Array): number[] => awarenessEntries(update).map((entry) => entry.clientId)

/** An awareness update of the given entries. */
export function encodeAwarenessEntries(entries: readonly AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, entries.length)
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId)
    encoding.writeVarUint(encoder, entry.clock)
    encoding.writeVarString(encoder, entry.json)
  }
  return encoding.toUint8Array(encoder)
}
