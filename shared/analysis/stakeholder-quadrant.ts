import type { Quadrant } from './types.ts'

/** Influence and interest run 1–5; 4 and 5 are "high" (the stakeholder-health rule of issue 5). */
export const HIGH_SCORE = 4

export const isHighScore = (score: number): boolean => score >= HIGH_SCORE

/**
 * The quadrant of the influence/interest grid (Mendelow): high influence and high interest
 * "manage closely", high influence only "keep satisfied", high interest only "keep
 * informed", neither "monitor". Null when either value is missing.
 */
export function quadrantOf(influence: number | undefined, interest: number | undefined): Quadrant | null {
  if (typeof influence !== 'number' || typeof interest !== 'number') return null
  if (isHighScore(influence)) return isHighScore(interest) ? 'manageClosely' : 'keepSatisfied'
  return isHighScore(interest) ? 'keepInformed' : 'monitor'
}
