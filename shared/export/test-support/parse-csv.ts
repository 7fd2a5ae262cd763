/**
 * A strict RFC 4180 reader for tests: it refuses what a lenient reader would guess at (a
 * quote inside an unquoted field, text after a closing quote, a bare CR or LF, records of
 * different lengths), so a test that parses our CSV back proves the writer's quoting.
 */
export function parseCsvStrict(text: string, delimiter: ',' | ';' = ','): string[][] {
  const records: string[][] = []
  let record: string[] = []
  let i = 0
  const fail = (message: string): never => {
    throw new Error(`CSV at ${i}: ${message}`)
  }
  const endRecord = () => {
    records.push(record)
    record = []
  }
  while (i < text.length) {
    let field = ''
    if (text[i] === '"') {
      i++
      for (;;) {
        if (i >= text.length) fail('unterminated quoted field')
        const char = text[i]
        if (char === '"') {
          if (text[i + 1] === '"') {
            field += '"'
            i += 2
          } else {
            i++
            break
          }
        } else {
          field += char
          i++
        }
      }
    } else {
      while (i < text.length && text[i] !== delimiter && text[i] !== '\r' && text[i] !== '\n') {
        if (text[i] === '"') fail('quote in an unquoted field')
        field += text[i]
        i++
      }
    }
    record.push(field)
    if (i >= text.length) {
      endRecord()
      break
    }
    const separator = text[i]
    if (separator === delimiter) {
      i++
      if (i >= text.length) {
        record.push('')
        endRecord()
      }
    } else if (separator === '\r' && text[i + 1] === '\n') {
      i += 2
      endRecord()
    } else fail(`unexpected ${JSON.stringify(separator)} after a field`)
  }
  const width = records[0]?.length ?? 0
  records.forEach((r, index) => {
    if (r.length !== width) throw new Error(`CSV record ${index} has ${r.length} fields, the header ${width}`)
  })
  return records
}
