import { z } from 'zod'
import { CountryCode, nonNegativeNumber, text } from './fields.ts'

/**
 * The site profile. Every field is optional, the name too: a board is named by its title,
 * and the profile is filled in as the site scan goes on. Status and condition are free text
 * ("listed", "fair") because national heritage categories differ.
 */
export const Site = z.object(
  {
    name: text(200).optional(),
    location: text(200).optional(),
    country: CountryCode.optional(),
    areaM2: nonNegativeNumber().optional(),
    builtYear: z
      .int({ error: 'must be a whole year like 1898' })
      .min(0, { error: 'must be a whole year like 1898' })
      .max(2200, { error: 'must be a whole year like 1898' })
      .optional(),
    formerUse: text(200).optional(),
    heritageStatus: text(200).optional(),
    condition: text(500).optional(),
    description: text(5000).optional(),
  },
  { error: 'must be an object' },
)
export type Site = z.infer<typeof Site>
export type SiteInput = z.input<typeof Site>

/** The site fields in document order (also the key order of exports). */
export const siteFields = Object.keys(Site.shape) as (keyof Site)[]
