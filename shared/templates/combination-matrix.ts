import type { BoardDocument } from '../schema/document.ts'
import type { ElementInput } from '../schema/elements.ts'
import { type Subsector, subsectors } from '../schema/enums.ts'
import { FRAME_HEADER, frame, note, PAD, templateDocument } from './template-document.ts'

/**
 * Combination matrix: creative subsectors (rows) × commerce, industry and services
 * (columns). Groups put concrete pairings into the cells (a carpenters' workshop sharing its
 * machines with designers); the facilitator then picks the most promising cells to work on.
 * The analysis's own matrix counts the links that already exist on the board.
 */
export const subsectorLabels: Record<Subsector, string> = {
  architecture: 'Architecture',
  visual_arts: 'Visual arts',
  performing_arts: 'Performing arts',
  music: 'Music',
  design_fashion: 'Design and fashion',
  crafts: 'Crafts',
  audiovisual: 'Audiovisual',
  games_software: 'Games and software',
  publishing: 'Publishing',
  heritage_museums: 'Heritage and museums',
  advertising: 'Advertising',
  festivals: 'Festivals',
}

const columns = [
  { id: 'commerce', label: 'Commerce' },
  { id: 'industry', label: 'Industry' },
  { id: 'services', label: 'Services' },
] as const

const HEAD_W = 200
const CELL = { w: 280, h: 140 }
const ROWS_Y = 200
const CELLS_X = PAD + HEAD_W + PAD

const examples: Partial<Record<`${Subsector}-${(typeof columns)[number]['id']}`, string>> = {
  'crafts-industry': "e.g. a carpenters' workshop shares its machines with furniture designers",
  'design_fashion-commerce': 'e.g. a pop-up shop of local labels in the town centre',
}

export function combinationMatrixTemplate(): BoardDocument {
  const cellX = (column: number) => CELLS_X + column * (CELL.w + PAD)
  const rowY = (row: number) => ROWS_Y + row * (CELL.h + PAD)
  const elements: ElementInput[] = [
    frame('combination-matrix', 'Combination matrix: creative subsectors × established sectors', {
      x: 0,
      y: 0,
      w: cellX(columns.length),
      h: rowY(subsectors.length),
    }),
    note(
      'combination-how-to',
      'Which creative subsector pairs with which sector? One idea per note, in its cell.',
      { x: PAD, y: FRAME_HEADER, w: HEAD_W, h: 120 },
      'yellow',
    ),
    ...columns.map((column, index) =>
      note(`column-${column.id}`, column.label, { x: cellX(index), y: FRAME_HEADER, w: CELL.w, h: 120 }, 'grey'),
    ),
  ]
  subsectors.forEach((subsector, row) => {
    elements.push(note(`row-${subsector}`, subsectorLabels[subsector], { x: PAD, y: rowY(row), w: HEAD_W, h: CELL.h }, 'purple'))
    columns.forEach((column, index) => {
      const id = `${subsector}-${column.id}` as const
      const box = { x: cellX(index), y: rowY(row), ...CELL }
      elements.push(frame(`cell-${id}`, `${subsectorLabels[subsector]} × ${column.label}`, box))
      const example = examples[id]
      if (example)
        elements.push(note(`example-${id}`, example, { x: box.x + PAD, y: box.y + 50, w: CELL.w - 2 * PAD, h: 80 }, 'yellow'))
    })
  })
  return templateDocument('combination-matrix', 'Combination matrix', elements)
}
