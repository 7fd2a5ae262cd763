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

/** Headers every answer carries: no sniffing, no framing, a CSP fit for the SPA. */
export function securityHeaders(): MiddlewareHandler {
  return async function securityHeadersMiddleware(c, next) {
    await next()
    c.res.headers.set('X-Content-Type-Options', 'nosniff')
    c.res.headers.set('X-Frame-Options', 'DENY')
    c.res.headers.set('Referrer-Policy', 'strict-origin-when-cross-origin')
    c.res.headers.set('Content-Security-Policy', contentSecurityPolicy)
    c.res.headers.set('Cross-Origin-Opener-Policy', 'same-origin')
  }
}
