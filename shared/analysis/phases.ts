import type { Phase } from '../schema/phase.ts'
import type { BoardIndex } from './board-index.ts'
import { amount, compareIds, ratioOr } from './numbers.ts'
import type { PhaseOccupancy } from './types.ts'

/** Phases in time order: start, then end, then id ("YYYY-MM" compares like the month). */
export function comparePhases(a: Phase, b: Phase): number {
  return compareIds(a.start, b.start) || compareIds(a.end, b.end) || compareIds(a.id, b.id)
}

/** The distinct refs of a phase (a malformed `refs` counts as none). */
export function refsOf(phase: Phase): ReadonlySet<string> {
  return new Set(Array.isArray(phase.refs) ? phase.refs : [])
}

/** Per phase: what it schedules and how much of the site that occupies. */
export function phaseOccupancy(index: BoardIndex, siteM2: number | null): PhaseOccupancy[] {
  return [...index.phases].sort(comparePhases).map((phase) => {
    let uses = 0
    let actors = 0
    let plannedM2 = 0
    for (const ref of refsOf(phase)) {
      const use = index.useById.get(ref)
      if (use) {
        uses++
        plannedM2 += amount(use.areaM2)
      } else if (index.actorById.has(ref)) actors++
    }
    return {
      phaseId: phase.id,
      stage: phase.stage,
      start: phase.start,
      end: phase.end,
      uses,
      actors,
      plannedM2,
      occupancy: siteM2 === null ? null : ratioOr(plannedM2, siteM2, null),
    }
  })
}
