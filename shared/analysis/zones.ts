import type { Actor } from '../schema/actor.ts'
import type { Settings } from '../schema/settings.ts'
import { commitmentWeight } from './area.ts'
import type { BoardIndex } from './board-index.ts'
import type { LinkFacts } from './link-facts.ts'
import { amount, compareIds, ratioOr } from './numbers.ts'
import type { ZoneBalance } from './types.ts'

/**
 * Supply (the zone's area), planned use and demand per zone. Demand counts each actor that
 * operates or uses a use in the zone once per zone; an actor in two zones counts in both.
 */
export function zoneBalances(index: BoardIndex, facts: LinkFacts, settings: Settings): ZoneBalance[] {
  const planned = new Map<string, number>()
  const useCount = new Map<string, number>()
  const occupants = new Map<string, Map<string, Actor>>()
  for (const use of index.uses) {
    if (use.zone === undefined || !index.zoneById.has(use.zone)) continue
    planned.set(use.zone, (planned.get(use.zone) ?? 0) + amount(use.areaM2))
    useCount.set(use.zone, (useCount.get(use.zone) ?? 0) + 1)
    const actors = facts.occupantsOf.get(use.id)
    if (!actors) continue
    let inZone = occupants.get(use.zone)
    if (!inZone) {
      inZone = new Map()
      occupants.set(use.zone, inZone)
    }
    for (const [id, actor] of actors) inZone.set(id, actor)
  }
  return [...index.zones]
    .sort((a, b) => compareIds(a.id, b.id))
    .map((zone) => {
      let demandM2 = 0
      let weightedDemandM2 = 0
      for (const actor of occupants.get(zone.id)?.values() ?? []) {
        const need = amount(actor.spaceNeedM2)
        demandM2 += need
        weightedDemandM2 += need * commitmentWeight(settings, actor.commitment)
      }
      const supplyM2 = typeof zone.areaM2 === 'number' && Number.isFinite(zone.areaM2) ? zone.areaM2 : null
      const plannedM2 = planned.get(zone.id) ?? 0
      return {
        zoneId: zone.id,
        supplyM2,
        plannedM2,
        demandM2,
        weightedDemandM2,
        occupancy: supplyM2 === null ? null : ratioOr(plannedM2, supplyM2, null),
        uses: useCount.get(zone.id) ?? 0,
      }
    })
}
