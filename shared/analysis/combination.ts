import type { BoardIndex } from './board-index.ts'
import type { LinkFacts } from './link-facts.ts'
import { ratioOr } from './numbers.ts'
import { isCommitted } from './sectors.ts'
import type { CombinationIndicators } from './types.ts'

/** How far the creative scene is combined with the established economy (the seed project's aim). */
export function combinationIndicators(index: BoardIndex, facts: LinkFacts): CombinationIndicators {
  let sharedUses = 0
  for (const useId of facts.usesWithCreative) if (facts.usesWithEstablished.has(useId)) sharedUses++
  const committedSectors = new Set<string>()
  for (const actor of index.actors) if (isCommitted(actor.commitment)) committedSectors.add(actor.sector)
  return { crossSectorLinks: facts.crossSectorLinks, sharedUses, sectorsCommitted: committedSectors.size }
}

/** Share of uses with an operator; 0 without uses. */
export function coverageOf(index: BoardIndex, facts: LinkFacts): number {
  let operated = 0
  for (const use of index.uses) if (facts.operatorsOf.has(use.id)) operated++
  return ratioOr(operated, index.uses.length, 0)
}
