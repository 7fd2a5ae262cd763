import type { MiddlewareHandler } from 'hono'
import { ApiError } from './errors.ts'

const stateChanging = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

function parseOrigin(value: string): URL | null {
  try {
    const url = new URL(value)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null
  } catch {
    return null
  }
}

/**
 * The contract's PUBLIC_ORIGIN rule, pure so that the WebSocket upgrade can share it.
 * No Origin (a non-browser client) → allowed; the session decides. With `publicOrigin` only
 * that origin; without it, the origin must name the Host the request was sent to (http or
 * https, default ports normalised).
 */
export function isOriginAllowed(origin: string | undefined, host: string | undefined, publicOrigin: string | undefined): boolean {
  if (origin === undefined || origin === '') return true
  const parsed = parseOrigin(origin)
  if (!parsed) return false
  if (publicOrigin !== undefined) {
    const allowed = parseOrigin(publicOrigin)
    return allowed !== null && allowed.origin === parsed.origin
  }
  if (host === undefined || host === '' || /[/\\@?#\s]/.test(host)) return false
  const expected = parseOrigin(`${parsed.protocol}//${host}`)
  return expected !== null && expected.origin === parsed.origin
}

/** Refuses state-changing requests from a foreign browser origin with 403 `origin_mismatch`. */
export function originCheck(options: { publicOrigin: string | undefined }): MiddlewareHandler {
  return async function originCheckMiddleware(c, next) {
    if (stateChanging.has(c.req.method)) {
      const host = c.req.header('host') ?? new URL(c.req.url).host
      if (!isOriginAllowed(c.req.header('origin'), host, options.publicOrigin)) throw new ApiError('origin_mismatch')
    }
    await next()
  }
}
