/**
 * The queue in front of the render thread. A picture export holds up to `MAX_PIXELS` of
 * pixels while it is drawn, so renders run `concurrency` at a time (one per process: the one
 * worker thread); the rest wait here, and this queue decides who goes next:
 *
 * - **fair across users**: the next render is the oldest waiting one of the user whose last
 *   render started longest ago (a user with nothing started yet goes first), so one user's
 *   queued exports delay another user's next one by at most the render that is running;
 * - **bounded per user**: a user may have `perUser` renders waiting or running; one more is
 *   refused (`user_busy`, the route answers 429);
 * - **bounded in all**: at most `maxWaiting` renders wait; one more is refused
 *   (`queue_full`, 503). Each waiting render holds its board's scene, so this bounds memory.
 *
 * A refusal carries a `Retry-After` estimate from the average render time. A waiting render
 * whose request is aborted (`signal`) leaves the queue without running.
 */
export interface RenderQueueLimits {
  /** renders one user may have waiting or running at once */
  perUser: number
  /** renders that may wait (not counting the running ones) in this process */
  maxWaiting: number
  /** renders running at once */
  concurrency: number
}

export const defaultRenderQueueLimits: RenderQueueLimits = { perUser: 3, maxWaiting: 24, concurrency: 1 }

export interface QueueRefusal {
  reason: 'user_busy' | 'queue_full'
  /** whole seconds, 1–120: when a retry is likely to be admitted */
  retryAfterSeconds: number
  message: string
}

export type Admission<T> = { ok: true; done: Promise<T> } | { ok: false; refusal: QueueRefusal }

interface Waiting {
  owner: string
  seq: number
  start(): void
}

/** First estimate of a render's duration, until one has been measured. */
const INITIAL_RENDER_MS = 1000
const MAX_RETRY_AFTER_S = 120

export class RenderQueue {
  readonly #limits: RenderQueueLimits
  /** each user's waiting renders, oldest first */
  readonly #waiting = new Map<string, Waiting[]>()
  /** each user's renders waiting or running (users with none are absent) */
  readonly #inFlight = new Map<string, number>()
  /** the tick at which each user's last render started (users with none in flight are absent) */
  readonly #lastStart = new Map<string, number>()
  #waitingCount = 0
  #running = 0
  #tick = 0
  #seq = 0
  #averageMs = INITIAL_RENDER_MS

  constructor(limits: Partial<RenderQueueLimits> = {}) {
    this.#limits = { ...defaultRenderQueueLimits, ...limits }
  }

  get stats(): { running: number; waiting: number; users: number } {
    return { running: this.#running, waiting: this.#waitingCount, users: this.#inFlight.size }
  }

  /**
   * Admits `task` for `owner` (a user id) or refuses it at once. Admitted, `done` settles
   * with the task's outcome, or rejects with the signal's reason if the request goes away
   * while the render still waits.
   */
  enqueue<T>(owner: string, task: () => Promise<T>, signal?: AbortSignal): Admission<T> {
    const mine = this.#inFlight.get(owner) ?? 0
    if (mine >= this.#limits.perUser) return { ok: false, refusal: this.#refusal('user_busy') }
    const mustWait = this.#running >= this.#limits.concurrency
    if (mustWait && this.#waitingCount >= this.#limits.maxWaiting) return { ok: false, refusal: this.#refusal('queue_full') }
    if (signal?.aborted) return { ok: true, done: Promise.reject(signal.reason) }

    this.#inFlight.set(owner, mine + 1)
    const done = new Promise<T>((resolve, reject) => {
      const onAbort = () => {
        const list = this.#waiting.get(owner)
        const at = list?.indexOf(entry) ?? -1
        if (!list || at < 0) return // already running: it finishes, its result is dropped
        list.splice(at, 1)
        if (list.length === 0) this.#waiting.delete(owner)
        this.#waitingCount--
        this.#finished(owner)
        reject(signal?.reason)
      }
      const entry: Waiting = {
        owner,
        seq: this.#seq++,
        start: () => {
          signal?.removeEventListener('abort', onAbort)
          this.#run(owner, task).then(resolve, reject)
        },
      }
      signal?.addEventListener('abort', onAbort, { once: true })
      const list = this.#waiting.get(owner)
      if (list) list.push(entry)
      else this.#waiting.set(owner, [entry])
      this.#waitingCount++
    })
    this.#pump()
    return { ok: true, done }
  }

  async #run<T>(owner: string, task: () => Promise<T>): Promise<T> {
    const started = performance.now()
    try {
      return await task()
    } finally {
      this.#averageMs = 0.8 * this.#averageMs + 0.2 * (performance.now() - started)
      this.#running--
      this.#finished(owner)
      this.#pump()
    }
  }

  /** One of `owner`'s renders ran or left the queue. */
  #finished(owner: string): void {
    const left = (this.#inFlight.get(owner) ?? 1) - 1
    if (left > 0) {
      this.#inFlight.set(owner, left)
    } else {
      this.#inFlight.delete(owner)
      this.#lastStart.delete(owner)
    }
  }

  /** Starts waiting renders while there is room: the least recently served user first. */
  #pump(): void {
    while (this.#running < this.#limits.concurrency && this.#waitingCount > 0) {
      let next: Waiting | undefined
      let nextServed = Number.POSITIVE_INFINITY
      for (const [owner, list] of this.#waiting) {
        const head = list[0]
        if (!head) continue
        const served = this.#lastStart.get(owner) ?? -1
        if (served < nextServed || (served === nextServed && next && head.seq < next.seq)) {
          next = head
          nextServed = served
        }
      }
      if (!next) return
      const list = this.#waiting.get(next.owner) ?? []
      list.shift()
      if (list.length === 0) this.#waiting.delete(next.owner)
      this.#waitingCount--
      this.#running++
      this.#lastStart.set(next.owner, ++this.#tick)
      next.start()
    }
  }

  #refusal(reason: QueueRefusal['reason']): QueueRefusal {
    // user_busy: renders go round-robin, so one of the caller's ends about every
    // (users with renders) renders; queue_full: a place frees when a running render ends
    const renders = reason === 'user_busy' ? Math.max(1, this.#inFlight.size) : 1
    const seconds = Math.ceil((this.#averageMs * renders) / this.#limits.concurrency / 1000)
    const retryAfterSeconds = Math.min(MAX_RETRY_AFTER_S, Math.max(1, seconds))
    const message =
      reason === 'user_busy'
        ? `You have ${this.#limits.perUser} picture or PDF exports waiting or running already; try again in ${retryAfterSeconds} s.`
        : `The server is drawing too many exports at once; try again in ${retryAfterSeconds} s.`
    return { reason, retryAfterSeconds, message }
  }
}

export const createRenderQueue = (limits: Partial<RenderQueueLimits> = {}) => new RenderQueue(limits)

/** The process's queue: every picture and PDF export goes through it. */
export const renderQueue = createRenderQueue()
