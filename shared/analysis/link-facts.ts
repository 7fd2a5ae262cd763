import type { Actor } from '../schema/actor.ts'
import { type Sector, sectors, type UseCategory, useCategories } from '../schema/enums.ts'
import type { Use } from '../schema/use.ts'
import type { BoardIndex } from './board-index.ts'
import { isCreative, isEstablished } from './sectors.ts'

const sectorRow = new Map<Sector, number>(sectors.map((sector, index) => [sector, index]))
const categoryColumn = new Map<UseCategory, number>(useCategories.map((category, index) => [category, index]))

/**
 * What the links say, gathered in one pass over them. An "actor–use link" joins an actor and
 * a use in either direction; an operator or occupant link goes from the actor to the use.
 */
export interface LinkFacts {
  /** Links whose `from` or `to` names no element, in document order. */
  danglingLinkIds: string[]
  /** [sector row][category column] counts of actor–use links (contract order). */
  matrixCells: number[][]
  /** Links between a creative-sector and an established-sector actor. */
  crossSectorLinks: number
  /** Actors with at least one actor–use link. */
  actorsWithUse: ReadonlySet<string>
  /** Uses with an actor–use link to a creative-sector actor / to an established-sector actor. */
  usesWithCreative: ReadonlySet<string>
  usesWithEstablished: ReadonlySet<string>
  /** use id → its operators (`operates` from an actor to the use), each once. */
  operatorsOf: ReadonlyMap<string, ReadonlyMap<string, Actor>>
  /** use id → the actors that operate or use it (from the actor to the use), each once. */
  occupantsOf: ReadonlyMap<string, ReadonlyMap<string, Actor>>
  /** actor id → the uses it operates or uses, each once. */
  occupiedBy: ReadonlyMap<string, ReadonlyMap<string, Use>>
}

function addTo<V>(map: Map<string, Map<string, V>>, key: string, id: string, value: V): void {
  let inner = map.get(key)
  if (!inner) {
    inner = new Map()
    map.set(key, inner)
  }
  inner.set(id, value)
}

export function gatherLinkFacts(index: BoardIndex): LinkFacts {
  const matrixCells = sectors.map(() => useCategories.map(() => 0))
  const danglingLinkIds: string[] = []
  const actorsWithUse = new Set<string>()
  const usesWithCreative = new Set<string>()
  const usesWithEstablished = new Set<string>()
  const operatorsOf = new Map<string, Map<string, Actor>>()
  const occupantsOf = new Map<string, Map<string, Actor>>()
  const occupiedBy = new Map<string, Map<string, Use>>()
  let crossSectorLinks = 0

  for (const link of index.links) {
    if (!index.byId.has(link.from) || !index.byId.has(link.to)) {
      danglingLinkIds.push(link.id)
      continue
    }
    const fromActor = index.actorById.get(link.from)
    const toActor = index.actorById.get(link.to)
    if (fromActor && toActor) {
      const pairs =
        (isCreative(fromActor.sector) && isEstablished(toActor.sector)) ||
        (isEstablished(fromActor.sector) && isCreative(toActor.sector))
      if (pairs) crossSectorLinks++
      continue
    }
    const actor = fromActor ?? toActor
    const use = fromActor ? index.useById.get(link.to) : index.useById.get(link.from)
    if (!actor || !use) continue

    actorsWithUse.add(actor.id)
    if (isCreative(actor.sector)) usesWithCreative.add(use.id)
    if (isEstablished(actor.sector)) usesWithEstablished.add(use.id)
    const row = sectorRow.get(actor.sector)
    const column = categoryColumn.get(use.category)
    const cells = row === undefined ? undefined : matrixCells[row]
    if (cells && column !== undefined) cells[column] = (cells[column] ?? 0) + 1

    if (actor === fromActor && (link.relation === 'operates' || link.relation === 'uses')) {
      if (link.relation === 'operates') addTo(operatorsOf, use.id, actor.id, actor)
      addTo(occupantsOf, use.id, actor.id, actor)
      addTo(occupiedBy, actor.id, use.id, use)
    }
  }
  return {
    danglingLinkIds,
    matrixCells,
    crossSectorLinks,
    actorsWithUse,
    usesWithCreative,
    usesWithEstablished,
    operatorsOf,
    occupantsOf,
    occupiedBy,
  }
}
