import { sectors, useCategories } from '../schema/enums.ts'
import type { BoardIndex } from './board-index.ts'
import type { LinkFacts } from './link-facts.ts'
import type { CombinationMatrix } from './types.ts'

/** Actor sectors × use categories; each cell counts the links between such an actor and such a use. */
export function combinationMatrix(facts: LinkFacts): CombinationMatrix {
  return { rows: [...sectors], columns: [...useCategories], cells: facts.matrixCells.map((row) => [...row]) }
}

/**
 * The ids of the links behind one matrix cell (for a heat-map cell that selects them), in
 * document order. Dangling links never count.
 */
export function linksInCell(index: BoardIndex, sector: string, category: string): string[] {
  const ids: string[] = []
  for (const link of index.links) {
    const fromActor = index.actorById.get(link.from)
    const actor = fromActor ?? index.actorById.get(link.to)
    const use = fromActor ? index.useById.get(link.to) : index.useById.get(link.from)
    if (actor && use && actor.sector === sector && use.category === category) ids.push(link.id)
  }
  return ids
}
