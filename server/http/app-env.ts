import type { IncomingMessage } from 'node:http'
import type { SessionUser } from '../access.ts'

/** Per-request values set by middleware; handlers read them with `c.get`. */
export interface AppVariables {
  /** The signed-in user, or null (set by `authenticate`). */
  user: SessionUser | null
  /** The session token the request came with (cookie or bearer), when it was valid. */
  sessionToken: string | null
}

/** `incoming` is present under @hono/node-server, absent under `app.request()` in tests. */
export interface AppBindings {
  incoming?: IncomingMessage
}

export interface AppEnv {
  Variables: AppVariables
  Bindings: AppBindings
}
