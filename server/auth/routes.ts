import { Hono } from 'hono'
import { z } from 'zod'
import { plannedLanguages } from '../../shared/i18n/languages.ts'
import type { AppEnv } from '../http/app-env.ts'
import { clientAddress } from '../http/client-address.ts'
import { ApiError } from '../http/errors.ts'
import { jsonBody } from '../http/json-body.ts'
import type { AuthService } from './auth-service.ts'
import { requireUser } from './authenticate.ts'
import { toPublicUser } from './public-user.ts'

export const DisplayName = z.string().trim().min(1).max(80)
const Email = z.string().trim().max(254).pipe(z.email())
const SignupBody = z.object({ email: Email, password: z.string().max(1024), displayName: DisplayName })
const ProfileBody = z.object({
  language: z
    .enum(plannedLanguages, { error: `must be one of ${plannedLanguages.join(', ')}, or null` })
    .nullable()
    .optional(),
})
const LoginBody = z.object({ email: z.string().max(254), password: z.string().max(1024) })

/** `/api/auth/*`: signup, login, logout, me. */
export function authRoutes(auth: AuthService, options: { behindProxy: boolean }) {
  return new Hono<AppEnv>()
    .post('/signup', jsonBody(SignupBody), async (c) => {
      const result = await auth.signup(c.req.valid('json'))
      if (!result.ok) throw new ApiError(result.error, result.message)
      c.set('user', result.value.user) // for the request log
      c.header('Set-Cookie', auth.sessions.cookie(result.value.token), { append: true })
      return c.json({ user: toPublicUser(result.value.user), token: result.value.token }, 201)
    })
    .post('/login', jsonBody(LoginBody), async (c) => {
      const result = await auth.login({ ...c.req.valid('json'), address: clientAddress(c, options.behindProxy) })
      if (!result.ok) {
        if (result.error === 'too_many_requests')
          throw new ApiError('too_many_requests', undefined, { 'Retry-After': String(result.retryAfterSeconds) })
        throw new ApiError('invalid_credentials')
      }
      c.set('user', result.value.user)
      c.header('Set-Cookie', auth.sessions.cookie(result.value.token), { append: true })
      return c.json({ user: toPublicUser(result.value.user), token: result.value.token }, 200)
    })
    .post('/logout', async (c) => {
      const token = c.get('sessionToken')
      c.header('Set-Cookie', auth.sessions.blankCookie(), { append: true })
      if (!token) throw new ApiError('unauthorized')
      await auth.logout(token)
      c.set('sessionToken', null)
      return c.body(null, 204)
    })
    .get('/me', (c) => c.json({ user: toPublicUser(requireUser(c)) }, 200))
    .patch('/me', jsonBody(ProfileBody), async (c) => {
      const updated = await auth.updateProfile(requireUser(c).id, c.req.valid('json'))
      if (!updated) throw new ApiError('unauthorized')
      return c.json({ user: toPublicUser(updated) }, 200)
    })
}
