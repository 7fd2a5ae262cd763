/** The IPC requests bench/rb-server.ts answers. */
export type ServerRequest =
  | { op: 'memory'; gc: boolean }
  | { op: 'load'; boardIds: string[] }
  | { op: 'unload'; boardIds: string[] }
  | { op: 'loaded'; boardIds: string[] }

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

export type ServerReply = MemoryReading | { op: 'ok' } | { op: 'loaded'; loaded: string[] }
