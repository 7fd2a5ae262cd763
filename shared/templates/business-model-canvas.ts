import type { BoardDocument } from '../schema/document.ts'
import type { ElementInput } from '../schema/elements.ts'
import { type Box, FRAME_HEADER, frame, note, PAD, templateDocument } from './template-document.ts'

/**
 * Business model canvas (Osterwalder) of the future site operator: nine blocks in the usual
 * layout, each with a prompt for a heritage site. The facilitator works right to left
 * (segments and value first, partners and costs last), then checks the viability figures.
 */
const COL = 300
const HALF = 300
const x = (column: number) => PAD + column * (COL + PAD)
const TOP = FRAME_HEADER
const FULL_H = 2 * HALF + PAD
const BOTTOM_Y = TOP + FULL_H + PAD
const BOTTOM_H = 260
const WIDTH = x(5)
const BOTTOM_W = (WIDTH - 3 * PAD) / 2

const blocks: readonly { id: string; label: string; prompt: string; box: Box }[] = [
  {
    id: 'key-partners',
    label: 'Key partners',
    prompt: 'Owner, municipality, heritage office, funders, anchor firms',
    box: { x: x(0), y: TOP, w: COL, h: FULL_H },
  },
  {
    id: 'key-activities',
    label: 'Key activities',
    prompt: 'Letting space, programming events, running the workshop, upkeep',
    box: { x: x(1), y: TOP, w: COL, h: HALF },
  },
  {
    id: 'key-resources',
    label: 'Key resources',
    prompt: 'Halls and yard, machines, volunteers, the story of the place',
    box: { x: x(1), y: TOP + HALF + PAD, w: COL, h: HALF },
  },
  {
    id: 'value-propositions',
    label: 'Value propositions',
    prompt: 'Affordable, flexible space for makers and firms; a public place for the town',
    box: { x: x(2), y: TOP, w: COL, h: FULL_H },
  },
  {
    id: 'customer-relationships',
    label: 'Customer relationships',
    prompt: 'Membership, open days, a council of the users',
    box: { x: x(3), y: TOP, w: COL, h: HALF },
  },
  {
    id: 'channels',
    label: 'Channels',
    prompt: 'Local press, social media, the regional creative network, word of mouth',
    box: { x: x(3), y: TOP + HALF + PAD, w: COL, h: HALF },
  },
  {
    id: 'customer-segments',
    label: 'Customer segments',
    prompt: 'Creative micro-firms, local trades, event organisers, visitors, schools',
    box: { x: x(4), y: TOP, w: COL, h: FULL_H },
  },
  {
    id: 'cost-structure',
    label: 'Cost structure',
    prompt: 'Lease to the owner, energy, repairs, staff, insurance, debt service',
    box: { x: x(0), y: BOTTOM_Y, w: BOTTOM_W, h: BOTTOM_H },
  },
  {
    id: 'revenue-streams',
    label: 'Revenue streams',
    prompt: 'Rents (€/m² a month), tickets, café, memberships, subsidies',
    box: { x: x(0) + BOTTOM_W + PAD, y: BOTTOM_Y, w: BOTTOM_W, h: BOTTOM_H },
  },
]

export function businessModelCanvasTemplate(): BoardDocument {
  const elements: ElementInput[] = [
    frame('business-model-canvas', 'Business model canvas: site operator', {
      x: 0,
      y: 0,
      w: WIDTH,
      h: BOTTOM_Y + BOTTOM_H + PAD,
    }),
  ]
  for (const block of blocks) {
    elements.push(frame(`bmc-${block.id}`, block.label, block.box))
    elements.push(
      note(`bmc-${block.id}-prompt`, block.prompt, {
        x: block.box.x + PAD,
        y: block.box.y + FRAME_HEADER,
        w: COL - 2 * PAD,
        h: 100,
      }),
    )
  }
  return templateDocument('business-model-canvas', 'Business model canvas of the site operator', elements)
}
