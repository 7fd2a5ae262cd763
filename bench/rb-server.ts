import { type IntervalHistogram, monitorEventLoopDelay } from 'node:perf_hooks'
import { loadConfig } from '../server/config.ts'
import { createLogger } from '../server/logger.ts'
import { startServer } from '../server/server.ts'
import type { ServerReply, ServerRequest } from './lib/server-control.ts'

// Refresh Board as the benchmarks run it: the same `startServer` as server/main.ts (no demo),
// in its own process, plus a control channel over IPC that the bench uses to read memory
// (after `global.gc()` when started with --expose-gc) and to load / unload rooms directly.
const config = loadConfig(process.env)
const logger = createLogger(config.logLevel)
const server = await startServer(config, { logger })
const gc = (globalThis as { gc?: () => void }).gc
let loopDelay: IntervalHistogram | null = null
let loopCpu = process.cpuUsage()
const LOOP_RESOLUTION_MS = 1

async function handle(request: ServerRequest): Promise<ServerReply> {
  switch (request.op) {
    case 'memory': {
      if (request.gc && gc) {
        // twice: the first pass may only finalise what the second frees
        gc()
        await new Promise((resolve) => setImmediate(resolve))
        gc()
      }
      const m = process.memoryUsage()
      return {
        op: 'memory',
        gcExposed: !!gc,
        rss: m.rss,
        heapUsed: m.heapUsed,
        external: m.external,
        arrayBuffers: m.arrayBuffers,
        rooms: server.rooms.loadedCount,
        connections: server.sync.connectionCount,
      }
    }
    case 'load':
      for (const id of request.boardIds) await server.rooms.acquire(id)
      return { op: 'ok' }
    case 'unload':
      for (const id of request.boardIds) await server.rooms.unload(id)
      return { op: 'ok' }
    case 'loaded':
      // a room still storing its final state counts as loaded: its files are not settled yet
      return {
        op: 'loaded',
        loaded: request.boardIds.filter((id) => server.rooms.isLoaded(id) || server.rooms.isUnloading(id)),
      }
    case 'loop-delay': {
      if (request.action === 'start') {
        loopDelay?.disable()
        loopDelay = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS })
        loopDelay.enable()
        loopCpu = process.cpuUsage()
      }
      const h = loopDelay
      const used = process.cpuUsage(loopCpu)
      const cpuMs = Math.round((used.user + used.system) / 10) / 100
      // the histogram holds whole intervals (ns); what lies beyond the sampling interval is the block
      const ms = (ns: number) => Math.max(0, Math.round((ns / 1e6 - LOOP_RESOLUTION_MS) * 100) / 100)
      return h && h.count > 0
        ? { op: 'loop-delay', maxMs: ms(h.max), p99Ms: ms(h.percentile(99)), meanMs: ms(h.mean), samples: h.count, cpuMs }
        : { op: 'loop-delay', maxMs: 0, p99Ms: 0, meanMs: 0, samples: 0, cpuMs }
    }
  }
}

process.on('message', (message: { id: number; request: ServerRequest }) => {
  handle(message.request).then(
    (reply) => process.send?.({ id: message.id, reply }),
    (error: unknown) => process.send?.({ id: message.id, error: String(error) }),
  )
})
let stopping = false
const stop = () => {
  if (stopping) return
  stopping = true
  server.close().then(
    () => process.exit(0),
    () => process.exit(1),
  )
}
process.on('SIGTERM', stop)
process.on('disconnect', stop)
process.send?.({ ready: true, url: server.url })
