import { createMemo, createRoot } from 'solid-js'
import { describe, expect, it } from 'vitest'
import { ApiError } from '../api.ts'
import { errorMessage } from './error-message.ts'
import {
  detectLanguage,
  detectLocale,
  enumLabel,
  formatNumber,
  formatRelativeTime,
  language,
  setLanguage,
  setLocale,
  t,
} from './locale.ts'

describe('detectLanguage', () => {
  it('prefers ?lang= over the browser, and falls back to English', () => {
    expect(detectLanguage('?lang=en', ['de-DE'])).toBe('en')
    expect(detectLanguage('?lang=de', ['en-GB'])).toBe('de')
    expect(detectLanguage('?lang=xx', ['en-GB'])).toBe('en')
    expect(detectLanguage('', ['sl-SI', 'de'])).toBe('sl')
    expect(detectLanguage('', ['fr-FR'])).toBe('en')
    expect(detectLanguage('', [])).toBe('en')
  })
})

describe('detectLocale', () => {
  it('follows ?lang= and the browser among all planned languages, texts or not', () => {
    expect(detectLocale('?lang=de', ['en-GB'])).toBe('de')
    expect(detectLocale('', ['hu-HU', 'de'])).toBe('hu')
    expect(detectLocale('?lang=xx', ['sl-SI'])).toBe('sl')
    expect(detectLocale('', ['fr-FR'])).toBe('en')
  })
})

describe('numbers in the locale', () => {
  it('writes numbers, also those filled into messages, in the locale while the words stay English', () => {
    setLocale('de')
    try {
      expect(formatNumber(1200.5)).toBe('1.200,5')
      expect(t('presence.count', { count: 1200 })).toBe('1.200 people here')
    } finally {
      setLocale('en')
    }
    expect(t('presence.count', { count: 1200 })).toBe('1,200 people here')
  })
})

describe('client t', () => {
  it('translates in the current language and sets <html lang>', () => {
    setLanguage('en')
    expect(language()).toBe('en')
    expect(document.documentElement.lang).toBe('en')
    expect(t('connection.connected')).toBe('Connected')
  })

  it('is reactive: memos reading it depend on the language signal', () => {
    createRoot((dispose) => {
      const label = createMemo(() => t('presence.count', { count: 3 }))
      expect(label()).toBe('3 people here')
      dispose()
    })
  })
})

describe('enumLabel', () => {
  it('labels known values and shows unknown ones as they are', () => {
    expect(enumLabel('sector', 'creative')).toBe('Creative industries')
    expect(enumLabel('heritageStatus', 'listed')).toBe('Listed monument')
    expect(enumLabel('heritageStatus', 'Kulturdenkmal')).toBe('Kulturdenkmal')
  })
})

describe('errorMessage', () => {
  it('maps API error codes to catalog text, never the server’s own message', () => {
    expect(errorMessage(new ApiError('email_taken', 'An account with this email exists already.', 409))).toBe(
      t('error.email_taken'),
    )
    expect(errorMessage(new ApiError('too_many_requests', 'slow down', 429, 30))).toBe(
      'Too many attempts. Try again in 30 seconds.',
    )
    expect(errorMessage(new ApiError('too_many_requests', 'slow down', 429, 898))).toBe(
      'Too many attempts. Try again in 15 minutes.',
    )
    expect(errorMessage(new ApiError('something_new', 'x', 418))).toBe(t('error.generic'))
    expect(errorMessage(new Error('boom'))).toBe(t('error.generic'))
  })
})

describe('formatRelativeTime', () => {
  it('speaks in the UI language', () => {
    const now = new Date('2026-11-25T12:00:00Z')
    expect(formatRelativeTime(new Date('2026-11-25T11:55:00Z'), now)).toBe('5 minutes ago')
    expect(formatRelativeTime(new Date('2026-11-24T12:00:00Z'), now)).toBe('yesterday')
  })
})
