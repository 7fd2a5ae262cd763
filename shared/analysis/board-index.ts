import type { Actor } from '../schema/actor.ts'
import type { BoardDocument } from '../schema/document.ts'
import type { Element } from '../schema/elements.ts'
import type { Link } from '../schema/link.ts'
import type { Phase } from '../schema/phase.ts'
import type { Use } from '../schema/use.ts'
import type { Zone } from '../schema/zone.ts'

/** The elements of a board by kind and by id: one pass, then every indicator reads maps. */
export interface BoardIndex {
  byId: ReadonlyMap<string, Element>
  actors: readonly Actor[]
  uses: readonly Use[]
  links: readonly Link[]
  phases: readonly Phase[]
  zones: readonly Zone[]
  actorById: ReadonlyMap<string, Actor>
  useById: ReadonlyMap<string, Use>
  zoneById: ReadonlyMap<string, Zone>
}

export function indexBoard(document: Pick<BoardDocument, 'elements'>): BoardIndex {
  const byId = new Map<string, Element>()
  const actors: Actor[] = []
  const uses: Use[] = []
  const links: Link[] = []
  const phases: Phase[] = []
  const zones: Zone[] = []
  const actorById = new Map<string, Actor>()
  const useById = new Map<string, Use>()
  const zoneById = new Map<string, Zone>()
  const elements: readonly unknown[] = Array.isArray(document.elements) ? document.elements : []
  for (const candidate of elements) {
    if (typeof candidate !== 'object' || candidate === null) continue
    const element = candidate as Element
    // A duplicate id (only possible in unparsed input) keeps the first, as the parser would refuse the later one.
    if (typeof element.id !== 'string' || byId.has(element.id)) continue
    byId.set(element.id, element)
    switch (element.kind) {
      case 'actor':
        actors.push(element)
        actorById.set(element.id, element)
        break
      case 'use':
        uses.push(element)
        useById.set(element.id, element)
        break
      case 'link':
        links.push(element)
        break
      case 'phase':
        phases.push(element)
        break
      case 'zone':
        zones.push(element)
        zoneById.set(element.id, element)
        break
    }
  }
  return { byId, actors, uses, links, phases, zones, actorById, useById, zoneById }
}
