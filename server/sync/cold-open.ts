/** A loading room's stored state, and where to report an early answer's write. */
export interface StoredStateHandle {
  state: Promise<Uint8Array | null>
  sent(written: Promise<unknown>): void
}

/** How long a room's apply waits for early answers to leave (a slow client must not stall it). */
const EARLY_FLUSH_WAIT_MS = 250

/**
 * The state of a room between "asked for" and "ready" (docs/architecture.md, "Opening a board
 * that is not loaded"), in one place:
 * 1. reading — the stored pieces are being read and merged;
 * 2. read — the merged state is handed to whoever asks (`handle().state`), so that a fresh
 *    client can be answered with those bytes (EarlyAnswer) before the room has applied them;
 * 3. the room waits until those answers have left their sockets (`settled`, bounded), then
 *    applies the state — a long block of the event loop for a big board — and becomes ready.
 */
export class ColdOpen {
  readonly #state: Promise<Uint8Array | null>
  #resolve: (update: Uint8Array | null) => void = () => {}
  /** early answers still being written */
  #sending: Promise<unknown>[] = []

  constructor() {
    this.#state = new Promise((resolve) => {
      this.#resolve = resolve
    })
  }

  /** For the sync endpoint: the stored state once read, and where to report an answer's write. */
  handle(): StoredStateHandle {
    return { state: this.#state, sent: (written) => this.#sending.push(written) }
  }

  /** The stored state has been read (null: nothing stored, or the load failed). */
  read(update: Uint8Array | null): void {
    this.#resolve(update)
  }

  /** Resolves once the early answers sent so far have left (at most EARLY_FLUSH_WAIT_MS). */
  async settled(): Promise<void> {
    // early answers are sent in the microtasks after `read`; let them start
    await new Promise((resolve) => setImmediate(resolve))
    if (this.#sending.length === 0) return
    let timer: ReturnType<typeof setTimeout> | undefined
    const bounded = new Promise((resolve) => {
      timer = setTimeout(resolve, EARLY_FLUSH_WAIT_MS)
    })
    await Promise.race([Promise.allSettled(this.#sending), bounded])
    clearTimeout(timer)
    this.#sending = []
  }
}
