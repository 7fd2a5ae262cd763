import type { MiddlewareHandler } from 'hono'
import type { Logger } from '../logger.ts'
import type { AppEnv } from './app-env.ts'

/** Invite tokens in paths are secrets: anyone who reads the log could join. */
export function redactPath(path: string): string {
  return path
    .replace(/^\/api\/invites\/[^/]+/, '/api/invites/[redacted]')
    .replace(/^\/join\/[^/]+/, '/join/[redacted]')
    .replace(/^(\/api\/boards\/[^/]+\/invites)\/[^/]+/, '$1/[redacted]')
}

/** Probes and scrapes come every few seconds: logged at debug unless they fail. */
const probePaths = new Set(['/livez', '/readyz', '/metrics', '/healthz'])

/** One JSON line per request: method, path (no query string), status, ms, userId. */
export function requestLog(logger: Logger, now: () => number = () => performance.now()): MiddlewareHandler<AppEnv> {
  return async function requestLogMiddleware(c, next) {
    const started = now()
    await next()
    const user = c.get('user')
    const level = c.res.status < 400 && probePaths.has(c.req.path) ? 'debug' : 'info'
    logger[level]('request', {
      method: c.req.method,
      path: redactPath(c.req.path),
      status: c.res.status,
      ms: Math.round((now() - started) * 10) / 10,
      userId: user?.id ?? null,
    })
  }
}
