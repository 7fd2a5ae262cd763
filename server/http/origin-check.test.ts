import { describe, expect, it } from 'vitest'
import { isOriginAllowed } from './origin-check.ts'

describe('isOriginAllowed', () => {
  it('lets requests without Origin through (the session decides)', () => {
    expect(isOriginAllowed(undefined, 'localhost:8787', undefined)).toBe(true)
    expect(isOriginAllowed(undefined, undefined, 'https://board.example.org')).toBe(true)
  })

  it('without PUBLIC_ORIGIN wants the Host the request was sent to', () => {
    expect(isOriginAllowed('http://localhost:8787', 'localhost:8787', undefined)).toBe(true)
    expect(isOriginAllowed('http://127.0.0.1:8787', '127.0.0.1:8787', undefined)).toBe(true)
    expect(isOriginAllowed('https://board.local', 'board.local', undefined)).toBe(true)
    expect(isOriginAllowed('http://example.org', 'example.org:80', undefined)).toBe(true)
    expect(isOriginAllowed('http://LOCALHOST:8787', 'localhost:8787', undefined)).toBe(true)
    expect(isOriginAllowed('http://localhost:8787', '127.0.0.1:8787', undefined)).toBe(false)
    expect(isOriginAllowed('http://evil.example', 'localhost:8787', undefined)).toBe(false)
    expect(isOriginAllowed('http://localhost:9999', 'localhost:8787', undefined)).toBe(false)
    expect(isOriginAllowed('null', 'localhost:8787', undefined)).toBe(false)
    expect(isOriginAllowed('file://', 'localhost:8787', undefined)).toBe(false)
    expect(isOriginAllowed('http://localhost:8787', undefined, undefined)).toBe(false)
    expect(isOriginAllowed('http://evil.example', 'evil.example@localhost', undefined)).toBe(false)
  })

  it('with PUBLIC_ORIGIN wants exactly that origin', () => {
    const pub = 'https://board.example.org'
    expect(isOriginAllowed('https://board.example.org', 'internal:8787', pub)).toBe(true)
    expect(isOriginAllowed('https://board.example.org:443', 'internal:8787', pub)).toBe(true)
    expect(isOriginAllowed('http://board.example.org', 'board.example.org', pub)).toBe(false)
    expect(isOriginAllowed('http://internal:8787', 'internal:8787', pub)).toBe(false)
  })
})
