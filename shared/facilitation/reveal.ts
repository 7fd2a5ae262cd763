import type * as Y from 'yjs'
import { readElements } from '../schema/convert.ts'
import type { ElementInput } from '../schema/elements.ts'
import { getElementMap } from '../schema/layout.ts'
import { shuffle } from './resolve.ts'
import { currentStep, type FacilitationState } from './state.ts'

/** A private note as the server holds it until the reveal (server/facilitation/private-notes.ts). */
export interface HiddenNote {
  label: string
  color?: string | undefined
  x?: number | undefined
  y?: number | undefined
  author: { userId: string; name: string }
}

const NOTE = 160
const GAP = 24
const COLUMNS = 6

/**
 * The board notes a private brainstorm becomes when the facilitator reveals it: fresh ids (an
 * id a client chose could tell its author), the author's name unless anonymous. Notes the
 * author placed keep their place; the others are laid out in a grid inside the current step's
 * frame, else to the right of the board's content — grouped by author, or shuffled when
 * anonymous so that the order tells nothing either.
 */
export function revealedNotes(
  doc: Y.Doc,
  state: Pick<FacilitationState, 'agenda'>,
  notes: readonly HiddenNote[],
  options: { anonymous: boolean; newId(): string; random?: () => number },
): ElementInput[] {
  const placed = notes.filter((n) => n.x !== undefined && n.y !== undefined)
  const loose = notes.filter((n) => n.x === undefined || n.y === undefined)
  if (options.anonymous) shuffle(loose, options.random ?? Math.random)
  else loose.sort((a, b) => a.author.name.localeCompare(b.author.name))
  const origin = gridOrigin(doc, state)
  const toElement = (note: HiddenNote, x: number, y: number): ElementInput => ({
    id: options.newId(),
    kind: 'note',
    x,
    y,
    w: NOTE,
    h: NOTE,
    label: note.label,
    ...(note.color ? { color: note.color as 'yellow' } : {}),
    ...(options.anonymous ? {} : { author: note.author.name }),
  })
  return [
    ...placed.map((n) => toElement(n, n.x as number, n.y as number)),
    ...loose.map((n, i) =>
      toElement(n, origin.x + (i % COLUMNS) * (NOTE + GAP), origin.y + Math.floor(i / COLUMNS) * (NOTE + GAP)),
    ),
  ]
}

function gridOrigin(doc: Y.Doc, state: Pick<FacilitationState, 'agenda'>): { x: number; y: number } {
  const frameId = currentStep(state)?.frameId
  const frame = frameId ? getElementMap(doc, frameId) : undefined
  const fx = frame?.get('x')
  const fy = frame?.get('y')
  if (typeof fx === 'number' && typeof fy === 'number') return { x: fx + 40, y: fy + 80 }
  let right = Number.NEGATIVE_INFINITY
  let top = Number.POSITIVE_INFINITY
  for (const element of readElements(doc).elements) {
    if (element.kind === 'link') continue
    right = Math.max(right, element.x + element.w)
    top = Math.min(top, element.y)
  }
  return Number.isFinite(right) ? { x: right + 200, y: top } : { x: 0, y: 0 }
}
