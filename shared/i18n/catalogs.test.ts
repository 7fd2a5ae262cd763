import { describe, expect, it } from 'vitest'
import { checkCatalog } from './check-catalog.ts'
import { catalogs, plannedLanguages } from './languages.ts'

describe('every shipped catalog is complete', () => {
  const shipped = Object.entries(catalogs).filter(([code]) => code !== 'en')

  it('ships languages beyond English, all of them planned ones', () => {
    expect(shipped.length).toBeGreaterThan(0)
    for (const [code] of shipped) expect(plannedLanguages).toContain(code)
  })

  for (const [code, catalog] of shipped) {
    it(`${code}: every key, the same placeholders, a form for every plural category of the language`, () => {
      const problems = checkCatalog(code, catalog ?? {})
      expect(problems.missing, 'missing keys').toEqual([])
      expect(problems.unknown, 'keys English does not have').toEqual([])
      expect(problems.placeholders, 'placeholders differ from English').toEqual([])
      expect(problems.plurals, 'plural categories without a form').toEqual([])
      expect(problems.notPlural, 'a count without plural forms').toEqual([])
    })
  }
})
