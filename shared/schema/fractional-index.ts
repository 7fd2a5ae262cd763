import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing'
import { z } from 'zod'
import { err, ok, type Result } from './result.ts'

/**
 * Fractional indices order elements on the canvas (the `z` field; DESIGN.md, "Z-order as a
 * fractional index field"). A key is a base-62 string ("a0", "a0V", "Zz") that sorts by plain
 * code-unit comparison; a new key can always be made between two others, so reordering
 * writes one field of one element and merges under concurrency, unlike moves in a Y.Array.
 * Backed by the `fractional-indexing` package (rocicorp, CC0), whose errors are exceptions:
 * this module turns them into values.
 */

const KEY_SHAPE = /^[A-Za-z][0-9A-Za-z]*$/
const MAX_KEY_CHARS = 1024

// Validity is asked for in sort comparators, so remember answers (bounded: cleared when full).
const validity = new Map<string, boolean>()
const MAX_REMEMBERED = 10_000

/** True when `key` is a well-formed fractional index. */
export function isFractionalIndex(key: unknown): key is string {
  if (typeof key !== 'string' || key.length > MAX_KEY_CHARS || !KEY_SHAPE.test(key)) return false
  const known = validity.get(key)
  if (known !== undefined) return known
  // The package validates keys (head/length, no trailing zero) whenever it uses one; the
  // highest and lowest possible keys cannot be passed the other way, so try both directions.
  const valid = attempt(() => generateKeyBetween(key, null)) || attempt(() => generateKeyBetween(null, key))
  if (validity.size >= MAX_REMEMBERED) validity.clear()
  validity.set(key, valid)
  return valid
}

const KEY_MESSAGE = 'must be a fractional index such as "a0" (see docs/board-model.md)'
export const FractionalIndex = z
  .string({ error: (issue) => (issue.input === undefined ? 'is required' : KEY_MESSAGE) })
  .refine(isFractionalIndex, { error: KEY_MESSAGE })

/** Code-unit order, the order fractional indices are defined in (never `localeCompare`). */
export const compareIndex = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/**
 * A key strictly between `before` and `after`; `null` means "no bound" (so
 * `indexBetween(top, null)` is above `top`). Fails when a bound is malformed or
 * `before ≥ after`.
 */
export function indexBetween(before: string | null, after: string | null): Result<string, string> {
  const keys = indicesBetween(before, after, 1)
  if (!keys.ok) return keys
  const [key] = keys.value
  return key === undefined ? err(describeBounds(before, after)) : ok(key)
}

/** `count` ascending keys strictly between `before` and `after`. */
export function indicesBetween(before: string | null, after: string | null, count: number): Result<string[], string> {
  if (before !== null && after !== null && compareIndex(before, after) >= 0) return err(describeBounds(before, after))
  try {
    return ok(generateNKeysBetween(before, after, count))
  } catch (cause) {
    return err(cause instanceof Error ? cause.message : String(cause))
  }
}

function describeBounds(before: string | null, after: string | null): string {
  return `no fractional index fits between ${JSON.stringify(before)} and ${JSON.stringify(after)}`
}

function attempt(run: () => unknown): boolean {
  try {
    run()
    return true
  } catch {
    return false
  }
}
