import type { MiddlewareHandler } from 'hono'

/** The CSP without `connect-src`, which names the sync endpoint's origin (below). */
const policyBase = [
  "default-src 'self'",
  "script-src 'self'",
  // Solid and Konva set style attributes; no inline scripts are allowed.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' blob: data:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
]

/**
 * Browser features the board never uses, denied to it and to anything it might embed; fullscreen
 * (the analysis view) stays with the board's own origin.
 */
const permissionsPolicy = [
  'accelerometer=()',
  'camera=()',
  'display-capture=()',
  'fullscreen=(self)',
  'geolocation=()',
  'gyroscope=()',
  'hid=()',
  'magnetometer=()',
  'microphone=()',
  'midi=()',
  'payment=()',
  'serial=()',
  'usb=()',
].join(', ')

/** A year; without `includeSubDomains`, which would bind other hosts of the operator's domain. */
const strictTransportSecurity = 'max-age=31536000'

const defaults: ReadonlyArray<[string, string]> = [
  ['X-Content-Type-Options', 'nosniff'],
  ['X-Frame-Options', 'DENY'],
  ['Referrer-Policy', 'strict-origin-when-cross-origin'],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
  ['Permissions-Policy', permissionsPolicy],
]

/** A `Host` header fit to be written into a CSP source (a host name or address and a port). */
const HOST = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/

/**
 * `connect-src`: the page's own origin and the WebSocket origin the client syncs with
 * (`ws(s)://<the page's host>/sync`, client/board/connection.ts). With PUBLIC_ORIGIN that one
 * host, `wss:` on https; without, the host the request came to, `ws:` and `wss:` (a TLS proxy
 * in front is not known then). Nothing else: no other server may be reached from the board.
 */
export function connectSources(publicOrigin: string | undefined, host: string | undefined): string {
  if (publicOrigin) {
    const url = new URL(publicOrigin)
    return `'self' ${url.protocol === 'https:' ? 'wss' : 'ws'}://${url.host}`
  }
  if (!host || !HOST.test(host)) return "'self'"
  return `'self' ws://${host} wss://${host}`
}

export interface SecurityHeaderOptions {
  /** PUBLIC_ORIGIN: names the WebSocket origin; https turns on HSTS */
  publicOrigin?: string | undefined
}

/**
 * Headers every answer carries: no sniffing, no framing, a CSP fit for the SPA whose
 * `connect-src` is the board's own origin, a Permissions-Policy, and HSTS when the public
 * origin is https (only then is it known that browsers reach us over TLS). A header the route
 * set itself is kept: a route that serves something other than the SPA knows better (the
 * uploaded images' `Content-Security-Policy: default-src 'none'; sandbox`).
 */
export function securityHeaders(options: SecurityHeaderOptions = {}): MiddlewareHandler {
  const { publicOrigin } = options
  const https = publicOrigin?.startsWith('https:') ?? false
  const policy = (connect: string) => [...policyBase, `connect-src ${connect}`].join('; ')
  const fixedPolicy = publicOrigin ? policy(connectSources(publicOrigin, undefined)) : null
  return async function securityHeadersMiddleware(c, next) {
    await next()
    for (const [name, value] of defaults) if (!c.res.headers.has(name)) c.res.headers.set(name, value)
    if (!c.res.headers.has('Content-Security-Policy'))
      c.res.headers.set('Content-Security-Policy', fixedPolicy ?? policy(connectSources(undefined, c.req.header('host'))))
    if (https && !c.res.headers.has('Strict-Transport-Security'))
      c.res.headers.set('Strict-Transport-Security', strictTransportSecurity)
  }
}
