/** The IPC requests bench/rb-server.ts answers. */
export type ServerRequest =
  | { op: 'memory'; gc: boolean }
  | { op: 'load'; boardIds: string[] }
  | { op: 'unload'; boardIds: string[] }
  | { op: 'loaded'; boardIds: string[] }
  /** the server's event-loop delay (perf_hooks monitorEventLoopDelay, 1 ms resolution): `start` resets it, `read` reports since */
  | { op: 'loop-delay'; action: 'start' | 'read' }

export interface MemoryReading {
  op: 'memory'
  gcExposed: boolean
  rss: number
  heapUsed: number
  external: number
  arrayBuffers: number
  rooms: number
  connections: number
}

/** Event-loop delay in ms beyond the 1 ms sampling interval: how long the loop was blocked at worst. */
export interface LoopDelayReading {
  op: 'loop-delay'
  maxMs: number
  p99Ms: number
  meanMs: number
  samples: number
  /** CPU time (user + system) the server process used since `start` */
  cpuMs: number
}

export type ServerReply = MemoryReading | LoopDelayReading | { op: 'ok' } | { op: 'loaded'; loaded: string[] }
