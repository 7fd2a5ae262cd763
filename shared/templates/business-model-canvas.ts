import type { BoardDocument } from '../schema/document.ts'
import type { ElementInput } from '../schema/elements.ts'
import {
  type Box,
  FRAME_HEADER,
  frame,
  note,
  PAD,
  type TemplateContext,
  templateDocument,
  templateWords,
} from './template-document.ts'

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

type BlockId =
  | 'key-partners'
  | 'key-activities'
  | 'key-resources'
  | 'value-propositions'
  | 'customer-relationships'
  | 'channels'
  | 'customer-segments'
  | 'cost-structure'
  | 'revenue-streams'

const blocks: readonly { id: BlockId; box: Box }[] = [
  {
    id: 'key-partners',
    box: { x: x(0), y: TOP, w: COL, h: FULL_H },
  },
  {
    id: 'key-activities',
    box: { x: x(1), y: TOP, w: COL, h: HALF },
  },
  {
    id: 'key-resources',
    box: { x: x(1), y: TOP + HALF + PAD, w: COL, h: HALF },
  },
  {
    id: 'value-propositions',
    box: { x: x(2), y: TOP, w: COL, h: FULL_H },
  },
  {
    id: 'customer-relationships',
    box: { x: x(3), y: TOP, w: COL, h: HALF },
  },
  {
    id: 'channels',
    box: { x: x(3), y: TOP + HALF + PAD, w: COL, h: HALF },
  },
  {
    id: 'customer-segments',
    box: { x: x(4), y: TOP, w: COL, h: FULL_H },
  },
  {
    id: 'cost-structure',
    box: { x: x(0), y: BOTTOM_Y, w: BOTTOM_W, h: BOTTOM_H },
  },
  {
    id: 'revenue-streams',
    box: { x: x(0) + BOTTOM_W + PAD, y: BOTTOM_Y, w: BOTTOM_W, h: BOTTOM_H },
  },
]

export function businessModelCanvasTemplate(context: TemplateContext = {}): BoardDocument {
  const t = templateWords(context)
  const elements: ElementInput[] = [
    frame('business-model-canvas', t('templates.businessModelCanvas.frame'), {
      x: 0,
      y: 0,
      w: WIDTH,
      h: BOTTOM_Y + BOTTOM_H + PAD,
    }),
  ]
  for (const block of blocks) {
    elements.push(frame(`bmc-${block.id}`, t(`templates.businessModelCanvas.${block.id}`), block.box))
    elements.push(
      note(`bmc-${block.id}-prompt`, t(`templates.businessModelCanvas.${block.id}.prompt`), {
        x: block.box.x + PAD,
        y: block.box.y + FRAME_HEADER,
        w: COL - 2 * PAD,
        h: 100,
      }),
    )
  }
  return templateDocument('business-model-canvas', t('templates.businessModelCanvas.title'), elements)
}
