import { describe, expect, it } from 'vitest'
import { formatClock } from './clock.ts'

describe('formatClock', () => {
  it('shows whole seconds, rounded up: 0:00 only once the time is over', () => {
    expect(formatClock(0, 'en')).toBe('00:00')
    expect(formatClock(1, 'en')).toBe('00:01')
    expect(formatClock(999, 'en')).toBe('00:01')
    expect(formatClock(61_000, 'en')).toBe('01:01')
    expect(formatClock(5 * 60_000, 'en')).toBe('05:00')
    expect(formatClock(-500, 'en')).toBe('00:00')
  })

  it('adds hours past sixty minutes', () => {
    expect(formatClock(3_723_000, 'en')).toBe('1:02:03')
    expect(formatClock(60 * 60_000, 'en')).toBe('1:00:00')
  })

  it('writes the digits of the locale, never grouping them', () => {
    expect(formatClock(754_000, 'de')).toBe('12:34')
    expect(formatClock(100 * 3_600_000, 'pl')).toBe('100:00:00')
  })
})
