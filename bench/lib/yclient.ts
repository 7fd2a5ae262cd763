import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import WebSocket from 'ws'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'

/**
 * How a target frames the y-protocols messages:
 * - `y-websocket`: `[type][payload]` on `/sync/<board>` (Refresh Board; what `y-websocket`'s
 *   WebsocketProvider speaks);
 * - `hocuspocus`: every message prefixed with the document name (`[name][type][payload]`),
 *   a token auth message (`[name][2][0][token]`) before anything else, and a `SyncReply` (4)
 *   type besides `Sync` (0). The y-websocket provider cannot speak this, so all targets use this
 *   one small client and pay the same client-side costs;
 * - `relay`: the bare broadcast server; `y-websocket` frames, no handshake (it keeps no state).
 */
export type Framing = 'y-websocket' | 'hocuspocus' | 'relay'

export interface BenchClientOptions {
  /** the full WebSocket URL */
  url: string
  framing: Framing
  /** the board id / document name */
  docName: string
  token?: string
  /** publish a presence state on connect, as the app's provider does (name, colour) */
  presence?: boolean
}

const MessageType = { Sync: 0, Awareness: 1, Auth: 2, SyncReply: 4 } as const

/** A Yjs client with one document over one socket: sync step 1/2, updates, optional presence. */
export class BenchClient {
  readonly doc = new Y.Doc()
  readonly ws: WebSocket
  readonly synced: Promise<void>
  readonly #options: BenchClientOptions
  #awareness: awarenessProtocol.Awareness | null = null
  #resolveSynced: () => void = () => {}
  #rejectSynced: (error: Error) => void = () => {}
  #isSynced = false

  constructor(options: BenchClientOptions) {
    this.#options = options
    this.synced = new Promise<void>((resolve, reject) => {
      this.#resolveSynced = resolve
      this.#rejectSynced = reject
    })
    this.synced.catch(() => {}) // callers await it; an unobserved rejection must not crash a worker
    this.ws = new WebSocket(options.url, { perMessageDeflate: false })
    this.ws.binaryType = 'nodebuffer'
    this.ws.on('open', () => this.#onOpen())
    this.ws.on('message', (data: Buffer) => this.#onMessage(new Uint8Array(data.buffer, data.byteOffset, data.byteLength)))
    this.ws.on('error', (error) => this.#rejectSynced(error))
    this.ws.on('close', (code) => {
      if (!this.#isSynced) this.#rejectSynced(new Error(`closed with ${code} before the first sync`))
    })
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === this) return // came from the server
      const e = this.#encoder()
      encoding.writeVarUint(e, MessageType.Sync)
      syncProtocol.writeUpdate(e, update)
      this.send(encoding.toUint8Array(e))
    })
  }

  get isSynced(): boolean {
    return this.#isSynced
  }

  /** An encoder with the document-name prefix when the framing wants one. */
  #encoder(): encoding.Encoder {
    const e = encoding.createEncoder()
    if (this.#options.framing === 'hocuspocus') encoding.writeVarString(e, this.#options.docName)
    return e
  }

  send(message: Uint8Array): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(message)
  }

  #onOpen(): void {
    const { framing, token, presence } = this.#options
    if (framing === 'relay') {
      this.#markSynced()
      return
    }
    if (framing === 'hocuspocus') {
      const auth = this.#encoder()
      encoding.writeVarUint(auth, MessageType.Auth)
      encoding.writeVarUint(auth, 0) // AuthMessageType.Token
      encoding.writeVarString(auth, token ?? '')
      this.send(encoding.toUint8Array(auth))
    }
    const step1 = this.#encoder()
    encoding.writeVarUint(step1, MessageType.Sync)
    syncProtocol.writeSyncStep1(step1, this.doc)
    this.send(encoding.toUint8Array(step1))
    if (presence) {
      this.#awareness = new awarenessProtocol.Awareness(this.doc)
      this.#awareness.setLocalState({ user: { name: `Bench ${this.doc.clientID}`, color: '#3b82f6' }, cursor: null })
      const e = this.#encoder()
      encoding.writeVarUint(e, MessageType.Awareness)
      encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(this.#awareness, [this.doc.clientID]))
      this.send(encoding.toUint8Array(e))
    }
  }

  /** Changes fields of this client's presence (a cursor move) and sends it; needs `presence`. */
  setPresence(fields: Record<string, unknown>): void {
    const awareness = this.#awareness
    if (!awareness) return
    for (const [key, value] of Object.entries(fields)) awareness.setLocalStateField(key, value)
    const e = this.#encoder()
    encoding.writeVarUint(e, MessageType.Awareness)
    encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(awareness, [this.doc.clientID]))
    this.send(encoding.toUint8Array(e))
  }

  #markSynced(): void {
    if (this.#isSynced) return
    this.#isSynced = true
    this.#resolveSynced()
  }

  #onMessage(data: Uint8Array): void {
    const decoder = decoding.createDecoder(data)
    if (this.#options.framing === 'hocuspocus') decoding.readVarString(decoder)
    const type = decoding.readVarUint(decoder)
    if (type === MessageType.Sync || type === MessageType.SyncReply) {
      const reply = this.#encoder()
      encoding.writeVarUint(reply, MessageType.Sync)
      const before = encoding.length(reply)
      const step = syncProtocol.readSyncMessage(decoder, reply, this.doc, this)
      if (encoding.length(reply) > before) this.send(encoding.toUint8Array(reply))
      if (step === syncProtocol.messageYjsSyncStep2) this.#markSynced()
    } else if (type === MessageType.Auth) {
      const kind = decoding.readVarUint(decoder)
      // y-protocols auth: 0 = permission denied; Hocuspocus: 1 = denied, 2 = authenticated
      const denied = this.#options.framing === 'hocuspocus' ? kind === 1 : kind === 0
      if (denied) this.#rejectSynced(new Error('permission denied'))
    }
    // awareness and Hocuspocus' sync-status messages need no answer
  }

  destroy(): void {
    this.#awareness?.destroy()
    this.ws.terminate()
    this.doc.destroy()
  }
}
