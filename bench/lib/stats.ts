/** Small numeric helpers shared by the bench sections. */

export const round2 = (n: number): number => Math.round(n * 100) / 100

/** The p-th percentile (nearest rank) of an ascending array; NaN when empty. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN
  const rank = Math.ceil((p / 100) * sorted.length) - 1
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))] ?? Number.NaN
}

export interface Percentiles {
  samples: number
  p50Ms: number
  p95Ms: number
  p99Ms: number
  maxMs: number
}

export function percentiles(values: readonly number[]): Percentiles {
  const sorted = [...values].sort((a, b) => a - b)
  return {
    samples: sorted.length,
    p50Ms: round2(percentile(sorted, 50)),
    p95Ms: round2(percentile(sorted, 95)),
    p99Ms: round2(percentile(sorted, 99)),
    maxMs: round2(sorted[sorted.length - 1] ?? Number.NaN),
  }
}

export function median(values: readonly number[]): number {
  return round2(
    percentile(
      [...values].sort((a, b) => a - b),
      50,
    ),
  )
}
