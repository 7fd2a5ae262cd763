/**
 * A message is plain text with `{name}` placeholders, or a set of plural forms chosen by the
 * `count` parameter through `Intl.PluralRules` (CLDR categories; Slavic languages use `few` and
 * `many`, so a catalog may hold any of them, but always `other`).
 */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }
export type Message = string | PluralForms

/** Interpolation values; numbers are formatted for the language (12 000 vs 12,000). */
export type MessageParams = Record<string, string | number>

export type Catalog = Readonly<Record<string, Message>>
