import { type MessageKey, type Translator, translatorFor } from '../i18n/index.ts'
import { BoardDocument, type BoardDocumentInput } from '../schema/document.ts'
import type { ElementInput } from '../schema/elements.ts'
import type { NoteColor } from '../schema/enums.ts'
import { indicesBetween } from '../schema/fractional-index.ts'
import type { Site } from '../schema/site.ts'

/**
 * What a template knows of the board it is made for: its site profile and the zones already
 * drawn on it. Templates that lay out a site (use mix) take names and areas from here instead
 * of the demo mill's; without it they show the demo's example site.
 */
export interface TemplateContext {
  site?: Site | undefined
  /** the board's zones, in drawing order: their names and floor areas */
  zones?: readonly { label: string; areaM2?: number | undefined }[] | undefined
  /**
   * The language of the person who applies the template: its frame titles, prompts and example
   * cards (`templates.*` in shared/i18n/en-templates.ts). English by default.
   */
  t?: Translator<MessageKey> | undefined
}

/** The template's words: the context's language, else English. */
export const templateWords = (context: TemplateContext = {}): Translator<MessageKey> => context.t ?? translatorFor('en')

/** A box on the board: top-left corner and size, in canvas units. */
export interface Box {
  x: number
  y: number
  w: number
  h: number
}

/** Standard sizes, shared with the demo board: cards 180 × 90, frame titles in the top 60 units. */
export const CARD = { w: 180, h: 90 } as const
export const FRAME_HEADER = 60
export const PAD = 20

export const frame = (id: string, label: string, box: Box): ElementInput => ({ id, kind: 'frame', ...box, label })

export const note = (id: string, label: string, box: Box, color?: NoteColor): ElementInput => ({
  id,
  kind: 'note',
  ...box,
  label,
  ...(color === undefined ? {} : { color }),
})

// Outer frames at the bottom, then nested frames, zones, and the cards on top.
const layer = (element: ElementInput): number => (element.kind === 'frame' ? 0 : element.kind === 'zone' ? 1 : 2)
const area = (element: ElementInput): number => ('w' in element && 'h' in element ? element.w * element.h : 0)

/**
 * A template's board document: gives every box a z-order key (frames, larger first, then
 * zones, then cards) and parses the result, so a template that breaks the schema fails its
 * test instead of reaching a board. `board.id` and `title` are replaced when a board is made.
 */
export function templateDocument(id: string, title: string, elements: readonly ElementInput[]): BoardDocument {
  const boxes = elements
    .map((element, order) => ({ element, order }))
    .filter(({ element }) => element.kind !== 'link')
    .sort((a, b) => layer(a.element) - layer(b.element) || area(b.element) - area(a.element) || a.order - b.order)
  const keys = indicesBetween(null, null, boxes.length)
  const zOf = new Map<ElementInput, string>()
  if (keys.ok) for (const [index, { element }] of boxes.entries()) zOf.set(element, keys.value[index] ?? '')
  const input: BoardDocumentInput = {
    format: 'refresh-board',
    version: 1,
    board: { id: `template-${id}`, title },
    site: {},
    elements: elements.map((element) => {
      const z = zOf.get(element)
      return z ? ({ ...element, z } as ElementInput) : element
    }),
  }
  return BoardDocument.parse(input)
}
