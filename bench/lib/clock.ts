/**
 * Milliseconds on CLOCK_MONOTONIC (`process.hrtime`), which on Linux is one clock for every
 * process of the machine: a writer in one process and receivers in others compare times
 * directly. Microsecond resolution.
 */
export const nowMs = (): number => Number(process.hrtime.bigint() / 1000n) / 1000

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/** Polls `check` every `everyMs` until it is true; throws after `timeoutMs`. */
export async function until(check: () => boolean, timeoutMs: number, what: string, everyMs = 2): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)
    await sleep(everyMs)
  }
}
