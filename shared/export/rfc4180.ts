/**
 * RFC 4180 writing: fields are quoted when they hold a comma, a double quote, CR or LF (or
 * start or end with a space, which some spreadsheet programs trim), quotes are doubled, and
 * every record ends with CRLF.
 */
const NEEDS_QUOTES = /[",\r\n]|^ | $/

export function csvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value
}

export function csvRecord(fields: readonly string[]): string {
  return `${fields.map(csvField).join(',')}\r\n`
}

/** Records as one CSV text (no byte order mark; callers add one for spreadsheet programs). */
export function writeCsv(records: readonly (readonly string[])[]): string {
  return records.map(csvRecord).join('')
}
