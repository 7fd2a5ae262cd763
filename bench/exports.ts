import { monitorEventLoopDelay } from 'node:perf_hooks'
import { exportPdf, exportPng, exportSvg, type RenderResult } from '../server/export/render/board-exports.ts'
import { analyse } from '../shared/analysis/analyse.ts'
import { syntheticBoard } from '../shared/analysis/synthetic-board.ts'

export interface ExportBenchRow {
  format: 'png' | 'svg' | 'pdf'
  elements: number
  /** wall time of one export, after one warm-up export of the same format */
  ms: number
  bytes: number
  /** highest resident set size seen during the export, MB */
  peakRssMb: number
  /** longest time the event loop was held during the export (what other boards' sync waits at most), ms */
  maxBlockMs: number
}

type Output = string | Uint8Array | { bytes: Buffer }
const size = (value: Output): number =>
  typeof value === 'string' ? Buffer.byteLength(value) : value instanceof Uint8Array ? value.byteLength : value.bytes.byteLength

/**
 * Times the server-rendered exports (png at the default scale, svg, pdf) of realistic
 * synthetic boards (shared/analysis/synthetic-board.ts), in this process, with peak RSS
 * sampled every 5 ms and the event loop's longest stall (perf_hooks histogram).
 */
export async function exportsBench(sizes: number[] = [1000]): Promise<ExportBenchRow[]> {
  const rows: ExportBenchRow[] = []
  for (const elements of sizes) {
    const { document } = syntheticBoard(elements)
    const source = { boardId: 'bench', document, analysis: analyse(document), snapshot: null }
    const runs: [ExportBenchRow['format'], () => Promise<RenderResult<Output>>][] = [
      ['png', () => exportPng(source, {})],
      ['svg', () => exportSvg(source, {})],
      ['pdf', () => exportPdf(source)],
    ]
    for (const [format, run] of runs) {
      await run() // warm-up: fonts, JIT, path caches
      global.gc?.()
      let peak = process.memoryUsage().rss
      const sampler = setInterval(() => {
        peak = Math.max(peak, process.memoryUsage().rss)
      }, 5)
      const loop = monitorEventLoopDelay({ resolution: 5 })
      loop.enable()
      const start = performance.now()
      const result = await run()
      const ms = performance.now() - start
      loop.disable()
      clearInterval(sampler)
      peak = Math.max(peak, process.memoryUsage().rss)
      if (!result.ok) throw new Error(`${format}: ${result.message}`)
      rows.push({
        format,
        elements,
        ms: Math.round(ms),
        bytes: size(result.value),
        peakRssMb: Math.round(peak / 1024 / 1024),
        maxBlockMs: Math.round(loop.max / 1e6),
      })
    }
  }
  return rows
}

// `node --import tsx bench/exports.ts` prints the rows on its own
if (import.meta.url === `file://${process.argv[1]}`) {
  exportsBench(
    process.argv
      .slice(2)
      .map(Number)
      .filter((n) => n > 0).length > 0
      ? process.argv.slice(2).map(Number)
      : [1000],
  )
    .then((rows) => {
      console.table(rows)
      process.exit(0)
    })
    .catch((error: unknown) => {
      console.error(error)
      process.exit(1)
    })
}
