import { HIGH_SCORE, quadrantOf } from '../analysis/stakeholder-quadrant.ts'
import type { Quadrant } from '../analysis/types.ts'
import type { Box } from './template-document.ts'

/**
 * The influence/interest grid of the stakeholder map, as a pure mapping between an actor's
 * values (integers 1–5) and a point on the board, so that placing an actor on the grid sets
 * its values and editing the values moves it.
 *
 * Interest runs left → right, influence bottom → top. Each axis is split in two equal halves
 * at the quadrant line; values 1–3 ("low") share the low half in three equal slots and 4–5
 * ("high", the ≥ 4 rule of the analysis) the high half in two. So every value sits well inside
 * the quadrant the analysis counts it in, and the four quadrants are drawn equal.
 */
export const STAKEHOLDER_GRID: Box = { x: 0, y: 0, w: 1200, h: 1200 }

const MIN = 1
const MAX = 5
const LOW_SLOTS = HIGH_SCORE - MIN // 1, 2, 3
const HIGH_SLOTS = MAX - HIGH_SCORE + 1 // 4, 5

const clampScore = (value: number): number => (Number.isFinite(value) ? Math.min(MAX, Math.max(MIN, Math.round(value))) : MIN)

/** Distance of a value's slot centre from the low end of an axis of `length`. */
function offsetOf(value: number, length: number): number {
  const score = clampScore(value)
  const half = length / 2
  if (score < HIGH_SCORE) return ((score - MIN + 0.5) * half) / LOW_SLOTS
  return half + ((score - HIGH_SCORE + 0.5) * half) / HIGH_SLOTS
}

/** The value whose slot holds `offset` (clamped to the axis). */
function valueAt(offset: number, length: number): number {
  const half = length / 2
  const t = Math.min(length, Math.max(0, Number.isFinite(offset) ? offset : 0))
  if (t < half) return MIN + Math.min(LOW_SLOTS - 1, Math.floor(t / (half / LOW_SLOTS)))
  return HIGH_SCORE + Math.min(HIGH_SLOTS - 1, Math.floor((t - half) / (half / HIGH_SLOTS)))
}

/** The board point (a card's centre) of an actor with these values. Values are rounded and clamped to 1–5. */
export function gridPositionFor(influence: number, interest: number, grid: Box = STAKEHOLDER_GRID): { x: number; y: number } {
  return { x: grid.x + offsetOf(interest, grid.w), y: grid.y + grid.h - offsetOf(influence, grid.h) }
}

/** The values of a card whose centre is at (x, y); a point off the grid takes the nearest edge's values. */
export function valuesAt(x: number, y: number, grid: Box = STAKEHOLDER_GRID): { influence: number; interest: number } {
  return { influence: valueAt(grid.y + grid.h - y, grid.h), interest: valueAt(x - grid.x, grid.w) }
}

/** Whether (x, y) lies on the grid (edges included): only then should a drop change the values. */
export function isOnGrid(x: number, y: number, grid: Box = STAKEHOLDER_GRID): boolean {
  return x >= grid.x && x <= grid.x + grid.w && y >= grid.y && y <= grid.y + grid.h
}

/** The box of a card of size w × h centred on an actor's grid position. */
export function cardBoxFor(
  influence: number,
  interest: number,
  size: { w: number; h: number },
  grid: Box = STAKEHOLDER_GRID,
): Box {
  const centre = gridPositionFor(influence, interest, grid)
  return { x: centre.x - size.w / 2, y: centre.y - size.h / 2, w: size.w, h: size.h }
}

/** The four quadrants as boxes: high influence on top, high interest on the right. */
export function quadrantBoxes(grid: Box = STAKEHOLDER_GRID): Record<Quadrant, Box> {
  const w = grid.w / 2
  const h = grid.h / 2
  return {
    keepSatisfied: { x: grid.x, y: grid.y, w, h },
    manageClosely: { x: grid.x + w, y: grid.y, w, h },
    monitor: { x: grid.x, y: grid.y + h, w, h },
    keepInformed: { x: grid.x + w, y: grid.y + h, w, h },
  }
}

export { quadrantOf }
