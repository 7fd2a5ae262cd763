import { describe, expect, it } from 'vitest'
import { attachment } from '../../../server/export/content-disposition.ts'
import { filenameFromDisposition } from './content-disposition.ts'

describe('filenameFromDisposition', () => {
  it('prefers filename* (RFC 8187) and keeps its letters', () => {
    expect(
      filenameFromDisposition(`attachment; filename="spinnerei-weissenau.md"; filename*=UTF-8''spinnerei-wei%C3%9Fenau.md`),
    ).toBe('spinnerei-weißenau.md')
  })

  it('reads what the server writes, for ASCII and non-ASCII titles', () => {
    expect(filenameFromDisposition(attachment('Přádelna Dvůr Králové', '.pdf'))).toBe('přádelna-dvůr-králové.pdf')
    expect(filenameFromDisposition(attachment('Salt warehouse', '.csv'))).toBe('salt-warehouse.csv')
  })

  it('reads quoted names with escapes and unquoted tokens, parameters in any order and case', () => {
    expect(filenameFromDisposition('attachment; filename="a \\"b\\"; c.json"')).toBe('a "b"; c.json')
    expect(filenameFromDisposition('attachment; FILENAME=board.csv')).toBe('board.csv')
    expect(filenameFromDisposition(`attachment; filename*=utf-8'de'Gr%C3%BC%C3%9Fe.md; filename="gruesse.md"`)).toBe('Grüße.md')
  })

  it('falls back to filename when filename* cannot be decoded, and drops directory parts', () => {
    expect(filenameFromDisposition(`attachment; filename*=UTF-8''%E0%A4%A; filename="ok.md"`)).toBe('ok.md')
    expect(filenameFromDisposition('attachment; filename="../../etc/passwd"')).toBe('passwd')
    expect(filenameFromDisposition('attachment; filename="C:\\\\temp\\\\x.png"')).toBe('x.png')
  })

  it('gives null without a usable name', () => {
    expect(filenameFromDisposition(null)).toBeNull()
    expect(filenameFromDisposition('attachment')).toBeNull()
    expect(filenameFromDisposition('attachment; filename=""')).toBeNull()
    expect(filenameFromDisposition('attachment; filename=".."')).toBeNull()
  })
})
