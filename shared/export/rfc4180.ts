/**
 * RFC 4180 writing: fields are quoted when they hold the delimiter, a double quote, CR
 * or LF (or start or end with a space, which some spreadsheet programs trim), quotes are
 * doubled, and every record ends with CRLF. The delimiter is a comma, or a semicolon for the
 * spreadsheet programs of languages that write decimals with a comma (German, Slovenian,
 * Italian, Croatian, Hungarian Excel open a comma-separated file as one column).
 */
export type CsvDelimiter = ',' | ';'

const NEEDS_QUOTES: Record<CsvDelimiter, RegExp> = { ',': /[",\r\n]|^ | $/, ';': /[";\r\n]|^ | $/ }

export function csvField(value: string, delimiter: CsvDelimiter = ','): string {
  return NEEDS_QUOTES[delimiter].test(value) ? `"${value.replaceAll('"', '""')}"` : value
}

export function csvRecord(fields: readonly string[], delimiter: CsvDelimiter = ','): string {
  return `${fields.map((field) => csvField(field, delimiter)).join(delimiter)}\r\n`
}

/** Records as one CSV text (no byte order mark; callers add one for spreadsheet programs). */
export function writeCsv(records: readonly (readonly string[])[], delimiter: CsvDelimiter = ','): string {
  return records.map((record) => csvRecord(record, delimiter)).join('')
}
