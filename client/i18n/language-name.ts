import { language } from './locale.ts'

/** A language's name in the UI language (`sl` → "Slovenian" in English, "slovenščina" in Slovenian). */
export function languageName(code: string): string {
  try {
    return new Intl.DisplayNames([language()], { type: 'language' }).of(code) ?? code
  } catch {
    return code
  }
}
