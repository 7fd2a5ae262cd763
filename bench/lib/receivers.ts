import { type ChildProcess, fork } from 'node:child_process'
import path from 'node:path'
import type { Framing } from './yclient.ts'

export type WorkerRequest =
  | { op: 'open'; url: string; framing: Framing; docName: string; token: string; count: number; presence: boolean }
  | { op: 'reset'; notify: boolean }
  | { op: 'collect'; expect: number; timeoutMs: number }
  | { op: 'close' }

export type WorkerReply =
  | { op: 'ok' }
  | { op: 'opened'; ms: number }
  | { op: 'collected'; keys: number[]; times: number[]; cpuShare: number }

interface Worker {
  child: ChildProcess
  count: number
  call<R extends WorkerReply>(request: WorkerRequest): Promise<R>
}

export interface Observations {
  /** key → receive times (ms, CLOCK_MONOTONIC) */
  keys: number[]
  times: number[]
  /** CPU share (of one core) of each receiver process since the last reset */
  cpuShares: number[]
}

/**
 * Receivers spread over `processes` child processes (bench/lib/client-worker.ts), so that the
 * clients never share a process with the server, and 200 receivers need not share one core.
 */
export class ReceiverPool {
  readonly #workers: Worker[]
  readonly #seenListeners = new Set<(key: number) => void>()
  /** per key, how many workers have reported all their receivers saw it */
  readonly #seen = new Map<number, number>()

  private constructor(workers: Worker[]) {
    this.#workers = workers
  }

  static async start(receivers: number, processes: number): Promise<ReceiverPool> {
    const n = Math.max(1, Math.min(processes, receivers))
    const workers: Worker[] = []
    for (let i = 0; i < n; i++) {
      const count = Math.floor(receivers / n) + (i < receivers % n ? 1 : 0)
      workers.push(await startWorker(count))
    }
    const pool = new ReceiverPool(workers)
    for (const worker of workers)
      worker.child.on('message', (m: { event?: string; key?: number }) => {
        if (m.event === 'seen' && typeof m.key === 'number') pool.#onSeen(m.key)
      })
    return pool
  }

  get processes(): number {
    return this.#workers.length
  }

  get pids(): number[] {
    return this.#workers.map((w) => w.child.pid ?? -1)
  }

  #onSeen(key: number): void {
    const count = (this.#seen.get(key) ?? 0) + 1
    if (count < this.#workers.length) {
      this.#seen.set(key, count)
      return
    }
    this.#seen.delete(key)
    for (const listener of this.#seenListeners) listener(key)
  }

  /** Opens the receivers; resolves with the slowest process's time to sync them all. */
  async open(options: { url: string; framing: Framing; docName: string; token: string; presence?: boolean }): Promise<number> {
    const replies = await Promise.all(
      this.#workers.map((w) => w.call<{ op: 'opened'; ms: number }>({ op: 'open', presence: false, ...options, count: w.count })),
    )
    return Math.max(...replies.map((r) => r.ms))
  }

  /** Clears what was recorded; with `notify`, `seenByAll(key)` works (one IPC message per key and process). */
  async reset(notify: boolean): Promise<void> {
    this.#seen.clear()
    await Promise.all(this.#workers.map((w) => w.call({ op: 'reset', notify })))
  }

  /** Resolves when every receiver has observed `key`; rejects after `timeoutMs`. */
  seenByAll(key: number, timeoutMs: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const listener = (k: number) => {
        if (k !== key) return
        clearTimeout(timer)
        this.#seenListeners.delete(listener)
        resolve()
      }
      const timer = setTimeout(() => {
        this.#seenListeners.delete(listener)
        reject(new Error(`key ${key} not seen by every receiver within ${timeoutMs} ms`))
      }, timeoutMs)
      this.#seenListeners.add(listener)
    })
  }

  /** Waits (at most `timeoutMs`) until each receiver has observed `keysPerReceiver` keys, then returns everything. */
  async collect(keysPerReceiver: number, timeoutMs: number): Promise<Observations> {
    const replies = await Promise.all(
      this.#workers.map((w) =>
        w.call<{ op: 'collected'; keys: number[]; times: number[]; cpuShare: number }>({
          op: 'collect',
          expect: keysPerReceiver * w.count,
          timeoutMs,
        }),
      ),
    )
    return {
      keys: replies.flatMap((r) => r.keys),
      times: replies.flatMap((r) => r.times),
      cpuShares: replies.map((r) => Math.round(r.cpuShare * 100) / 100),
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.#workers.map((w) => closeWorker(w.child, () => w.call({ op: 'close' }))))
  }
}

async function startWorker(count: number): Promise<Worker> {
  const worker = await forkWorker<WorkerRequest, WorkerReply>(path.join(import.meta.dirname, 'client-worker.ts'))
  return { ...worker, count }
}

/** A client process of the bench (a script that sends `{ event: 'ready' }`, then answers `{ id, request }` with `{ id, reply | error }`). */
export interface BenchWorker<Q, R> {
  child: ChildProcess
  call<T extends R>(request: Q): Promise<T>
}

/** Asks a bench client process to close, then waits for it to exit (killed after 5 s). */
export async function closeWorker(child: ChildProcess, askToClose: () => Promise<unknown>): Promise<void> {
  await askToClose().catch(() => {})
  const gone = new Promise<void>((resolve) => {
    if (child.exitCode !== null) resolve()
    else child.once('exit', () => resolve())
  })
  child.disconnect()
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000)
  await gone
  clearTimeout(timer)
}

/** Forks `file` (with tsx) as a bench client process and waits until it is ready. */
export async function forkWorker<Q, R>(file: string): Promise<BenchWorker<Q, R>> {
  const child = fork(file, [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  const pending = new Map<number, { resolve(reply: R): void; reject(error: Error): void }>()
  let nextId = 1
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('client worker did not start in 30 s')), 30_000)
    child.on('message', (m: { event?: string; id?: number; reply?: R; error?: string }) => {
      if (m.event === 'ready') {
        clearTimeout(timer)
        resolve()
      }
      if (m.id === undefined) return
      const waiter = pending.get(m.id)
      if (!waiter) return
      pending.delete(m.id)
      if (m.reply) waiter.resolve(m.reply)
      else waiter.reject(new Error(m.error ?? 'no reply'))
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`client worker exited with ${code}`))
      for (const waiter of pending.values()) waiter.reject(new Error('client worker exited'))
    })
  })
  return {
    child,
    call: <T extends R>(request: Q) =>
      new Promise<T>((resolve, reject) => {
        const id = nextId++
        pending.set(id, { resolve: resolve as (reply: R) => void, reject })
        child.send({ id, request } as object)
      }),
  }
}
