import { z } from 'zod'
import { ElementId, finiteNumber, flag, Labels, positiveNumber, text } from './fields.ts'
import { FractionalIndex } from './fractional-index.ts'

/**
 * Fields every element has. Shapes are spread into each kind's `z.object`, in this order,
 * which is also the key order of parsed (and exported) elements.
 */
export const MAX_LABEL_CHARS = 500

/** Every kind but `link` is a box on the canvas. */
export const boxShape = {
  x: finiteNumber(),
  y: finiteNumber(),
  w: positiveNumber(),
  h: positiveNumber(),
  /** Z-order (fractional index, higher draws on top). Optional: see `compareZOrder`. */
  z: FractionalIndex.optional(),
}

/** Fields after the box: `label` is required on boxes (it may be empty). */
export const labelledShape = {
  label: text(MAX_LABEL_CHARS),
  labels: Labels.optional(),
  /** Set by a facilitator; the server refuses editors' changes to a locked element. */
  locked: flag().optional(),
}

export const idShape = { id: ElementId }

export const kindLiteral = <const K extends string>(kind: K) => z.literal(kind, { error: `must be "${kind}"` })
