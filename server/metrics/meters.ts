import { refusalCodes } from '../../shared/rules/refusals.ts'

/**
 * What the hot paths count, as plain numbers: a field increment per message, no labels, no
 * library call. `/metrics` (server/metrics/registry.ts) turns these into Prometheus counters
 * and histograms when it is scraped. One `Meters` per server instance; a module that is given
 * none counts into its own, which nobody reads.
 */
export class Meters {
  /** sync messages received from clients, and their bytes */
  messagesIn = 0
  bytesIn = 0
  /** sync messages sent to clients, and their bytes */
  messagesOut = 0
  bytesOut = 0
  /** document updates received from clients (with content) */
  updatesIn = 0
  /** sync messages that were dropped as malformed or ignored (budgets, unknown types, presence limits) */
  malformedMessages = 0
  ignoredMessages = 0
  /** WebSocket connections accepted on the sync endpoint */
  connectionsOpened = 0
  /** refused document updates by refusal code (shared/rules/refusals.ts); `other` for anything else */
  readonly refused = new Map<string, number>([...refusalCodes, 'other'].map((code) => [code, 0]))
  /** what a limit against abuse refused (docs/operations.md "Limits"), by limit */
  readonly limited = new Map<LimitName, number>(limitNames.map((name) => [name, 0]))
  /** server receipt of a client's update to its broadcast to the other connections and instances */
  readonly syncLatency = new Buckets([0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5])
  /** fan-out messages published to and received from other instances */
  fanoutOut = 0
  fanoutIn = 0
  /** publish on one instance to apply on another (wall clocks: needs synchronised clocks across machines) */
  readonly fanoutLag = {
    update: new Buckets([0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]),
    awareness: new Buckets([0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]),
  }
  /** storage writes of board content: update-log pieces and compacted states */
  readonly storageWrite = {
    log: new Buckets([0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]),
    state: new Buckets([0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]),
  }
  readonly storageWriteErrors = { log: 0, state: 0 }

  /** Counts one refusal by a limit against abuse. */
  limit(name: LimitName): void {
    this.limited.set(name, (this.limited.get(name) ?? 0) + 1)
  }

  /** Counts a refused update under its refusal code. */
  refuse(code: string | null): void {
    const key = code !== null && this.refused.has(code) ? code : 'other'
    this.refused.set(key, (this.refused.get(key) ?? 0) + 1)
  }
}

/** The limits against abuse, as /metrics labels them (`limit_refusals_total{limit}`). */
export const limitNames = [
  'connections_per_address',
  'connections_per_board',
  'update_rate',
  'update_bytes',
  'awareness_rate',
  'api_rate',
  'elements_per_board',
] as const

export type LimitName = (typeof limitNames)[number]

/** A histogram's cumulative form as plain numbers: counts per upper bound (seconds), sum and count. */
export class Buckets {
  readonly bounds: readonly number[]
  /** counts[i]: observations ≤ bounds[i] and > bounds[i-1]; the last slot is above every bound */
  readonly counts: Float64Array
  sum = 0
  count = 0

  constructor(bounds: readonly number[]) {
    this.bounds = bounds
    this.counts = new Float64Array(bounds.length + 1)
  }

  observe(seconds: number): void {
    const value = Number.isFinite(seconds) && seconds > 0 ? seconds : 0
    const bounds = this.bounds
    let i = 0
    while (i < bounds.length && value > (bounds[i] as number)) i++
    this.counts[i] = (this.counts[i] ?? 0) + 1
    this.sum += value
    this.count++
  }
}

/** Seconds since `startedMs` (a `performance.now()` reading). */
export function secondsSince(startedMs: number): number {
  return (performance.now() - startedMs) / 1000
}

/** Milliseconds since the epoch with sub-millisecond precision (for stamps compared across processes). */
export function epochMs(): number {
  return performance.timeOrigin + performance.now()
}
