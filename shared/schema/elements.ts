import { z } from 'zod'
import { Actor } from './actor.ts'
import { type ElementKind, elementKinds } from './enums.ts'
import { Frame } from './frame.ts'
import { ImageElement } from './image.ts'
import { describeIssue } from './issues.ts'
import { Link } from './link.ts'
import { Note } from './note.ts'
import { Phase } from './phase.ts'
import { err, ok, type Result } from './result.ts'
import { Use } from './use.ts'
import { Zone } from './zone.ts'

/** The schema of each element kind. Unknown fields are stripped (docs/board-model.md). */
export const elementSchemas = {
  actor: Actor,
  use: Use,
  link: Link,
  phase: Phase,
  note: Note,
  zone: Zone,
  frame: Frame,
  image: ImageElement,
} as const satisfies Record<ElementKind, z.ZodType>

const KIND_MESSAGE = `must be one of ${elementKinds.join(', ')}`

export const Element = z.discriminatedUnion('kind', [Actor, Use, Link, Phase, Note, Zone, Frame, ImageElement], {
  error: (issue) => {
    if (issue.code === 'invalid_union') return issue.input === undefined ? 'is required' : KIND_MESSAGE
    if (issue.code === 'invalid_type') return 'must be an object'
    return undefined
  },
})
export type Element = z.infer<typeof Element>
/** What a caller may pass in (before parsing): plain strings instead of branded ids. */
export type ElementInput = z.input<typeof Element>

export type ElementOfKind<K extends ElementKind> = Extract<Element, { kind: K }>
/** Every kind but `link`: boxes with x, y, w, h and an optional z. */
export type PositionedElement = Exclude<Element, { kind: 'link' }>

export const isPositioned = (element: Element): element is PositionedElement => element.kind !== 'link'
export const isPositionedKind = (kind: ElementKind): kind is PositionedElement['kind'] => kind !== 'link'

export const isElementKind = (value: unknown): value is ElementKind =>
  typeof value === 'string' && (elementKinds as readonly string[]).includes(value)

/** A field-level problem with one element; `message` starts with the field name. */
export type ElementError = { message: string; field?: string }

/**
 * Parses one element, dispatching on `kind` first so that the message names the real
 * problem ("kind must be one of …" or "areaM2 must be a number ≥ 0"), not a union mismatch.
 */
export function parseElement(input: unknown): Result<Element, ElementError> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return err({ message: 'must be an object' })
  }
  const kind: unknown = (input as { kind?: unknown }).kind
  if (!isElementKind(kind)) {
    return err({ field: 'kind', message: kind === undefined ? 'kind is required' : `kind ${KIND_MESSAGE}` })
  }
  const parsed = elementSchemas[kind].safeParse(input)
  if (parsed.success) return ok(parsed.data)
  const [first] = parsed.error.issues
  return err(first ? describeIssue(first) : { message: 'is not a valid element' })
}
