import type { MiddlewareHandler } from 'hono'
import type { Meters } from '../metrics/meters.ts'
import type { AppEnv } from './app-env.ts'
import { clientAddress } from './client-address.ts'
import { apiError } from './errors.ts'

/**
 * A token bucket: `burst` tokens at most, `perSecond` added back over time. `take` spends
 * tokens when there are enough. With an infinite rate (a limit turned off) it never refuses.
 */
export class TokenBucket {
  readonly #perSecond: number
  readonly #burst: number
  #tokens: number
  #at: number

  constructor(perSecond: number, burst: number, now: number = performance.now()) {
    this.#perSecond = perSecond
    this.#burst = burst
    this.#tokens = burst
    this.#at = now
  }

  #refill(now: number): void {
    if (now > this.#at) this.#tokens = Math.min(this.#burst, this.#tokens + ((now - this.#at) / 1000) * this.#perSecond)
    this.#at = now
  }

  /** True (and `amount` spent) when there are `amount` tokens at `now` (ms, `performance.now()`). */
  take(amount = 1, now: number = performance.now()): boolean {
    if (!Number.isFinite(this.#perSecond)) return true
    this.#refill(now)
    if (this.#tokens < amount) return false
    this.#tokens -= amount
    return true
  }

  /** Seconds until `amount` tokens are there again (at least 1: what Retry-After says). */
  secondsUntil(amount = 1, now: number = performance.now()): number {
    this.#refill(now)
    return Math.max(1, Math.ceil((amount - this.#tokens) / this.#perSecond))
  }

  /** True when the bucket is full again at `now`: it remembers nothing worth keeping. */
  isFull(now: number = performance.now()): boolean {
    this.#refill(now)
    return this.#tokens >= this.#burst
  }
}

export interface ApiRateLimitOptions {
  perSecond: number
  burst: number
  /** the client address comes from `X-Forwarded-For` (PUBLIC_ORIGIN set: behind a proxy) */
  behindProxy: boolean
  meters?: Meters
}

/** Addresses kept at most; past this, the full buckets are forgotten first. */
const MAX_TRACKED = 50_000

/**
 * The REST API's request rate per client address: `burst` requests at once, then `perSecond`.
 * Beyond: 429 `rate_limited` with `Retry-After` (seconds). Addresses whose bucket refilled are
 * forgotten every minute, so the table holds only the addresses busy right now.
 */
export function apiRateLimit(options: ApiRateLimitOptions): MiddlewareHandler<AppEnv> {
  const { perSecond, burst, behindProxy, meters } = options
  if (!Number.isFinite(perSecond) || !Number.isFinite(burst)) return async (_c, next) => next()
  const buckets = new Map<string, TokenBucket>()
  const sweep = () => {
    const now = performance.now()
    for (const [address, bucket] of buckets) if (bucket.isFull(now)) buckets.delete(address)
  }
  setInterval(sweep, 60_000).unref()
  return async function apiRateLimitMiddleware(c, next) {
    const address = clientAddress(c, behindProxy)
    let bucket = buckets.get(address)
    if (!bucket) {
      if (buckets.size >= MAX_TRACKED) sweep()
      bucket = new TokenBucket(perSecond, burst)
      buckets.set(address, bucket)
    }
    if (!bucket.take()) {
      meters?.limit('api_rate')
      return apiError(c, 'rate_limited', undefined, { 'Retry-After': String(bucket.secondsUntil()) })
    }
    await next()
  }
}
