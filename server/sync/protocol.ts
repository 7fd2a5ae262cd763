import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as authProtocol from 'y-protocols/auth'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import type { Conn } from './connection.ts'
import { stampPresenceIdentity } from './presence-identity.ts'
import { awarenessClients, encodeAwarenessMessage, type Room } from './room.ts'
import { checkUpdate } from './write-guard.ts'

/** y-websocket message types (y-protocols). */
export const MessageType = { Sync: 0, Awareness: 1, Auth: 2, QueryAwareness: 3 } as const

export type MessageOutcome =
  | { kind: 'ok' }
  | { kind: 'denied'; reason: string }
  | { kind: 'ignored'; reason: string }
  | { kind: 'malformed'; reason: string }

/**
 * Handles one message from a client, y-websocket style: switch on the type, reply only if
 * something was written. Every document update passes the write guard before it is applied;
 * a refused one is answered with auth "permission denied" and touches nothing.
 * Never throws: a message that cannot be decoded is reported as `malformed`.
 */
export function handleMessage(room: Room, conn: Conn, data: Uint8Array): MessageOutcome {
  try {
    const decoder = decoding.createDecoder(data)
    const type = decoding.readVarUint(decoder)
    switch (type) {
      case MessageType.Sync:
        return handleSync(room, conn, decoder)
      case MessageType.Awareness:
        return handleAwareness(room, conn, decoding.readVarUint8Array(decoder))
      case MessageType.QueryAwareness: {
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

/** Sync step 1 of a client whose document holds nothing yet: `[Sync, step 1, length 1, empty state vector]`. */
export function isFreshSyncStep1(message: Uint8Array): boolean {
  return message.byteLength === 4 && message[0] === MessageType.Sync && message[1] === 0 && message[2] === 1 && message[3] === 0
}

function handleSync(room: Room, conn: Conn, decoder: decoding.Decoder): MessageOutcome {
  const step = decoding.readVarUint(decoder)
  if (step === syncProtocol.messageYjsSyncStep1) {
    conn.send(room.syncStep2For(decoding.readVarUint8Array(decoder)))
    return { kind: 'ok' }
  }
  if (step !== syncProtocol.messageYjsSyncStep2 && step !== syncProtocol.messageYjsUpdate) {
    return { kind: 'malformed', reason: `unknown sync step ${step}` }
  }
  const update = decoding.readVarUint8Array(decoder)
  // decode fully before anything is applied: Y.applyUpdate could apply part of a broken update
  const decoded = Y.decodeUpdate(update)
  if (decoded.structs.length === 0 && decoded.ds.clients.size === 0) return { kind: 'ok' }
  const verdict = checkUpdate({ doc: room.doc, role: conn.role }, update, decoded)
  if (!verdict.ok) {
    const reply = encoding.createEncoder()
    encoding.writeVarUint(reply, MessageType.Auth)
    authProtocol.writePermissionDenied(reply, verdict.reason)
    conn.send(encoding.toUint8Array(reply))
    return { kind: 'denied', reason: verdict.reason }
  }
  Y.applyUpdate(room.doc, update, conn)
  return { kind: 'ok' }
}

function handleAwareness(room: Room, conn: Conn, update: Uint8Array): MessageOutcome {
  const clients = awarenessClients(update)
  // a client speaks for its own presence only
  if (room.isControlledByOther(conn, clients)) return { kind: 'ignored', reason: 'awareness of another connection' }
  const identity = { id: conn.user.id, name: conn.user.displayName, role: conn.role }
  awarenessProtocol.applyAwarenessUpdate(room.awareness, stampPresenceIdentity(update, identity), conn)
  return { kind: 'ok' }
}
