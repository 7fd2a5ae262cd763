import {
  formatArea as formatLocaleArea,
  formatNumber as formatLocaleNumber,
  formatPercent as formatLocalePercent,
} from '../i18n/numbers.ts'

/**
 * Plain English number formatting for exports, written out by hand (not Intl) so the same
 * document gives the same bytes in every runtime, whatever ICU data it ships.
 */

/** `1500` → `1,500`; `0.25` → `0.25`; rounds to `maxFractionDigits` and drops trailing zeros. */
export function formatNumber(value: number, maxFractionDigits = 1): string {
  if (!Number.isFinite(value)) return String(value)
  const fixed = Math.abs(value).toFixed(maxFractionDigits)
  const [whole = '0', fraction = ''] = fixed.split('.')
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  const trimmed = fraction.replace(/0+$/, '')
  const text = trimmed ? `${grouped}.${trimmed}` : grouped
  return value < 0 && text !== '0' ? `-${text}` : text
}

/** `1500` → `1,500 m²` */
export const formatArea = (areaM2: number) => `${formatNumber(areaM2, 0)} m²`

/** A ratio as a percentage: `0.4567` → `45.7%`. */
export const formatPercent = (ratio: number) => `${formatNumber(ratio * 100, 1)}%`

/**
 * How a brief writes numbers. English (the default) is written by hand, the same bytes in every
 * runtime; a brief asked for in another language (`?lang=de`) writes them with `Intl` for that
 * locale (`1.500 m²`, `45,7 %`), as its readers write them.
 */
export interface NumberStyle {
  readonly locale: string
  number(value: number, maxFractionDigits?: number): string
  area(areaM2: number): string
  percent(ratio: number): string
}

export const englishNumbers: NumberStyle = { locale: 'en', number: formatNumber, area: formatArea, percent: formatPercent }

export function numbersFor(locale: string | undefined): NumberStyle {
  if (!locale || locale === 'en') return englishNumbers
  return {
    locale,
    number: (value, maxFractionDigits = 1) => formatLocaleNumber(value, locale, maxFractionDigits),
    area: (areaM2) => formatLocaleArea(areaM2, locale),
    percent: (ratio) => formatLocalePercent(ratio, locale),
  }
}

/** Months from `start` to `end` inclusive (`YYYY-MM`): 2027-03 … 2028-02 → 12. */
export function monthsBetween(start: string, end: string): number {
  const index = (month: string) => {
    const [year = 0, m = 1] = month.split('-').map(Number)
    return year * 12 + m
  }
  return index(end) - index(start) + 1
}

/** A sort key that orders names the way a reader expects (Č beside C) in any runtime. */
export function nameKey(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()
}

/** Compares by `nameKey`, then code units, so the order is total and stable. */
export function compareNames(a: string, b: string): number {
  const ka = nameKey(a)
  const kb = nameKey(b)
  if (ka !== kb) return ka < kb ? -1 : 1
  return a < b ? -1 : a > b ? 1 : 0
}
