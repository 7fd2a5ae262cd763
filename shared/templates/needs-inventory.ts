import type { BoardDocument } from '../schema/document.ts'
import type { ElementInput } from '../schema/elements.ts'
import type { Commitment } from '../schema/enums.ts'
import { commitments } from '../schema/enums.ts'
import { CARD, FRAME_HEADER, frame, note, PAD, templateDocument } from './template-document.ts'

/**
 * Needs inventory of the creative scene: who needs how many m², at what rent, how soon. One
 * lane per commitment stage, from idea to signed; a card moves right as its commitment grows,
 * and the analysis weighs each need by its stage (commitment-weighted demand).
 */
export const commitmentLaneLabels: Record<Commitment, string> = {
  idea: 'Idea',
  interested: 'Interested',
  loi: 'Letter of intent',
  precontract: 'Pre-contract',
  signed: 'Signed',
}

const exampleActors = [
  {
    id: 'need-ceramics',
    label: 'Ceramics collective (example)',
    sector: 'creative',
    subsector: 'crafts',
    commitment: 'idea',
    spaceNeedM2: 120,
    budgetEurM2Month: 5,
    horizon: 'from 2028',
  },
  {
    id: 'need-theatre',
    label: 'Theatre group (example)',
    sector: 'culture',
    subsector: 'performing_arts',
    commitment: 'interested',
    spaceNeedM2: 300,
    budgetEurM2Month: 3,
    horizon: 'within a year',
  },
  {
    id: 'need-photo',
    label: 'Photographer (example)',
    sector: 'creative',
    subsector: 'visual_arts',
    commitment: 'interested',
    spaceNeedM2: 40,
    budgetEurM2Month: 8,
    horizon: 'now',
  },
  {
    id: 'need-games',
    label: 'Indie game studio (example)',
    sector: 'creative',
    subsector: 'games_software',
    commitment: 'loi',
    spaceNeedM2: 150,
    budgetEurM2Month: 9,
    horizon: 'from 2027',
  },
  {
    id: 'need-fashion',
    label: 'Fashion label (example)',
    sector: 'creative',
    subsector: 'design_fashion',
    commitment: 'precontract',
    spaceNeedM2: 80,
    budgetEurM2Month: 7,
    horizon: 'from spring',
  },
  {
    id: 'need-music',
    label: 'Rehearsal rooms association (example)',
    sector: 'culture',
    subsector: 'music',
    commitment: 'signed',
    spaceNeedM2: 200,
    budgetEurM2Month: 4,
    horizon: 'now',
  },
] as const

const LANE = { w: CARD.w + 2 * PAD, h: 560 } // 220 wide
const LANES_Y = 200

export function needsInventoryTemplate(): BoardDocument {
  const laneX = (index: number) => PAD + index * (LANE.w + PAD)
  const elements: ElementInput[] = [
    frame('needs-inventory', 'Needs inventory of the creative scene', {
      x: 0,
      y: 0,
      w: PAD + commitments.length * (LANE.w + PAD),
      h: LANES_Y + LANE.h + PAD,
    }),
    note(
      'needs-how-to',
      'Who needs how many m², at what rent and how soon? One card per group or firm: sector, space need (m²), budget (€/m²/month), horizon. Move it right as its commitment grows.',
      { x: PAD, y: FRAME_HEADER, w: 2 * LANE.w + PAD, h: 120 },
      'yellow',
    ),
    ...commitments.map((commitment, index) =>
      frame(`lane-${commitment}`, commitmentLaneLabels[commitment], { x: laneX(index), y: LANES_Y, ...LANE }),
    ),
  ]
  const perLane = new Map<string, number>()
  for (const actor of exampleActors) {
    const lane = commitments.indexOf(actor.commitment)
    const row = perLane.get(actor.commitment) ?? 0
    perLane.set(actor.commitment, row + 1)
    elements.push({ kind: 'actor', ...actor, x: laneX(lane) + PAD, y: LANES_Y + FRAME_HEADER + row * (CARD.h + PAD), ...CARD })
  }
  return templateDocument('needs-inventory', 'Needs inventory of the creative scene', elements)
}
