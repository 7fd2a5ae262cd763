import { nowMs, sleep } from './lib/clock.ts'
import { cpuMeter, cpuMsOf } from './lib/proc.ts'
import { ReceiverPool } from './lib/receivers.ts'
import { type Percentiles, percentiles, round2 } from './lib/stats.ts'
import { startTarget, type Target, type TargetName } from './lib/targets.ts'
import { BenchClient } from './lib/yclient.ts'

export const allTargets: TargetName[] = ['refresh-board', 'hocuspocus', 'bare-ws-relay']

export interface FanoutRow extends Percentiles {
  server: TargetName
  receivers: number
  rounds: number
  /** receiver processes the clients were spread over */
  clientProcesses: number
  /** CPU share of one core: the server process, and the busiest receiver process */
  serverCpu: number
  clientCpu: number
  /**
   * Refresh Board's row only: its p99 minus Hocuspocus's in the same run, with a 95 % interval
   * from a paired bootstrap over rounds (the N samples of one round move together, and
   * interleaved rounds of the two ran side by side). An interval that contains 0 means the
   * run cannot tell the two apart at p99.
   */
  p99VsHocuspocus?: { diffMs: number; low95Ms: number; high95Ms: number }
}

export interface FanoutOptions {
  sizes: number[]
  rounds: number
  targets?: TargetName[]
  /** receiver processes for N receivers (default: 1 up to 50, 2 above) */
  processesFor?: (receivers: number) => number
  cpuProfDir?: string
  warmUpRounds?: number
}

export const defaultProcessesFor = (receivers: number): number => (receivers > 50 ? 2 : 1)

/** A writer (in this process) and N receivers (in receiver processes) on one board of `target`. */
async function openRoom(target: Target, receivers: number, processes: number) {
  const board = await target.newBoard()
  const url = target.wsUrl(board)
  const pool = await ReceiverPool.start(receivers, processes)
  await pool.open({ url, framing: target.framing, docName: board.docName, token: board.token })
  const writer = new BenchClient({ url, framing: target.framing, docName: board.docName, token: board.token })
  await writer.synced
  const map = writer.doc.getMap<number>('bench')
  let nextKey = 0
  /** sets a new key; returns it and when it was set */
  const write = (): { key: number; at: number } => {
    const key = nextKey++
    const at = nowMs()
    map.set(String(key), key)
    return { key, at }
  }
  const close = async () => {
    writer.destroy()
    await pool.close()
  }
  return { pool, write, close }
}

/** The latencies of each round (by the round's key), from the writer's send times. */
function latenciesByRound(sentAt: Map<number, number>, keys: number[], times: number[]): Map<number, number[]> {
  const rounds = new Map<number, number[]>()
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as number
    const sent = sentAt.get(key)
    if (sent === undefined) continue
    let round = rounds.get(key)
    if (!round) {
      round = []
      rounds.set(key, round)
    }
    round.push((times[i] as number) - sent)
  }
  return rounds
}

/** p99 (nearest rank) of the samples of the chosen rounds. */
function p99Of(rounds: number[][], chosen: Int32Array): number {
  let size = 0
  for (const r of chosen) size += (rounds[r] as number[]).length
  const all = new Float64Array(size)
  let at = 0
  for (const r of chosen) for (const v of rounds[r] as number[]) all[at++] = v
  all.sort()
  return all[Math.min(size - 1, Math.max(0, Math.ceil(0.99 * size) - 1))] ?? Number.NaN
}

/**
 * p99(a) − p99(b) with a 95 % interval: `resamples` paired bootstrap draws of round indices
 * (round i of a and round i of b ran one after the other). A fixed seed keeps reruns of the
 * same data equal.
 */
export function pairedP99Difference(
  a: number[][],
  b: number[][],
  resamples = 300,
): { diffMs: number; low95Ms: number; high95Ms: number } {
  const n = Math.min(a.length, b.length)
  const identity = Int32Array.from({ length: n }, (_, i) => i)
  let seed = 0x2545f491
  const random = () => {
    seed ^= seed << 13
    seed ^= seed >>> 17
    seed ^= seed << 5
    return (seed >>> 0) / 2 ** 32
  }
  const diffs: number[] = []
  const chosen = new Int32Array(n)
  for (let i = 0; i < resamples; i++) {
    for (let j = 0; j < n; j++) chosen[j] = Math.floor(random() * n)
    diffs.push(p99Of(a, chosen) - p99Of(b, chosen))
  }
  diffs.sort((x, y) => x - y)
  return {
    diffMs: round2(p99Of(a, identity) - p99Of(b, identity)),
    low95Ms: round2(diffs[Math.floor(0.025 * resamples)] ?? Number.NaN),
    high95Ms: round2(diffs[Math.ceil(0.975 * resamples) - 1] ?? Number.NaN),
  }
}

/** Latencies of what was observed, from the writer's send times; never-observed keys count as Infinity. */
function latencies(sentAt: Map<number, number>, keys: number[], times: number[], expected: number): number[] {
  const out: number[] = []
  for (let i = 0; i < keys.length; i++) {
    const sent = sentAt.get(keys[i] as number)
    if (sent !== undefined) out.push((times[i] as number) - sent)
  }
  for (let missing = expected - out.length; missing > 0; missing--) out.push(Number.POSITIVE_INFINITY)
  return out
}

/**
 * Fan-out latency: one writer sets a key, each of N receivers records when it observes it;
 * the next round starts once all have (closed loop, a 5 ms pause between rounds). All targets
 * run at once, each with its own writer and receivers, and the rounds are interleaved — one
 * round of each target in turn, who goes first rotating — so that a passing load on a shared
 * machine falls on every target alike instead of on whichever ran at that moment. CPU shares
 * are per second of the target's own rounds.
 */
export async function fanoutSection(options: FanoutOptions): Promise<FanoutRow[]> {
  const rows: FanoutRow[] = []
  const processesFor = options.processesFor ?? defaultProcessesFor
  const names = options.targets ?? allTargets
  const targets: Target[] = []
  try {
    for (const name of names) targets.push(await startTarget(name, { cpuProfDir: options.cpuProfDir }))
    for (const n of options.sizes) {
      const processes = processesFor(n)
      const rooms: Awaited<ReturnType<typeof openRoom>>[] = []
      try {
        for (const target of targets) rooms.push(await openRoom(target, n, processes))
        for (const room of rooms) {
          await room.pool.reset(true)
          for (let i = 0; i < (options.warmUpRounds ?? 10); i++) {
            const { key } = room.write()
            await room.pool.seenByAll(key, 10_000)
          }
        }
        for (const room of rooms) await room.pool.reset(true)
        const cpuBefore = targets.map((target) => cpuMsOf(target.pid))
        const started = nowMs()
        const sentAt = rooms.map(() => new Map<number, number>())
        const activeMs = rooms.map(() => 0)
        for (let i = 0; i < options.rounds; i++) {
          for (let j = 0; j < rooms.length; j++) {
            const k = (i + j) % rooms.length
            const room = rooms[k] as (typeof rooms)[number]
            const roundStarted = nowMs()
            const { key, at } = room.write()
            sentAt[k]?.set(key, at)
            await room.pool.seenByAll(key, 10_000)
            await sleep(5)
            activeMs[k] = (activeMs[k] ?? 0) + nowMs() - roundStarted
          }
        }
        const wallMs = nowMs() - started
        const byRound = new Map<TargetName, number[][]>()
        const sizeRows: FanoutRow[] = []
        for (const [k, room] of rooms.entries()) {
          const name = names[k] as TargetName
          const active = activeMs[k] || wallMs
          const seen = await room.pool.collect(options.rounds, 5000)
          const sent = sentAt[k] as Map<number, number>
          const rounds = latenciesByRound(sent, seen.keys, seen.times)
          byRound.set(
            name,
            [...sent.keys()].map((key) => rounds.get(key) ?? []),
          )
          const row: FanoutRow = {
            server: name,
            receivers: n,
            rounds: options.rounds,
            clientProcesses: room.pool.processes,
            ...percentiles(latencies(sentAt[k] as Map<number, number>, seen.keys, seen.times, options.rounds * n)),
            serverCpu: round2((cpuMsOf((targets[k] as Target).pid) - (cpuBefore[k] as number)) / active),
            // receivers measure their share over the whole interleaved run
            clientCpu: round2((Math.max(...seen.cpuShares) * wallMs) / active),
          }
          sizeRows.push(row)
        }
        const rb = byRound.get('refresh-board')
        const hp = byRound.get('hocuspocus')
        const rbRow = sizeRows.find((row) => row.server === 'refresh-board')
        if (rb && hp && rbRow) rbRow.p99VsHocuspocus = pairedP99Difference(rb, hp)
        for (const row of sizeRows) {
          rows.push(row)
          const versus = row.p99VsHocuspocus
          console.log(
            `fan-out    ${row.server.padEnd(14)} N=${String(n).padStart(3)}  p50 ${row.p50Ms}  p95 ${row.p95Ms}  p99 ${row.p99Ms} ms` +
              `  (server cpu ${row.serverCpu}, clients ${row.clientCpu} × ${row.clientProcesses})` +
              (versus ? `  p99 − Hocuspocus ${versus.diffMs} ms [${versus.low95Ms}, ${versus.high95Ms}]` : ''),
          )
        }
      } finally {
        for (const room of rooms) await room.close()
      }
    }
  } finally {
    for (const target of targets) await target.stop()
  }
  return rows
}

export interface ThroughputStepRow extends Percentiles {
  server: TargetName
  receivers: number
  /** the rate asked for, and the rate the writer managed (updates/s) */
  rate: number
  sentRate: number
  /** receiver observations missing after the drain period */
  missing: number
  serverCpu: number
  clientCpu: number
  underLimit: boolean
}

export interface ThroughputOptions {
  receivers: number
  rates: number[]
  stepMs: number
  /** how long receivers may take to catch up after a step */
  drainMs?: number
  limitMs?: number
  targets?: TargetName[]
  processes?: number
  cpuProfDir?: string
}

/**
 * Throughput: the writer sets keys at a fixed rate for `stepMs` (open loop), stepping the rate
 * up until p99 (writer → every receiver) exceeds `limitMs` or receivers miss updates.
 */
export async function throughputSection(options: ThroughputOptions): Promise<ThroughputStepRow[]> {
  const rows: ThroughputStepRow[] = []
  const limitMs = options.limitMs ?? 100
  for (const name of options.targets ?? allTargets) {
    const target = await startTarget(name, { cpuProfDir: options.cpuProfDir })
    try {
      const room = await openRoom(target, options.receivers, options.processes ?? defaultProcessesFor(options.receivers))
      try {
        for (const rate of options.rates) {
          // a step that misses is run once more: one stall of a loaded machine must not end the climb
          let row = await step(rate)
          if (!row.underLimit) {
            await sleep(1000)
            row = await step(rate)
          }
          rows.push(row)
          console.log(
            `throughput ${name.padEnd(14)} ${String(rate).padStart(5)}/s  p50 ${row.p50Ms}  p99 ${row.p99Ms} ms  missing ${row.missing}` +
              `  (server cpu ${row.serverCpu}, clients ${row.clientCpu})`,
          )
          if (!row.underLimit) break
          await sleep(500) // let the previous step's backlog and GC settle
        }
        async function step(rate: number): Promise<ThroughputStepRow> {
          await room.pool.reset(false)
          const meter = cpuMeter(target.pid)
          const sentAt = new Map<number, number>()
          const start = nowMs()
          let sent = 0
          for (let elapsed = 0; elapsed < options.stepMs; elapsed = nowMs() - start) {
            const due = Math.floor((rate * elapsed) / 1000)
            while (sent < due) {
              const { key, at } = room.write()
              sentAt.set(key, at)
              sent++
            }
            await sleep(1)
          }
          const duration = nowMs() - start
          const seen = await room.pool.collect(sent, options.drainMs ?? 3000)
          const serverCpu = meter.stop()
          const stats = percentiles(latencies(sentAt, seen.keys, seen.times, sent * options.receivers))
          const missing = sent * options.receivers - seen.keys.length
          return {
            server: name,
            receivers: options.receivers,
            rate,
            sentRate: round2((sent / duration) * 1000),
            ...stats,
            missing,
            serverCpu,
            clientCpu: Math.max(...seen.cpuShares),
            underLimit: stats.p99Ms <= limitMs && missing === 0,
          }
        }
      } finally {
        await room.close()
      }
    } finally {
      await target.stop()
    }
  }
  return rows
}

/** Per server: the highest rate whose step stayed under the limit (0 when none did). */
export function sustainedRates(rows: readonly ThroughputStepRow[]): Record<string, number> {
  const out: Record<string, number> = {}
  for (const row of rows) out[row.server] = Math.max(out[row.server] ?? 0, row.underLimit ? row.rate : 0)
  return out
}
