import { en, type MessageKey } from './en.ts'
import type { Message } from './types.ts'

/**
 * What is wrong with a translation catalog, against English: missing and unknown keys, a
 * placeholder English has that the translation lacks or the other way round, and plural
 * messages without a form for every plural category of the language (`Intl.PluralRules`:
 * Slovenian one/two/few/other, Czech, Slovak and Polish one/few/many/other …). Used by the
 * catalog test and by `node --import tsx scripts/check-catalog.ts <lang>` while translating.
 */
export interface CatalogProblems {
  missing: string[]
  unknown: string[]
  placeholders: { key: string; english: string[]; translated: string[] }[]
  plurals: { key: string; lacking: string[] }[]
  /** a plain string where the message depends on {count}: the language's forms cannot be chosen */
  notPlural: string[]
}

const placeholderNames = (message: Message): string[] => {
  const texts = typeof message === 'string' ? [message] : Object.values(message)
  const names = new Set<string>()
  for (const text of texts) for (const match of text.matchAll(/\{(\w+)\}/g)) names.add(match[1] as string)
  return [...names].sort()
}

export function checkCatalog(language: string, catalog: Partial<Record<string, Message>>): CatalogProblems {
  const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories
  const problems: CatalogProblems = { missing: [], unknown: [], placeholders: [], plurals: [], notPlural: [] }
  const english = en as Record<MessageKey, Message>
  for (const key of Object.keys(english) as MessageKey[]) {
    const translated = catalog[key]
    if (translated === undefined) {
      problems.missing.push(key)
      continue
    }
    const source = english[key]
    const a = placeholderNames(source)
    const b = placeholderNames(translated)
    // a plural form may leave out {count} ("one" written as a word), so count is not required
    const needed = a.filter((n) => n !== 'count' || typeof translated === 'string')
    if (needed.some((n) => !b.includes(n)) || b.some((n) => !a.includes(n)))
      problems.placeholders.push({ key, english: a, translated: b })
    if (typeof translated === 'object') {
      const lacking = categories.filter((c) => translated[c] === undefined)
      if (lacking.length > 0) problems.plurals.push({ key, lacking })
    } else if (typeof source === 'object') problems.notPlural.push(key)
  }
  for (const key of Object.keys(catalog)) if (!Object.hasOwn(english, key)) problems.unknown.push(key)
  return problems
}

export const isClean = (p: CatalogProblems): boolean =>
  p.missing.length + p.unknown.length + p.placeholders.length + p.plurals.length + p.notPlural.length === 0
