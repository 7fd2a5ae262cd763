import type { BoardDocument } from '../schema/document.ts'
import type { ElementInput } from '../schema/elements.ts'
import type { Commitment } from '../schema/enums.ts'
import { commitments } from '../schema/enums.ts'
import {
  CARD,
  FRAME_HEADER,
  frame,
  note,
  PAD,
  type TemplateContext,
  templateDocument,
  templateWords,
} from './template-document.ts'

/**
 * Needs inventory of the creative scene: who needs how many m², at what rent, how soon. One
 * lane per commitment stage, from idea to signed; a card moves right as its commitment grows,
 * and the analysis weighs each need by its stage (commitment-weighted demand).
 */
const laneKey = (commitment: Commitment) => `templates.needsInventory.lane.${commitment}` as const

const exampleActors = [
  {
    id: 'need-ceramics',
    label: 'templates.needsInventory.example.ceramics',
    sector: 'creative',
    subsector: 'crafts',
    commitment: 'idea',
    spaceNeedM2: 120,
    budgetEurM2Month: 5,
    horizon: 'templates.needsInventory.horizon.from2028',
  },
  {
    id: 'need-theatre',
    label: 'templates.needsInventory.example.theatre',
    sector: 'culture',
    subsector: 'performing_arts',
    commitment: 'interested',
    spaceNeedM2: 300,
    budgetEurM2Month: 3,
    horizon: 'templates.needsInventory.horizon.withinAYear',
  },
  {
    id: 'need-photo',
    label: 'templates.needsInventory.example.photo',
    sector: 'creative',
    subsector: 'visual_arts',
    commitment: 'interested',
    spaceNeedM2: 40,
    budgetEurM2Month: 8,
    horizon: 'templates.needsInventory.horizon.now',
  },
  {
    id: 'need-games',
    label: 'templates.needsInventory.example.games',
    sector: 'creative',
    subsector: 'games_software',
    commitment: 'loi',
    spaceNeedM2: 150,
    budgetEurM2Month: 9,
    horizon: 'templates.needsInventory.horizon.from2027',
  },
  {
    id: 'need-fashion',
    label: 'templates.needsInventory.example.fashion',
    sector: 'creative',
    subsector: 'design_fashion',
    commitment: 'precontract',
    spaceNeedM2: 80,
    budgetEurM2Month: 7,
    horizon: 'templates.needsInventory.horizon.fromSpring',
  },
  {
    id: 'need-music',
    label: 'templates.needsInventory.example.music',
    sector: 'culture',
    subsector: 'music',
    commitment: 'signed',
    spaceNeedM2: 200,
    budgetEurM2Month: 4,
    horizon: 'templates.needsInventory.horizon.now',
  },
] as const

const LANE = { w: CARD.w + 2 * PAD, h: 560 } // 220 wide
const LANES_Y = 200

export function needsInventoryTemplate(context: TemplateContext = {}): BoardDocument {
  const t = templateWords(context)
  const laneX = (index: number) => PAD + index * (LANE.w + PAD)
  const elements: ElementInput[] = [
    frame('needs-inventory', t('templates.needsInventory.title'), {
      x: 0,
      y: 0,
      w: PAD + commitments.length * (LANE.w + PAD),
      h: LANES_Y + LANE.h + PAD,
    }),
    note('needs-how-to', t('templates.needsInventory.howTo'), { x: PAD, y: FRAME_HEADER, w: 2 * LANE.w + PAD, h: 120 }, 'yellow'),
    ...commitments.map((commitment, index) =>
      frame(`lane-${commitment}`, t(laneKey(commitment)), { x: laneX(index), y: LANES_Y, ...LANE }),
    ),
  ]
  const perLane = new Map<string, number>()
  for (const actor of exampleActors) {
    const lane = commitments.indexOf(actor.commitment)
    const row = perLane.get(actor.commitment) ?? 0
    perLane.set(actor.commitment, row + 1)
    elements.push({
      kind: 'actor',
      ...actor,
      label: t(actor.label),
      horizon: t(actor.horizon),
      x: laneX(lane) + PAD,
      y: LANES_Y + FRAME_HEADER + row * (CARD.h + PAD),
      ...CARD,
    })
  }
  return templateDocument('needs-inventory', t('templates.needsInventory.title'), elements)
}
