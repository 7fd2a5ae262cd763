import { z } from 'zod'
import { ElementId } from '../schema/fields.ts'
import { AgendaStep, ElementKindName, ViewRect } from './state.ts'

/**
 * The commands of `POST /api/boards/:id/facilitation` (CONTRACT.md, docs/contract.md): what a
 * facilitator — through the facilitation bar, a script or a control surface — asks of the
 * server. The server resolves each into a write of the `facilitation` map
 * (shared/operations/facilitation-write.ts) or an ordinary operation (`lock`).
 */

const seconds = z
  .number({ error: 'must be a number of seconds' })
  .int({ error: 'must be a whole number of seconds' })
  .min(1, { error: 'must be at least 1 second' })
  .max(24 * 3600, { error: 'must be at most 24 hours' })
const dots = (what: string) =>
  z
    .number({ error: `must be a whole number of ${what}` })
    .int({ error: `must be a whole number of ${what}` })
    .min(1, { error: 'must be at least 1' })
    .max(100, { error: 'must be at most 100' })
const elementIds = z.array(ElementId).min(1, { error: 'must name at least one element' }).max(5000)
const groupName = z.string().trim().min(1, { error: 'must not be empty' }).max(200)

export const GroupInput = z.object({
  name: groupName,
  frameId: ElementId.optional(),
  userIds: z.array(z.string().min(1).max(200)).max(500),
})

export const facilitationCommandNames = [
  'timer.start',
  'timer.pause',
  'timer.resume',
  'timer.add',
  'timer.reset',
  'agenda.set',
  'agenda.go',
  'agenda.next',
  'agenda.previous',
  'vote.open',
  'vote.close',
  'vote.cancel',
  'lock',
  'editing.pause',
  'editing.resume',
  'present.start',
  'present.stop',
  'summon',
  'groups.set',
  'groups.random',
  'groups.end',
  'private.start',
  'private.reveal',
] as const

export const FacilitationCommand = z.discriminatedUnion(
  'command',
  [
    z.object({ command: z.literal('timer.start'), seconds }),
    z.object({ command: z.literal('timer.pause') }),
    z.object({ command: z.literal('timer.resume') }),
    z.object({
      command: z.literal('timer.add'),
      seconds: z
        .number()
        .int()
        .min(-24 * 3600)
        .max(24 * 3600),
    }),
    z.object({ command: z.literal('timer.reset') }),
    z.object({
      command: z.literal('agenda.set'),
      steps: z.array(AgendaStep.omit({ id: true }).extend({ id: AgendaStep.shape.id.optional() })).max(100),
    }),
    z.object({
      command: z.literal('agenda.go'),
      index: z.number().int().min(0).nullable(),
      /** start the step's timer (its minutes); default true when the step has minutes */
      startTimer: z.boolean().optional(),
    }),
    z.object({ command: z.literal('agenda.next'), startTimer: z.boolean().optional() }),
    z.object({ command: z.literal('agenda.previous'), startTimer: z.boolean().optional() }),
    z
      .object({
        command: z.literal('vote.open'),
        elementIds: elementIds.optional(),
        kind: ElementKindName.optional(),
        title: z.string().max(200).optional(),
        dotsPerPerson: dots('dots'),
        maxPerElement: dots('dots').optional(),
        anonymous: z.boolean().optional(),
      })
      .refine((c) => (c.elementIds === undefined) !== (c.kind === undefined), {
        error: 'must name either elementIds or a kind',
      }),
    z.object({ command: z.literal('vote.close') }),
    z.object({ command: z.literal('vote.cancel') }),
    z.object({
      command: z.literal('lock'),
      elementIds,
      locked: z.boolean({ error: 'must be true or false' }),
      /** frames: their contents too */
      withContents: z.boolean().optional(),
    }),
    z.object({ command: z.literal('editing.pause') }),
    z.object({ command: z.literal('editing.resume') }),
    z.object({ command: z.literal('present.start'), pauseEditing: z.boolean().optional() }),
    z.object({ command: z.literal('present.stop') }),
    z.object({ command: z.literal('summon'), rect: ViewRect }),
    z.object({ command: z.literal('groups.set'), groups: z.array(GroupInput).min(1).max(50) }),
    z.object({
      command: z.literal('groups.random'),
      count: z.number().int().min(2).max(50),
      frameIds: z.array(ElementId).max(50).optional(),
    }),
    z.object({ command: z.literal('groups.end') }),
    z.object({ command: z.literal('private.start'), facilitatorSees: z.boolean().optional() }),
    z.object({ command: z.literal('private.reveal'), anonymous: z.boolean().optional() }),
  ],
  {
    error: (issue) => {
      if (issue.code === 'invalid_union') return `must be one of ${facilitationCommandNames.join(', ')}`
      if (issue.code === 'invalid_type') return 'must be an object'
      return undefined
    },
  },
)
export type FacilitationCommand = z.infer<typeof FacilitationCommand>
export type FacilitationCommandName = FacilitationCommand['command']
// the list names every command, and nothing else
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const namesComplete: Same<FacilitationCommandName, (typeof facilitationCommandNames)[number]> = true
void namesComplete

/** A participant's whole ballot in the open vote (`PUT /api/boards/:id/vote`). */
export const Ballot = z.object({
  dots: z
    .record(ElementId, z.number().int({ error: 'must be a whole number of dots' }).min(0).max(100), {
      error: 'must map element ids to numbers of dots',
    })
    .refine((d) => Object.keys(d).length <= 5000, { error: 'names too many elements' }),
})
export type Ballot = z.infer<typeof Ballot>
