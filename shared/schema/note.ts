import { z } from 'zod'
import { boxShape, idShape, kindLiteral, labelledShape } from './element-base.ts'
import { NoteColor } from './enums.ts'
import { text } from './fields.ts'

/** A sticky note. Without `color` it is drawn yellow. */
export const Note = z.object({
  ...idShape,
  kind: kindLiteral('note'),
  ...boxShape,
  ...labelledShape,
  color: NoteColor.optional(),
  /** who wrote it, shown under the text: set when a private brainstorm is revealed with names */
  author: text(200).optional(),
})
export type Note = z.infer<typeof Note>
