import type { BoardDocument } from '../schema/document.ts'
import type { Element } from '../schema/elements.ts'
import type { BriefWords } from './markdown-text.ts'

/** The kinds in the order the board's outline lists them (frames first, links last). */
const kindOrder = ['frame', 'actor', 'use', 'zone', 'phase', 'note', 'image', 'link'] as const
/** Kinds whose names the description gives (a note's text is no name; an image has none). */
const namedKinds = new Set<string>(['frame', 'actor', 'use', 'zone', 'phase'])

const NAMES_PER_KIND = 3
const NAME_LENGTH = 60

const position = (element: Element): { x: number; y: number } =>
  'x' in element ? { x: element.x, y: element.y } : { x: Number.POSITIVE_INFINITY, y: Number.POSITIVE_INFINITY }

/** Top to bottom, then left to right: the order a reader scans the board in. */
const byPosition = (a: Element, b: Element): number => {
  const pa = position(a)
  const pb = position(b)
  return pa.y - pb.y || pa.x - pb.x || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}

const short = (text: string): string => {
  const clean = text.replace(/\s+/g, ' ').trim()
  return clean.length > NAME_LENGTH ? `${clean.slice(0, NAME_LENGTH - 1).trimEnd()}…` : clean
}

/**
 * The board picture's alternative text, in the export's language: what the board holds by
 * kind, in the outline's order, with a count and the first names in reading order
 * (`Picture of the board. Frames: 2 ("Ground floor", "Courtyard"); Actors: 17 ("Makers e.V.", …)`).
 */
export function boardAltText(document: BoardDocument, words: BriefWords): string {
  const count = new Intl.NumberFormat(words.language, { maximumFractionDigits: 0 })
  const parts: string[] = []
  for (const kind of kindOrder) {
    const elements = document.elements.filter((element) => element.kind === kind).sort(byPosition)
    if (elements.length === 0) continue
    const heading = `${words.enumLabel('elementKindPlural', kind)}: ${count.format(elements.length)}`
    const names = namedKinds.has(kind)
      ? elements
          .map((element) => ('label' in element && typeof element.label === 'string' ? short(element.label) : ''))
          .filter((name) => name !== '')
          // quoted, as the brief's sentences quote names: a name may hold commas
          .map((name) => `"${name}"`)
      : []
    if (names.length === 0) parts.push(heading)
    else parts.push(`${heading} (${names.slice(0, NAMES_PER_KIND).join(', ')}${names.length > NAMES_PER_KIND ? ', …' : ''})`)
  }
  return words.t('export.pdf.boardAlt', { contents: parts.length > 0 ? `${parts.join('; ')}.` : '' }).trim()
}
