import type { BoardDocument } from '../schema/document.ts'
import type { Element } from '../schema/elements.ts'
import { elementSchemas } from '../schema/elements.ts'
import { elementKinds } from '../schema/enums.ts'
import { type CsvDelimiter, writeCsv } from './rfc4180.ts'

/** UTF-8 byte order mark: spreadsheet programs need it to read č, ő, ł right. */
export const BOM = '\uFEFF'

const LEADING_COLUMNS = ['id', 'kind', 'label', 'x', 'y', 'w', 'h'] as const

/**
 * The element columns: id, kind, label, x, y, w, h, then every other field of every kind in
 * schema order (kinds in `elementKinds` order, fields in each schema's key order), without
 * `labels`, whose translations become `labels.<language>` columns at the end.
 */
export const elementColumns: readonly string[] = (() => {
  const columns: string[] = [...LEADING_COLUMNS]
  for (const kind of elementKinds) {
    for (const field of Object.keys(elementSchemas[kind].shape)) {
      if (field !== 'labels' && !columns.includes(field)) columns.push(field)
    }
  }
  return columns
})()

/**
 * Free-text columns written by workshop participants. A cell there that starts with `=`,
 * `+`, `-`, `@`, tab or CR would run as a formula in a spreadsheet program (CSV injection),
 * so it gets a leading `'`, which spreadsheets hide. Numbers, enums and ids are never
 * touched (x = -50 stays -50).
 */
const FREE_TEXT = new Set(['label', 'legalForm', 'horizon', 'alt'])
const FORMULA_START = /^[=+\-@\t\r]/

export interface CsvOptions {
  /** Prefix formula-like free text with `'` (default true). */
  neutraliseFormulas?: boolean
  /** `,` (default) or `;` (`?delimiter=semicolon`); the columns and values are the same. */
  delimiter?: CsvDelimiter
}

function cell(value: unknown): string {
  if (value === undefined || value === null) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  // `refs`: ids cannot hold ';', so joining is unambiguous
  if (Array.isArray(value)) return value.map((item) => cell(item)).join(';')
  return JSON.stringify(value)
}

function labelLanguages(elements: readonly Element[]): string[] {
  const languages = new Set<string>()
  for (const element of elements) for (const language of Object.keys(element.labels ?? {})) languages.add(language)
  return [...languages].sort()
}

/**
 * One row per element with every field (docs/exports.md): a header row, then the elements
 * in document order. RFC 4180, CRLF line ends, UTF-8 with BOM; numbers raw (`1500`, `-50`,
 * `0.25`), booleans `true`/`false`, `refs` joined with `;`, empty for absent fields.
 * Deterministic: the same document gives the same text.
 */
export function toCsv(document: BoardDocument, options: CsvOptions = {}): string {
  const neutralise = options.neutraliseFormulas ?? true
  const languages = labelLanguages(document.elements)
  const header = [...elementColumns, ...languages.map((language) => `labels.${language}`)]
  const guard = (column: string, text: string) =>
    neutralise && (FREE_TEXT.has(column) || column.startsWith('labels.')) && FORMULA_START.test(text) ? `'${text}` : text
  const rows = document.elements.map((element) => {
    const fields = element as Record<string, unknown>
    return [
      ...elementColumns.map((column) => guard(column, cell(fields[column]))),
      ...languages.map((language) => guard(`labels.${language}`, element.labels?.[language] ?? '')),
    ]
  })
  return BOM + writeCsv([header, ...rows], options.delimiter ?? ',')
}
