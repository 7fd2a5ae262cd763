export { en, type MessageKey } from './en.ts'
export { refusalMessageKey } from './en-refusals.ts'
export {
  catalogs,
  defaultLanguage,
  isAvailableLanguage,
  type LanguageCode,
  pickLanguage,
  plannedLanguages,
  type TranslationCatalog,
} from './languages.ts'
export { createTranslator, type Translator } from './translate.ts'
export type { Catalog, Message, MessageParams, PluralForms } from './types.ts'

import { en, type MessageKey } from './en.ts'
import { catalogs, type LanguageCode } from './languages.ts'
import { createTranslator, type Translator } from './translate.ts'

const translators = new Map<string, Translator<MessageKey>>()

/**
 * The translator for `language`, built once per language. `numberLocale` (default: the
 * language) writes the numbers filled into messages: a German reader of a not yet translated
 * UI reads English words with `1.200`.
 */
export function translatorFor(language: LanguageCode, numberLocale: string = language): Translator<MessageKey> {
  const key = `${language}|${numberLocale}`
  let translator = translators.get(key)
  if (!translator) {
    translator = createTranslator<MessageKey>(language, catalogs[language] ?? {}, en, numberLocale)
    translators.set(key, translator)
  }
  return translator
}

/** English `t`, for code that has no language context (logs, tests). */
export const t = translatorFor('en')
