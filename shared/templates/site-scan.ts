import type { MessageKey } from '../i18n/index.ts'
import type { BoardDocument } from '../schema/document.ts'
import type { ElementInput } from '../schema/elements.ts'
import type { NoteColor } from '../schema/enums.ts'
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
 * Site scan: context cards, then SWOT, then TOWS strategies, left to right. A facilitator
 * lets groups fill the context cards from what they know of the site, sort the findings into
 * SWOT, and derive one strategy per TOWS field (strengths × opportunities and so on).
 */
const NOTE = { w: 200, h: 120 }
const STEP = NOTE.w + PAD // 220

const contextCards = ['location', 'history', 'buildings', 'ownership', 'economy', 'creative', 'people', 'funding'].map(
  (card) => `templates.siteScan.context.${card}` as MessageKey,
)

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

export function siteScanTemplate(context: TemplateContext = {}): BoardDocument {
  const t = templateWords(context)
  const elements: ElementInput[] = [
    frame('context', t('templates.siteScan.context'), { x: 0, y: 0, w: CONTEXT_W, h: FRAME_HEADER + 4 * (NOTE.h + PAD) }),
    ...contextCards.map((label, index) =>
      note(
        `context-${index + 1}`,
        t(label),
        { x: PAD + (index % 2) * STEP, y: FRAME_HEADER + Math.floor(index / 2) * (NOTE.h + PAD), ...NOTE },
        'blue',
      ),
    ),
    ...quadrants({ id: 'swot', label: t('templates.siteScan.swot'), x: SWOT_X }, [
      {
        id: 'swot-strengths',
        label: t('templates.siteScan.strengths'),
        color: 'green',
        prompts: [t('templates.siteScan.strengths.prompt1'), t('templates.siteScan.strengths.prompt2')],
      },
      {
        id: 'swot-weaknesses',
        label: t('templates.siteScan.weaknesses'),
        color: 'orange',
        prompts: [t('templates.siteScan.weaknesses.prompt1'), t('templates.siteScan.weaknesses.prompt2')],
      },
      {
        id: 'swot-opportunities',
        label: t('templates.siteScan.opportunities'),
        color: 'blue',
        prompts: [t('templates.siteScan.opportunities.prompt1'), t('templates.siteScan.opportunities.prompt2')],
      },
      {
        id: 'swot-threats',
        label: t('templates.siteScan.threats'),
        color: 'pink',
        prompts: [t('templates.siteScan.threats.prompt1'), t('templates.siteScan.threats.prompt2')],
      },
    ]),
    // TOWS: columns strengths | weaknesses, rows opportunities | threats
    ...quadrants({ id: 'tows', label: t('templates.siteScan.tows'), x: TOWS_X }, [
      {
        id: 'tows-so',
        label: t('templates.siteScan.so'),
        color: 'purple',
        prompts: [t('templates.siteScan.so.prompt')],
      },
      {
        id: 'tows-wo',
        label: t('templates.siteScan.wo'),
        color: 'purple',
        prompts: [t('templates.siteScan.wo.prompt')],
      },
      {
        id: 'tows-st',
        label: t('templates.siteScan.st'),
        color: 'purple',
        prompts: [t('templates.siteScan.st.prompt')],
      },
      {
        id: 'tows-wt',
        label: t('templates.siteScan.wt'),
        color: 'purple',
        prompts: [t('templates.siteScan.wt.prompt')],
      },
    ]),
  ]
  return templateDocument('site-scan', t('templates.siteScan.title'), elements)
}
