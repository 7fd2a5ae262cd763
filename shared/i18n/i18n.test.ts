import { describe, expect, it } from 'vitest'
import { refusalCodes } from '../rules/refusals.ts'
import {
  commitments,
  elementKinds,
  fundingSources,
  noteColors,
  relations,
  revenueModels,
  sectors,
  stages,
  stances,
  subsectors,
  useCategories,
} from '../schema/enums.ts'
import { roles } from '../schema/roles.ts'
import { en } from './en.ts'
import { createTranslator, pickLanguage, refusalMessageKey, t, translatorFor } from './index.ts'

describe('t', () => {
  it('returns the English text of a key', () => {
    expect(t('auth.logIn')).toBe('Log in')
  })

  it('fills {name} placeholders and formats numbers for the language', () => {
    expect(t('app.signedInAs', { name: 'Ana Novak' })).toBe('Signed in as Ana Novak')
    expect(t('site.area', { area: 12000 })).toBe('12,000 m²')
  })

  it('leaves a placeholder without a value visible', () => {
    expect(t('app.signedInAs')).toBe('Signed in as {name}')
  })

  it('picks the plural form by count', () => {
    expect(t('presence.count', { count: 1 })).toBe('1 person here')
    expect(t('presence.count', { count: 2 })).toBe('2 people here')
    expect(t('presence.count', { count: 0 })).toBe('0 people here')
    expect(t('boards.matching', { count: 1, total: 4 })).toBe('1 of 4 boards matches')
  })

  it('uses the language’s plural rules (Slavic few/many forms)', () => {
    const polish = createTranslator<'files'>(
      'pl',
      { files: { one: '{count} plik', few: '{count} pliki', many: '{count} plików', other: '{count} pliku' } },
      { files: { one: '{count} file', other: '{count} files' } },
    )
    expect(polish('files', { count: 1 })).toBe('1 plik')
    expect(polish('files', { count: 3 })).toBe('3 pliki')
    expect(polish('files', { count: 5 })).toBe('5 plików')
    expect(polish('files', { count: 22 })).toBe('22 pliki')
  })

  it('falls back to English for keys a translation lacks, and to the key itself last', () => {
    const german = createTranslator<'a' | 'b' | 'c'>('de', { a: 'Anmelden' }, { a: 'Log in', b: 'Sign up' } as Record<
      'a' | 'b' | 'c',
      string
    >)
    expect(german('a')).toBe('Anmelden')
    expect(german('b')).toBe('Sign up')
    expect(german('c')).toBe('c')
    expect(german.has('b')).toBe(true)
    expect(german.has('zzz')).toBe(false)
  })

  it('builds one translator per language', () => {
    expect(translatorFor('en')).toBe(translatorFor('en'))
    expect(translatorFor('en').language).toBe('en')
  })
})

describe('pickLanguage', () => {
  it('takes the first available candidate, matching base languages', () => {
    expect(pickLanguage(['en-GB'])).toBe('en')
    expect(pickLanguage([null, undefined, '', 'EN'])).toBe('en')
  })

  it('matches a regional variant to its language, and falls back to English when nothing matches', () => {
    expect(pickLanguage(['de-AT', 'hu'])).toBe('de')
    expect(pickLanguage(['sl-SI'])).toBe('sl')
    expect(pickLanguage(['fr-FR', 'pt'])).toBe('en')
    expect(pickLanguage([])).toBe('en')
  })
})

describe('the English catalog', () => {
  const enumerations: [string, readonly string[]][] = [
    ['sector', sectors],
    ['subsector', subsectors],
    ['commitment', commitments],
    ['stance', stances],
    ['useCategory', useCategories],
    ['relation', relations],
    ['stage', stages],
    ['noteColor', noteColors],
    ['elementKind', elementKinds],
    ['elementKindPlural', elementKinds],
    ['revenueModel', revenueModels],
    ['fundingSource', fundingSources],
    ['role', roles],
  ]

  it.each(enumerations)('labels every %s value of the board schema', (name, values) => {
    const missing = values.filter((value) => !(`enum.${name}.${value}` in en))
    expect(missing).toEqual([])
  })

  it('has non-empty messages, and every plural message has an `other` form', () => {
    for (const [key, message] of Object.entries(en)) {
      if (typeof message === 'string') expect(message.trim(), key).not.toBe('')
      else expect(message.other, key).toBeTruthy()
    }
  })
})

describe('refusal texts', () => {
  it('say something of their own for every refusal code the server sends, and something for an unknown one', () => {
    for (const code of refusalCodes) {
      const key = refusalMessageKey(code)
      expect(key).toBe(`refusal.${code}`)
      expect(t(key)).not.toBe(key)
    }
    expect(t(refusalMessageKey(null))).toMatch(/not accept/)
  })
})
