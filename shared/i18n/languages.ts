import { cs } from './cs.ts'
import { de } from './de.ts'
import type { MessageKey } from './en.ts'
import { en } from './en.ts'
import { hr } from './hr.ts'
import { hu } from './hu.ts'
import { it } from './it.ts'
import { pl } from './pl.ts'
import { sk } from './sk.ts'
import { sl } from './sl.ts'
import type { Message } from './types.ts'

/**
 * The languages the product is planned for (ROADMAP: languages and accessibility). A language
 * becomes selectable when its catalog is added to `catalogs`: write `de.ts` as
 * `export const de: TranslationCatalog = { 'auth.signIn': 'Anmelden', … }` and list it below.
 */
export const plannedLanguages = ['en', 'de', 'hu', 'sl', 'it', 'hr', 'cs', 'pl', 'sk'] as const
export type LanguageCode = (typeof plannedLanguages)[number]

/** A translation may be partial: missing keys fall back to English. */
export type TranslationCatalog = Partial<Record<MessageKey, Message>>

export const defaultLanguage: LanguageCode = 'en'

/**
 * The languages that ship: each catalog complete (shared/i18n/catalogs.test.ts checks every key,
 * placeholder and plural form against English). Add a language by writing `<code>.ts` (see
 * docs/languages.md) and listing it here.
 */
export const catalogs: Partial<Record<LanguageCode, TranslationCatalog>> = { en, de, hu, sl, it, hr, cs, pl, sk }

export function isAvailableLanguage(code: string): code is LanguageCode {
  return Object.hasOwn(catalogs, code)
}

/**
 * Picks the first available language among `candidates`, in order (the `?lang=` parameter
 * first, then the browser's preferences). `de-AT` matches `de`; unknown or empty candidates
 * are skipped; nothing matching gives English.
 */
export function pickLanguage(candidates: readonly (string | null | undefined)[]): LanguageCode {
  for (const candidate of candidates) {
    if (!candidate) continue
    const code = candidate.trim().toLowerCase()
    if (isAvailableLanguage(code)) return code
    const base = code.split(/[-_]/)[0] ?? ''
    if (isAvailableLanguage(base)) return base
  }
  return defaultLanguage
}
