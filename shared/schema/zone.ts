import { z } from 'zod'
import { boxShape, idShape, kindLiteral, labelledShape } from './element-base.ts'
import { nonNegativeNumber } from './fields.ts'

/** A part of the site (building, floor, hall, courtyard) drawn on the site plan. */
export const Zone = z.object({
  ...idShape,
  kind: kindLiteral('zone'),
  ...boxShape,
  ...labelledShape,
  areaM2: nonNegativeNumber().optional(),
})
export type Zone = z.infer<typeof Zone>
