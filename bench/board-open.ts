import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { syntheticBoard } from '../shared/analysis/synthetic-board.ts'
import { nowMs, sleep } from './lib/clock.ts'
import { median, round2 } from './lib/stats.ts'
import { type Board, type RefreshBoardTarget, startRefreshBoard } from './lib/targets.ts'
import { BenchClient } from './lib/yclient.ts'

export interface BoardOpenRow {
  elements: number
  /** bytes of the board's stored pieces (fs storage) once compacted */
  storedBytes: number
  /** POST /api/boards with the content, until the 201 */
  createMs: number
  /** a fresh client's connect → first sync done, room not in memory (median) */
  coldMs: number
  /** the same with the room loaded (another client connected) */
  warmMs: number
  samples: number
}

export interface BoardOpenOptions {
  sizes: number[]
  samples: number
  cpuProfDir?: string
}

function bytesUnder(dir: string): number {
  let total = 0
  let entries: string[] = []
  try {
    entries = readdirSync(dir)
  } catch {
    return 0
  }
  for (const name of entries) {
    const full = path.join(dir, name)
    const stat = statSync(full)
    total += stat.isDirectory() ? bytesUnder(full) : stat.size
  }
  return total
}

/** One fresh client's connect → synced time; checks it got every element. */
async function openOnce(server: RefreshBoardTarget, board: Board, elements: number): Promise<number> {
  const started = nowMs()
  const client = new BenchClient({ url: server.wsUrl(board), framing: 'y-websocket', docName: board.docName, token: board.token })
  try {
    await client.synced
    const ms = nowMs() - started
    const got = client.doc.getMap('elements').size
    if (got !== elements) throw new Error(`board open: expected ${elements} elements, the client got ${got}`)
    return ms
  } finally {
    client.destroy()
  }
}

/**
 * Board open: boards of synthetic content (shared/analysis/synthetic-board.ts) created through
 * the API on fs storage in a temp folder; cold = the room was unloaded (ROOM_IDLE_MS=200) and
 * loads from storage for this client; warm = another client holds the room.
 */
export async function boardOpenSection(options: BoardOpenOptions): Promise<BoardOpenRow[]> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'rb-bench-'))
  const server = await startRefreshBoard({
    env: { STORAGE_URL: `fs:${dataDir}`, ROOM_IDLE_MS: '200' },
    cpuProfDir: options.cpuProfDir,
  })
  const rows: BoardOpenRow[] = []
  const unloaded = async (board: Board) => {
    const deadline = Date.now() + 30_000
    for (;;) {
      const reply = await server.control<{ op: 'loaded'; loaded: string[] }>({ op: 'loaded', boardIds: [board.docName] })
      if (reply.loaded.length === 0) return
      if (Date.now() > deadline) throw new Error('the room did not unload within 30 s')
      await sleep(20)
    }
  }
  try {
    for (const elements of options.sizes) {
      const { document } = syntheticBoard(elements)
      const created = nowMs()
      const board = await server.newBoard(document)
      const createMs = round2(nowMs() - created)
      await unloaded(board)
      const cold: number[] = []
      for (let i = 0; i < options.samples; i++) {
        cold.push(await openOnce(server, board, elements))
        await unloaded(board)
      }
      const storedBytes = bytesUnder(path.join(dataDir, 'docs', board.docName))
      const holder = new BenchClient({
        url: server.wsUrl(board),
        framing: 'y-websocket',
        docName: board.docName,
        token: board.token,
      })
      await holder.synced
      const warm: number[] = []
      for (let i = 0; i < options.samples; i++) warm.push(await openOnce(server, board, elements))
      holder.destroy()
      const row: BoardOpenRow = {
        elements,
        storedBytes,
        createMs,
        coldMs: median(cold),
        warmMs: median(warm),
        samples: options.samples,
      }
      rows.push(row)
      console.log(
        `board open ${String(elements).padStart(6)} elements  cold ${row.coldMs} ms  warm ${row.warmMs} ms  stored ${row.storedBytes} B  (create ${createMs} ms)`,
      )
    }
  } finally {
    await server.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
  return rows
}
