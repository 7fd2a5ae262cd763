import { describe, expect, it } from 'vitest'
import { compareNames, formatArea, formatNumber, formatPercent, monthsBetween } from './format.ts'

describe('plain number formatting', () => {
  it('groups thousands and drops trailing zeros', () => {
    expect(formatNumber(1500)).toBe('1,500')
    expect(formatNumber(1234567.891, 2)).toBe('1,234,567.89')
    expect(formatNumber(0.25, 2)).toBe('0.25')
    expect(formatNumber(-1500)).toBe('-1,500')
    expect(formatNumber(-0.01, 1)).toBe('0')
    expect(formatArea(12400)).toBe('12,400 m²')
    expect(formatPercent(0.4567)).toBe('45.7%')
    expect(formatPercent(1)).toBe('100%')
  })
  it('counts months inclusively', () => {
    expect(monthsBetween('2027-03', '2028-02')).toBe(12)
    expect(monthsBetween('2027-03', '2027-03')).toBe(1)
  })
  it('sorts names with diacritics beside their base letter', () => {
    expect(['Zlín', 'Čičmany', 'Brno', 'Cheb'].sort(compareNames)).toEqual(['Brno', 'Cheb', 'Čičmany', 'Zlín'])
  })
})
