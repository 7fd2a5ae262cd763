import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { type AttentionRow, attentionTargets } from './attention.ts'
import type { BoardOpenRow } from './board-open.ts'
import type { CanvasRow } from './canvas.ts'
import { type FanoutRow, sustainedRates, type ThroughputStepRow } from './fanout.ts'
import type { MachineInfo } from './lib/proc.ts'
import { barChart, type ChartSpec, lineChart } from './lib/svg.ts'
import type { MemoryRow } from './memory.ts'
import { type VoteRow, voteTargets } from './vote.ts'

export interface SectionResult {
  name: string
  title: string
  /** what the section measures and how, one paragraph */
  method: string
  rows: Record<string, unknown>[]
  error?: string
  seconds: number
}

export interface BenchResult {
  date: string
  quick: boolean
  machine: MachineInfo
  sections: SectionResult[]
  targets: TargetVerdict[]
}

export interface TargetVerdict {
  target: string
  /** null: not measured in this run */
  met: boolean | null
  numbers: string
}

const rowsOf = <T>(result: Pick<BenchResult, 'sections'>, name: string): T[] =>
  (result.sections.find((s) => s.name === name)?.rows ?? []) as T[]

/** The issue's targets, each met / missed / not measured, with the numbers behind the verdict. */
/**
 * "No worse than Hocuspocus" at p99: lower or equal, or higher by less than the run can tell
 * apart — the 95 % interval of the difference (paired bootstrap over rounds) reaches 0 or below.
 */
function noWorse(rb: FanoutRow, hp: FanoutRow): boolean {
  return rb.p99Ms <= hp.p99Ms || (rb.p99VsHocuspocus !== undefined && rb.p99VsHocuspocus.low95Ms <= 0)
}

function versus(rb: FanoutRow): string {
  const v = rb.p99VsHocuspocus
  if (!v) return ''
  const sign = (n: number) => (n > 0 ? `+${n}` : String(n))
  const verdict = v.low95Ms > 0 ? 'worse' : v.high95Ms < 0 ? 'better' : 'not distinguishable'
  return ` (difference ${sign(v.diffMs)} ms, 95 % interval ${sign(v.low95Ms)} … ${sign(v.high95Ms)} ms: ${verdict})`
}

export function evaluateTargets(result: Pick<BenchResult, 'sections'>): TargetVerdict[] {
  const fanout = rowsOf<FanoutRow>(result, 'fanout')
  const at = (server: string, n: number) => fanout.find((r) => r.server === server && r.receivers === n)
  const verdicts: TargetVerdict[] = []
  {
    const rb = at('refresh-board', 50)
    const hp = at('hocuspocus', 50)
    const floor = at('bare-ws-relay', 50)
    verdicts.push({
      target: 'fan-out p99 at N=50 ≤ Hocuspocus and ≤ 2× the ws floor',
      met: rb && hp && floor ? noWorse(rb, hp) && rb.p99Ms <= 2 * floor.p99Ms : null,
      numbers:
        rb && hp && floor
          ? `${rb.p99Ms} ms vs Hocuspocus ${hp.p99Ms} ms${versus(rb)}, floor ${floor.p99Ms} ms (${(rb.p99Ms / floor.p99Ms).toFixed(2)}×)`
          : 'not measured',
    })
  }
  {
    const open = rowsOf<BoardOpenRow>(result, 'board-open').find((r) => r.elements === 10_000)
    verdicts.push({
      target: 'a 10k-element board opens cold in < 1 s',
      met: open ? open.coldMs < 1000 : null,
      numbers: open ? `cold ${open.coldMs} ms (warm ${open.warmMs} ms, stored ${open.storedBytes} B)` : 'not measured',
    })
  }
  {
    const canvas = rowsOf<CanvasRow>(result, 'canvas').find((r) => r.elements === 2000)
    verdicts.push({
      target: 'panning a 2k-element board: p95 frame time < 16 ms',
      met: canvas ? canvas.panWorkP95Ms < 16 : null,
      numbers: canvas ? `p95 ${canvas.panWorkP95Ms} ms (p50 ${canvas.panWorkP50Ms} ms)` : 'not measured',
    })
  }
  {
    const steps = rowsOf<ThroughputStepRow>(result, 'throughput')
    const rates = sustainedRates(steps)
    const rb = rates['refresh-board']
    const hp = rates.hocuspocus
    verdicts.push({
      target: 'throughput ≥ Hocuspocus',
      met: rb !== undefined && hp !== undefined ? rb >= hp : null,
      numbers:
        rb !== undefined && hp !== undefined
          ? `${rb} vs ${hp} updates/s (floor ${rates['bare-ws-relay'] ?? 'n/a'})${
              steps.some((s) => s.clientCpu >= 0.9) ? '; receiver processes reached ≥ 90 % of a core' : ''
            }`
          : 'not measured',
    })
  }
  {
    const rb = at('refresh-board', 200)
    const hp = at('hocuspocus', 200)
    verdicts.push({
      target: 'fan-out p99 at N=200 ≤ Hocuspocus',
      met: rb && hp ? noWorse(rb, hp) : null,
      numbers: rb && hp ? `${rb.p99Ms} ms vs ${hp.p99Ms} ms${versus(rb)}` : 'not measured',
    })
  }
  const memory = rowsOf<MemoryRow>(result, 'memory')
  {
    const conn = memory.find((r) => r.metric === 'per connection')
    verdicts.push({
      target: 'a connection costs < 50 KB of server memory',
      met: conn ? conn.heapBytes < 50 * 1024 && conn.rssBytes < 50 * 1024 : null,
      numbers: conn ? `heap ${Math.round(conn.heapBytes / 1024)} KB, RSS ${Math.round(conn.rssBytes / 1024)} KB` : 'not measured',
    })
  }
  {
    const back = memory.find((r) => r.metric === 'unloaded rooms returned')
    verdicts.push({
      target: 'an unloaded room returns its memory',
      met: back ? back.heapBytes >= 0.9 : null,
      numbers: back
        ? `${Math.round(back.heapBytes * 100)} % of the heap returned (RSS ${Number.isFinite(back.rssBytes) ? `${Math.round(back.rssBytes * 100)} %` : 'n/a'})`
        : 'not measured',
    })
  }
  verdicts.push(...voteTargets(rowsOf<VoteRow>(result, 'vote')))
  verdicts.push(...attentionTargets(rowsOf<AttentionRow>(result, 'attention')))
  return verdicts
}

interface Chart {
  name: string
  spec: ChartSpec
  kind: 'bar' | 'line'
}

const unique = <T>(values: T[]) => [...new Set(values)]

/** The charts the rows allow (a section without rows has none). */
export function chartsOf(result: Pick<BenchResult, 'sections'>): Chart[] {
  const charts: Chart[] = []
  const fanout = rowsOf<FanoutRow>(result, 'fanout')
  if (fanout.length > 0) {
    const sizes = unique(fanout.map((r) => r.receivers))
    const servers = unique(fanout.map((r) => r.server))
    for (const p of ['p50Ms', 'p99Ms'] as const)
      charts.push({
        name: `fanout-${p.slice(0, 3)}`,
        kind: 'bar',
        spec: {
          title: `Fan-out latency ${p.slice(0, 3)} (writer → every receiver)`,
          xLabel: 'receivers in one board (N)',
          yLabel: 'ms',
          categories: sizes.map(String),
          series: servers.map((s) => ({
            name: s,
            values: sizes.map((n) => fanout.find((r) => r.server === s && r.receivers === n)?.[p] ?? Number.NaN),
          })),
        },
      })
  }
  const steps = rowsOf<ThroughputStepRow>(result, 'throughput')
  if (steps.length > 0) {
    const rates = unique(steps.map((r) => r.rate)).sort((a, b) => a - b)
    charts.push({
      name: 'throughput',
      kind: 'line',
      spec: {
        title: `Throughput: p99 per update rate, N=${steps[0]?.receivers} (log scale)`,
        xLabel: 'updates per second (one writer)',
        yLabel: 'p99 ms',
        categories: rates.map(String),
        series: unique(steps.map((r) => r.server)).map((s) => ({
          name: s,
          values: rates.map((rate) => steps.find((r) => r.server === s && r.rate === rate)?.p99Ms ?? Number.NaN),
        })),
        limit: { value: 100, label: 'limit 100 ms' },
        logScale: true,
      },
    })
  }
  const open = rowsOf<BoardOpenRow>(result, 'board-open')
  if (open.length > 0)
    charts.push({
      name: 'board-open',
      kind: 'bar',
      spec: {
        title: 'Board open: fresh client connect → synced',
        xLabel: 'elements on the board',
        yLabel: 'ms',
        categories: open.map((r) => String(r.elements)),
        series: [
          { name: 'cold (room unloaded)', values: open.map((r) => r.coldMs) },
          { name: 'warm (room loaded)', values: open.map((r) => r.warmMs) },
        ],
        limit: { value: 1000, label: 'target (10k cold) 1 s' },
      },
    })
  const canvas = rowsOf<CanvasRow>(result, 'canvas')
  if (canvas.length > 0) {
    charts.push({
      name: 'canvas-frames',
      kind: 'bar',
      spec: {
        title: 'Canvas frame work p95 (headless Chromium)',
        xLabel: 'elements on the board',
        yLabel: 'ms per frame',
        categories: canvas.map((r) => String(r.elements)),
        series: [
          { name: 'pan p50', values: canvas.map((r) => r.panWorkP50Ms) },
          { name: 'pan p95', values: canvas.map((r) => r.panWorkP95Ms) },
          { name: 'zoom p50', values: canvas.map((r) => r.zoomWorkP50Ms) },
          { name: 'zoom p95', values: canvas.map((r) => r.zoomWorkP95Ms) },
        ],
        limit: { value: 16, label: '16 ms' },
      },
    })
    charts.push({
      name: 'canvas-render',
      kind: 'bar',
      spec: {
        title: 'Canvas: navigation → first full render',
        xLabel: 'elements on the board',
        yLabel: 'ms',
        categories: canvas.map((r) => String(r.elements)),
        series: [
          { name: 'document synced', values: canvas.map((r) => r.syncedMs) },
          { name: 'first draw', values: canvas.map((r) => r.firstDrawMs) },
          { name: 'settled', values: canvas.map((r) => r.renderedMs) },
        ],
      },
    })
  }
  const analysis = rowsOf<{ elements: number; ms: number }>(result, 'analysis')
  if (analysis.length > 0)
    charts.push({
      name: 'analysis',
      kind: 'bar',
      spec: {
        title: 'Analysis: full indicator set (median)',
        xLabel: 'elements',
        yLabel: 'ms',
        categories: analysis.map((r) => String(r.elements)),
        series: [{ name: 'analyse()', values: analysis.map((r) => r.ms) }],
      },
    })
  const exports = rowsOf<{ format: string; ms: number }>(result, 'exports').filter((r) => typeof r.ms === 'number')
  if (exports.length > 0)
    charts.push({
      name: 'exports',
      kind: 'bar',
      spec: {
        title: 'Exports of a 1k-element board',
        xLabel: 'format',
        yLabel: 'ms',
        categories: exports.map((r) => String(r.format)),
        series: [{ name: 'one export', values: exports.map((r) => r.ms) }],
      },
    })
  return charts
}

const cell = (v: unknown): string => {
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : v > 0 ? '∞' : 'n/a'
  if (v === null || v === undefined) return ''
  if (typeof v === 'object' && 'diffMs' in v && 'low95Ms' in v && 'high95Ms' in v)
    return `${v.diffMs} [${v.low95Ms}, ${v.high95Ms}]`
  if (typeof v === 'object') return JSON.stringify(v)
  return String(v)
}

/** A Markdown table of any rows: the columns are every key of the rows, in first-seen order. */
export function table(rows: Record<string, unknown>[]): string {
  const first = rows[0]
  if (!first) return '_no rows_'
  const keys = [...new Set(rows.flatMap((row) => Object.keys(row)))]
  const numeric = keys.map((k) => rows.some((row) => typeof row[k] === 'number'))
  return [
    `| ${keys.join(' | ')} |`,
    `| ${numeric.map((n) => (n ? '---:' : '---')).join(' | ')} |`,
    ...rows.map((r) => `| ${keys.map((k) => cell(r[k])).join(' | ')} |`),
  ].join('\n')
}

/** Writes `<dir>/<stem>.json`, `<stem>.md` and `<stem>-<chart>.svg`; returns the files written. */
export function writeReport(result: BenchResult, dir: string, stem: string): string[] {
  const files: string[] = []
  const write = (name: string, text: string) => {
    writeFileSync(path.join(dir, name), text)
    files.push(name)
  }
  write(`${stem}.json`, `${JSON.stringify(result, null, 2)}\n`)
  const charts = chartsOf(result)
  for (const chart of charts)
    write(`${stem}-${chart.name}.svg`, chart.kind === 'bar' ? barChart(chart.spec) : lineChart(chart.spec))
  const m = result.machine
  const md: string[] = [
    `# Benchmark ${result.date}${result.quick ? ' (quick)' : ''}`,
    '',
    `Machine: ${m.cpus} × ${m.cpuModel}, ${m.memoryGiB} GiB, ${m.platform}, Node ${m.node}; load average at start ${m.loadAverage.join(' / ')} (1 / 5 / 15 min).`,
    '',
    '## Targets (issue 7)',
    '',
    '| target | verdict | numbers |',
    '| --- | --- | --- |',
    ...result.targets.map(
      (t) => `| ${t.target} | ${t.met === null ? 'not measured' : t.met ? 'met' : '**missed**'} | ${t.numbers} |`,
    ),
    '',
  ]
  for (const section of result.sections) {
    md.push(`## ${section.title}`, '', section.method, '')
    if (section.error) md.push(`**Failed:** \`${section.error}\``, '')
    if (section.rows.length > 0) md.push(table(section.rows), '')
    for (const chart of charts.filter((c) => chartSection(c.name) === section.name))
      md.push(`![${chart.spec.title}](${stem}-${chart.name}.svg)`, '')
    md.push(`_${section.seconds} s_`, '')
  }
  write(`${stem}.md`, md.join('\n'))
  return files
}

const chartSection = (chart: string) =>
  chart.startsWith('fanout') ? 'fanout' : chart.startsWith('canvas') ? 'canvas' : chart === 'throughput' ? 'throughput' : chart
