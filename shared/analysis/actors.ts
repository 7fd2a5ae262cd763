import { sectors } from '../schema/enums.ts'
import type { Settings } from '../schema/settings.ts'
import type { BoardIndex } from './board-index.ts'
import { ratioOr, zeros } from './numbers.ts'
import { isCommitted, isCreative } from './sectors.ts'
import type { ActorIndicators, CreativeIndicators } from './types.ts'

export function actorIndicators(index: BoardIndex): ActorIndicators {
  const bySector = zeros(sectors)
  // A sector this build does not know (a newer client's) is counted in total only.
  for (const actor of index.actors) if (actor.sector in bySector) bySector[actor.sector]++
  return { total: index.actors.length, bySector }
}

/** Critical mass of the creative scene against the facilitator's threshold. */
export function creativeIndicators(index: BoardIndex, settings: Settings): CreativeIndicators {
  let count = 0
  let committed = 0
  let interested = 0
  for (const actor of index.actors) {
    if (!isCreative(actor.sector)) continue
    count++
    if (isCommitted(actor.commitment)) committed++
    else if (actor.commitment === 'interested') interested++
  }
  const threshold = settings.creativeThreshold
  return { count, threshold, reached: count >= threshold, share: ratioOr(count, index.actors.length, 0), committed, interested }
}
