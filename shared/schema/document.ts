import { z } from 'zod'
import { Vote } from '../facilitation/state.ts'
import { Element } from './elements.ts'
import { text } from './fields.ts'
import { formatPath, issueText } from './issues.ts'
import { err, ok, type Result } from './result.ts'
import { Settings } from './settings.ts'
import { Site } from './site.ts'

/** The contract's JSON interchange format (`export/json`, snapshot content, import). */
export const DOCUMENT_FORMAT = 'refresh-board'
export const DOCUMENT_VERSION = 1

/**
 * The board the document came from. On import the server assigns its own id, so `id` is
 * informative and not held to the URL-safe rule (the contract's own example uses "…").
 */
export const BoardRef = z.object({ id: text(200), title: text(500) }, { error: 'must be an object' })
export type BoardRef = z.infer<typeof BoardRef>

export const BoardDocument = z
  .object(
    {
      format: z.literal(DOCUMENT_FORMAT, { error: `must be "${DOCUMENT_FORMAT}"` }),
      version: z.literal(DOCUMENT_VERSION, { error: `must be ${DOCUMENT_VERSION}` }),
      board: BoardRef,
      /** Absent in input means an empty profile; always present in output. */
      site: Site.prefault({}),
      elements: z.array(Element, { error: 'must be a list of elements' }),
      /** Absent means "defaults" (settings.ts); present, missing entries take defaults. */
      settings: Settings.optional(),
      /** Closed dot votes with their results, oldest first (absent: none). Open votes are never here. */
      votes: z
        .array(Vote.refine((vote) => !vote.open, { error: 'must be a closed vote' }))
        .max(500)
        .optional(),
    },
    { error: 'must be a JSON object' },
  )
  .superRefine((document, ctx) => {
    const firstIndex = new Map<string, number>()
    document.elements.forEach((element, index) => {
      const earlier = firstIndex.get(element.id)
      if (earlier === undefined) firstIndex.set(element.id, index)
      else ctx.addIssue({ code: 'custom', path: ['elements', index, 'id'], message: `is already used by elements[${earlier}]` })
    })
  })
export type BoardDocument = z.infer<typeof BoardDocument>
export type BoardDocumentInput = z.input<typeof BoardDocument>

export type DocumentError = {
  /** Plain English, naming the element and field: `elements[3] (id "u7"): areaM2 must be a number ≥ 0`. */
  message: string
  elementId?: string
  elementIndex?: number
  /** Path of the bad field, relative to the element (`areaM2`, `refs[2]`) or the document (`site.areaM2`). */
  field?: string
}

/**
 * Parses an imported document. References may name missing elements (CONTRACT.md); unknown
 * fields are dropped. On failure the message names the first bad element (lowest index)
 * and field; problems outside `elements` come first.
 */
export function parseBoardDocument(input: unknown): Result<BoardDocument, DocumentError> {
  const parsed = BoardDocument.safeParse(input)
  if (parsed.success) return ok(parsed.data)
  const [first] = [...parsed.error.issues].sort((a, b) => issueRank(a) - issueRank(b))
  if (!first) return err({ message: 'is not a valid board document' })
  return err(describeDocumentIssue(first, input))
}

// Document-level issues (-1) before element issues, elements by index; sort is stable.
function issueRank(issue: z.core.$ZodIssue): number {
  const [top, index] = issue.path
  return top === 'elements' && typeof index === 'number' ? index : -1
}

function describeDocumentIssue(issue: z.core.$ZodIssue, input: unknown): DocumentError {
  const [top, index, ...rest] = issue.path
  const text = issueText(issue)
  if (top === 'elements' && typeof index === 'number') {
    const elementId = rawElementId(input, index)
    const where = `elements[${index}]${elementId === undefined ? '' : ` (id ${JSON.stringify(clip(elementId))})`}`
    const field = formatPath(rest)
    return {
      message: field === '' ? `${where}: ${text}` : `${where}: ${field} ${text}`,
      elementIndex: index,
      ...(elementId === undefined ? {} : { elementId }),
      ...(field === '' ? {} : { field }),
    }
  }
  const field = formatPath(issue.path)
  return field === '' ? { message: `the document ${text}` } : { message: `${field} ${text}`, field }
}

function rawElementId(input: unknown, index: number): string | undefined {
  if (typeof input !== 'object' || input === null) return undefined
  const elements: unknown = (input as { elements?: unknown }).elements
  if (!Array.isArray(elements)) return undefined
  const element: unknown = elements[index]
  if (typeof element !== 'object' || element === null) return undefined
  const id: unknown = (element as { id?: unknown }).id
  return typeof id === 'string' ? id : undefined
}

const clip = (value: string) => (value.length > 64 ? `${value.slice(0, 64)}…` : value)

/** A new board's document: no elements, the given (already validated) site profile or none. */
export function emptyBoardDocument(board: { id: string; title: string }, site?: Site): BoardDocument {
  return {
    format: DOCUMENT_FORMAT,
    version: DOCUMENT_VERSION,
    board: { id: board.id, title: board.title },
    site: site === undefined ? {} : { ...site },
    elements: [],
  }
}
