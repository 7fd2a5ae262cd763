import {
  formatArea as formatLocaleArea,
  formatNumber as formatLocaleNumber,
  formatPercent as formatLocalePercent,
} from '../i18n/numbers.ts'

/**
 * Plain English number and month formatting for exports, written out by hand (not Intl) so the
 * same document gives the same bytes in every runtime, whatever ICU data it ships.
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

const ENGLISH_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const
const YEAR_MONTH = /^(\d{4})-(\d{2})$/
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})/

/** `2027-03` → year 2027, month index 2; null when malformed (then written as it is). */
function yearMonth(text: string): { year: number; month: number } | null {
  const match = YEAR_MONTH.exec(text)
  const month = Number(match?.[2]) - 1
  return match && month >= 0 && month < 12 ? { year: Number(match[1]), month } : null
}

/** `2027-03` → "Mar 2027" */
function englishMonth(text: string): string {
  const at = yearMonth(text)
  return at ? `${ENGLISH_MONTHS[at.month]} ${at.year}` : text
}

/** "Mar – Dec 2027", "Nov 2027 – Feb 2028", "Mar 2027": the year once when both ends share it. */
function englishMonthSpan(start: string, end: string): string {
  const from = yearMonth(start)
  const to = yearMonth(end)
  if (!from || !to) return `${start} – ${end}`
  if (from.year === to.year && from.month === to.month) return englishMonth(start)
  if (from.year === to.year) return `${ENGLISH_MONTHS[from.month]} – ${englishMonth(end)}`
  return `${englishMonth(start)} – ${englishMonth(end)}`
}

/** An ISO time's day: "3 Dec 2026" (day first, the month in letters: read alike on both sides of the Atlantic). */
function englishDate(iso: string): string {
  const match = ISO_DAY.exec(iso)
  const month = Number(match?.[2]) - 1
  return match && month >= 0 && month < 12 ? `${Number(match[3])} ${ENGLISH_MONTHS[month]} ${match[1]}` : iso
}

/**
 * How a brief writes numbers, months and dates. English (the default) is written by hand, the
 * same bytes in every runtime; a brief asked for in another language (`?lang=de`) writes them
 * with `Intl` for that locale (`1.500 m²`, `45,7 %`, `März–Dez. 2027`, `03.12.2026`), as its
 * readers write them.
 */
export interface NumberStyle {
  readonly locale: string
  number(value: number, maxFractionDigits?: number): string
  area(areaM2: number): string
  percent(ratio: number): string
  /** A `YYYY-MM` month: "Mar 2027", "März 2027". */
  month(yearMonth: string): string
  /** A phase's months, first to last: "Mar – Dec 2027", "März–Dez. 2027". */
  monthSpan(start: string, end: string): string
  /** The one-letter name of a month (0 = January) for a month axis: "J", "G" in Italian. */
  monthInitial(monthIndex: number): string
  /** The day of an ISO time (a snapshot's moment): "3 Dec 2026", "03.12.2026". */
  date(iso: string): string
}

export const englishNumbers: NumberStyle = {
  locale: 'en',
  number: formatNumber,
  area: formatArea,
  percent: formatPercent,
  month: englishMonth,
  monthSpan: englishMonthSpan,
  monthInitial: (monthIndex) => ENGLISH_MONTHS[monthIndex]?.charAt(0) ?? '',
  date: englishDate,
}

const utcMonth = (at: { year: number; month: number }) => new Date(Date.UTC(at.year, at.month, 1))

/** Months and days as `locale` writes them; the board's months have no time zone (UTC throughout). */
function localeDates(locale: string): Pick<NumberStyle, 'month' | 'monthSpan' | 'monthInitial' | 'date'> {
  const month = new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' })
  const initial = new Intl.DateTimeFormat(locale, { month: 'narrow', timeZone: 'UTC' })
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' })
  return {
    month: (text) => {
      const at = yearMonth(text)
      return at ? month.format(utcMonth(at)) : text
    },
    monthSpan: (start, end) => {
      const from = yearMonth(start)
      const to = yearMonth(end)
      if (!from || !to) return `${start} – ${end}`
      const [a, b] = [utcMonth(from), utcMonth(to)]
      // the locale's own range format leaves out what both ends share ("März–Dez. 2027")
      return b.getTime() <= a.getTime() ? month.format(a) : month.formatRange(a, b)
    },
    monthInitial: (monthIndex) => initial.format(new Date(Date.UTC(2027, monthIndex, 1))),
    date: (iso) => {
      const moment = new Date(iso)
      return Number.isNaN(moment.getTime()) ? iso : day.format(moment)
    },
  }
}

const styles = new Map<string, NumberStyle>()

export function numbersFor(locale: string | undefined): NumberStyle {
  if (!locale || locale === 'en') return englishNumbers
  const known = styles.get(locale)
  if (known) return known
  const style: NumberStyle = {
    locale,
    number: (value, maxFractionDigits = 1) => formatLocaleNumber(value, locale, maxFractionDigits),
    area: (areaM2) => formatLocaleArea(areaM2, locale),
    percent: (ratio) => formatLocalePercent(ratio, locale),
    ...localeDates(locale),
  }
  styles.set(locale, style)
  return style
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
