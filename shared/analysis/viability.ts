import type { Use } from '../schema/use.ts'
import type { BoardIndex } from './board-index.ts'
import type { LinkFacts } from './link-facts.ts'
import { amount, compareIds, ratioOr } from './numbers.ts'
import type { Affordability, Viability } from './types.ts'

const hasRent = (use: Use): boolean => typeof use.rentEurM2Month === 'number' && Number.isFinite(use.rentEurM2Month)

/** Rent per month and area of the uses that have a rent. */
function rentOf(uses: Iterable<Use>): { eurMonth: number; areaM2: number } {
  let eurMonth = 0
  let areaM2 = 0
  for (const use of uses) {
    if (!hasRent(use)) continue
    const area = amount(use.areaM2)
    eurMonth += amount(use.rentEurM2Month) * area
    areaM2 += area
  }
  return { eurMonth, areaM2 }
}

/**
 * The viability figures the board can hold today: rents (use.rentEurM2Month), the revenue
 * model (use.revenueModel) and what actors can pay (actor.budgetEurM2Month). Running costs,
 * debt service, other income and subsidy amounts have no field yet (docs/analysis.md), so
 * cost recovery and break-even occupancy are not computed.
 */
export function viabilityFigures(index: BoardIndex, facts: LinkFacts, plannedM2: number): Viability {
  const board = rentOf(index.uses)
  const meanRentEurM2Month = ratioOr(board.eurMonth, board.areaM2, null)
  let subsidisedM2 = 0
  for (const use of index.uses) if (use.revenueModel === 'subsidy') subsidisedM2 += amount(use.areaM2)

  const affordability: Affordability[] = []
  for (const actor of [...index.actors].sort((a, b) => compareIds(a.id, b.id))) {
    if (typeof actor.budgetEurM2Month !== 'number' || !Number.isFinite(actor.budgetEurM2Month)) continue
    const own = rentOf(facts.occupiedBy.get(actor.id)?.values() ?? [])
    const askingRentEurM2Month = ratioOr(own.eurMonth, own.areaM2, null) ?? meanRentEurM2Month
    if (askingRentEurM2Month === null || askingRentEurM2Month <= 0) continue
    const budgetEurM2Month = amount(actor.budgetEurM2Month)
    affordability.push({
      actorId: actor.id,
      budgetEurM2Month,
      askingRentEurM2Month,
      ratio: budgetEurM2Month / askingRentEurM2Month,
    })
  }
  const affordableActors = affordability.filter((row) => row.ratio >= 1).length
  return {
    rentIncomeEurYear: board.eurMonth * 12,
    rentedAreaM2: board.areaM2,
    meanRentEurM2Month,
    subsidyAreaShare: ratioOr(subsidisedM2, plannedM2, 0),
    affordability,
    affordableActors,
    unaffordableActors: affordability.length - affordableActors,
  }
}
