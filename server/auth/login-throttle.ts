import { randomBytes } from 'node:crypto'
import type { Storage } from 'unstorage'
import { type RedisClient, redisUnder } from '../storage/compaction-lock.ts'

/** Limits for one kind of key: at most `maxFailures` within `windowMs`. */
export interface ThrottleLimit {
  maxFailures: number
  windowMs: number
}

export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number }

/** What the login asks of a throttle: in memory (one instance) or in Redis (shared by all). */
export interface LoginGate {
  /** Checks and, when allowed, counts the attempt as a failure at once. */
  begin(account: string, address: string): ThrottleVerdict | Promise<ThrottleVerdict>
  /** A successful login clears the account's failures and takes back the address's latest attempt. */
  recordSuccess(account: string, address?: string): void | Promise<void>
}

/**
 * Failed logins in memory, as a sliding window per key ("account:<email hash>",
 * "address:<ip>"), for one instance; with Redis storage `loginThrottleFor` gives the shared
 * `RedisLoginThrottle` instead, so several instances grant one budget. The clock is injected for tests.
 */
export class LoginThrottle implements LoginGate {
  private readonly failures = new Map<string, number[]>()

  constructor(
    private readonly limits: { account: ThrottleLimit; address: ThrottleLimit },
    private readonly now: () => number = Date.now,
  ) {}

  private recent(key: string, windowMs: number): number[] {
    const cutoff = this.now() - windowMs
    const list = (this.failures.get(key) ?? []).filter((t) => t > cutoff)
    if (list.length === 0) this.failures.delete(key)
    else this.failures.set(key, list)
    return list
  }

  private verdict(key: string, limit: ThrottleLimit): ThrottleVerdict {
    const list = this.recent(key, limit.windowMs)
    if (list.length < limit.maxFailures) return { allowed: true }
    const oldestCounted = list[list.length - limit.maxFailures] ?? this.now()
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((oldestCounted + limit.windowMs - this.now()) / 1000)) }
  }

  /** Whether a login for this account from this address may be tried now. */
  check(account: string, address: string): ThrottleVerdict {
    const byAccount = this.verdict(`account:${account}`, this.limits.account)
    const byAddress = this.verdict(`address:${address}`, this.limits.address)
    if (byAccount.allowed) return byAddress
    if (byAddress.allowed) return byAccount
    return { allowed: false, retryAfterSeconds: Math.max(byAccount.retryAfterSeconds, byAddress.retryAfterSeconds) }
  }

  /**
   * Checks and, when allowed, counts the attempt as a failure at once: parallel guesses then
   * cannot all pass the check while the (slow) password verification runs. A success takes
   * the attempt back with `recordSuccess`.
   */
  begin(account: string, address: string): ThrottleVerdict {
    const verdict = this.check(account, address)
    if (verdict.allowed) this.recordFailure(account, address)
    return verdict
  }

  recordFailure(account: string, address: string): void {
    this.sweepIfLarge()
    for (const key of [`account:${account}`, `address:${address}`]) {
      const list = this.failures.get(key) ?? []
      list.push(this.now())
      this.failures.set(key, list)
    }
  }

  /** A successful login clears the account's failures and takes back the address's latest attempt. */
  recordSuccess(account: string, address?: string): void {
    this.failures.delete(`account:${account}`)
    if (address === undefined) return
    const list = this.failures.get(`address:${address}`)
    list?.pop()
    if (list?.length === 0) this.failures.delete(`address:${address}`)
  }

  /** Keeps memory bounded under a spray of distinct keys. */
  private sweepIfLarge(): void {
    if (this.failures.size < 10_000) return
    const longest = Math.max(this.limits.account.windowMs, this.limits.address.windowMs)
    for (const key of [...this.failures.keys()]) this.recent(key, longest)
  }
}

export const defaultLoginLimits = {
  account: { maxFailures: 5, windowMs: 15 * 60_000 },
  address: { maxFailures: 20, windowMs: 15 * 60_000 },
} as const satisfies { account: ThrottleLimit; address: ThrottleLimit }

/**
 * Both windows in one script: drops attempts older than the window, refuses when either key
 * has its maximum (answering the milliseconds until the oldest counted attempt leaves it), else
 * counts the attempt under both keys. ARGV: now, account max, account window, address max,
 * address window, a unique member.
 */
const BEGIN = `
local now = tonumber(ARGV[1])
local function wait(key, max, window)
  redis.call('zremrangebyscore', key, '-inf', now - window)
  local n = redis.call('zcard', key)
  if n < max then return 0 end
  local oldest = redis.call('zrange', key, n - max, n - max, 'WITHSCORES')
  return math.max(1, tonumber(oldest[2]) + window - now)
end
local a = wait(KEYS[1], tonumber(ARGV[2]), tonumber(ARGV[3]))
local b = wait(KEYS[2], tonumber(ARGV[4]), tonumber(ARGV[5]))
if a > 0 or b > 0 then return math.max(a, b) end
redis.call('zadd', KEYS[1], now, ARGV[6])
redis.call('pexpire', KEYS[1], ARGV[3])
redis.call('zadd', KEYS[2], now, ARGV[6])
redis.call('pexpire', KEYS[2], ARGV[5])
return 0`

const SUCCESS = `
redis.call('del', KEYS[1])
if KEYS[2] then redis.call('zpopmax', KEYS[2]) end
return 0`

/**
 * The same sliding windows as `LoginThrottle`, kept in Redis (sorted sets
 * `rbx:throttle:login:account:<hash>` and `…:address:<ip>`, expiring with their window), so that
 * several instances share one budget instead of each granting its own.
 */
export class RedisLoginThrottle implements LoginGate {
  constructor(
    private readonly redis: RedisClient,
    private readonly limits: { account: ThrottleLimit; address: ThrottleLimit },
    private readonly now: () => number = Date.now,
  ) {}

  async begin(account: string, address: string): Promise<ThrottleVerdict> {
    const { account: acc, address: adr } = this.limits
    const waitMs = Number(
      await this.redis.eval(
        BEGIN,
        2,
        `rbx:throttle:login:account:${account}`,
        `rbx:throttle:login:address:${address}`,
        String(this.now()),
        String(acc.maxFailures),
        String(acc.windowMs),
        String(adr.maxFailures),
        String(adr.windowMs),
        `${this.now()}-${randomBytes(6).toString('base64url')}`,
      ),
    )
    return waitMs > 0 ? { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) } : { allowed: true }
  }

  async recordSuccess(account: string, address?: string): Promise<void> {
    const keys = [`rbx:throttle:login:account:${account}`]
    if (address !== undefined) keys.push(`rbx:throttle:login:address:${address}`)
    await this.redis.eval(SUCCESS, keys.length, ...keys)
  }
}

/** The login throttle that fits the storage: shared in Redis when accounts live there, else in memory. */
export function loginThrottleFor(storage: Storage, limits: { account: ThrottleLimit; address: ThrottleLimit }): LoginGate {
  const redis = redisUnder(storage, 'auth:')
  return redis ? new RedisLoginThrottle(redis, limits) : new LoginThrottle(limits)
}
