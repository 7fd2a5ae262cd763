import type { enExport } from '../i18n/en-export.ts'
import { type LanguageCode, type MessageKey, plannedLanguages, type Translator, translatorFor } from '../i18n/index.ts'

/**
 * The words of the exports, in one language: the strategy brief's headings and sentences
 * (`export.brief.*` in `shared/i18n/en-export.ts`), its relationship sentences, the "what
 * changed" field and kind names, and the enumerations' labels (`enum.*`). English is the
 * default; `?lang=` (or the requester's UI language) picks another catalog, and keys it lacks
 * read in English.
 */
export type BriefTextKey = {
  [K in keyof typeof enExport]: K extends `export.brief.${infer Name}` ? Name : never
}[keyof typeof enExport]

export interface BriefWords {
  /** The language's catalog (English where it lacks a key). */
  readonly t: Translator<MessageKey>
  readonly language: LanguageCode
  /**
   * The sentence for `key` with `{name}` placeholders filled in. A message with plural forms
   * takes the form for the number `count` (the language's `Intl.PluralRules`); numbers passed
   * are written as the language writes them (`1,200`, `1.200`).
   */
  say(key: BriefTextKey, params?: Record<string, string | number>): string
  /** The label of an enumeration value (`enum.<enumeration>.<value>`), else the value itself. */
  enumLabel(enumeration: string, value: string): string
  /** "Makers e.V. operates Open workshop" */
  relationSentence(relation: string, from: string, to: string): string
  /** A field's name as the "what changed" section writes it ("space need"). */
  fieldName(field: string): string
  /** An element kind as a sentence names it ("actor "Makers e.V.""). */
  kindName(kind: string): string
}

/** The export's language from a `?lang=`-style code: `de-AT` → `de`; unknown or absent → undefined. */
export function exportLanguage(code: string | null | undefined): LanguageCode | undefined {
  const language = code?.trim().toLowerCase().split(/[-_]/)[0] ?? ''
  return (plannedLanguages as readonly string[]).includes(language) ? (language as LanguageCode) : undefined
}

const cache = new Map<string, BriefWords>()

/** The exports' words in `language` (default English). */
export function briefWords(language: LanguageCode = 'en'): BriefWords {
  const known = cache.get(language)
  if (known) return known
  const t = translatorFor(language)
  const has = (key: string): key is MessageKey => t.has(key)
  const words: BriefWords = {
    t,
    language,
    say: (key, params = {}) => t(`export.brief.${key}`, params),
    enumLabel: (enumeration, value) => {
      const key = `enum.${enumeration}.${value}`
      return has(key) ? t(key) : value
    },
    relationSentence: (relation, from, to) => {
      const key = `export.relationSentence.${relation}`
      return has(key) ? t(key, { from, to }) : `${from} ${words.enumLabel('relation', relation)} ${to}`
    },
    fieldName: (field) => {
      const key = `export.field.${field}`
      return has(key) ? t(key) : field
    },
    kindName: (kind) => {
      const key = `export.kind.${kind}`
      return has(key) ? t(key) : kind
    },
  }
  cache.set(language, words)
  return words
}

/** English, for callers without a language. */
export const englishWords: BriefWords = briefWords('en')
