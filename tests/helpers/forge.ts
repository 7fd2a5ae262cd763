import * as encoding from 'lib0/encoding'
import WebSocket from 'ws'
import * as Y from 'yjs'

/** A y-websocket update message `[sync][update][bytes]`. */
export function updateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 0)
  encoding.writeVarUint(encoder, 2)
  encoding.writeVarUint8Array(encoder, update)
  return encoding.toUint8Array(encoder)
}

/** A sync step 1 message carrying `stateVector`. */
export function syncStep1Message(stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 0)
  encoding.writeVarUint(encoder, 0)
  encoding.writeVarUint8Array(encoder, stateVector)
  return encoding.toUint8Array(encoder)
}

/** An update (v1) that only deletes `len` clocks of `client` from `clock` on. */
export function deleteOnlyUpdate(client: number, clock: number, len: number): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 0) // no structs
  encoding.writeVarUint(encoder, 1) // one client in the delete set
  encoding.writeVarUint(encoder, client)
  encoding.writeVarUint(encoder, 1) // one range
  encoding.writeVarUint(encoder, clock)
  encoding.writeVarUint(encoder, len)
  return encoding.toUint8Array(encoder)
}

/**
 * What a forger writes under someone else's Yjs client id: a scratch doc with `clientId`
 * that holds `base` (the board as the forger sees it) and makes `edit`; the update it yields.
 */
export function updateUnderClientId(base: Y.Doc, clientId: number, edit: (doc: Y.Doc) => void): Uint8Array {
  const scratch = new Y.Doc()
  Y.applyUpdate(scratch, Y.encodeStateAsUpdate(base))
  // after the apply: Yjs picks a new client id when an update brings structs under its own
  scratch.clientID = clientId
  const before = Y.encodeStateVector(scratch)
  scratch.transact(() => edit(scratch))
  const update = Y.encodeStateAsUpdate(scratch, before)
  scratch.destroy()
  return update
}

/** A raw socket on a board's sync path, open; resolves once open. */
export async function rawSocket(serverUrl: string, boardId: string, token: string): Promise<RawSocket> {
  const ws = new WebSocket(`${serverUrl.replace(/^http/, 'ws')}/sync/${boardId}?token=${token}`)
  const messages: Uint8Array[] = []
  ws.on('message', (data: Buffer) => messages.push(new Uint8Array(data)))
  const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)))
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve())
    ws.once('error', reject)
  })
  return { ws, messages, closed }
}

export interface RawSocket {
  ws: WebSocket
  /** every message received so far */
  messages: Uint8Array[]
  /** resolves with the close code */
  closed: Promise<number>
}
