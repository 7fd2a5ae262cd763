import { z } from 'zod'

/**
 * Field schemas with one plain-English message each. Messages read after the field name:
 * "areaM2" + " must be a number ≥ 0". A missing required field always says "is required".
 */

type IssueLike = { input?: unknown }
const say = (message: string) => (issue: IssueLike) => (issue.input === undefined ? 'is required' : message)

export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/
const ID_MESSAGE = 'must be 1–64 characters of A–Z, a–z, 0–9, "_" or "-"'

/** A well-formed element id. Ids in references (`from`, `to`, `zone`, `refs`) use it too. */
export const ElementId = z
  .string({ error: say(ID_MESSAGE) })
  .regex(ID_PATTERN, { error: ID_MESSAGE })
  .brand<'ElementId'>()
export type ElementId = z.infer<typeof ElementId>
export const isElementId = (value: unknown): value is ElementId => typeof value === 'string' && ID_PATTERN.test(value)

/** Board ids follow the same URL-safe rule; kept unbranded here so servers can brand their own. */
export const UrlSafeId = z.string({ error: say(ID_MESSAGE) }).regex(ID_PATTERN, { error: ID_MESSAGE })

export const finiteNumber = () => z.number({ error: say('must be a finite number') })

export const positiveNumber = () => z.number({ error: say('must be a number > 0') }).gt(0, { error: 'must be a number > 0' })

export const nonNegativeNumber = () => z.number({ error: say('must be a number ≥ 0') }).min(0, { error: 'must be a number ≥ 0' })

export const score1to5 = () => {
  const message = 'must be a whole number from 1 to 5'
  return z
    .int({ error: say(message) })
    .min(1, { error: message })
    .max(5, { error: message })
}

export const text = (maxChars: number) => {
  const message = `must be text of at most ${maxChars} characters`
  return z.string({ error: say(message) }).max(maxChars, { error: message })
}

export const flag = () => z.boolean({ error: say('must be true or false') })

const COUNTRY_MESSAGE = 'must be a two-letter ISO 3166-1 country code in capitals, like "DE"'
export const CountryCode = z.string({ error: say(COUNTRY_MESSAGE) }).regex(/^[A-Z]{2}$/, { error: COUNTRY_MESSAGE })

const MONTH_MESSAGE = 'must be a month written YYYY-MM, like "2027-03"'
export const YearMonth = z.string({ error: say(MONTH_MESSAGE) }).regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: MONTH_MESSAGE })

const LANGUAGE_MESSAGE = 'must be keyed by language codes like "de", "sl" or "pt-BR"'
export const LanguageCode = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, { error: LANGUAGE_MESSAGE })

/** Translations of `label`, keyed by language code; keys sorted so output is deterministic. */
export const Labels = z
  .record(LanguageCode, text(500), {
    error: (issue) =>
      issue.code === 'invalid_key' ? LANGUAGE_MESSAGE : say('must map language codes to text, like {"de": "Halle B"}')(issue),
  })
  .transform((labels) => sortKeys(labels))

export function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  const sorted: Record<string, T> = {}
  for (const key of Object.keys(record).sort()) {
    const value = record[key]
    if (value !== undefined) sorted[key] = value
  }
  return sorted
}
