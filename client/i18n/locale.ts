import { createSignal } from 'solid-js'
import { type LanguageCode, type MessageKey, type MessageParams, pickLanguage, translatorFor } from '../../shared/i18n/index.ts'
import { plannedLanguages } from '../../shared/i18n/languages.ts'
import { formatNumber as formatLocaleNumber } from '../../shared/i18n/numbers.ts'

/**
 * The UI language: `?lang=` (the contract's parameter) first, then the browser's preferences,
 * then English. Read once at start-up; the parameter is optional afterwards, so in-app
 * navigation keeps the language without carrying `?lang=` along.
 */
export function detectLanguage(
  search: string = globalThis.location?.search ?? '',
  preferred: readonly string[] = globalThis.navigator?.languages ?? [],
): LanguageCode {
  const requested = new URLSearchParams(search).get('lang')
  return pickLanguage([requested, remembered(), ...preferred])
}

/** The language this browser chose last (client/i18n/language-picker.tsx writes it). */
function remembered(): string | null {
  try {
    return globalThis.localStorage?.getItem('rb.language') ?? null
  } catch {
    return null
  }
}

const [language, setLanguageSignal] = createSignal<LanguageCode>(detectLanguage())

export { language }

/**
 * The locale numbers, areas, percentages and dates are written and read in. It follows
 * `?lang=` and the browser among all planned languages, even those whose texts are not
 * translated yet: a German participant reads and types `1.200` as German writes it, while the
 * texts fall back to English (issue 12, item 2).
 */
export function detectLocale(
  search: string = globalThis.location?.search ?? '',
  preferred: readonly string[] = globalThis.navigator?.languages ?? [],
): LanguageCode {
  const planned = new Set<string>(plannedLanguages)
  for (const candidate of [new URLSearchParams(search).get('lang'), ...preferred]) {
    const base = candidate?.trim().toLowerCase().split(/[-_]/)[0]
    if (base && planned.has(base)) return base as LanguageCode
  }
  return language()
}

const [locale, setLocale] = createSignal<LanguageCode>(detectLocale())

export { locale, setLocale }

export function setLanguage(code: LanguageCode): void {
  // A language chosen (not the one detected at start) brings its number and date formats along.
  if (code !== language()) setLocale(code)
  setLanguageSignal(code)
  if (typeof document !== 'undefined') document.documentElement.lang = code
}

/** Translates `key` in the current language; reactive inside components and memos. */
export function t(key: MessageKey, params?: MessageParams): string {
  return translatorFor(language(), locale())(key, params)
}

/**
 * Label of an enumeration value (`enumLabel('sector', 'creative')` → "Creative industries").
 * Enumerations may grow before every catalog does: an unknown value shows as itself.
 */
export function enumLabel(enumeration: string, value: string): string {
  const translate = translatorFor(language())
  const key = `enum.${enumeration}.${value}`
  return translate.has(key) ? translate(key) : value
}

/** Date and number formats follow the UI language, like the text does. */
export function formatRelativeTime(date: Date, now: Date = new Date()): string {
  const seconds = Math.round((date.getTime() - now.getTime()) / 1000)
  const format = new Intl.RelativeTimeFormat(language(), { numeric: 'auto' })
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ['year', 31_536_000],
    ['month', 2_592_000],
    ['week', 604_800],
    ['day', 86_400],
    ['hour', 3_600],
    ['minute', 60],
  ]
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit)
  }
  return format.format(0, 'second')
}

export function formatDateTime(date: Date): string {
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(date)
}

export function formatNumber(value: number): string {
  return formatLocaleNumber(value, locale())
}

/** A country's name in the UI language, from its ISO 3166 code. */
export function countryName(code: string): string {
  try {
    return new Intl.DisplayNames([language()], { type: 'region' }).of(code) ?? code
  } catch {
    return code
  }
}
