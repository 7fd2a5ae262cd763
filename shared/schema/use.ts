import { z } from 'zod'
import { boxShape, idShape, kindLiteral, labelledShape } from './element-base.ts'
import { FundingSource, RevenueModel, UseCategory } from './enums.ts'
import { ElementId, flag, nonNegativeNumber } from './fields.ts'

/**
 * What the site could hold. `areaM2` is optional: uses are often named in a workshop
 * before anyone knows their size; indicators count a use without an area as 0 m².
 */
export const Use = z.object({
  ...idShape,
  kind: kindLiteral('use'),
  ...boxShape,
  ...labelledShape,
  category: UseCategory,
  areaM2: nonNegativeNumber().optional(),
  /** The id of a zone element; may name a zone the board lacks (a reported gap). */
  zone: ElementId.optional(),
  publicAccess: flag().optional(),
  revenueModel: RevenueModel.optional(),
  /** Interim ("meanwhile") use rather than permanent. */
  temporary: flag().optional(),
  rentEurM2Month: nonNegativeNumber().optional(),
  /** One-off investment to set the use up, in EUR. */
  investmentEur: nonNegativeNumber().optional(),
  /** Running cost per year, in EUR. */
  runningCostEurYear: nonNegativeNumber().optional(),
  /** Income per year (rents, tickets, sales, grants for running), in EUR. */
  incomeEurYear: nonNegativeNumber().optional(),
  /** Where the investment not covered by `funds` links with an amount comes from. */
  fundingSource: FundingSource.optional(),
})
export type Use = z.infer<typeof Use>
