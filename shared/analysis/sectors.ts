import type { Commitment, Sector } from '../schema/enums.ts'

/** The creative scene the seed project wants to reach critical mass with. */
export const creativeSectors: ReadonlySet<Sector> = new Set<Sector>(['creative', 'culture'])

/** The established economy the creative scene is to be combined with (issue 5). */
export const establishedSectors: ReadonlySet<Sector> = new Set<Sector>([
  'commerce',
  'industry',
  'services',
  'gastronomy',
  'tourism',
])

/** Commitments that count as committed: a letter of intent or more. */
export const committedLevels: ReadonlySet<Commitment> = new Set<Commitment>(['loi', 'precontract', 'signed'])

export const isCreative = (sector: Sector): boolean => creativeSectors.has(sector)
export const isEstablished = (sector: Sector): boolean => establishedSectors.has(sector)
export const isCommitted = (commitment: Commitment): boolean => committedLevels.has(commitment)
