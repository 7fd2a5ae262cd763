import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { connectSources, securityHeaders } from './security-headers.ts'

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

  it('lets the page connect only to its own origin, and sends HSTS only with an https public origin', async () => {
    const local = await app.request('/page', { headers: { host: '127.0.0.1:8787' } })
    expect(local.headers.get('content-security-policy')).toContain("connect-src 'self' ws://127.0.0.1:8787 wss://127.0.0.1:8787")
    expect(local.headers.get('strict-transport-security')).toBeNull()
    expect(local.headers.get('permissions-policy')).toContain('camera=()')

    const secure = new Hono()
      .use(securityHeaders({ publicOrigin: 'https://board.example.org' }))
      .get('/page', (c) => c.text('spa'))
    const res = await secure.request('http://internal:8787/page')
    expect(res.headers.get('content-security-policy')).toContain("connect-src 'self' wss://board.example.org")
    expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000')

    const plain = new Hono().use(securityHeaders({ publicOrigin: 'http://board.lan:8787' })).get('/page', (c) => c.text('spa'))
    const res2 = await plain.request('http://internal:8787/page')
    expect(res2.headers.get('content-security-policy')).toContain("connect-src 'self' ws://board.lan:8787")
    expect(res2.headers.get('strict-transport-security')).toBeNull()
  })

  it('writes no Host into the policy that is not a host name', () => {
    expect(connectSources(undefined, "evil'; script-src *")).toBe("'self'")
    expect(connectSources(undefined, undefined)).toBe("'self'")
    expect(connectSources(undefined, '[::1]:8787')).toBe("'self' ws://[::1]:8787 wss://[::1]:8787")
  })
})
