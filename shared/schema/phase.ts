import { z } from 'zod'
import { boxShape, idShape, kindLiteral, labelledShape } from './element-base.ts'
import { Stage } from './enums.ts'
import { ElementId, YearMonth } from './fields.ts'

/** A stage of the roadmap: a span of months and the uses and actors it schedules. */
export const Phase = z
  .object({
    ...idShape,
    kind: kindLiteral('phase'),
    ...boxShape,
    ...labelledShape,
    stage: Stage,
    start: YearMonth,
    end: YearMonth,
    /** Ids of the uses and actors the phase schedules; may name missing elements. */
    refs: z.array(ElementId, { error: 'must be a list of element ids' }).max(1000).optional(),
  })
  // "YYYY-MM" strings compare like the months they name.
  .refine((phase) => phase.start <= phase.end, { path: ['end'], error: 'must not be before start' })
export type Phase = z.infer<typeof Phase>
