import type { BoardIndex } from './board-index.ts'
import { quadrantOf } from './stakeholder-quadrant.ts'
import type { StakeholderHealth } from './types.ts'

/** Whether those who can make or break the project are on its side. */
export function stakeholderHealth(index: BoardIndex): StakeholderHealth {
  const quadrants = { manageClosely: 0, keepSatisfied: 0, keepInformed: 0, monitor: 0, unplaced: 0 }
  let keyPlayersSupportive = 0
  let blockers = 0
  let critics = 0
  for (const actor of index.actors) {
    const quadrant = quadrantOf(actor.influence, actor.interest) ?? 'unplaced'
    quadrants[quadrant]++
    if (quadrant === 'manageClosely' && (actor.stance === 'champion' || actor.stance === 'supporter')) keyPlayersSupportive++
    if (actor.stance === 'blocker') blockers++
    if (actor.stance === 'critic') critics++
  }
  const keyPlayers = quadrants.manageClosely
  return {
    keyPlayers,
    keyPlayersSupportive,
    health: keyPlayers > 0 ? keyPlayersSupportive / keyPlayers : null,
    blockers,
    critics,
    quadrants,
  }
}
