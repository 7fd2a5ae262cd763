import type { AddressInfo } from 'node:net'
import { type ServerType, serve } from '@hono/node-server'
import type { Storage } from 'unstorage'
import { createApp } from './app.ts'
import { BoardStore } from './boards/board-store.ts'
import { LastChangeTracker, trackingChanges } from './boards/last-change.ts'
import type { Config } from './config.ts'
import { isOriginAllowed } from './http/origin-check.ts'
import { createLogger, type Logger } from './logger.ts'
import { Meters } from './metrics/meters.ts'
import { ServerMetrics } from './metrics/registry.ts'
import { openStorage } from './storage/create-storage.ts'
import { LogPersistence } from './storage/log-persistence.ts'
import { UpdateLog } from './storage/update-log.ts'
import { SyncEndpoint } from './sync/endpoint.ts'
import { type Fanout, localFanout } from './sync/fanout.ts'
import { RedisFanout } from './sync/redis-fanout.ts'
import { RoomManager } from './sync/rooms.ts'

export interface RunningServer {
  /** e.g. http://127.0.0.1:8787 */
  url: string
  port: number
  rooms: RoomManager
  sync: SyncEndpoint
  storage: Storage
  app: ReturnType<typeof createApp>
  /** what /metrics reports: the counters the hot paths add to, and this instance's registry */
  meters: Meters
  metrics: ServerMetrics
  /** Graceful stop: stop accepting, close sockets with 1001, flush and compact every room. */
  close(): Promise<void>
}

export interface StartOptions {
  logger?: Logger
  storage?: Storage
  fanout?: Fanout
}

/** Wires storage, rooms, the HTTP app and the sync endpoint, and listens. */
export async function startServer(config: Config, options: StartOptions = {}): Promise<RunningServer> {
  const logger = options.logger ?? createLogger(config.logLevel)
  const storage = options.storage ?? openStorage(config.storageUrl, { logger })
  const meters = new Meters()
  const fanout = options.fanout ?? (config.redisUrl ? new RedisFanout(config.redisUrl, logger, meters) : localFanout)
  const log = new UpdateLog({ storage, logger, meters })
  const persistence = trackingChanges(new LogPersistence(log, logger), new LastChangeTracker(new BoardStore(storage)))
  const rooms = new RoomManager({
    persistence,
    fanout,
    logger,
    idleMs: config.roomIdleMs,
    meters,
    maxElements: config.limits.elementsPerBoard,
  })
  let sync: SyncEndpoint | null = null
  const metrics = new ServerMetrics({
    meters,
    roomsLoaded: () => rooms.loadedCount,
    connections: () => sync?.connectionCount ?? 0,
  })
  const app = createApp({
    config,
    logger,
    storage,
    content: rooms,
    meters,
    operations: {
      metrics,
      metricsToken: config.metricsToken,
      logger: logger.child({ component: 'readiness' }),
      checks: {
        storage: () => probeStorage(storage),
        redis: config.redisUrl || options.fanout ? () => fanout.check() : null,
      },
    },
  })
  sync = new SyncEndpoint({
    rooms,
    access: app.access,
    logger,
    maxMessageBytes: config.maxMessageBytes,
    pingIntervalMs: config.pingIntervalMs,
    isOriginAllowed: (origin, host) => isOriginAllowed(origin, host, config.publicOrigin),
    meters,
    limits: config.limits,
    behindProxy: config.publicOrigin !== undefined,
  })

  const server: ServerType = await new Promise((resolve, reject) => {
    const s = serve({ fetch: app.app.fetch, port: config.port, hostname: config.host }, () => resolve(s))
    s.once('error', reject)
  })
  server.on('upgrade', (request, socket, head) => {
    try {
      if (!sync.handleUpgrade(request, socket, head)) socket.destroy()
    } catch (error) {
      // handleUpgrade never throws on hostile input; this is the last line, not the first
      logger.error('upgrade failed', { error: String(error) })
      socket.destroy()
    }
  })
  const address = server.address() as AddressInfo
  const host = config.host.includes(':') ? `[${config.host}]` : config.host
  const url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${address.port}`

  let closing: Promise<void> | null = null
  const close = () => {
    closing ??= (async () => {
      const httpClosed = new Promise<void>((resolve) => server.close(() => resolve()))
      await sync.close()
      await rooms.close()
      await fanout.close()
      if ('closeAllConnections' in server) server.closeAllConnections()
      await httpClosed
      await storage.dispose()
    })()
    return closing
  }
  return { url, port: address.port, rooms, sync, storage, app, meters, metrics, close }
}

/** `/readyz`'s storage check: a small write and its read-back (a full disk or a lost Redis fails it). */
async function probeStorage(storage: Storage): Promise<void> {
  const at = Date.now()
  await storage.setItem('health:probe', { at })
  const back = await storage.getItem<{ at: number }>('health:probe')
  if (!back || typeof back.at !== 'number') throw new Error('storage did not give back the probe')
}
