import { describe, expect, it } from 'vitest'
import { buildElementScene } from './build.ts'
import { contextFor, element, texts } from './test-helpers.ts'
import { formatMonthSpan as format } from './text.ts'

// Intl puts thin or no-break spaces around the dash; compare with plain spaces
const formatMonthSpan = (start: string, end: string, locale: string) => format(start, end, locale).replace(/\s/g, ' ')

describe('formatMonthSpan', () => {
  it('writes a phase’s months in the UI language, leaving out what both ends share', () => {
    expect(formatMonthSpan('2027-03', '2027-12', 'en')).toBe('Mar – Dec 2027')
    expect(formatMonthSpan('2027-03', '2028-02', 'en')).toBe('Mar 2027 – Feb 2028')
    expect(formatMonthSpan('2027-03', '2027-12', 'de')).toBe('März–Dez. 2027')
    expect(formatMonthSpan('2027-03', '2028-02', 'de')).toBe('März 2027 – Feb. 2028')
  })

  it('shows one month once, and malformed months as they are', () => {
    expect(formatMonthSpan('2027-03', '2027-03', 'de')).toBe('März 2027')
    expect(formatMonthSpan('soon', '2027-03', 'en')).toBe('soon – 2027-03')
  })

  it('is what a phase card shows, in the scene’s locale', () => {
    const phase = element({
      id: 'p1',
      kind: 'phase',
      x: 48,
      y: 0,
      w: 240,
      h: 72,
      label: 'Interim use',
      stage: 'interim',
      start: '2027-03',
      end: '2027-12',
    })
    const shown = (locale: string) =>
      texts(buildElementScene(phase, contextFor([phase], { locale })))
        .join(' | ')
        .replace(/\s/g, ' ')
    expect(shown('en')).toContain('Mar – Dec 2027 · 10 months')
    expect(shown('de')).toContain('März–Dez. 2027')
    expect(shown('de')).not.toContain('2027-03')
  })
})
