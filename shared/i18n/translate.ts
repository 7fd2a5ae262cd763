import type { Catalog, Message, MessageParams, PluralForms } from './types.ts'

const placeholder = /\{(\w+)\}/g

function isPluralForms(message: Message): message is PluralForms {
  return typeof message === 'object'
}

/** Fills `{name}` placeholders; a missing parameter stays visible so that it is noticed. */
function interpolate(text: string, params: MessageParams | undefined, numbers: Intl.NumberFormat): string {
  if (!params) return text
  return text.replace(placeholder, (whole, name: string) => {
    const value = params[name]
    if (value === undefined) return whole
    return typeof value === 'number' ? numbers.format(value) : value
  })
}

export interface Translator<Key extends string> {
  readonly language: string
  (key: Key, params?: MessageParams): string
  /** True when the catalog (or its fallback) has `key`; for keys built at run time (enum labels). */
  has(key: string): key is Key
}

/**
 * Builds `t` for one language. Keys missing from `catalog` come from `fallback` (English), so a
 * partial translation never shows a raw key; a key missing from both shows itself.
 */
export function createTranslator<Key extends string>(
  language: string,
  catalog: Partial<Record<Key, Message>>,
  fallback: Record<Key, Message>,
  /** the locale numbers in messages are written in; plural forms follow the language */
  numberLocale: string = language,
): Translator<Key> {
  const plurals = new Intl.PluralRules(language)
  const numbers = new Intl.NumberFormat(numberLocale)
  const lookup = (key: string): Message | undefined => (catalog as Catalog)[key] ?? (fallback as Catalog)[key]

  const t = ((key: Key, params?: MessageParams): string => {
    const message = lookup(key)
    if (message === undefined) return key
    if (!isPluralForms(message)) return interpolate(message, params, numbers)
    const count = params?.count
    const form = typeof count === 'number' ? plurals.select(count) : 'other'
    return interpolate(message[form] ?? message.other, params, numbers)
  }) as Translator<Key>
  Object.defineProperty(t, 'language', { value: language })
  t.has = (key: string): key is Key => lookup(key) !== undefined
  return t
}
