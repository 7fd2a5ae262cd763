import { mkdirSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { bareRelayFanout, type LatencyRow, refreshBoardFanout } from './fanout.ts'

// `npm run bench` (add `-- --quick` for a short run): measures, in one run, fan-out latency
// of Refresh Board against the floor of a bare ws relay, and writes
// bench/results/<date>.json and .md. Later issues add their rows (Hocuspocus, board open,
// memory, canvas, analysis, exports) as further sections of the same report.
const quick = process.argv.includes('--quick')
const sizes = quick ? [10, 50] : [10, 50, 200]
const rounds = quick ? 30 : 200

async function main() {
  const fanout: LatencyRow[] = []
  for (const n of sizes) {
    for (const run of [refreshBoardFanout, bareRelayFanout]) {
      const row = await run(n, rounds)
      fanout.push(row)
      console.log(
        `${row.server.padEnd(14)} N=${String(n).padStart(3)}  p50 ${row.p50Ms} ms  p95 ${row.p95Ms} ms  p99 ${row.p99Ms} ms`,
      )
    }
  }
  const date = new Date().toISOString().slice(0, 10)
  const dir = path.join(import.meta.dirname, 'results')
  mkdirSync(dir, { recursive: true })
  const result = { date, quick, machine: { cpus: os.cpus().length, node: process.version }, fanout }
  writeFileSync(path.join(dir, `${date}.json`), `${JSON.stringify(result, null, 2)}\n`)
  const md = [
    `# Benchmark ${date}${quick ? ' (quick)' : ''}`,
    '',
    `Node ${process.version}, ${os.cpus().length} cores. One writer, N receivers in one board, ${rounds} rounds.`,
    '',
    '| server | N | p50 ms | p95 ms | p99 ms | p99 / floor |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...fanout.map((r) => {
      const floor = fanout.find((f) => f.server === 'bare-ws-relay' && f.receivers === r.receivers)
      return `| ${r.server} | ${r.receivers} | ${r.p50Ms} | ${r.p95Ms} | ${r.p99Ms} | ${floor ? (r.p99Ms / floor.p99Ms).toFixed(2) : ''} |`
    }),
    '',
  ].join('\n')
  writeFileSync(path.join(dir, `${date}.md`), md)
  console.log(`\nwrote bench/results/${date}.json and .md`)
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  },
)
