/** Limits for one kind of key: at most `maxFailures` within `windowMs`. */
export interface ThrottleLimit {
  maxFailures: number
  windowMs: number
}

export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number }

/**
 * Failed logins in memory, as a sliding window per key ("account:<email hash>",
 * "address:<ip>"). Per instance: behind several instances an attacker gets N× the budget,
 * which still stops guessing at scale. The clock is injected for tests.
 */
export class LoginThrottle {
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
