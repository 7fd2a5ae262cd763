import type { WebSocket } from 'ws'
import type { StoredStateHandle } from './cold-open.ts'
import { encodeSyncStep2Message, isFreshSyncStep1 } from './messages.ts'

/**
 * While a connection's room loads from storage: answers the client's sync step 1, if its
 * document is empty, with the stored state as soon as that is read — before the room has
 * applied it (docs/architecture.md, "Opening a board that is not loaded"). Every other message
 * waits for the room. The room learns when the answer has left the socket, so that its apply
 * (a long block of the event loop for a big board) does not hold the write up.
 */
export class EarlyAnswer {
  #reply: Uint8Array | null = null
  #answered = false
  #closed = false
  readonly #ws: WebSocket
  readonly #handle: StoredStateHandle
  readonly #onAnswered: (bytes: number) => void

  /** `waiting`: messages already buffered; a fresh sync step 1 among them is answered and removed. */
  constructor(ws: WebSocket, handle: StoredStateHandle, waiting: Uint8Array[], onAnswered: (bytes: number) => void) {
    this.#ws = ws
    this.#handle = handle
    this.#onAnswered = onAnswered
    void handle.state.then((state) => {
      if (!state || this.#closed) return
      this.#reply = encodeSyncStep2Message(state)
      const at = waiting.findIndex(isFreshSyncStep1)
      if (at >= 0 && this.offer(waiting[at] as Uint8Array)) waiting.splice(at, 1)
    })
  }

  /** True when the client was answered from the stored state. */
  get answered(): boolean {
    return this.#answered
  }

  /** Answers `message` if it is the fresh sync step 1 and the stored state is there; true if it did. */
  offer(message: Uint8Array): boolean {
    const ws = this.#ws
    if (this.#closed || this.#answered || !this.#reply || !isFreshSyncStep1(message) || ws.readyState !== ws.OPEN) return false
    this.#answered = true
    const reply = this.#reply
    this.#handle.sent(new Promise((resolve) => ws.send(reply, resolve)))
    this.#reply = null
    this.#onAnswered(reply.byteLength)
    return true
  }

  /** The room is ready (or failed): from now on it answers. */
  close(): void {
    this.#closed = true
    this.#reply = null
  }
}
