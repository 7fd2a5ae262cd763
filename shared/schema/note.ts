import { z } from 'zod'
import { boxShape, idShape, kindLiteral, labelledShape } from './element-base.ts'
import { NoteColor } from './enums.ts'

/** A sticky note. Without `color` it is drawn yellow. */
export const Note = z.object({
  ...idShape,
  kind: kindLiteral('note'),
  ...boxShape,
  ...labelledShape,
  color: NoteColor.optional(),
})
export type Note = z.infer<typeof Note>
