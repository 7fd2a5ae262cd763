import { describe, expect, it } from 'vitest'
import { plannedLanguages } from './languages.ts'
import { formatArea, formatNumberInput, formatPercent, formatPlainNumber, readNumber, separatorsFor } from './numbers.ts'

const value = (v: number) => ({ kind: 'number', value: v })
const ambiguous = (thousands: number, decimal: number) => ({ kind: 'ambiguous', thousands, decimal })
const invalid = { kind: 'invalid' }

/** Languages that group with `.` and write decimals with `,`. */
const dotGrouping = ['de', 'sl', 'it', 'hr'] as const
/** Languages that group with a (no-break) space and write decimals with `,`. */
const spaceGrouping = ['hu', 'cs', 'pl', 'sk'] as const

describe('separatorsFor', () => {
  it('takes the separators from Intl for every planned language', () => {
    expect(separatorsFor('en')).toEqual({ group: ',', decimal: '.' })
    for (const locale of dotGrouping) expect(separatorsFor(locale)).toEqual({ group: '.', decimal: ',' })
    for (const locale of spaceGrouping) {
      expect(separatorsFor(locale).decimal).toBe(',')
      expect(separatorsFor(locale).group).toMatch(/^[\u00a0\u202f ]$/)
    }
  })
})

describe('readNumber: what every language reads the same way', () => {
  it.each(plannedLanguages)('%s', (locale) => {
    expect(readNumber('', locale)).toEqual({ kind: 'empty' })
    expect(readNumber('   ', locale)).toEqual({ kind: 'empty' })
    expect(readNumber('1200', locale)).toEqual(value(1200))
    expect(readNumber(' 42 ', locale)).toEqual(value(42))
    expect(readNumber('1 200', locale)).toEqual(value(1200))
    expect(readNumber('1\u00a0200', locale)).toEqual(value(1200))
    expect(readNumber('1\u202f200', locale)).toEqual(value(1200))
    expect(readNumber('12 345 678', locale)).toEqual(value(12345678))
    expect(readNumber('1,5', locale)).toEqual(value(1.5))
    expect(readNumber('0,25', locale)).toEqual(value(0.25))
    expect(readNumber('0.200', locale)).toEqual(value(0.2))
    expect(readNumber('1.200,50', locale)).toEqual(value(1200.5))
    expect(readNumber('1,200.50', locale)).toEqual(value(1200.5))
    expect(readNumber('1.200.000', locale)).toEqual(value(1200000))
    expect(readNumber('1,200,000', locale)).toEqual(value(1200000))
    expect(readNumber('1 200,5', locale)).toEqual(value(1200.5))
    expect(readNumber('-50', locale)).toEqual(value(-50))
    expect(readNumber('\u22121,5', locale)).toEqual(value(-1.5))
    expect(readNumber('0', locale)).toEqual(value(0))
  })

  it.each(plannedLanguages)('%s refuses garbage', (locale) => {
    for (const garbage of [
      'abc',
      '12a',
      '1e3',
      '12 m²',
      '1..2',
      '1,,2',
      '1.2.3,4.5',
      '1,2,3',
      '1.20.000',
      '12 34',
      '1 2345',
      '1.',
      '1,',
      '.',
      '-',
      '1,200.5.0',
      '1.200,5,0',
      '1 200.000,5',
      '--1',
      '0x10',
      'Infinity',
      'NaN',
    ]) {
      expect(readNumber(garbage, locale), garbage).toEqual(invalid)
    }
  })
})

describe('readNumber: a lone separator before three digits', () => {
  it('German, Slovenian, Italian, Croatian: the dot groups and the comma is decimal', () => {
    for (const locale of dotGrouping) {
      expect(readNumber('1.200', locale)).toEqual(value(1200))
      expect(readNumber('12.500', locale)).toEqual(value(12500))
      expect(readNumber('1,200', locale)).toEqual(value(1.2))
    }
  })

  it('Hungarian, Czech, Polish, Slovak: the comma is decimal, a dot is unclear and asks', () => {
    for (const locale of spaceGrouping) {
      expect(readNumber('1,200', locale)).toEqual(value(1.2))
      expect(readNumber('1.200', locale)).toEqual(ambiguous(1200, 1.2))
      expect(readNumber('250.000', locale)).toEqual(ambiguous(250000, 250))
    }
  })

  it('English, typed into by every partner country: both ask', () => {
    expect(readNumber('1.200', 'en')).toEqual(ambiguous(1200, 1.2))
    expect(readNumber('1,200', 'en')).toEqual(ambiguous(1200, 1.2))
    expect(readNumber('-1,200', 'en')).toEqual(ambiguous(-1200, -1.2))
    // but what cannot be a group is read at once
    expect(readNumber('1.5', 'en')).toEqual(value(1.5))
    expect(readNumber('1.2345', 'en')).toEqual(value(1.2345))
    expect(readNumber('1,200.5', 'en')).toEqual(value(1200.5))
  })

  it('a regional locale follows its language', () => {
    expect(readNumber('1.200', 'de-DE')).toEqual(value(1200))
    expect(readNumber('1.200', 'en-GB')).toEqual(ambiguous(1200, 1.2))
  })
})

describe('formatting', () => {
  it('writes numbers back the way each language reads them again', () => {
    expect(formatNumberInput(1200, 'de')).toBe('1.200')
    expect(formatNumberInput(1200.5, 'de')).toBe('1.200,5')
    expect(formatNumberInput(1200, 'en')).toBe('1,200')
    expect(formatNumberInput(0.125, 'en')).toBe('0.125')
    for (const locale of plannedLanguages) {
      for (const n of [0, 1.5, 1200, 1200.5, 12345678.25, 0.125]) {
        const reading = readNumber(formatNumberInput(n, locale), locale)
        // the formatted value reads back as itself, or (in English) asks with it as one choice
        if (reading.kind === 'ambiguous') expect([reading.thousands, reading.decimal]).toContain(n)
        else expect(reading).toEqual(value(n))
      }
    }
  })

  it('offers the choices without grouping, areas and percentages with the locale', () => {
    expect(formatPlainNumber(1200, 'en')).toBe('1200')
    expect(formatPlainNumber(1.2, 'de')).toBe('1,2')
    expect(formatArea(1500, 'de')).toBe('1.500 m²')
    expect(formatArea(1500, 'en')).toBe('1,500 m²')
    expect(formatPercent(0.4567, 'en')).toBe('45.7%')
    expect(formatPercent(0.4567, 'de')).toBe('45,7\u00a0%')
  })
})
