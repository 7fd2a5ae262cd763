import type { BoardDocument } from '../schema/document.ts'
import type { Settings } from '../schema/settings.ts'
import type { BoardIndex } from './board-index.ts'
import { amount, ratioOr } from './numbers.ts'
import type { AreaIndicators } from './types.ts'

/** The site area, or null when the profile has none (or a malformed one). */
export function siteAreaOf(site: BoardDocument['site'] | undefined): number | null {
  const value = site?.areaM2
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : null
}

/** The weight of a commitment; an unknown commitment weighs 0. */
export function commitmentWeight(settings: Settings, commitment: string): number {
  return amount((settings.commitmentWeights as Record<string, unknown>)[commitment])
}

/** Planned area against the site and against what actors ask for. */
export function areaIndicators(index: BoardIndex, siteM2: number | null, settings: Settings): AreaIndicators {
  let plannedM2 = 0
  for (const use of index.uses) plannedM2 += amount(use.areaM2)
  let demandM2 = 0
  let weightedDemandM2 = 0
  for (const actor of index.actors) {
    const need = amount(actor.spaceNeedM2)
    demandM2 += need
    weightedDemandM2 += need * commitmentWeight(settings, actor.commitment)
  }
  const ratio = siteM2 === null ? null : ratioOr(plannedM2, siteM2, null)
  return {
    siteM2,
    plannedM2,
    ratio,
    vacancy: ratio === null ? null : 1 - ratio,
    demandM2,
    weightedDemandM2,
    demandToPlanned: ratioOr(weightedDemandM2, plannedM2, null),
  }
}
