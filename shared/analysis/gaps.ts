import type { BoardIndex } from './board-index.ts'
import type { LinkFacts } from './link-facts.ts'
import { amount, compareIds } from './numbers.ts'
import { refsOf } from './phases.ts'
import { type Gap, type GapType, gapTypes } from './types.ts'

const typeRank = new Map<GapType, number>(gapTypes.map((type, rank) => [type, rank]))

/** What the concept still lacks, element by element (docs/analysis.md has each rule). */
export function findGaps(index: BoardIndex, facts: LinkFacts): Gap[] {
  const gaps: Gap[] = []
  const add = (type: GapType, elementId: string) => gaps.push({ type, elementId })

  const scheduled = new Set<string>()
  for (const phase of index.phases) {
    let dangles = false
    for (const ref of refsOf(phase)) {
      scheduled.add(ref)
      if (!index.byId.has(ref)) dangles = true
    }
    if (dangles) add('phase-ref-dangling', phase.id)
  }

  const plannedInZone = new Map<string, number>()
  for (const use of index.uses) {
    if (!facts.operatorsOf.has(use.id)) add('use-without-operator', use.id)
    if (!scheduled.has(use.id)) add('use-without-phase', use.id)
    if (use.zone === undefined) continue
    if (index.zoneById.has(use.zone)) plannedInZone.set(use.zone, (plannedInZone.get(use.zone) ?? 0) + amount(use.areaM2))
    else add('use-zone-missing', use.id)
  }
  for (const zone of index.zones) {
    if (typeof zone.areaM2 === 'number' && (plannedInZone.get(zone.id) ?? 0) > zone.areaM2) add('zone-overcommitted', zone.id)
  }
  for (const actor of index.actors) if (!facts.actorsWithUse.has(actor.id)) add('actor-without-use', actor.id)
  for (const id of facts.danglingLinkIds) add('link-dangling', id)
  // The seed project's aim: creative and established actors combined, by a link between them or
  // a use they share. A board with actors or uses and neither has missed it; an empty board has not begun.
  const hasContent = index.actors.length > 0 || index.uses.length > 0
  const combined = facts.crossSectorLinks > 0 || [...facts.usesWithCreative].some((id) => facts.usesWithEstablished.has(id))
  if (hasContent && !combined) add('combination-missing', '')

  return gaps.sort((a, b) => (typeRank.get(a.type) ?? 0) - (typeRank.get(b.type) ?? 0) || compareIds(a.elementId, b.elementId))
}
