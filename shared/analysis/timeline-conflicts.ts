import type { Phase } from '../schema/phase.ts'
import type { BoardIndex } from './board-index.ts'
import type { LinkFacts } from './link-facts.ts'
import { compareIds } from './numbers.ts'
import { comparePhases, refsOf } from './phases.ts'
import { isCommitted } from './sectors.ts'
import type { TimelineConflict } from './types.ts'

/**
 * Uses scheduled before their operator is committed. A use is *scheduled* from the start of
 * the earliest phase that references it and is not of stage `analysis` (analysing a use does
 * not open it). An operator is an actor with an `operates` link to the use. The use conflicts
 * when it has operators and none of them is on board by then:
 *
 * - `operator-uncommitted`: no operator has commitment `loi`, `precontract` or `signed`;
 * - `operator-scheduled-later`: committed operators exist, but each is itself referenced by
 *   phases and the earliest of those starts after the use's start.
 *
 * A committed operator no phase references is taken as on board from the beginning (the
 * board says nothing about when it joins). A use without any operator is not a conflict
 * here: it is the gap `use-without-operator`.
 */
export function timelineConflicts(index: BoardIndex, facts: LinkFacts): TimelineConflict[] {
  const usePhase = new Map<string, Phase>()
  const actorStart = new Map<string, string>()
  for (const phase of [...index.phases].sort(comparePhases)) {
    for (const ref of refsOf(phase)) {
      // phases come in time order: the first one seen is the earliest
      if (index.actorById.has(ref) && !actorStart.has(ref)) actorStart.set(ref, phase.start)
      if (phase.stage !== 'analysis' && index.useById.has(ref) && !usePhase.has(ref)) usePhase.set(ref, phase)
    }
  }
  const conflicts: TimelineConflict[] = []
  for (const [useId, phase] of usePhase) {
    const operators = facts.operatorsOf.get(useId)
    if (!operators || operators.size === 0) continue
    const committed = [...operators.values()].filter((actor) => isCommitted(actor.commitment))
    let reason: TimelineConflict['reason'] | null = null
    if (committed.length === 0) reason = 'operator-uncommitted'
    else if (committed.every((actor) => (actorStart.get(actor.id) ?? '') > phase.start)) reason = 'operator-scheduled-later'
    if (reason) {
      conflicts.push({
        useId,
        phaseId: phase.id,
        start: phase.start,
        reason,
        operatorIds: [...operators.keys()].sort(compareIds),
      })
    }
  }
  return conflicts.sort((a, b) => compareIds(a.start, b.start) || compareIds(a.useId, b.useId))
}
