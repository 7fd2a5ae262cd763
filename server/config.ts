import path from 'node:path'
import { z } from 'zod'
import { type LanguageCode, plannedLanguages } from '../shared/i18n/languages.ts'

const LogLevel = z.enum(['debug', 'info', 'warn', 'error'])

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  STORAGE_URL: z.string().min(1).optional(),
  REDIS_URL: z.string().min(1).optional(),
  PUBLIC_ORIGIN: z
    .string()
    .url()
    .transform((s) => new URL(s).origin)
    .optional(),
  LOG_LEVEL: LogLevel.default('info'),
  MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(16 * 1024 * 1024),
  MAX_MESSAGE_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(4 * 1024 * 1024),
  /** How long a room with no connections stays in memory before it is unloaded. */
  ROOM_IDLE_MS: z.coerce.number().int().nonnegative().default(30_000),
  /**
   * Interval of WebSocket pings; a connection that missed one pong is closed, and with it its
   * presence: someone whose network dropped (no close frame) disappears from the others' presence
   * within one to two intervals, instead of awareness's 30 s timeout.
   */
  PING_INTERVAL_MS: z.coerce.number().int().positive().default(5_000),
  /** Where password-reset mail goes out (`smtp://user:pass@host:port`); unset: no mail, the admin command prints links. */
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().min(3).default('Refresh Board <no-reply@refresh-board.local>'),
  /** The language the demo board is created in at the first start (a planned language code; default English). */
  DEMO_LANG: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.enum(plannedLanguages, { error: `must be one of ${plannedLanguages.join(', ')}` }))
    .default('en'),
  /** Skip creating the demo board on an empty store. */
  NO_DEMO: z
    .string()
    .optional()
    .transform((v) => v === '1' || v === 'true'),
  /** Where people report accessibility problems (the accessibility statement's feedback link): an e-mail address or an http(s) URL. */
  ACCESSIBILITY_CONTACT: z
    .string()
    .trim()
    .refine((v) => z.email().safeParse(v).success || /^https?:\/\/\S+$/.test(v), {
      error: 'must be an e-mail address or an http(s) URL',
    })
    .optional(),
  /** The national enforcement body's page, shown in the accessibility statement. */
  ACCESSIBILITY_ENFORCEMENT_URL: z.string().trim().url().optional(),
  /** When set, GET /metrics answers only `Authorization: Bearer <METRICS_TOKEN>` (empty: unset). */
  METRICS_TOKEN: z
    .string()
    .optional()
    .transform((v) => (v ? v : undefined)),
  // Limits against abuse (docs/operations.md "Limits"); 0 turns one off.
  MAX_CONNECTIONS_PER_ADDRESS: limit(100),
  MAX_CONNECTIONS_PER_BOARD: limit(500),
  MAX_UPDATES_PER_SECOND: limit(100),
  MAX_UPDATE_BYTES_PER_SECOND: limit(1024 * 1024),
  MAX_AWARENESS_PER_SECOND: limit(30),
  API_REQUESTS_PER_SECOND: limit(20),
  API_REQUEST_BURST: limit(400),
  MAX_ELEMENTS_PER_BOARD: limit(20_000),
  MAX_COMMENTS_PER_BOARD: limit(2_000),
})

/** A limit: a whole number ≥ 0, where 0 means no limit (Infinity). */
function limit(fallback: number) {
  return z.coerce
    .number()
    .int()
    .nonnegative()
    .default(fallback)
    .transform((n) => (n === 0 ? Number.POSITIVE_INFINITY : n))
}

export type LogLevel = z.infer<typeof LogLevel>

export interface Config {
  port: number
  host: string
  dataDir: string
  storageUrl: string
  redisUrl: string | undefined
  publicOrigin: string | undefined
  logLevel: LogLevel
  maxBodyBytes: number
  maxMessageBytes: number
  roomIdleMs: number
  pingIntervalMs: number
  createDemo: boolean
  /** DEMO_LANG: the demo board's language (its title, frames and notes) */
  demoLanguage: LanguageCode
  smtpUrl: string | undefined
  mailFrom: string
  /** ACCESSIBILITY_CONTACT: e-mail address or URL for accessibility feedback, null when unset */
  accessibilityContact: string | null
  /** ACCESSIBILITY_ENFORCEMENT_URL: the enforcement body's page, null when unset */
  accessibilityEnforcementUrl: string | null
  /** METRICS_TOKEN: the bearer token GET /metrics wants; undefined: /metrics is open */
  metricsToken: string | undefined
  /** limits against abuse; Infinity where the operator turned one off (0) */
  limits: Limits
}

export interface Limits {
  /** sockets open at once on the sync endpoint from one client address (4429 beyond) */
  connectionsPerAddress: number
  /** sockets open at once on one board, on this instance (4429 beyond) */
  connectionsPerBoard: number
  /** document updates per second per connection, with a burst of 10 s of them (4429 beyond) */
  updatesPerSecond: number
  /** update bytes per second per connection, with a burst of 16 s of them (4429 beyond) */
  updateBytesPerSecond: number
  /** presence messages per second per connection, with a burst of 2 s of them (dropped beyond) */
  awarenessPerSecond: number
  /** REST requests (`/api/*`) per second per client address, and how many at once (429 beyond) */
  apiRequestsPerSecond: number
  apiRequestBurst: number
  /** elements on one board: an update that would go past it has its new elements refused */
  elementsPerBoard: number
  /** comments on one board, replies included: a new one past it is refused (413) */
  commentsPerBoard: number
}

/** Reads the configuration once, from the environment (see README "Configuration"). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new Error(`Invalid configuration: ${issue?.path.join('.')}: ${issue?.message}`)
  }
  const e = parsed.data
  const dataDir = path.resolve(e.DATA_DIR)
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    storageUrl: e.STORAGE_URL ?? `fs:${dataDir}`,
    redisUrl: e.REDIS_URL,
    publicOrigin: e.PUBLIC_ORIGIN,
    logLevel: e.LOG_LEVEL,
    maxBodyBytes: e.MAX_BODY_BYTES,
    maxMessageBytes: e.MAX_MESSAGE_BYTES,
    roomIdleMs: e.ROOM_IDLE_MS,
    pingIntervalMs: e.PING_INTERVAL_MS,
    createDemo: !e.NO_DEMO,
    demoLanguage: e.DEMO_LANG,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    accessibilityContact: e.ACCESSIBILITY_CONTACT ?? null,
    accessibilityEnforcementUrl: e.ACCESSIBILITY_ENFORCEMENT_URL ?? null,
    metricsToken: e.METRICS_TOKEN,
    limits: {
      connectionsPerAddress: e.MAX_CONNECTIONS_PER_ADDRESS,
      connectionsPerBoard: e.MAX_CONNECTIONS_PER_BOARD,
      updatesPerSecond: e.MAX_UPDATES_PER_SECOND,
      updateBytesPerSecond: e.MAX_UPDATE_BYTES_PER_SECOND,
      awarenessPerSecond: e.MAX_AWARENESS_PER_SECOND,
      apiRequestsPerSecond: e.API_REQUESTS_PER_SECOND,
      apiRequestBurst: e.API_REQUEST_BURST,
      elementsPerBoard: e.MAX_ELEMENTS_PER_BOARD,
      commentsPerBoard: e.MAX_COMMENTS_PER_BOARD,
    },
  }
}
