import type { Context, MiddlewareHandler } from 'hono'
import { getCookie } from 'hono/cookie'
import { SESSION_COOKIE, type SessionUser } from '../access.ts'
import type { AppEnv } from '../http/app-env.ts'
import { ApiError } from '../http/errors.ts'
import type { AuthService } from './auth-service.ts'

function tokenOf(c: Context<AppEnv>): string | null {
  const authorization = c.req.header('authorization')
  const bearer = authorization?.match(/^Bearer\s+(\S+)$/i)?.[1]
  return bearer ?? getCookie(c, SESSION_COOKIE) ?? null
}

/** Sets `user` and `sessionToken` from the bearer token or the session cookie (null when none is valid). */
export function authenticate(auth: AuthService): MiddlewareHandler<AppEnv> {
  return async function authenticateMiddleware(c, next) {
    c.set('user', null)
    c.set('sessionToken', null)
    const token = tokenOf(c)
    const found = token ? await auth.authenticate(token) : null
    if (token && found) {
      c.set('user', found.user)
      c.set('sessionToken', token)
    }
    await next()
    if (token && found?.fresh && c.get('sessionToken') === token)
      c.header('Set-Cookie', auth.sessions.cookie(token), { append: true })
  }
}

/** The signed-in user, or 401. */
export function requireUser(c: Context<AppEnv>): SessionUser {
  const user = c.get('user')
  if (!user) throw new ApiError('unauthorized')
  return user
}

/** Middleware form of `requireUser`: 401 before the body is even looked at. */
export function requireSession(): MiddlewareHandler<AppEnv> {
  return async function requireSessionMiddleware(c, next) {
    requireUser(c)
    await next()
  }
}
