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

const translators = new Map<LanguageCode, Translator<MessageKey>>()

/** The translator for `language`, built once per language. */
export function translatorFor(language: LanguageCode): Translator<MessageKey> {
  let translator = translators.get(language)
  if (!translator) {
    translator = createTranslator<MessageKey>(language, catalogs[language] ?? {}, en)
    translators.set(language, translator)
  }
  return translator
}

/** English `t`, for code that has no language context (logs, tests). */
export const t = translatorFor('en')
