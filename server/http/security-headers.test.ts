import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { securityHeaders } from './security-headers.ts'

const app = new Hono()
  .use(securityHeaders())
  .get('/page', (c) => c.text('spa'))
  .get('/upload', (c) =>
    c.body('bytes', 200, {
      'Content-Type': 'image/png',
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'X-Frame-Options': 'SAMEORIGIN',
    }),
  )

describe('security headers', () => {
  it('gives every answer the defaults', async () => {
    const res = await app.request('/page')
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('x-frame-options')).toBe('DENY')
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
    expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin')
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'")
  })

  it('keeps a header the route set itself, and adds the ones it did not', async () => {
    const res = await app.request('/upload')
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox")
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN')
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
  })
})
