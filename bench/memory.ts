import { syntheticBoard } from '../shared/analysis/synthetic-board.ts'
import { sleep } from './lib/clock.ts'
import { ReceiverPool } from './lib/receivers.ts'
import type { MemoryReading } from './lib/server-control.ts'
import { startRefreshBoard } from './lib/targets.ts'

export interface MemoryRow {
  /** what was measured */
  metric: 'per idle board' | 'per connection' | 'unloaded rooms returned'
  /** how many boards / connections, and their size */
  count: number
  elementsPerBoard: number
  /** heap (V8 heapUsed + external) and RSS per unit, in bytes; for "returned", the share returned (0–1) */
  heapBytes: number
  rssBytes: number
}

export interface MemoryOptions {
  boards: number
  elementsPerBoard: number
  connections: number
  /** receiver processes for the connections */
  processes?: number
  cpuProfDir?: string
}

const heapOf = (m: MemoryReading) => m.heapUsed + m.external

/**
 * Server memory (bench/rb-server.ts with --expose-gc; every reading after two full GCs):
 * - per idle board: load `boards` rooms (each holding a synthetic board) without connections,
 *   (after − before) / boards;
 * - unloaded rooms returned: unload them all again; returned = (loaded − after unload) / (loaded − before);
 * - per connection: `connections` clients (with presence, as the app's provider) on one board.
 */
export async function memorySection(options: MemoryOptions): Promise<MemoryRow[]> {
  const server = await startRefreshBoard({ env: { ROOM_IDLE_MS: String(3_600_000) }, cpuProfDir: options.cpuProfDir })
  const rows: MemoryRow[] = []
  try {
    const content = options.elementsPerBoard > 0 ? syntheticBoard(options.elementsPerBoard).document : undefined
    const ids: string[] = []
    let token = ''
    for (let i = 0; i < options.boards; i++) {
      const board = await server.newBoard(content)
      ids.push(board.docName)
      token = board.token
    }
    // creating a board loads its room: start from none loaded
    await server.control({ op: 'unload', boardIds: ids })
    await sleep(200)
    const before = await server.memory()
    if (!before.gcExposed) console.warn('memory: global.gc is not exposed; readings include garbage')
    await server.control({ op: 'load', boardIds: ids })
    const loaded = await server.memory()
    if (loaded.rooms < options.boards) throw new Error(`memory: only ${loaded.rooms} of ${options.boards} rooms loaded`)
    rows.push({
      metric: 'per idle board',
      count: options.boards,
      elementsPerBoard: options.elementsPerBoard,
      heapBytes: Math.round((heapOf(loaded) - heapOf(before)) / options.boards),
      rssBytes: Math.round((loaded.rss - before.rss) / options.boards),
    })
    await server.control({ op: 'unload', boardIds: ids })
    await sleep(200)
    const after = await server.memory()
    const share = (a: number, l: number, b: number) => (l - b > 0 ? Math.round(((l - a) / (l - b)) * 100) / 100 : Number.NaN)
    rows.push({
      metric: 'unloaded rooms returned',
      count: options.boards,
      elementsPerBoard: options.elementsPerBoard,
      heapBytes: share(heapOf(after), heapOf(loaded), heapOf(before)),
      rssBytes: share(after.rss, loaded.rss, before.rss),
    })

    // connections: one board, held loaded by the first client
    const board = { docName: ids[0] as string, token }
    const base = await server.memory()
    const pool = await ReceiverPool.start(options.connections, options.processes ?? (options.connections > 100 ? 2 : 1))
    try {
      await pool.open({ url: server.wsUrl(board), framing: 'y-websocket', docName: board.docName, token, presence: true })
      await sleep(500)
      const connected = await server.memory()
      if (connected.connections < options.connections)
        throw new Error(`memory: only ${connected.connections} of ${options.connections} connections open`)
      // the room itself was loaded by the first connection: subtract one idle board
      const roomHeap = rows[0]?.heapBytes ?? 0
      const roomRss = rows[0]?.rssBytes ?? 0
      rows.push({
        metric: 'per connection',
        count: options.connections,
        elementsPerBoard: options.elementsPerBoard,
        heapBytes: Math.round((heapOf(connected) - heapOf(base) - roomHeap) / options.connections),
        rssBytes: Math.round((connected.rss - base.rss - roomRss) / options.connections),
      })
    } finally {
      await pool.close()
    }
    for (const row of rows)
      console.log(
        `memory     ${row.metric.padEnd(24)} ×${row.count} (${row.elementsPerBoard} el.)  heap ${row.heapBytes}  rss ${row.rssBytes}`,
      )
  } finally {
    await server.stop()
  }
  return rows
}
