import type { Context } from 'hono'
import type { AppEnv } from './app-env.ts'

/**
 * The client's address for throttling. Behind a proxy (PUBLIC_ORIGIN set) the proxy's own
 * last `X-Forwarded-For` entry; otherwise the socket's peer. Forwarded headers are not trusted
 * without a proxy, or anyone could pick a fresh address for every guess.
 */
export function clientAddress(c: Context<AppEnv>, behindProxy: boolean): string {
  if (behindProxy) {
    const forwarded = c.req
      .header('x-forwarded-for')
      ?.split(',')
      .map((s) => s.trim())
      .filter(Boolean)
    const last = forwarded?.[forwarded.length - 1]
    if (last) return last
  }
  return c.env?.incoming?.socket.remoteAddress ?? 'unknown'
}
