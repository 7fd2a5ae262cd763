import type * as Y from 'yjs'
import { z } from 'zod'
import { elementKinds } from '../schema/enums.ts'
import { UrlSafeId } from '../schema/fields.ts'

/**
 * What everyone on a board may see of a live workshop (CONTRACT.md "Facilitation"): the agenda,
 * the timer, the vote (without anyone's dots while it is open), whether editing is paused, who
 * presents, the last summon, the groups and the private brainstorm. It lives in the board
 * document's `facilitation` map, one plain value per key, written by the server alone (the sync
 * guard refuses any client's write there: `server_only`). Secrets never live here: open ballots
 * are held by the server (server/facilitation/ballot-store.ts).
 *
 * Every reader narrows with these schemas: a damaged or missing value reads as its default.
 * Times are server times, ms since the epoch; clients correct their clock (clock.ts).
 */

export const FACILITATION_MAP = 'facilitation'

const name = z.string().max(200)
const userId = z.string().min(1).max(200)

export const ElementKindName = z.enum(elementKinds, { error: `must be one of ${elementKinds.join(', ')}` })

export const AgendaStep = z.object({
  id: UrlSafeId,
  title: z.string().min(1, { error: 'must not be empty' }).max(200, { error: 'must be at most 200 characters' }),
  /** what to do in it, in a line ("silent brainstorm, then cluster") */
  method: z.string().max(500).optional(),
  minutes: z
    .number()
    .positive()
    .max(24 * 60)
    .optional(),
  /** the frame it happens in: moving to the step brings everyone there */
  frameId: UrlSafeId.optional(),
  /** the element kinds participants may create during it; absent: every kind */
  allowedKinds: z.array(ElementKindName).max(elementKinds.length).optional(),
})
export type AgendaStep = z.infer<typeof AgendaStep>

export const Agenda = z.object({
  steps: z.array(AgendaStep).max(100),
  current: z.number().int().min(0).nullable(),
  /** when `current` last changed: clients move their view on a change, not on every load */
  changedAt: z.number().optional(),
})
export type Agenda = z.infer<typeof Agenda>

/** Running: `endsAt` is when it reaches zero. Paused or stopped: `remainingMs` is what is left. */
export const Timer = z.object({
  running: z.boolean(),
  endsAt: z.number().nullable(),
  remainingMs: z.number().min(0),
  /** the length it was started with (plus added time), for a progress ring */
  durationMs: z.number().min(0),
})
export type Timer = z.infer<typeof Timer>

export const VoteResult = z.object({
  elementId: z.string(),
  dots: z.number().int().min(0),
  /** who gave dots, only when the vote was not anonymous */
  voters: z.array(z.object({ userId, name, dots: z.number().int().min(1) })).optional(),
})
export type VoteResult = z.infer<typeof VoteResult>

export const Vote = z.object({
  id: UrlSafeId,
  title: z.string().max(200).optional(),
  open: z.boolean(),
  elementIds: z.array(z.string()).max(5000),
  dotsPerPerson: z.number().int().min(1).max(100),
  maxPerElement: z.number().int().min(1).max(100),
  anonymous: z.boolean(),
  openedAt: z.number(),
  closedAt: z.number().optional(),
  /** how many people have cast a ballot so far (never whose or where) */
  voters: z.number().int().min(0),
  /** null while open; most dots first once closed */
  results: z.array(VoteResult).nullable(),
})
export type Vote = z.infer<typeof Vote>

export const Person = z.object({ userId, name })
export type Person = z.infer<typeof Person>

/** Who presents (everyone follows their view); `pausedEditing` when starting it paused editing. */
export const Presenter = Person.extend({ pausedEditing: z.boolean().optional() })
export type Presenter = z.infer<typeof Presenter>

export const ViewRect = z.object({
  x: z.number().finite(),
  y: z.number().finite(),
  w: z.number().positive().finite(),
  h: z.number().positive().finite(),
})
export type ViewRect = z.infer<typeof ViewRect>

/** "Bring everyone here": clients that see a new `id` within a few seconds of `at` go to `rect`. */
export const Summon = z.object({ id: UrlSafeId, by: Person, rect: ViewRect, at: z.number() })
export type Summon = z.infer<typeof Summon>

export const Group = z.object({
  id: UrlSafeId,
  name: z.string().min(1).max(200),
  frameId: UrlSafeId.optional(),
  userIds: z.array(userId).max(500),
})
export type Group = z.infer<typeof Group>

export const Groups = z.object({ active: z.boolean(), groups: z.array(Group).max(50), changedAt: z.number().optional() })
export type Groups = z.infer<typeof Groups>

/** While active, notes participants write stay in their private documents until revealed. */
export const PrivateMode = z.object({ active: z.boolean(), facilitatorSees: z.boolean(), startedAt: z.number().optional() })
export type PrivateMode = z.infer<typeof PrivateMode>

export interface FacilitationState {
  agenda: Agenda
  timer: Timer
  vote: Vote | null
  editingPaused: boolean
  presenter: Presenter | null
  summon: Summon | null
  groups: Groups
  privateMode: PrivateMode
  /** every closed vote with its results, oldest first: they stay with the board and its snapshots */
  closedVotes: Vote[]
}

export const defaultFacilitation = (): FacilitationState => ({
  agenda: { steps: [], current: null },
  timer: { running: false, endsAt: null, remainingMs: 0, durationMs: 0 },
  vote: null,
  editingPaused: false,
  presenter: null,
  summon: null,
  groups: { active: false, groups: [] },
  privateMode: { active: false, facilitatorSees: false },
  closedVotes: [],
})

/** The schema of each key of the `facilitation` map. */
export const facilitationKeys = {
  agenda: Agenda,
  timer: Timer,
  vote: Vote.nullable(),
  editingPaused: z.boolean(),
  presenter: Presenter.nullable(),
  summon: Summon.nullable(),
  groups: Groups,
  privateMode: PrivateMode,
  closedVotes: z.array(Vote).max(500),
} as const satisfies { [K in keyof FacilitationState]: z.ZodType<FacilitationState[K]> }

export type FacilitationKey = keyof FacilitationState

export const getFacilitation = (doc: Y.Doc): Y.Map<unknown> => doc.getMap<unknown>(FACILITATION_MAP)

/** The facilitation state a document holds; every missing or damaged key reads as its default. */
export function readFacilitation(doc: Y.Doc): FacilitationState {
  const map = getFacilitation(doc)
  const state = defaultFacilitation()
  for (const key of Object.keys(facilitationKeys) as FacilitationKey[]) {
    const parsed = facilitationKeys[key].safeParse(map.get(key))
    // biome-ignore lint/suspicious/noExplicitAny: the key and its schema belong together (checked above)
    if (parsed.success) (state as any)[key] = parsed.data
  }
  return state
}

/** The remaining time of a timer at server time `now`. */
export function remainingMs(timer: Timer, now: number): number {
  if (!timer.running || timer.endsAt === null) return timer.remainingMs
  return Math.max(0, timer.endsAt - now)
}

/** The current agenda step, if any. */
export function currentStep(state: Pick<FacilitationState, 'agenda'>): AgendaStep | null {
  const { current, steps } = state.agenda
  return current === null ? null : (steps[current] ?? null)
}
