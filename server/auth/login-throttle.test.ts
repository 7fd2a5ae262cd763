import { describe, expect, it } from 'vitest'
import { LoginThrottle } from './login-throttle.ts'

const limits = { account: { maxFailures: 3, windowMs: 60_000 }, address: { maxFailures: 5, windowMs: 60_000 } }

describe('LoginThrottle', () => {
  it('blocks an account after its failures, until the window slides past the oldest', () => {
    let now = 0
    const t = new LoginThrottle(limits, () => now)
    for (let i = 0; i < 3; i++) {
      expect(t.check('acc', `ip${i}`).allowed).toBe(true)
      t.recordFailure('acc', `ip${i}`)
      now += 10_000
    }
    expect(t.check('acc', 'ip9')).toEqual({ allowed: false, retryAfterSeconds: 30 })
    now = 60_001
    expect(t.check('acc', 'ip9').allowed).toBe(true)
  })

  it('blocks an address across accounts, and success clears only the account', () => {
    const now = 1000
    const t = new LoginThrottle(limits, () => now)
    for (let i = 0; i < 5; i++) t.recordFailure(`acc${i}`, 'ip')
    expect(t.check('other', 'ip').allowed).toBe(false)
    expect(t.check('other', 'ip2').allowed).toBe(true)
    t.recordFailure('x', 'ip3')
    t.recordFailure('x', 'ip4')
    t.recordSuccess('x')
    t.recordFailure('x', 'ip5')
    expect(t.check('x', 'ip6').allowed).toBe(true)
  })
})

describe('LoginThrottle.begin', () => {
  it('counts parallel attempts before their outcome is known', () => {
    const t = new LoginThrottle(limits, () => 0)
    const verdicts = Array.from({ length: 5 }, () => t.begin('acc', 'ip').allowed)
    expect(verdicts).toEqual([true, true, true, false, false])
    t.recordSuccess('acc', 'ip')
    expect(t.check('acc', 'ip').allowed).toBe(true)
  })
})
