/**
 * Numbers as people write them in a UI language, read and written with the separators of
 * `Intl.NumberFormat` for that locale. A separator between digits is either a thousands
 * (group) or a decimal separator; when the input cannot tell which and the language does not
 * settle it, the reading is `ambiguous` and the caller asks, never guesses: `1.200` stored as
 * 1.2 m² in a German UI spoiled the occupancy, the analysis and the briefs (issue 12, item 2).
 */

export interface NumberSeparators {
  /** the locale's thousands separator (`,` in English, `.` in German, a no-break space in Czech) */
  group: string
  /** the locale's decimal separator */
  decimal: string
}

export type NumberReading =
  | { kind: 'number'; value: number }
  | { kind: 'empty' }
  /** `thousands` reads the separator as grouping (1200), `decimal` as a decimal point (1.2) */
  | { kind: 'ambiguous'; thousands: number; decimal: number }
  | { kind: 'invalid' }

/**
 * English is the language the partners share: people from every partner country type into an
 * English UI with their own habits, so `1.200` and `1,200` say nothing certain there.
 */
const sharedLanguages = new Set(['en'])

/** Every space people put between digit groups: space, no-break, narrow no-break, thin. */
const SPACES = /[ \u00a0\u202f\u2009]/g
const MINUS = /^[-\u2212]/

const separatorCache = new Map<string, NumberSeparators>()

/** The group and decimal separators of `locale`, from `formatToParts`. */
export function separatorsFor(locale: string): NumberSeparators {
  const cached = separatorCache.get(locale)
  if (cached) return cached
  const parts = new Intl.NumberFormat(locale, { useGrouping: true }).formatToParts(1234567.5)
  const separators = {
    group: parts.find((part) => part.type === 'group')?.value ?? ',',
    decimal: parts.find((part) => part.type === 'decimal')?.value ?? '.',
  }
  separatorCache.set(locale, separators)
  return separators
}

const baseLanguage = (locale: string) => locale.toLowerCase().split(/[-_]/)[0] ?? ''

/** `1`, `12`, `1 200`, `1.200.000`: groups of three after a first group of one to three digits. */
function isGrouped(groups: readonly string[]): boolean {
  const [first, ...rest] = groups
  return first !== undefined && /^\d{1,3}$/.test(first) && rest.every((group) => /^\d{3}$/.test(group))
}

/** Reads the digits of a whole part whose groups are separated by `separator`. */
function readWhole(text: string, separator: RegExp): string | null {
  if (text === '') return '0'
  const groups = text.split(separator)
  if (groups.length === 1) return /^\d+$/.test(text) ? text : null
  return isGrouped(groups) ? groups.join('') : null
}

/**
 * Reads what a person typed in `locale`. Accepted: digits with groups separated by the
 * locale's group separator, by spaces (any kind) or, unambiguously placed, by `.` or `,`; one
 * decimal separator; a leading minus. Anything else (letters, units, `1..2`, `1,2,3`) is
 * `invalid`; an empty field is `empty`.
 */
export function readNumber(raw: string, locale: string): NumberReading {
  let text = raw.trim()
  if (text === '') return { kind: 'empty' }
  const negative = MINUS.test(text)
  if (negative) text = text.slice(1).trimStart()
  if (!/^[\d., \u00a0\u202f\u2009]+$/.test(text) || !/\d/.test(text)) return { kind: 'invalid' }
  const { group, decimal } = separatorsFor(locale)
  const sign = negative ? -1 : 1
  const make = (whole: string, fraction: string) => sign * Number(fraction ? `${whole}.${fraction}` : whole)
  const done = (value: number): NumberReading => ({ kind: 'number', value: Object.is(value, -0) ? 0 : value })

  const hasSpaces = /[ \u00a0\u202f\u2009]/.test(text)
  const marks = [...text].filter((ch) => ch === '.' || ch === ',')
  const kinds = new Set(marks)

  if (kinds.size === 2) {
    // `1.200,50` and `1,200.50`: the last mark is the decimal one and occurs once.
    const last = marks[marks.length - 1] ?? '.'
    const point = text.lastIndexOf(last)
    if (text.indexOf(last) !== point || hasSpaces) return { kind: 'invalid' }
    const other = last === '.' ? ',' : '.'
    const whole = readWhole(text.slice(0, point), new RegExp(`\\${other}`))
    const fraction = text.slice(point + 1)
    if (whole === null || !/^\d+$/.test(fraction)) return { kind: 'invalid' }
    return done(make(whole, fraction))
  }

  if (kinds.size === 0) {
    const whole = readWhole(text, SPACES)
    return whole === null ? { kind: 'invalid' } : done(make(whole, ''))
  }

  const mark = marks[0] ?? '.'
  if (marks.length > 1) {
    // `1.200.000`: a mark used more than once can only group.
    if (hasSpaces) return { kind: 'invalid' }
    const whole = readWhole(text, new RegExp(`\\${mark}`))
    return whole === null ? { kind: 'invalid' } : done(make(whole, ''))
  }

  // One mark: a decimal separator, or a group separator between thousands.
  const point = text.indexOf(mark)
  const before = text.slice(0, point)
  const after = text.slice(point + 1)
  if (!/^\d+$/.test(after)) return { kind: 'invalid' }
  const wholeAsDecimal = readWhole(before, SPACES)
  const canGroup = after.length === 3 && !hasSpaces && /^[1-9]\d{0,2}$/.test(before)
  if (!canGroup) {
    // `1,5`, `1 200,5`, `0.200`, `,5`: it can only be the decimal separator.
    return wholeAsDecimal === null ? { kind: 'invalid' } : done(make(wholeAsDecimal, after))
  }
  const asThousands = make(`${before}${after}`, '')
  const asDecimal = make(before, after)
  if (!sharedLanguages.has(baseLanguage(locale))) {
    // `1.200` in German is 1200 and `1,200` is 1.2; `1.200` in Czech (a space groups) is unclear.
    if (mark === group) return done(asThousands)
    if (mark === decimal) return done(asDecimal)
  }
  return { kind: 'ambiguous', thousands: asThousands, decimal: asDecimal }
}

const formatCache = new Map<string, Intl.NumberFormat>()

function cachedFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`
  let format = formatCache.get(key)
  if (!format) {
    format = new Intl.NumberFormat(locale, options)
    formatCache.set(key, format)
  }
  return format
}

/** A number for reading in `locale`: `1200` → `1.200` in German, `1,200` in English. */
export function formatNumber(value: number, locale: string, maxFractionDigits = 2): string {
  return cachedFormat(locale, { maximumFractionDigits: maxFractionDigits }).format(value)
}

/** A number without grouping (`1200`, `1,2` in German): for the choices of an ambiguous input. */
export function formatPlainNumber(value: number, locale: string, maxFractionDigits = 6): string {
  return cachedFormat(locale, { maximumFractionDigits: maxFractionDigits, useGrouping: false }).format(value)
}

/** The value a number field shows: every digit kept, grouped as the locale writes it. */
export function formatNumberInput(value: number, locale: string): string {
  return formatNumber(value, locale, 6)
}

/** `1500` → `1.500 m²` in German. */
export function formatArea(areaM2: number, locale: string, maxFractionDigits = 0): string {
  return `${formatNumber(areaM2, locale, maxFractionDigits)} m²`
}

/** A ratio as a percentage: `0.4567` → `45,7 %` in German. */
export function formatPercent(ratio: number, locale: string, maxFractionDigits = 1): string {
  return cachedFormat(locale, { style: 'percent', maximumFractionDigits: maxFractionDigits }).format(ratio)
}
