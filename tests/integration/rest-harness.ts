import type { Storage } from 'unstorage'
import { type AppServices, createApp } from '../../server/app.ts'
import { type Config, loadConfig } from '../../server/config.ts'
import type { AppBindings } from '../../server/http/app-env.ts'
import { createLogger, type Logger } from '../../server/logger.ts'
import { openStorage } from '../../server/storage/create-storage.ts'
import { LogPersistence } from '../../server/storage/log-persistence.ts'
import { UpdateLog } from '../../server/storage/update-log.ts'
import { localFanout } from '../../server/sync/fanout.ts'
import { RoomManager } from '../../server/sync/rooms.ts'

/** The REST app over real storage and the real room manager, driven with `app.request()`. */
export interface RestHarness {
  /** the Hono app itself (its `routes` list every route it answers) */
  app: ReturnType<typeof createApp>['app']
  config: Config
  storage: Storage
  content: RoomManager
  services: AppServices
  logLines: string[]
  request(method: string, path: string, options?: RequestOptions): Promise<ApiResponse>
  close(): Promise<void>
}

export interface RequestOptions {
  body?: unknown
  /** sent as `Authorization: Bearer` */
  token?: string
  /** sent as the session cookie */
  cookie?: string
  headers?: Record<string, string>
  /** the client's socket address (for throttling) */
  address?: string
}

export interface ApiResponse {
  status: number
  headers: Headers
  /** parsed JSON, or the text when it is not JSON */
  body: unknown
  text: string
}

export async function createHarness(
  env: Record<string, string> = {},
  options: { storage?: Storage; clientDir?: string; now?: () => Date } = {},
): Promise<RestHarness> {
  // the routes are driven in-process, thousands of requests from one address: the request rate
  // limit is off here unless a test sets it (tests/integration/limits.test.ts tests it on a real server)
  const config = loadConfig({ STORAGE_URL: 'memory:', NO_DEMO: '1', LOG_LEVEL: 'info', API_REQUESTS_PER_SECOND: '0', ...env })
  const storage = options.storage ?? openStorage(config.storageUrl)
  const logLines: string[] = []
  const logger: Logger = createLogger('info', {}, (line) => logLines.push(line) > 0)
  const content = new RoomManager({
    persistence: new LogPersistence(new UpdateLog({ storage, logger }), logger),
    fanout: localFanout,
    logger,
    idleMs: 60_000,
  })
  const { app, services } = createApp({
    config,
    logger,
    storage,
    content,
    clientDir: options.clientDir ?? '/nonexistent-client-dir',
    ...(options.now ? { now: options.now } : {}),
  })
  return {
    app,
    config,
    storage,
    content,
    services,
    logLines,
    async request(method, path, o = {}) {
      const headers: Record<string, string> = { ...o.headers }
      if (o.token) headers.authorization = `Bearer ${o.token}`
      if (o.cookie) headers.cookie = `rb_session=${o.cookie}`
      let body: string | Uint8Array<ArrayBuffer> | undefined
      if (o.body !== undefined) {
        // bytes (an image) as they are, text as it is, anything else as JSON
        body =
          typeof o.body === 'string' || o.body instanceof Uint8Array
            ? (o.body as string | Uint8Array<ArrayBuffer>)
            : JSON.stringify(o.body)
        headers['content-type'] ??= 'application/json'
      }
      const bindings = { incoming: { socket: { remoteAddress: o.address ?? '10.0.0.1' } } } as unknown as AppBindings
      const res = await app.request(`http://localhost:8787${path}`, { method, headers, body }, bindings)
      const text = await res.text()
      let parsed: unknown = text
      try {
        parsed = JSON.parse(text)
      } catch {}
      return { status: res.status, headers: res.headers, body: parsed, text }
    },
    async close() {
      await content.close()
    },
  }
}

let counter = 0

/** Signs up a fresh account; returns its token and user id. */
export async function signup(h: RestHarness, name = 'User'): Promise<{ token: string; id: string; email: string }> {
  counter++
  const email = `${name.toLowerCase().replace(/\W/g, '')}${counter}-${Date.now()}@example.org`
  const res = await h.request('POST', '/api/auth/signup', {
    body: { email, password: 'correct horse battery', displayName: name },
  })
  if (res.status !== 201) throw new Error(`signup failed: ${res.status} ${res.text}`)
  const body = res.body as { token: string; user: { id: string } }
  return { token: body.token, id: body.user.id, email }
}

export async function createBoard(
  h: RestHarness,
  token: string,
  body: Record<string, unknown> = { title: 'Spinnerei' },
): Promise<string> {
  const res = await h.request('POST', '/api/boards', { token, body })
  if (res.status !== 201) throw new Error(`create board failed: ${res.status} ${res.text}`)
  return (res.body as { board: { id: string } }).board.id
}

export async function invite(h: RestHarness, token: string, boardId: string, body: Record<string, unknown>): Promise<string> {
  const res = await h.request('POST', `/api/boards/${boardId}/invites`, { token, body })
  if (res.status !== 201) throw new Error(`invite failed: ${res.status} ${res.text}`)
  return (res.body as { invite: { token: string } }).invite.token
}

/** Joins by invite, as a guest (no token) or with an account's token. */
export async function join(
  h: RestHarness,
  inviteToken: string,
  as?: string,
  displayName = 'Guest',
): Promise<{ token: string; id: string }> {
  const res = await h.request('POST', `/api/invites/${inviteToken}/join`, { body: { displayName }, ...(as ? { token: as } : {}) })
  if (res.status !== 200) throw new Error(`join failed: ${res.status} ${res.text}`)
  const body = res.body as { token: string; user: { id: string } }
  return { token: body.token, id: body.user.id }
}

export function errorCode(res: ApiResponse): string | undefined {
  return (res.body as { error?: { code?: string } }).error?.code
}
