import { z } from 'zod'
import { boxShape, idShape, kindLiteral, labelledShape } from './element-base.ts'

/** A titled area grouping other elements (a workshop group, a method, an agenda step). */
export const Frame = z.object({
  ...idShape,
  kind: kindLiteral('frame'),
  ...boxShape,
  ...labelledShape,
})
export type Frame = z.infer<typeof Frame>
