import { describe, expect, it } from 'vitest'
import { compareNames, englishNumbers, formatArea, formatNumber, formatPercent, monthsBetween, numbersFor } from './format.ts'

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
  it('writes months and days in English by hand, in other languages with Intl', () => {
    const en = englishNumbers
    expect(en.month('2027-03')).toBe('Mar 2027')
    expect(en.monthSpan('2027-03', '2027-12')).toBe('Mar – Dec 2027')
    expect(en.monthSpan('2027-11', '2028-02')).toBe('Nov 2027 – Feb 2028')
    expect(en.monthSpan('2027-06', '2027-06')).toBe('Jun 2027')
    expect(en.date('2026-12-03T10:02:11.512Z')).toBe('3 Dec 2026')
    expect(Array.from({ length: 12 }, (_, month) => en.monthInitial(month)).join('')).toBe('JFMAMJJASOND')
    // malformed input is written as it is, never as "Invalid Date"
    expect(en.month('2027-13')).toBe('2027-13')
    expect(numbersFor('de').month('soon')).toBe('soon')
    expect(numbersFor('de').date('no date')).toBe('no date')

    const de = numbersFor('de')
    expect(de.month('2027-03')).toBe('März 2027')
    expect(de.monthSpan('2027-11', '2028-02').replace(/\u2009/g, ' ')).toBe('Nov. 2027 – Feb. 2028')
    expect(de.date('2026-12-03T10:02:11.512Z')).toBe('03.12.2026')
    expect(numbersFor('hu').month('2027-03')).toBe('2027. márc.')
  })
  it('sorts names with diacritics beside their base letter', () => {
    expect(['Zlín', 'Čičmany', 'Brno', 'Cheb'].sort(compareNames)).toEqual(['Brno', 'Cheb', 'Čičmany', 'Zlín'])
  })
})
