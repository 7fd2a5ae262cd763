import { describe, expect, it } from 'vitest'
import { attachment, unicodeSlug } from './content-disposition.ts'

describe('attachment', () => {
  it('gives an ASCII slug, and filename* only when the title has letters outside ASCII', () => {
    expect(attachment('Spinnerei Pottendorf', '.csv')).toBe('attachment; filename="spinnerei-pottendorf.csv"')
    expect(attachment('Łódź: Przędzalnia Scheiblera', '.md')).toBe(
      `attachment; filename="lodz-przedzalnia-scheiblera.md"; filename*=UTF-8''%C5%82%C3%B3d%C5%BA-prz%C4%99dzalnia-scheiblera.md`,
    )
    expect(attachment('Weißenau', '.md')).toContain('filename="weissenau.md"')
    expect(attachment('"; evil=1', '.md')).toBe('attachment; filename="evil-1.md"')
    expect(attachment('***', '.csv')).toBe('attachment; filename="board.csv"')
  })
  it('keeps letters of every script in the unicode slug', () => {
    expect(unicodeSlug('Přádelna Dvůr (Hall B)')).toBe('přádelna-dvůr-hall-b')
  })
})
