import { createHash, timingSafeEqual } from 'node:crypto'
import { Hono } from 'hono'
import type { Logger } from '../logger.ts'
import type { ServerMetrics } from '../metrics/registry.ts'
import type { AppEnv } from './app-env.ts'
import { apiError } from './errors.ts'

/** One dependency's answer to a readiness probe. */
export type CheckStatus = 'ok' | 'error' | 'timeout' | 'not_configured'

export interface ReadinessChecks {
  /** resolves when storage answers (a small write and read) */
  storage(): Promise<void>
  /** resolves when Redis (the fan-out) answers; null when REDIS_URL is not set */
  redis: (() => Promise<void>) | null
}

export interface OperationsOptions {
  checks: ReadinessChecks
  metrics: ServerMetrics
  /** METRICS_TOKEN: when set, `/metrics` wants `Authorization: Bearer <token>` */
  metricsToken: string | undefined
  logger: Logger
  /** how long a dependency may take to answer (default 2 s) */
  timeoutMs?: number
  /** how long an answer of /readyz is reused (default 1 s): probes cost a storage write */
  cacheMs?: number
}

type Readiness = { ready: boolean; checks: { storage: CheckStatus; redis: CheckStatus } }

/**
 * The operator's endpoints (docs/operations.md): `GET /livez` 200 while the process serves;
 * `GET /readyz` 200 `{"status":"ok"}` when storage and, if configured, Redis answer within the
 * timeout, else 503 `{"status":"degraded", checks}`; `GET /metrics` the Prometheus text
 * exposition, behind METRICS_TOKEN when it is set (401 without a bearer, 403 with a wrong one;
 * compared in constant time, never logged).
 */
export function operationsRoutes(options: OperationsOptions): Hono<AppEnv> {
  const { checks, metrics, logger } = options
  const timeoutMs = options.timeoutMs ?? 2000
  const cacheMs = options.cacheMs ?? 1000
  const expected = options.metricsToken ? digest(options.metricsToken) : null
  /** the probe in flight, or the last answer until `until` (never rejects) */
  let cached: { until: number; answer: Promise<Readiness> } | null = null
  let wasReady = true

  const probe = async (): Promise<Readiness> => {
    const [storage, redis] = await Promise.all([
      within(checks.storage, timeoutMs),
      checks.redis ? within(checks.redis, timeoutMs) : Promise.resolve<CheckStatus>('not_configured'),
    ])
    const ready = storage === 'ok' && (redis === 'ok' || redis === 'not_configured')
    if (ready !== wasReady) {
      if (ready) logger.info('ready again', { storage, redis })
      else logger.warn('not ready', { storage, redis })
      wasReady = ready
    }
    return { ready, checks: { storage, redis } }
  }

  const app = new Hono<AppEnv>()
  app.get('/livez', (c) => {
    c.header('Cache-Control', 'no-store')
    return c.json({ status: 'ok' }, 200)
  })
  app.get('/readyz', async (c) => {
    // one probe at a time, its answer reused for a moment: a flood of probes is no flood of writes
    if (!cached || performance.now() >= cached.until) {
      const entry = { until: Number.POSITIVE_INFINITY, answer: probe() }
      void entry.answer.then(() => {
        entry.until = performance.now() + cacheMs
      })
      cached = entry
    }
    const { ready, checks: status } = await cached.answer
    c.header('Cache-Control', 'no-store')
    return ready ? c.json({ status: 'ok' }, 200) : c.json({ status: 'degraded', checks: status }, 503)
  })
  app.get('/metrics', async (c) => {
    if (expected) {
      const match = /^Bearer +(\S+) *$/i.exec(c.req.header('authorization') ?? '')
      if (!match)
        return apiError(c, 'unauthorized', 'Send the metrics token: Authorization: Bearer <METRICS_TOKEN>.', {
          'WWW-Authenticate': 'Bearer realm="metrics"',
        })
      if (!timingSafeEqual(digest(match[1] as string), expected)) return apiError(c, 'forbidden', 'The metrics token is wrong.')
    }
    const { body, contentType } = await metrics.render()
    return c.body(body, 200, { 'Content-Type': contentType, 'Cache-Control': 'no-store' })
  })
  return app
}

/** Equal-length digests, so that the comparison takes the same time whatever the token's length. */
function digest(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest()
}

/** Runs a check with a deadline. */
async function within(check: () => Promise<void>, ms: number): Promise<CheckStatus> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const deadline = new Promise<CheckStatus>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms)
    timer.unref?.()
  })
  try {
    return await Promise.race([
      check().then(
        (): CheckStatus => 'ok',
        (): CheckStatus => 'error',
      ),
      deadline,
    ])
  } finally {
    clearTimeout(timer)
  }
}
