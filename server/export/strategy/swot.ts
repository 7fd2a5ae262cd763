import { plannedLanguages, translatorFor } from '../../../shared/i18n/index.ts'
import { FRAME_TAB_H } from '../../../shared/scene/kinds/frame.ts'
import type { BoardDocument } from '../../../shared/schema/document.ts'
import type { Element } from '../../../shared/schema/elements.ts'

/** The four fields of the site scan's SWOT (shared/templates/site-scan.ts), in reading order. */
export const swotFields = ['strengths', 'weaknesses', 'opportunities', 'threats'] as const
export type SwotField = (typeof swotFields)[number]

export interface SiteSwot {
  /** Whether the board has any SWOT frame at all (a site scan was put on it). */
  found: boolean
  /** The notes in each field, top to bottom then left to right, without the template's prompts. */
  fields: Record<SwotField, string[]>
}

const norm = (text: string) => text.normalize('NFC').trim().toLocaleLowerCase()

/** The template's frame ids (`swot-strengths`, `swot-strengths-2` once added beside other content). */
const FRAME_ID = /^swot-(strengths|weaknesses|opportunities|threats)(?:-\d+)?$/
const PROMPT_ID = /^swot-(?:strengths|weaknesses|opportunities|threats)-prompt-\d+(?:-\d+)?$/

/** The SWOT frame titles and prompt cards in every language the template can be applied in. */
const templateWords = (() => {
  const titles = new Map<string, SwotField>()
  const prompts = new Set<string>()
  for (const language of plannedLanguages) {
    const t = translatorFor(language)
    for (const field of swotFields) {
      titles.set(norm(t(`templates.siteScan.${field}`)), field)
      prompts.add(norm(t(`templates.siteScan.${field}.prompt1`)))
      prompts.add(norm(t(`templates.siteScan.${field}.prompt2`)))
    }
  }
  return { titles, prompts }
})()

type Box = { x: number; y: number; w: number; h: number }

/** The overlap of two boxes' areas (0 when apart). */
function overlap(a: Box, b: Box): number {
  const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x)
  const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y)
  return w > 0 && h > 0 ? w * h : 0
}

function fieldOfFrame(frame: Extract<Element, { kind: 'frame' }>): SwotField | null {
  const byId = FRAME_ID.exec(frame.id)
  if (byId) return byId[1] as SwotField
  return templateWords.titles.get(norm(frame.label)) ?? null
}

/**
 * The SWOT of one board, read from the site scan's frames by geometry: a frame is a SWOT field
 * by the template's id or by its title (the template's title in any of the nine languages); a
 * note belongs to the field whose frame (with its title tab, as the frame picture export
 * counts it) its box overlaps most. The template's own prompt cards are left out, unless a
 * workshop wrote over them.
 */
export function siteSwot(document: Pick<BoardDocument, 'elements'>): SiteSwot {
  const frames: { field: SwotField; box: Box }[] = []
  for (const element of document.elements) {
    if (element.kind !== 'frame') continue
    const field = fieldOfFrame(element)
    if (field) frames.push({ field, box: { x: element.x, y: element.y - FRAME_TAB_H, w: element.w, h: element.h + FRAME_TAB_H } })
  }
  const fields: Record<SwotField, { text: string; x: number; y: number }[]> = {
    strengths: [],
    weaknesses: [],
    opportunities: [],
    threats: [],
  }
  if (frames.length > 0) {
    for (const element of document.elements) {
      if (element.kind !== 'note') continue
      const text = element.label.trim()
      if (text === '' || PROMPT_ID.test(element.id) || templateWords.prompts.has(norm(text))) continue
      let best: { field: SwotField; area: number } | null = null
      for (const frame of frames) {
        const area = overlap(frame.box, element)
        if (area > 0 && (best === null || area > best.area)) best = { field: frame.field, area }
      }
      if (best) fields[best.field].push({ text, x: element.x, y: element.y })
    }
  }
  const ordered = (list: { text: string; x: number; y: number }[]) =>
    [...list].sort((a, b) => a.y - b.y || a.x - b.x || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0)).map((n) => n.text)
  return {
    found: frames.length > 0,
    fields: {
      strengths: ordered(fields.strengths),
      weaknesses: ordered(fields.weaknesses),
      opportunities: ordered(fields.opportunities),
      threats: ordered(fields.threats),
    },
  }
}
