import type { MiddlewareHandler } from 'hono'

const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  // Solid and Konva set style attributes; no inline scripts are allowed.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' blob: data:",
  "font-src 'self' data:",
  "connect-src 'self' ws: wss:",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ')

const defaults: ReadonlyArray<[string, string]> = [
  ['X-Content-Type-Options', 'nosniff'],
  ['X-Frame-Options', 'DENY'],
  ['Referrer-Policy', 'strict-origin-when-cross-origin'],
  ['Content-Security-Policy', contentSecurityPolicy],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
]

/**
 * Headers every answer carries: no sniffing, no framing, a CSP fit for the SPA. A header the
 * route set itself is kept: a route that serves something other than the SPA knows better
 * (the uploaded images' `Content-Security-Policy: default-src 'none'; sandbox`).
 */
export function securityHeaders(): MiddlewareHandler {
  return async function securityHeadersMiddleware(c, next) {
    await next()
    for (const [name, value] of defaults) if (!c.res.headers.has(name)) c.res.headers.set(name, value)
  }
}
