import { analyse } from '../shared/analysis/analyse.ts'
import { syntheticBoard } from '../shared/analysis/synthetic-board.ts'

export interface AnalysisBenchRow {
  elements: number
  /** median wall time of one `analyse` call */
  ms: number
}

const WARM_UP_RUNS = 5
const MEASURED_RUNS = 21

/**
 * Times `analyse` on realistic synthetic boards (shared/analysis/synthetic-board.ts: a quarter
 * actors, a quarter uses, a third links, zones, phases and notes), the median of several runs
 * after a warm-up so the JIT has compiled the hot loops. The target (issue 5): a 5,000-element
 * board well under 20 ms, so the panel can re-run it on every change.
 */
export async function analysisBench(sizes: number[] = [1000, 5000, 20000]): Promise<AnalysisBenchRow[]> {
  const rows: AnalysisBenchRow[] = []
  for (const elements of sizes) {
    const { document } = syntheticBoard(elements)
    for (let i = 0; i < WARM_UP_RUNS; i++) analyse(document)
    const times: number[] = []
    for (let i = 0; i < MEASURED_RUNS; i++) {
      const start = performance.now()
      analyse(document)
      times.push(performance.now() - start)
      // yield between runs so a timer or GC of the caller does not land inside a measurement
      await new Promise((resolve) => setImmediate(resolve))
    }
    times.sort((a, b) => a - b)
    rows.push({ elements, ms: Math.round((times[Math.floor(times.length / 2)] ?? 0) * 100) / 100 })
  }
  return rows
}
