import type { Quadrant } from '../analysis/types.ts'
import type { BoardDocument } from '../schema/document.ts'
import type { ElementInput } from '../schema/elements.ts'
import { cardBoxFor, quadrantBoxes, STAKEHOLDER_GRID } from './stakeholder-grid.ts'
import { CARD, frame, note, PAD, templateDocument } from './template-document.ts'

/**
 * Stakeholder map: the influence/interest grid (Mendelow) with its four quadrants. Groups
 * place each actor where its influence and interest meet (the card's values follow, see
 * stakeholder-grid.ts) and set its stance from champion to blocker; the facilitator then asks
 * per quadrant how the project engages those actors.
 */
const quadrantLabels: Record<Quadrant, string> = {
  keepSatisfied: 'Keep satisfied (high influence, low interest)',
  manageClosely: 'Manage closely (high influence, high interest)',
  monitor: 'Monitor (low influence, low interest)',
  keepInformed: 'Keep informed (low influence, high interest)',
}

const exampleActors = [
  {
    id: 'actor-municipality',
    label: 'Municipality (example)',
    sector: 'public',
    commitment: 'interested',
    stance: 'champion',
    influence: 5,
    interest: 5,
  },
  {
    id: 'actor-owner',
    label: 'Site owner (example)',
    sector: 'owner',
    commitment: 'interested',
    stance: 'neutral',
    influence: 5,
    interest: 2,
  },
  {
    id: 'actor-heritage',
    label: 'Heritage office (example)',
    sector: 'heritage',
    commitment: 'idea',
    stance: 'critic',
    influence: 4,
    interest: 3,
  },
  {
    id: 'actor-makers',
    label: "Makers' association (example)",
    sector: 'creative',
    commitment: 'idea',
    stance: 'supporter',
    influence: 2,
    interest: 5,
  },
  {
    id: 'actor-neighbours',
    label: 'Neighbours (example)',
    sector: 'residents',
    commitment: 'idea',
    stance: 'neutral',
    influence: 2,
    interest: 2,
  },
] as const

const NOTE = { w: 200, h: 120 }
const grid = STAKEHOLDER_GRID
const LEFT = grid.x - NOTE.w - 2 * PAD // room for the influence axis label
const TOP = grid.y - 80
const BOTTOM = grid.y + grid.h + NOTE.h + 2 * PAD

export function stakeholderMapTemplate(): BoardDocument {
  const quadrants = quadrantBoxes(grid)
  const elements: ElementInput[] = [
    frame('stakeholder-map', 'Stakeholder map: influence × interest', {
      x: LEFT,
      y: TOP,
      w: grid.x + grid.w + PAD - LEFT,
      h: BOTTOM + PAD - TOP,
    }),
    ...(Object.keys(quadrantLabels) as Quadrant[]).map((quadrant) =>
      frame(`quadrant-${quadrant}`, quadrantLabels[quadrant], quadrants[quadrant]),
    ),
    note(
      'axis-influence',
      'Influence ↑ from 1 (low, bottom) to 5 (high, top)',
      { x: LEFT + PAD, y: grid.y + grid.h / 2 - NOTE.h / 2, ...NOTE },
      'grey',
    ),
    note(
      'axis-interest',
      'Interest → from 1 (low, left) to 5 (high, right)',
      { x: grid.x + grid.w / 2 - NOTE.w / 2, y: grid.y + grid.h + PAD, ...NOTE },
      'grey',
    ),
    note(
      'how-to',
      'Place each actor where its influence and interest meet; set its stance from champion to blocker.',
      { x: LEFT + PAD, y: grid.y + grid.h + PAD, ...NOTE },
      'yellow',
    ),
    ...exampleActors.map(({ influence, interest, ...actor }) => ({
      kind: 'actor' as const,
      ...actor,
      influence,
      interest,
      ...cardBoxFor(influence, interest, CARD, grid),
    })),
  ]
  return templateDocument('stakeholder-map', 'Stakeholder map', elements)
}
