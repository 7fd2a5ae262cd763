import type { MessageKey } from '../i18n/index.ts'
import type { BoardDocument } from '../schema/document.ts'
import type { ElementInput } from '../schema/elements.ts'
import { type Subsector, subsectors } from '../schema/enums.ts'
import { FRAME_HEADER, frame, note, PAD, type TemplateContext, templateDocument, templateWords } from './template-document.ts'

/**
 * Combination matrix: creative subsectors (rows) × commerce, industry and services
 * (columns). Groups put concrete pairings into the cells (a carpenters' workshop sharing its
 * machines with designers); the facilitator then picks the most promising cells to work on.
 * The analysis's own matrix counts the links that already exist on the board.
 */
const rowKey = (subsector: Subsector) => `templates.combinationMatrix.row.${subsector}` as const

const columns = [
  { id: 'commerce', label: 'templates.combinationMatrix.column.commerce' },
  { id: 'industry', label: 'templates.combinationMatrix.column.industry' },
  { id: 'services', label: 'templates.combinationMatrix.column.services' },
] as const

const HEAD_W = 200
const CELL = { w: 280, h: 140 }
const ROWS_Y = 200
const CELLS_X = PAD + HEAD_W + PAD

const examples: Partial<Record<`${Subsector}-${(typeof columns)[number]['id']}`, MessageKey>> = {
  'crafts-industry': 'templates.combinationMatrix.example.craftsIndustry',
  'design_fashion-commerce': 'templates.combinationMatrix.example.designCommerce',
}

export function combinationMatrixTemplate(context: TemplateContext = {}): BoardDocument {
  const t = templateWords(context)
  const cellX = (column: number) => CELLS_X + column * (CELL.w + PAD)
  const rowY = (row: number) => ROWS_Y + row * (CELL.h + PAD)
  const elements: ElementInput[] = [
    frame('combination-matrix', t('templates.combinationMatrix.frame'), {
      x: 0,
      y: 0,
      w: cellX(columns.length),
      h: rowY(subsectors.length),
    }),
    note('combination-how-to', t('templates.combinationMatrix.howTo'), { x: PAD, y: FRAME_HEADER, w: HEAD_W, h: 120 }, 'yellow'),
    ...columns.map((column, index) =>
      note(`column-${column.id}`, t(column.label), { x: cellX(index), y: FRAME_HEADER, w: CELL.w, h: 120 }, 'grey'),
    ),
  ]
  subsectors.forEach((subsector, row) => {
    elements.push(note(`row-${subsector}`, t(rowKey(subsector)), { x: PAD, y: rowY(row), w: HEAD_W, h: CELL.h }, 'purple'))
    columns.forEach((column, index) => {
      const id = `${subsector}-${column.id}` as const
      const box = { x: cellX(index), y: rowY(row), ...CELL }
      elements.push(
        frame(`cell-${id}`, t('templates.combinationMatrix.cell', { row: t(rowKey(subsector)), column: t(column.label) }), box),
      )
      const example = examples[id]
      if (example)
        elements.push(note(`example-${id}`, t(example), { x: box.x + PAD, y: box.y + 50, w: CELL.w - 2 * PAD, h: 80 }, 'yellow'))
    })
  })
  return templateDocument('combination-matrix', t('templates.combinationMatrix.title'), elements)
}
