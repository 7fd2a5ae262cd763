import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { analysisBench } from './analysis.ts'
import { attentionSection } from './attention.ts'
import { boardOpenSection } from './board-open.ts'
import { canvasSection } from './canvas.ts'
import { exportsBench } from './exports.ts'
import { fanoutSection, throughputSection } from './fanout.ts'
import { machineInfo } from './lib/proc.ts'
import { memorySection } from './memory.ts'
import { type BenchResult, evaluateTargets, type SectionResult, writeReport } from './report.ts'
import { voteSection } from './vote.ts'

// `npm run bench` (full) or `npm run bench -- --quick` (about a minute): every section in one
// run, written to bench/results/<date>.json, <date>.md and <date>-<chart>.svg.
// Options: `--only=fanout,memory` runs some sections; `--profile` writes V8 CPU profiles of the
// spawned servers and Chrome profiles of the canvas gestures to bench/results/profiles/;
// `--out=DIR` writes the report elsewhere (a partial run that must not replace the day's report).
// A later capability adds its own section to `sections` below (a function returning rows).

export interface Section {
  name: string
  title: string
  method: string
  run(): Promise<Record<string, unknown>[]>
}

export interface RunOptions {
  quick: boolean
  /** folder for CPU profiles, when profiling */
  profileDir?: string
}

export function sections({ quick, profileDir }: RunOptions): Section[] {
  const fanoutSizes = quick ? [10, 50] : [10, 50, 200]
  const rounds = quick ? 30 : 1000
  // full: steps of ×√2 above 200/s, where the targets part
  const throughputRates = quick ? [100, 400, 1600] : [50, 100, 200, 280, 400, 560, 800, 1120, 1600, 2240, 3200, 4480, 6400]
  const stepMs = quick ? 1000 : 4000
  const cpuProfDir = profileDir
  return [
    {
      name: 'fanout',
      title: 'Fan-out latency',
      method:
        `One writer (this process) sets a new key of a Y.Map; N receivers (1 process up to N=50, 2 above, never the server's) ` +
        `record when their Y.Doc observes it, on one clock (CLOCK_MONOTONIC). Closed loop: the next round starts when all have ` +
        `it, ${rounds} rounds after 10 warm-up rounds. The same minimal Yjs client (bench/lib/yclient.ts) talks to each server in ` +
        `its framing: Refresh Board (memory storage), @hocuspocus/server 3.4 (no extensions) and a bare ws relay (the floor). ` +
        `The three run at once with their own writers and receivers, rounds interleaved (one round of each in turn, the first ` +
        `rotating), so a passing load falls on all alike. serverCpu / clientCpu: share of one core used by the server / the ` +
        `busiest receiver process during that target's rounds.`,
      run: async () => (await fanoutSection({ sizes: fanoutSizes, rounds, cpuProfDir })) as unknown as Record<string, unknown>[],
    },
    {
      name: 'throughput',
      title: 'Throughput (N=50)',
      method:
        `The writer sets keys at a fixed rate (open loop) for ${stepMs / 1000} s per step, rates ${throughputRates.join(', ')} /s, ` +
        `until p99 (writer → every receiver) exceeds 100 ms or a receiver misses an update within 3 s after the step ` +
        `(a failing step is run once more; a stall of a loaded machine must not end the climb). ` +
        `The sustained rate is the last step under the limit. On a machine with fewer cores than server + receivers need, ` +
        `the receivers' CPU (clientCpu) bounds it.`,
      run: async () =>
        (await throughputSection({ receivers: 50, rates: throughputRates, stepMs, cpuProfDir })) as unknown as Record<
          string,
          unknown
        >[],
    },
    {
      name: 'board-open',
      title: 'Board open',
      method:
        `A synthetic board (shared/analysis/synthetic-board.ts) created through POST /api/boards \`content\` on fs storage in a ` +
        `temp folder. Time from a fresh client's connect to its first sync (it checks every element arrived): cold = the room ` +
        `was unloaded (ROOM_IDLE_MS=200) and loads from storage; warm = another client holds it. Median of ` +
        `${quick ? 1 : 5}. storedBytes: the board's files after compaction.`,
      run: async () =>
        (await boardOpenSection({
          sizes: quick ? [1000, 10_000] : [1000, 10_000, 50_000],
          samples: quick ? 1 : 5,
          cpuProfDir,
        })) as unknown as Record<string, unknown>[],
    },
    {
      name: 'memory',
      title: 'Server memory',
      method:
        `bench/rb-server.ts with --expose-gc; every reading after two full GCs. Per idle board: load ${quick ? 50 : 200} rooms ` +
        `of 100-element boards without connections. Returned: share of that growth gone after unloading them all. Per ` +
        `connection: ${quick ? 200 : 500} clients with presence on one board. heapBytes = V8 heapUsed + external; RSS is noisier.`,
      run: async () =>
        (await memorySection({
          boards: quick ? 50 : 200,
          elementsPerBoard: 100,
          connections: quick ? 200 : 500,
          cpuProfDir,
        })) as unknown as Record<string, unknown>[],
    },
    {
      name: 'canvas',
      title: 'Canvas (headless Chromium)',
      method:
        `The built client in headless Chromium (1280×800, software rendering), a fresh context per board (first visit: the ` +
        `canvas fits the whole board). syncedMs / renderedMs: navigation start → the page's Y.Doc has every element / the last ` +
        `Konva layer draw before the page is quiet for 1 s. Then ${quick ? 1 : 4} s of middle-button drag (pan) and of wheel ` +
        `notches (zoom) at ~60 events/s; per animation frame, main-thread work from the frame's first rAF callback to a task ` +
        `queued from it (after draw and paint), p50/p95; intervals: time between frames.`,
      run: async () =>
        (await canvasSection({
          sizes: quick ? [2000] : [2000, 10_000],
          gestureMs: quick ? 1000 : 4000,
          profileDir,
        })) as unknown as Record<string, unknown>[],
    },
    {
      name: 'analysis',
      title: 'Analysis',
      method:
        '`analysisBench` (bench/analysis.ts): the full indicator set on synthetic boards, median of 21 runs after 5 warm-ups.',
      run: async () => (await analysisBench(quick ? [1000, 5000] : [1000, 5000, 20_000])) as unknown as Record<string, unknown>[],
    },
    {
      name: 'exports',
      title: 'Exports',
      method:
        "`exportsBench` (bench/exports.ts, a colleague's): server-side PNG, SVG and PDF of a 1k-element board, in the bench process, after one warm-up export each.",
      run: async () => (await exportsBench()) as unknown as Record<string, unknown>[],
    },
    {
      name: 'vote',
      title: 'Dot vote: 50 participants in the same second',
      method:
        `bench/vote.ts: 50 editors, each with a y-websocket connection to a board of 30 notes, PUT their ballot (5 dots, at ` +
        `most 3 on a note) at once right after the facilitator's vote.open; times until each participant's document shows ` +
        `voters = 50, then vote.close until each sees the ranking (its totals checked against the dots placed). ` +
        `${quick ? 3 : 20} rounds after a warm-up round, on memory and fs storage. Event loop: perf_hooks ` +
        `monitorEventLoopDelay (1 ms) inside the server process, its longest delay per round. Limits (issue 13): a ` +
        `facilitator's command seen within 100 ms p99, no block over 20 ms.`,
      run: async () =>
        (await voteSection({
          participants: 50,
          rounds: quick ? 3 : 20,
          elements: 30,
          dotsPerPerson: 5,
          maxPerElement: 3,
          storages: ['memory', 'fs'],
          cpuProfDir,
        })) as unknown as Record<string, unknown>[],
    },
    {
      name: 'attention',
      title: 'Summon, step change and a presenter’s view reaching 50',
      method:
        `bench/attention.ts: 50 editors, each with a y-websocket connection and a presence on one board (clients in the bench ` +
        `process, server in its own). Per round: the facilitator's summon POST sent → each participant's document holds the ` +
        `new summon id; agenda.go sent → each has the new step; a presenter's awareness \`view\` sent → each participant's ` +
        `socket has it (what followers mirror). ${quick ? 5 : 50} rounds after 2 warm-up rounds, 50 ms apart. Event loop: ` +
        `perf_hooks monitorEventLoopDelay (1 ms) inside the server process, its longest delay per round. Limits (issue 13): ` +
        `seen within 100 ms p99, no block over 20 ms.`,
      run: async () =>
        (await attentionSection({ clients: 50, rounds: quick ? 5 : 50, cpuProfDir })) as unknown as Record<string, unknown>[],
    },
  ]
}

/** Runs the sections one after another; a failing section is reported, not fatal. */
export async function runSections(list: Section[]): Promise<SectionResult[]> {
  const results: SectionResult[] = []
  for (const section of list) {
    const started = performance.now()
    let rows: Record<string, unknown>[] = []
    let error: string | undefined
    try {
      rows = await section.run()
    } catch (e) {
      error = e instanceof Error ? e.message : String(e)
      console.error(`${section.name}: ${error}`)
    }
    const seconds = Math.round((performance.now() - started) / 100) / 10
    results.push({ name: section.name, title: section.title, method: section.method, rows, seconds, ...(error ? { error } : {}) })
  }
  return results
}

async function main() {
  const quick = process.argv.includes('--quick')
  const only = process.argv
    .find((a) => a.startsWith('--only='))
    ?.slice('--only='.length)
    .split(',')
  const out = process.argv.find((a) => a.startsWith('--out='))?.slice('--out='.length)
  const dir = out ? path.resolve(out) : path.join(import.meta.dirname, 'results')
  const profileDir = process.argv.includes('--profile') ? path.join(dir, 'profiles') : undefined
  mkdirSync(dir, { recursive: true })
  if (profileDir) mkdirSync(profileDir, { recursive: true })
  const machine = machineInfo()
  console.log(`${machine.cpus} cores, Node ${machine.node}, load average ${machine.loadAverage.join(' / ')}`)
  const all = sections({ quick, profileDir })
  const unknown = only?.filter((name) => !all.some((s) => s.name === name)) ?? []
  if (unknown.length > 0) throw new Error(`unknown section ${unknown.join(', ')}; sections: ${all.map((s) => s.name).join(', ')}`)
  const list = all.filter((s) => !only || only.includes(s.name))
  const results = await runSections(list)
  const date = new Date().toISOString().slice(0, 10)
  const result: BenchResult = { date, quick, machine, sections: results, targets: evaluateTargets({ sections: results }) }
  const files = writeReport(result, dir, date)
  for (const t of result.targets) console.log(`${t.met === null ? '—' : t.met ? 'met   ' : 'MISSED'}  ${t.target}: ${t.numbers}`)
  console.log(`\nwrote ${files.map((f) => path.relative(process.cwd(), path.join(dir, f))).join(', ')}`)
}

if (import.meta.url === `file://${process.argv[1]}`)
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error)
      process.exit(1)
    },
  )
