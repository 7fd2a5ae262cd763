/**
 * Runs `fn` at most once per animation frame however often it is asked for: pointer and
 * wheel handlers only record the latest input and call `schedule()`, so each event is O(1).
 */
export function createFrameTask(fn: () => void): { schedule(): void; flush(): void; cancel(): void } {
  let handle: number | null = null
  const raf =
    globalThis.requestAnimationFrame?.bind(globalThis) ??
    ((cb: FrameRequestCallback) => setTimeout(() => cb(0), 16) as unknown as number)
  const caf = globalThis.cancelAnimationFrame?.bind(globalThis) ?? ((h: number) => clearTimeout(h))
  const run = () => {
    handle = null
    fn()
  }
  return {
    schedule: () => {
      if (handle === null) handle = raf(run)
    },
    flush: () => {
      if (handle !== null) {
        caf(handle)
        run()
      }
    },
    cancel: () => {
      if (handle !== null) caf(handle)
      handle = null
    },
  }
}

/** Calls `fn` with the latest value at most every `intervalMs` (leading and trailing). */
export function createThrottle<T>(intervalMs: number, fn: (value: T) => void, now: () => number = () => Date.now()) {
  let last = Number.NEGATIVE_INFINITY
  let pending: { value: T } | null = null
  let timer: ReturnType<typeof setTimeout> | null = null
  const fire = () => {
    timer = null
    if (!pending) return
    const { value } = pending
    pending = null
    last = now()
    fn(value)
  }
  return {
    push(value: T) {
      pending = { value }
      const wait = last + intervalMs - now()
      if (wait <= 0 && timer === null) fire()
      else if (timer === null) timer = setTimeout(fire, Math.max(0, wait))
    },
    /** sends what is pending now (e.g. the end of a drag) */
    flush() {
      if (timer !== null) clearTimeout(timer)
      fire()
    },
    cancel() {
      if (timer !== null) clearTimeout(timer)
      timer = null
      pending = null
    },
  }
}
