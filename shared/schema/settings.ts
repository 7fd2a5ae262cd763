import { z } from 'zod'
import { plannedLanguages } from '../i18n/languages.ts'
import { type Commitment, commitments, DEFAULT_COMMITMENT_WEIGHTS } from './enums.ts'
import { YearMonth } from './fields.ts'

const WEIGHT_MESSAGE = 'must be a number from 0 to 1'
const weight = (commitment: Commitment) =>
  z
    .number({ error: WEIGHT_MESSAGE })
    .min(0, { error: WEIGHT_MESSAGE })
    .max(1, { error: WEIGHT_MESSAGE })
    .default(DEFAULT_COMMITMENT_WEIGHTS[commitment])

/** Weights of commitment-weighted demand; a weight left out takes its default. */
export const CommitmentWeights = z.object(
  {
    idea: weight('idea'),
    interested: weight('interested'),
    loi: weight('loi'),
    precontract: weight('precontract'),
    signed: weight('signed'),
  },
  { error: `must be an object of weights for ${commitments.join(', ')}` },
)
export type CommitmentWeights = z.infer<typeof CommitmentWeights>

const THRESHOLD_MESSAGE = 'must be a whole number from 0 to 1000'
export const DEFAULT_CREATIVE_THRESHOLD = 5

const LANGUAGES_MESSAGE = `must be a list of different language codes from ${plannedLanguages.join(', ')}`

/**
 * The languages a board works in (bilingual Piran: Slovenian and Italian), in the order the
 * facilitator chose: the inspector offers a translation field for each, and cards can show
 * two of them. Codes of the planned UI languages, each once.
 */
export const WorkingLanguages = z
  .array(z.enum(plannedLanguages, { error: LANGUAGES_MESSAGE }), { error: LANGUAGES_MESSAGE })
  .max(plannedLanguages.length, { error: LANGUAGES_MESSAGE })
  .refine((codes) => new Set(codes).size === codes.length, { error: LANGUAGES_MESSAGE })

/** Settings of a board (analysis, timeline, languages); a facilitator edits them. */
export const Settings = z.object(
  {
    /** Committed creative and cultural actors a site needs (no standard exists; DOMAIN.md). */
    creativeThreshold: z
      .int({ error: THRESHOLD_MESSAGE })
      .min(0, { error: THRESHOLD_MESSAGE })
      .max(1000, { error: THRESHOLD_MESSAGE })
      .default(DEFAULT_CREATIVE_THRESHOLD),
    commitmentWeights: CommitmentWeights.prefault({}),
    /** The month at x = 0 of the phasing timeline (shared/scene/timeline.ts); default 2027-01. */
    timelineOrigin: YearMonth.optional(),
    /** The board's working languages; absent: none chosen (labels are still translatable). */
    languages: WorkingLanguages.optional(),
    /** Cards draw their label in the other working language too, beneath, smaller. */
    showBothLanguages: z.boolean({ error: 'must be true or false' }).optional(),
  },
  { error: 'must be an object' },
)
export type Settings = z.infer<typeof Settings>
export type SettingsInput = z.input<typeof Settings>

/** Complete settings with every default filled in (for the analysis). */
export function resolveSettings(settings?: SettingsInput): Settings {
  const parsed = Settings.safeParse(settings ?? {})
  return parsed.success ? parsed.data : Settings.parse({})
}
