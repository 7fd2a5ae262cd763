import { z } from 'zod'

/**
 * Every enumeration of the contract (CONTRACT.md, "Board document"). The arrays are the
 * source of truth: extend them, never rename a value (stored boards and exports use them).
 */

const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, {
    error: (issue) => (issue.input === undefined ? 'is required' : `must be one of ${values.join(', ')}`),
  })

export const sectors = [
  'creative',
  'culture',
  'commerce',
  'industry',
  'services',
  'gastronomy',
  'tourism',
  'public',
  'heritage',
  'education',
  'civil',
  'residents',
  'owner',
  'investor',
] as const
export const Sector = oneOf(sectors)
export type Sector = z.infer<typeof Sector>

/** Subsectors of creative and culture actors. */
export const subsectors = [
  'architecture',
  'visual_arts',
  'performing_arts',
  'music',
  'design_fashion',
  'crafts',
  'audiovisual',
  'games_software',
  'publishing',
  'heritage_museums',
  'advertising',
  'festivals',
] as const
export const Subsector = oneOf(subsectors)
export type Subsector = z.infer<typeof Subsector>

/** From first idea to signed contract, in rising order of certainty. */
export const commitments = ['idea', 'interested', 'loi', 'precontract', 'signed'] as const
export const Commitment = oneOf(commitments)
export type Commitment = z.infer<typeof Commitment>

/** From most to least favourable. */
export const stances = ['champion', 'supporter', 'neutral', 'critic', 'blocker'] as const
export const Stance = oneOf(stances)
export type Stance = z.infer<typeof Stance>

export const useCategories = [
  'studio',
  'makerspace',
  'coworking',
  'events',
  'exhibition',
  'gastronomy',
  'retail',
  'living',
  'education',
  'production',
  'services',
  'visitor_centre',
  'community',
  'storage',
  'green',
  'leisure',
  'other',
] as const
export const UseCategory = oneOf(useCategories)
export type UseCategory = z.infer<typeof UseCategory>

/** How a use earns its money (DOMAIN.md, "worth adding"); not in the contract, optional. */
export const revenueModels = ['rent', 'tickets', 'sales', 'membership', 'subsidy', 'mixed', 'none'] as const
export const RevenueModel = oneOf(revenueModels)
export type RevenueModel = z.infer<typeof RevenueModel>

/**
 * Where the money for a use's investment comes from (issue 17). `municipal`, `regional`,
 * `national` and `eu` are public money (`publicFundingSources`); `own` is the operator's own.
 */
export const fundingSources = [
  'own',
  'private',
  'loan',
  'municipal',
  'regional',
  'national',
  'eu',
  'foundation',
  'crowdfunding',
  'mixed',
] as const
export const FundingSource = oneOf(fundingSources)
export type FundingSource = z.infer<typeof FundingSource>
/** The public funding sources: what counts as public money in `subsidyDependency`. */
export const publicFundingSources: readonly FundingSource[] = ['municipal', 'regional', 'national', 'eu']

export const relations = [
  'operates',
  'uses',
  'owns',
  'funds',
  'supplies',
  'cooperates',
  'mentors',
  'regulates',
  'supports',
  'conflicts',
  'synergy',
  'depends_on',
] as const
export const Relation = oneOf(relations)
export type Relation = z.infer<typeof Relation>

/** The phasing roadmap, in time order. */
export const stages = ['analysis', 'interim', 'pilot', 'consolidation', 'longterm'] as const
export const Stage = oneOf(stages)
export type Stage = z.infer<typeof Stage>

export const noteColors = ['yellow', 'orange', 'pink', 'green', 'blue', 'purple', 'grey'] as const
export const NoteColor = oneOf(noteColors)
export type NoteColor = z.infer<typeof NoteColor>

/** `image` holds an uploaded site plan (next issue); all kinds but `link` are positioned boxes. */
export const elementKinds = ['actor', 'use', 'link', 'phase', 'note', 'zone', 'frame', 'image'] as const
export const ElementKind = oneOf(elementKinds)
export type ElementKind = z.infer<typeof ElementKind>

/** Default weights of commitment-weighted demand (DOMAIN.md); a board may override them. */
export const DEFAULT_COMMITMENT_WEIGHTS: Readonly<Record<Commitment, number>> = Object.freeze({
  idea: 0.1,
  interested: 0.25,
  loi: 0.5,
  precontract: 0.8,
  signed: 1,
})
