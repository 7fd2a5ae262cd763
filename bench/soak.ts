import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { syntheticBoard } from '../shared/analysis/synthetic-board.ts'
import { nowMs, sleep } from './lib/clock.ts'
import { cpuMeter, machineInfo } from './lib/proc.ts'
import { type BenchWorker, closeWorker, forkWorker } from './lib/receivers.ts'
import type { LoopDelayReading } from './lib/server-control.ts'
import type { SoakClientSpec, SoakReply, SoakRequest, SoakWindow } from './lib/soak-worker.ts'
import { percentiles, round2 } from './lib/stats.ts'
import { type RefreshBoardTarget, startRefreshBoard } from './lib/targets.ts'

// `npm run soak` (not in CI): Refresh Board in its own process (bench/rb-server.ts, fs storage
// in a temp folder as an install's default, the per-connection rate limits at their defaults) under a steady workshop load —
// `--clients` participants on `--boards` boards of 100 elements, `--rate` element edits per
// second per board spread over `--writers` writers per board, and every participant's cursor
// at `--presence` Hz — for `--minutes` (or `--seconds`). Clients run in `--processes` client
// processes (bench/lib/soak-worker.ts), never the server's. Every 10 s a line: edits sent and
// received, errors, p50/p99 writer → receiver latency of that window, server memory, CPU and
// event-loop delay, client CPU. At the end a summary, bench/results/<date>-soak.{json,md}.
//
// `npm run soak -- --capacity`: adds boards of 20 participants step by step — `--step-boards`, or
// a quarter more than it holds (`--growth=1.25`) when that is more — (one
// writer at 2 edits/s, everyone's cursor at 2–5 Hz), measures each step for `--step-seconds`,
// and stops when p99 passes 100 ms, a client errs or disconnects, a client process saturates
// (≥ 90 % of a core: then the limit is the load generator's, and the report says so) or
// `--max-minutes` pass. Writes bench/results/<date>-capacity.{json,md}.

const { values: args } = parseArgs({
  options: {
    minutes: { type: 'string', default: '10' },
    seconds: { type: 'string' },
    boards: { type: 'string', default: '20' },
    clients: { type: 'string', default: '200' },
    rate: { type: 'string', default: '10' },
    writers: { type: 'string', default: '2' },
    presence: { type: 'string', default: '3' },
    processes: { type: 'string', default: '2' },
    elements: { type: 'string', default: '100' },
    capacity: { type: 'boolean', default: false },
    'step-boards': { type: 'string', default: '5' },
    growth: { type: 'string', default: '1.25' },
    'step-seconds': { type: 'string', default: '10' },
    'max-minutes': { type: 'string', default: '5' },
    'limit-ms': { type: 'string', default: '100' },
    out: { type: 'string' },
    /** write a V8 CPU profile of the server to bench/results/profiles/ when it exits */
    profile: { type: 'boolean', default: false },
  },
})

const num = (value: string | undefined, fallback: number): number => {
  const n = Number(value)
  return Number.isFinite(n) && n > 0 ? n : fallback
}
const REPORT_EVERY_MS = 10_000
const BOARD_SIZE = 20
const MB = 2 ** 20
const outDir = path.resolve(import.meta.dirname, args.out ?? 'results')
const date = new Date().toISOString().slice(0, 10)

type Worker = BenchWorker<SoakRequest, SoakReply>

interface WindowRow {
  elapsedS: number
  sent: number
  received: number
  presenceSent: number
  errors: number
  disconnects: number
  samples: number
  p50Ms: number
  p99Ms: number
  maxMs: number
  serverRssMB: number
  serverHeapMB: number
  loopP99Ms: number
  loopMaxMs: number
  serverCpu: number
  /** CPU share of one core of each client process */
  clientCpu: number[]
  loadAverage: number
}

/** A server, client processes, and the boards opened on them so far. */
class Load {
  readonly #workers: Worker[]
  readonly #server: RefreshBoardTarget
  readonly #dataDir: string
  readonly #content = syntheticBoard(num(args.elements, 100)).document
  /** per board index, its participants */
  readonly boardSizes: number[] = []
  #meter: { stop(): number }
  #lastErrors = 0
  #lastDisconnects = 0
  failedOpens = 0
  readonly started = nowMs()

  constructor(server: RefreshBoardTarget, workers: Worker[], dataDir: string) {
    this.#server = server
    this.#dataDir = dataDir
    this.#workers = workers
    this.#meter = cpuMeter(server.pid)
  }

  static async start(processes: number): Promise<Load> {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'rb-soak-'))
    const server = await startRefreshBoard({
      cpuProfDir: args.profile ? path.join(import.meta.dirname, 'results', 'profiles') : undefined,
      // fs storage and the per-connection limits as a real instance has them; only the
      // per-address and per-board connection limits stay off (every bench client is 127.0.0.1)
      env: {
        STORAGE_URL: `fs:${dataDir}`,
        MAX_UPDATES_PER_SECOND: '100',
        MAX_AWARENESS_PER_SECOND: '30',
        API_REQUESTS_PER_SECOND: '0',
      },
    })
    const file = path.join(import.meta.dirname, 'lib', 'soak-worker.ts')
    const workers = await Promise.all(Array.from({ length: processes }, () => forkWorker<SoakRequest, SoakReply>(file)))
    return new Load(server, workers, dataDir)
  }

  /** Opens `boards` new boards of `participants` each (spread over the client processes) and starts them. */
  async addBoards(
    boards: number,
    participants: (board: number) => number,
    spec: (board: number, i: number) => Omit<SoakClientSpec, 'url' | 'board'>,
  ): Promise<void> {
    const perWorker: SoakClientSpec[][] = this.#workers.map(() => [])
    let slot = 0
    for (let b = 0; b < boards; b++) {
      const board = await this.#server.newBoard(this.#content)
      const url = this.#server.wsUrl(board)
      const index = this.boardSizes.length
      const size = participants(b)
      this.boardSizes.push(size)
      for (let i = 0; i < size; i++) perWorker[slot++ % perWorker.length]?.push({ url, board: index, ...spec(index, i) })
    }
    const opened = await Promise.all(
      this.#workers.map((w, i) =>
        w.call<{ op: 'opened'; ms: number; failed: number }>({ op: 'open', clients: perWorker[i] ?? [] }),
      ),
    )
    this.failedOpens += opened.reduce((sum, r) => sum + r.failed, 0)
    await Promise.all(this.#workers.map((w) => w.call({ op: 'start' })))
  }

  get participants(): number {
    return this.boardSizes.reduce((a, b) => a + b, 0)
  }

  /** Everything since the last window (or since `reset`). */
  async window(): Promise<{ row: WindowRow; windows: SoakWindow[] }> {
    const windows = await Promise.all(this.#workers.map((w) => w.call<SoakWindow>({ op: 'window' })))
    const loop = await this.#server.control<LoopDelayReading>({ op: 'loop-delay', action: 'read' })
    await this.#server.control({ op: 'loop-delay', action: 'start' })
    const memory = await this.#server.memory(false)
    const serverCpu = this.#meter.stop()
    this.#meter = cpuMeter(this.#server.pid)
    const latencies = windows.flatMap((w) => w.latencies)
    const stats = percentiles(latencies)
    const errors = windows.reduce((s, w) => s + w.errors, 0) + this.failedOpens
    const disconnects = windows.reduce((s, w) => s + w.disconnects, 0)
    const row: WindowRow = {
      elapsedS: Math.round((nowMs() - this.started) / 1000),
      sent: windows.reduce((s, w) => s + w.sent, 0),
      received: windows.reduce((s, w) => s + w.received, 0),
      presenceSent: windows.reduce((s, w) => s + w.presenceSent, 0),
      errors: errors - this.#lastErrors,
      disconnects: disconnects - this.#lastDisconnects,
      samples: stats.samples,
      p50Ms: stats.p50Ms,
      p99Ms: stats.p99Ms,
      maxMs: stats.maxMs,
      serverRssMB: round2(memory.rss / MB),
      serverHeapMB: round2((memory.heapUsed + memory.external) / MB),
      loopP99Ms: loop.p99Ms,
      loopMaxMs: loop.maxMs,
      serverCpu,
      clientCpu: windows.map((w) => w.cpuShare),
      loadAverage: round2(os.loadavg()[0] ?? 0),
    }
    this.#lastErrors = errors
    this.#lastDisconnects = disconnects
    return { row, windows }
  }

  /** Server heap (V8 heapUsed + external) and RSS in MB after two full GCs. */
  async settledMemory(): Promise<{ heapMB: number; rssMB: number }> {
    const m = await this.#server.memory(true)
    return { heapMB: round2((m.heapUsed + m.external) / MB), rssMB: round2(m.rss / MB) }
  }

  async stopWriting(): Promise<void> {
    await Promise.all(this.#workers.map((w) => w.call({ op: 'stop' })))
  }

  async close(): Promise<void> {
    await Promise.all(this.#workers.map((w) => closeWorker(w.child, () => w.call({ op: 'close' }))))
    await this.#server.stop()
    rmSync(this.#dataDir, { recursive: true, force: true })
  }
}

const line = (label: string, r: WindowRow): string =>
  `${label} sent ${r.sent} recv ${r.received} err ${r.errors} disc ${r.disconnects} | ` +
  `p50 ${r.p50Ms} p99 ${r.p99Ms} ms (${r.samples}) | server rss ${r.serverRssMB} MB heap ${r.serverHeapMB} MB ` +
  `cpu ${r.serverCpu} loop p99 ${r.loopP99Ms} ms | clients cpu ${r.clientCpu.join(' ')} | load ${r.loadAverage}`

function table(rows: readonly Record<string, unknown>[]): string {
  const keys = Object.keys(rows[0] ?? {})
  const cell = (v: unknown) => (Array.isArray(v) ? v.join(' ') : String(v))
  return [
    `| ${keys.join(' | ')} |`,
    `| ${keys.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${keys.map((k) => cell(row[k])).join(' | ')} |`),
  ].join('\n')
}

function write(name: string, json: unknown, markdown: string): void {
  mkdirSync(outDir, { recursive: true })
  const base = path.join(outDir, `${date}-${name}`)
  writeFileSync(`${base}.json`, `${JSON.stringify(json, null, 2)}\n`)
  writeFileSync(`${base}.md`, markdown)
  console.log(`wrote ${path.relative(process.cwd(), base)}.json and .md`)
}

async function soak(): Promise<void> {
  const boards = num(args.boards, 20)
  const clients = Math.max(boards * 2, num(args.clients, 200))
  const rate = num(args.rate, 10)
  const writers = num(args.writers, 2)
  const presenceHz = num(args.presence, 3)
  const processes = num(args.processes, 2)
  const durationMs = args.seconds ? num(args.seconds, 60) * 1000 : num(args.minutes, 10) * 60_000
  const machine = machineInfo()
  console.log(
    `soak: ${clients} clients on ${boards} boards, ${rate} edits/s per board (${writers} writers), cursors at ${presenceHz} Hz, ` +
      `${processes} client processes, ${durationMs / 1000} s; load average ${machine.loadAverage.join(' ')}`,
  )
  const load = await Load.start(processes)
  const rows: WindowRow[] = []
  let lost = 0
  let expected = 0
  let received = 0
  try {
    const openStarted = nowMs()
    await load.addBoards(
      boards,
      (b) => Math.floor(clients / boards) + (b < clients % boards ? 1 : 0),
      (_board, i) => ({ rate: i < writers ? rate / writers : 0, presenceHz, writer: i, writers }),
    )
    console.log(`opened ${load.participants} clients in ${round2((nowMs() - openStarted) / 1000)} s`)
    const settledBefore = await load.settledMemory()
    await load.window() // what opening cost is not the soak's
    const start = nowMs()
    while (nowMs() - start < durationMs) {
      await sleep(Math.min(REPORT_EVERY_MS, durationMs - (nowMs() - start)))
      const { row } = await load.window()
      row.elapsedS = Math.round((nowMs() - start) / 1000)
      rows.push(row)
      console.log(line(`[${String(row.elapsedS).padStart(4)} s]`, row))
    }
    await load.stopWriting()
    await sleep(3000) // the last edits arrive
    const { row: tail, windows } = await load.window()
    const settledAfter = await load.settledMemory()
    // every edit of a board should reach each of its other participants
    for (const [index, size] of load.boardSizes.entries()) {
      const sent = windows.reduce((s, w) => s + (w.sentByBoard[index] ?? 0), 0)
      expected += sent * (size - 1)
      received += windows.reduce((s, w) => s + (w.receivedByBoard[index] ?? 0), 0)
    }
    lost = expected - received
    const errors = rows.reduce((s, r) => s + r.errors + r.disconnects, 0) + tail.errors + tail.disconnects
    const all = rows.filter((r) => r.samples > 0)
    const summary = {
      seconds: round2(durationMs / 1000),
      boards,
      clients,
      ratePerBoard: rate,
      writersPerBoard: writers,
      presenceHz,
      clientProcesses: processes,
      editsSent: rows.reduce((s, r) => s + r.sent, 0),
      observationsExpected: expected,
      observationsLost: lost,
      errorsAndDisconnects: errors,
      worstWindowP99Ms: Math.max(...all.map((r) => r.p99Ms)),
      medianWindowP99Ms: percentiles(all.map((r) => r.p99Ms)).p50Ms,
      serverRssFirstMB: rows[0]?.serverRssMB ?? Number.NaN,
      serverRssLastMB: rows.at(-1)?.serverRssMB ?? Number.NaN,
      serverRssMaxMB: Math.max(...rows.map((r) => r.serverRssMB)),
      /** after two full GCs, with every client still connected: before the first edit and after the last */
      serverHeapAfterGcStartMB: settledBefore.heapMB,
      serverHeapAfterGcEndMB: settledAfter.heapMB,
      serverCpuMean: round2(rows.reduce((s, r) => s + r.serverCpu, 0) / Math.max(1, rows.length)),
      loadAverageStart: machine.loadAverage,
      loadAverageEnd: os.loadavg().map(round2),
    }
    console.log('summary', summary)
    write(
      'soak',
      { machine, summary, windows: rows },
      `# Soak ${date}\n\n` +
        `\`npm run soak -- ${process.argv.slice(2).join(' ')}\` on ${machine.cpus} × ${machine.cpuModel}, Node ${machine.node}; ` +
        `load average at start ${machine.loadAverage.join(' ')}, at end ${summary.loadAverageEnd.join(' ')} (a shared machine: ` +
        `other people's tests ran meanwhile, so these numbers are pessimistic).\n\n` +
        `${clients} clients on ${boards} boards of ${num(args.elements, 100)} elements, ${rate} element edits/s per board ` +
        `(${writers} writers; two moves to one relabel), every client's cursor at ${presenceHz} Hz, in ${processes} client ` +
        `processes; fs storage. Latency: an edit's send time (CLOCK_MONOTONIC, carried in the edit) to each other participant's Y.Doc ` +
        `observing it, per 10 s window. Server memory per window as read (garbage included); the summary's heap after GC is read after two full GCs before the first edit and after the last, every client still connected. Server CPU: share of one core.\n\n` +
        `## Summary\n\n${table([summary])}\n\n## Windows\n\n${table(rows as unknown as Record<string, unknown>[])}\n`,
    )
  } finally {
    await load.close()
  }
}

interface StepRow extends WindowRow {
  boards: number
  participants: number
  rssPerParticipantKB: number
  clientCpuMax: number
  /** a step over the limit is measured once more: its first p99 */
  firstP99Ms: number | null
  verdict: 'ok' | 'p99 over the limit' | 'errors' | 'client processes saturated' | 'time up'
}

async function capacity(): Promise<void> {
  const stepBoards = num(args['step-boards'], 5)
  const growth = num(args.growth, 1.25)
  const stepMs = num(args['step-seconds'], 10) * 1000
  const maxMs = num(args['max-minutes'], 5) * 60_000
  const limitMs = num(args['limit-ms'], 100)
  const processes = num(args.processes, 2)
  const machine = machineInfo()
  console.log(
    `capacity: +max(${stepBoards}, ×${growth}) boards of ${BOARD_SIZE} per ${stepMs / 1000} s step (1 writer at 2 edits/s, cursors at 2–5 Hz), ` +
      `${processes} client processes, until p99 > ${limitMs} ms; load average ${machine.loadAverage.join(' ')}`,
  )
  const load = await Load.start(processes)
  const steps: StepRow[] = []
  const baseline = await load.window()
  const baseRssMB = baseline.row.serverRssMB
  try {
    for (;;) {
      await load.addBoards(
        Math.max(stepBoards, Math.round(load.boardSizes.length * (growth - 1))),
        () => BOARD_SIZE,
        (_board, i) => ({ rate: i === 0 ? 2 : 0, presenceHz: 2 + Math.random() * 3, writer: 0, writers: 1 }),
      )
      await sleep(2000) // the new boards' first second of spread-out starts
      await load.window()
      await sleep(stepMs)
      let { row } = await load.window()
      let firstP99Ms: number | null = null
      if (row.p99Ms > limitMs && row.errors + row.disconnects === 0) {
        // one stall of a shared machine must not end the climb: a step over the limit is measured once more
        console.log(line(`[${String(load.participants).padStart(5)} participants]`, row), '→ over the limit, once more')
        firstP99Ms = row.p99Ms
        await sleep(stepMs)
        const again = await load.window()
        row = again.row
      }
      const clientCpuMax = Math.max(...row.clientCpu)
      const participants = load.participants
      const verdict: StepRow['verdict'] =
        row.errors + row.disconnects > 0
          ? 'errors'
          : row.p99Ms > limitMs
            ? 'p99 over the limit'
            : clientCpuMax >= 0.9
              ? 'client processes saturated'
              : nowMs() - load.started > maxMs
                ? 'time up'
                : 'ok'
      const step: StepRow = {
        boards: load.boardSizes.length,
        participants,
        ...row,
        rssPerParticipantKB: Math.round(((row.serverRssMB - baseRssMB) * 1024) / participants),
        clientCpuMax,
        firstP99Ms,
        verdict,
      }
      steps.push(step)
      console.log(line(`[${String(participants).padStart(5)} participants]`, row), verdict === 'ok' ? '' : `→ ${verdict}`)
      if (verdict !== 'ok') break
    }
  } finally {
    await load.close()
  }
  const good = steps.filter((s) => s.p99Ms <= limitMs && s.errors + s.disconnects === 0).at(-1)
  const last = steps.at(-1)
  const summary = {
    limitMs,
    participantsPerInstance: good?.participants ?? 0,
    boardsPerInstance: good?.boards ?? 0,
    serverRssMBAtLastGood: good?.serverRssMB ?? Number.NaN,
    serverCpuAtLastGood: good?.serverCpu ?? Number.NaN,
    loopP99MsAtLastGood: good?.loopP99Ms ?? Number.NaN,
    clientCpuAtLastGood: good?.clientCpu ?? [],
    stoppedBy: last?.verdict ?? 'none',
    stoppedAtParticipants: last?.participants ?? 0,
    loadAverageStart: machine.loadAverage,
    loadAverageEnd: os.loadavg().map(round2),
  }
  console.log('summary', summary)
  const columns = steps.map((s) => ({
    boards: s.boards,
    participants: s.participants,
    editsPerS: round2(s.sent / (stepMs / 1000)),
    cursorsPerS: round2(s.presenceSent / (stepMs / 1000)),
    p50Ms: s.p50Ms,
    p99Ms: s.p99Ms,
    firstP99Ms: s.firstP99Ms ?? '',
    serverCpu: s.serverCpu,
    loopP99Ms: s.loopP99Ms,
    serverRssMB: s.serverRssMB,
    serverHeapMB: s.serverHeapMB,
    clientCpu: s.clientCpu,
    load: s.loadAverage,
    verdict: s.verdict,
  }))
  write(
    'capacity',
    { machine, summary, steps },
    `# Capacity ${date}\n\n` +
      `\`npm run soak -- ${process.argv.slice(2).join(' ')}\` on ${machine.cpus} × ${machine.cpuModel}, Node ${machine.node}; ` +
      `load average at start ${machine.loadAverage.join(' ')}, at end ${summary.loadAverageEnd.join(' ')} (a shared machine: ` +
      `other people's tests ran meanwhile, so these numbers are pessimistic).\n\n` +
      `Each step adds ${stepBoards} boards, or ${Math.round((growth - 1) * 100)} % of those it holds when that is more, of ${BOARD_SIZE} participants (one writer at 2 element edits/s, every cursor at ` +
      `2–5 Hz), waits 2 s, then measures ${stepMs / 1000} s (a step over the limit once more: firstP99Ms is its first reading): p99 from an edit's send time to each other participant ` +
      `observing it. It stops at p99 > ${limitMs} ms, errors or disconnects, a client process at ≥ 90 % of a core, or ` +
      `${num(args['max-minutes'], 5)} minutes. Server CPU and client CPU: share of one core (per client process).\n\n` +
      `## Summary\n\n${table([summary])}\n\n## Steps\n\n${table(columns)}\n`,
  )
}

await (args.capacity ? capacity() : soak())
process.exit(0)
