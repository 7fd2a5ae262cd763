/**
 * Guards for figures. The document is parsed already, but the analysis also runs on data a
 * newer client wrote, so a value that is not a finite number ≥ 0 counts as 0 instead of
 * turning a sum into NaN.
 */
export const amount = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0)

/** numerator / denominator, or `fallback` when the denominator is not > 0. */
export function ratioOr<T>(numerator: number, denominator: number, fallback: T): number | T {
  return denominator > 0 ? numerator / denominator : fallback
}

/** A record of `keys` → 0, in the order of `keys` (stable JSON). */
export function zeros<K extends string>(keys: readonly K[]): Record<K, number> {
  const record = {} as Record<K, number>
  for (const key of keys) record[key] = 0
  return record
}

/** Code-unit order, as the board document sorts ids (not locale-dependent). */
export const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)
