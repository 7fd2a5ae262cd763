import { z } from 'zod'
import { idShape, kindLiteral, MAX_LABEL_CHARS } from './element-base.ts'
import { Relation } from './enums.ts'
import { ElementId, flag, Labels, nonNegativeNumber, text } from './fields.ts'

/**
 * A relation between two elements (usually actors and uses). Not a box: no x, y, w, h, z;
 * it is drawn between its ends. `from` and `to` must be well-formed ids but may name
 * elements the board lacks (CONTRACT.md: a link may dangle after its end was deleted).
 */
export const Link = z.object({
  ...idShape,
  kind: kindLiteral('link'),
  from: ElementId,
  to: ElementId,
  relation: Relation,
  label: text(MAX_LABEL_CHARS).optional(),
  labels: Labels.optional(),
  locked: flag().optional(),
  /** EUR; counted for relation `funds` (the actor funds the use), kept but not counted on others. */
  amountEur: nonNegativeNumber().optional(),
})
export type Link = z.infer<typeof Link>
