import { type Context, Hono } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../http/app-env.ts'
import { ApiError } from '../http/errors.ts'
import { jsonBody } from '../http/json-body.ts'
import type { PasswordReset } from './password-reset.ts'

const ResetRequestBody = z.object({ email: z.string().trim().max(254).pipe(z.email()) })
const ResetBody = z.object({ token: z.string().min(1).max(200), password: z.string().max(1024) })

/** `/api/auth/reset-request` (mail a link, with SMTP_URL) and `/api/auth/reset` (set the password). */
export function resetRoutes(reset: PasswordReset, options: { publicOrigin: string | undefined }) {
  const originOf = (c: Context<AppEnv>) => options.publicOrigin ?? new URL(c.req.url).origin
  return new Hono<AppEnv>()
    .post('/reset-request', jsonBody(ResetRequestBody), async (c) => {
      const result = await reset.request(c.req.valid('json').email, originOf(c))
      if (!result.ok) throw new ApiError(result.error, result.message)
      // the same answer whether or not the address has an account
      return c.json({ status: 'sent' }, 202)
    })
    .post('/reset', jsonBody(ResetBody), async (c) => {
      const { token, password } = c.req.valid('json')
      const result = await reset.reset(token, password)
      if (!result.ok) throw new ApiError(result.error, result.message)
      return c.json({ status: 'reset' }, 200)
    })
}
