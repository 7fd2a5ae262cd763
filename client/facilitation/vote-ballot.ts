import type { Vote, VoteResult } from '../../shared/facilitation/state.ts'

/** A person's whole ballot: element id → their dots on it (no zero entries). */
export type Dots = Readonly<Record<string, number>>

export type BallotChange = { ok: true; dots: Dots } | { ok: false; reason: 'not_in_vote' | 'total' | 'element' | 'none_here' }

type Limits = Pick<Vote, 'elementIds' | 'dotsPerPerson' | 'maxPerElement'>

export const dotsUsed = (dots: Dots): number => Object.values(dots).reduce((sum, n) => sum + n, 0)

export const dotsLeft = (vote: Pick<Vote, 'dotsPerPerson'>, dots: Dots): number =>
  Math.max(0, vote.dotsPerPerson - dotsUsed(dots))

/**
 * One more dot on `elementId`, within the vote's limits (the server checks them again: this
 * only spares a round trip and says why in the person's language).
 */
export function addDot(vote: Limits, dots: Dots, elementId: string): BallotChange {
  if (!vote.elementIds.includes(elementId)) return { ok: false, reason: 'not_in_vote' }
  if (dotsUsed(dots) >= vote.dotsPerPerson) return { ok: false, reason: 'total' }
  const here = dots[elementId] ?? 0
  if (here >= vote.maxPerElement) return { ok: false, reason: 'element' }
  return { ok: true, dots: { ...dots, [elementId]: here + 1 } }
}

/** One dot fewer on `elementId`. */
export function removeDot(dots: Dots, elementId: string): BallotChange {
  const here = dots[elementId] ?? 0
  if (here <= 0) return { ok: false, reason: 'none_here' }
  const next: Record<string, number> = { ...dots }
  if (here === 1) delete next[elementId]
  else next[elementId] = here - 1
  return { ok: true, dots: next }
}

/** A closed vote's ranking: each voted element's place (ties share one, "1, 1, 3") and total. */
export interface RankedResult extends VoteResult {
  rank: number
}

export function ranking(results: readonly VoteResult[] | null): RankedResult[] {
  const sorted = [...(results ?? [])].sort((a, b) => b.dots - a.dots)
  let rank = 0
  let previous = Number.NaN
  return sorted.map((result, index) => {
    if (result.dots !== previous) rank = index + 1
    previous = result.dots
    return { ...result, rank }
  })
}
