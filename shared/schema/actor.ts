import { z } from 'zod'
import { boxShape, idShape, kindLiteral, labelledShape } from './element-base.ts'
import { Commitment, Sector, Stance, Subsector } from './enums.ts'
import { CountryCode, nonNegativeNumber, score1to5, text } from './fields.ts'

/**
 * Someone who might take part. Required: `sector` and `commitment` (what the stakeholder
 * map and the demand indicator cannot do without); the rest is filled in as a workshop
 * learns it. `subsector` is meant for creative and culture actors but is not refused on
 * others, so changing an actor's sector never makes it invalid.
 */
export const Actor = z.object({
  ...idShape,
  kind: kindLiteral('actor'),
  ...boxShape,
  ...labelledShape,
  sector: Sector,
  subsector: Subsector.optional(),
  country: CountryCode.optional(),
  spaceNeedM2: nonNegativeNumber().optional(),
  commitment: Commitment,
  stance: Stance.optional(),
  influence: score1to5().optional(),
  interest: score1to5().optional(),
  /** DOMAIN.md extras: e.g. "e.V.", "GmbH", "d.o.o." */
  legalForm: text(200).optional(),
  /** What the actor can pay, € per m² and month (affordability indicator). */
  budgetEurM2Month: nonNegativeNumber().optional(),
  /** When the actor needs the space, free text ("from 2027", "within a year"). */
  horizon: text(200).optional(),
})
export type Actor = z.infer<typeof Actor>
