import type { BoardDocument } from '../schema/document.ts'
import type { ElementInput } from '../schema/elements.ts'
import type { NoteColor } from '../schema/enums.ts'
import { type Box, FRAME_HEADER, frame, note, PAD, templateDocument } from './template-document.ts'

/**
 * Site scan: context cards, then SWOT, then TOWS strategies, left to right. A facilitator
 * lets groups fill the context cards from what they know of the site, sort the findings into
 * SWOT, and derive one strategy per TOWS field (strengths × opportunities and so on).
 */
const NOTE = { w: 200, h: 120 }
const STEP = NOTE.w + PAD // 220

const contextCards = [
  'Location and access: distance to the next town, rail, road, cycle path',
  'History and former use: what was made here, until when, by whom',
  'Buildings and condition: halls, floors, roofs, heating, accessibility',
  'Ownership and rules: owner, land-use plan, heritage listing',
  'Regional economy: firms, trades, tourism, vacant sites nearby',
  'Creative scene: who works within 50 km, and what they lack',
  'People: residents, associations, schools, memories of the site',
  'Funding: EU, national and regional programmes that fit',
]

const QUADRANT = { w: 2 * STEP + PAD, h: 300 } // 460 × 300

/** Four titled quadrant frames in a 2 × 2 grid inside a section frame at `origin`. */
function quadrants(
  section: { id: string; label: string; x: number },
  fields: readonly { id: string; label: string; color: NoteColor; prompts: readonly string[] }[],
): ElementInput[] {
  const out: ElementInput[] = [
    frame(section.id, section.label, {
      x: section.x,
      y: 0,
      w: 2 * QUADRANT.w + 3 * PAD,
      h: FRAME_HEADER + 2 * QUADRANT.h + 2 * PAD,
    }),
  ]
  fields.forEach((field, index) => {
    const box: Box = {
      x: section.x + PAD + (index % 2) * (QUADRANT.w + PAD),
      y: FRAME_HEADER + Math.floor(index / 2) * (QUADRANT.h + PAD),
      ...QUADRANT,
    }
    out.push(frame(field.id, field.label, box))
    field.prompts.forEach((prompt, p) => {
      out.push(
        note(`${field.id}-prompt-${p + 1}`, prompt, { x: box.x + PAD + p * STEP, y: box.y + FRAME_HEADER, ...NOTE }, field.color),
      )
    })
  })
  return out
}

const CONTEXT_W = PAD + 2 * STEP // 460
const SWOT_X = CONTEXT_W + 60
const TOWS_X = SWOT_X + 2 * QUADRANT.w + 3 * PAD + 60

export function siteScanTemplate(): BoardDocument {
  const elements: ElementInput[] = [
    frame('context', '1 · Site context', { x: 0, y: 0, w: CONTEXT_W, h: FRAME_HEADER + 4 * (NOTE.h + PAD) }),
    ...contextCards.map((label, index) =>
      note(
        `context-${index + 1}`,
        label,
        { x: PAD + (index % 2) * STEP, y: FRAME_HEADER + Math.floor(index / 2) * (NOTE.h + PAD), ...NOTE },
        'blue',
      ),
    ),
    ...quadrants({ id: 'swot', label: '2 · SWOT', x: SWOT_X }, [
      {
        id: 'swot-strengths',
        label: 'Strengths',
        color: 'green',
        prompts: [
          'What does the site already offer? (sound halls, a rail siding, a listed façade)',
          'Who already cares about it?',
        ],
      },
      {
        id: 'swot-weaknesses',
        label: 'Weaknesses',
        color: 'orange',
        prompts: ['What is missing or broken? (heating, roofs, step-free access)', 'What would keep users away?'],
      },
      {
        id: 'swot-opportunities',
        label: 'Opportunities',
        color: 'blue',
        prompts: [
          'What is changing around the site? (funding calls, a new cycle route, remote work)',
          'Who in the region is looking for space?',
        ],
      },
      {
        id: 'swot-threats',
        label: 'Threats',
        color: 'pink',
        prompts: ['What could stop the project? (costs, rules, competing sites)', 'What happens if nothing is done?'],
      },
    ]),
    // TOWS: columns strengths | weaknesses, rows opportunities | threats
    ...quadrants({ id: 'tows', label: '3 · TOWS strategies', x: TOWS_X }, [
      {
        id: 'tows-so',
        label: 'SO: use strengths to seize opportunities',
        color: 'purple',
        prompts: ['Which strength opens which opportunity? One strategy per note.'],
      },
      {
        id: 'tows-wo',
        label: 'WO: overcome weaknesses through opportunities',
        color: 'purple',
        prompts: ['Which opportunity helps to fix which weakness?'],
      },
      {
        id: 'tows-st',
        label: 'ST: use strengths to counter threats',
        color: 'purple',
        prompts: ['Which strength protects against which threat?'],
      },
      {
        id: 'tows-wt',
        label: 'WT: reduce weaknesses, avoid threats',
        color: 'purple',
        prompts: ['What must be done first so that the worst case does not happen?'],
      },
    ]),
  ]
  return templateDocument('site-scan', 'Site scan: context, SWOT, TOWS', elements)
}
