import { z } from 'zod'
import { Role } from '../schema/roles.ts'

/**
 * Collections of sites (issue 17): a named set of boards — a region's sites or a transnational
 * programme — with its own members, review criteria, strategy texts and reviews. The server
 * keeps them (server/collections/); the collection page and the strategy export read them.
 */

/** Roles on a collection: the same as on a board (owner ≥ facilitator ≥ editor ≥ reviewer ≥ viewer). */
export type CollectionRole = Role
export const CollectionRole = Role

/** A board in a collection, live (`snapshotId: null`) or at one of its snapshots. */
export interface CollectionSite {
  boardId: string
  snapshotId: string | null
  addedAt: string
  /** the board's title now */
  title: string
}

/** A review criterion. The defaults store `title: ''`: the reader shows the catalog's `criterion.<id>`. */
export interface Criterion {
  id: string
  title: string
}

/** The default criteria of a new collection, in order (titles from the catalog: `criterion.<id>`). */
export const defaultCriterionIds = ['criticalMass', 'combination', 'heritage', 'viability', 'phasing'] as const
export const defaultCriteria = (): Criterion[] => defaultCriterionIds.map((id) => ({ id, title: '' }))

/** The strategy's free-text chapters, in chapter order. */
export const strategyTextKeys = [
  'introduction',
  'swot',
  'vision',
  'investments',
  'financialPlan',
  'operation',
  'marketing',
] as const
export type StrategyTextKey = (typeof strategyTextKeys)[number]

export const MAX_TEXT_CHARS = 20000
export const MAX_CRITERIA = 20
export const MAX_REVIEW_TEXT_CHARS = 4000

export interface Collection {
  id: string
  title: string
  createdAt: string
  createdBy: string
  /** the caller's role */
  role: Role
  sites: CollectionSite[]
  criteria: Criterion[]
  /** ≤ 20000 chars each */
  texts: Partial<Record<StrategyTextKey, string>>
}

export type Score = 1 | 2 | 3 | 4 | 5

export interface ReviewScore {
  score: Score | null
  text: string
}

/** One reviewer's review of one site of the collection (one per reviewer per site). */
export interface Review {
  boardId: string
  reviewerId: string
  reviewerName: string
  /** by criterion id; only the collection's criteria */
  scores: Record<string, ReviewScore>
  summary: string
  updatedAt: string
}

// ---------------------------------------------------------------- request bodies (zod at the edge)

const UrlSafeId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, { error: 'must be 1–64 of A–Z, a–z, 0–9, _ and -' })

export const CollectionTitle = z.string().trim().min(1).max(200)

/** A criterion id keys the reviews' `scores`: `__proto__` cannot be a key of a parsed JSON object's own */
export const CriterionBody = z.object({
  id: UrlSafeId.refine((id) => id !== '__proto__', { error: 'must not be __proto__' }),
  title: z.string().trim().max(200),
})

export const StrategyTexts = z.partialRecord(z.enum(strategyTextKeys), z.string().max(MAX_TEXT_CHARS))

/** `POST /api/collections` */
export const CreateCollectionBody = z.object({ title: CollectionTitle })

/** `PATCH /api/collections/:id`: texts given replace those keys only (`''` empties one). */
export const PatchCollectionBody = z
  .object({
    title: CollectionTitle.optional(),
    criteria: z
      .array(CriterionBody)
      .max(MAX_CRITERIA)
      .refine((list) => new Set(list.map((c) => c.id)).size === list.length, { message: 'criterion ids must differ' })
      .optional(),
    texts: StrategyTexts.optional(),
  })
  .refine((b) => b.title !== undefined || b.criteria !== undefined || b.texts !== undefined, {
    message: 'give a title, criteria or texts to change',
  })

/** `PUT /api/collections/:id/boards/:boardId`: without `snapshotId` the live board counts. */
export const AddSiteBody = z.object({ snapshotId: UrlSafeId.nullable().optional() })

export const ReviewScoreBody = z.object({
  score: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.null()]),
  text: z.string().max(MAX_REVIEW_TEXT_CHARS).default(''),
})

/** `PUT /api/collections/:id/reviews/:boardId`: the caller's own review, replaced whole. */
export const ReviewBody = z.object({
  scores: z.record(z.string(), ReviewScoreBody),
  summary: z.string().max(MAX_TEXT_CHARS).default(''),
})
