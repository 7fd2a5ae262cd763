import { z } from 'zod'
import { Comment } from '../comments/comment.ts'
import { plannedLanguages } from '../i18n/languages.ts'
import { BoardDocument } from '../schema/document.ts'
import { Element } from '../schema/elements.ts'
import { ElementId, finiteNumber, positiveNumber, text } from '../schema/fields.ts'
import { Link } from '../schema/link.ts'
import { Site } from '../schema/site.ts'

/**
 * Every change to a board is one of these values (STYLE.md: gesture → action → Operation →
 * `applyOperation` → one Yjs transaction). Client, server, templates and scripts all write
 * through them, so validation lives in one place.
 */

const MAX_BATCH = 5000
const idList = z
  .array(ElementId, { error: 'must be a list of element ids' })
  .min(1, { error: 'must name at least one element' })
  .max(MAX_BATCH)

/** Field values to set; `null` removes an optional field. Checked against the schema after merging. */
const FieldPatch = z
  .record(z.string(), z.unknown(), { error: 'must be an object of fields' })
  .refine((fields) => Object.keys(fields).length > 0, { error: 'must change at least one field' })

/** Adds elements; a box without `z` is put on top (in the given order). Ids must be new. */
export const AddElements = z.object({
  type: z.literal('element.add'),
  elements: z.array(Element, { error: 'must be a list of elements' }).min(1).max(MAX_BATCH),
})

/** Changes fields of one element; `id` and `kind` cannot change. */
export const UpdateElement = z.object({ type: z.literal('element.update'), id: ElementId, fields: FieldPatch })

/** Moves boxes to absolute positions (one write per drop, not per pointer move). */
export const MoveElements = z.object({
  type: z.literal('element.move'),
  moves: z
    .array(z.object({ id: ElementId, x: finiteNumber(), y: finiteNumber() }))
    .min(1)
    .max(MAX_BATCH),
})

/** Resizes one box; `x`/`y` change too when it is resized from its top or left edge. */
export const ResizeElement = z.object({
  type: z.literal('element.resize'),
  id: ElementId,
  w: positiveNumber(),
  h: positiveNumber(),
  x: finiteNumber().optional(),
  y: finiteNumber().optional(),
})

/**
 * Deletes elements (missing ids are ignored: someone else may have deleted them first).
 * `withLinks` (default true) also deletes the links that start or end at a deleted element,
 * as a user expects; with false they stay and dangle, which the contract allows. References
 * in `zone` and `refs` are left alone (the analysis reports them as gaps).
 */
export const DeleteElements = z.object({
  type: z.literal('element.delete'),
  ids: idList,
  withLinks: z.boolean().default(true),
})

export const reorderTargets = ['front', 'back', 'forward', 'backward'] as const
/** Changes the drawing order of boxes by giving them new `z` keys. */
export const ReorderElements = z.object({
  type: z.literal('element.reorder'),
  ids: idList,
  to: z.enum(reorderTargets, { error: `must be one of ${reorderTargets.join(', ')}` }),
})

/** Adds a link between two existing elements. */
export const AddLink = z.object({ type: z.literal('link.add'), link: Link.omit({ kind: true }) })

/** Removes links (missing ids are ignored; an id of another kind is an error). */
export const RemoveLinks = z.object({ type: z.literal('link.remove'), ids: idList })

/** Changes site profile fields; `null` removes one. */
export const UpdateSite = z.object({ type: z.literal('site.update'), fields: FieldPatch })

/**
 * Changes board settings; given commitment weights are merged into the current ones, the
 * working languages are replaced as a whole.
 */
export const UpdateSettings = z.object({
  type: z.literal('settings.update'),
  fields: z.object({
    creativeThreshold: z.unknown().optional(),
    commitmentWeights: z.unknown().optional(),
    timelineOrigin: z.unknown().optional(),
    languages: z.unknown().optional(),
    showBothLanguages: z.unknown().optional(),
  }),
})

/** Locks or unlocks elements (facilitators: what a group agreed on stays as it is). */
export const LockElements = z.object({ type: z.literal('element.lock'), ids: idList, locked: z.boolean() })

/** The board's title as the document carries it, and its whole site profile (`null`: empty). */
export const UpdateProfile = z.object({
  type: z.literal('board.profile'),
  title: text(500).optional(),
  site: Site.nullable().optional(),
})

/** Makes the board hold exactly this document (a snapshot restore): unchanged fields are not rewritten. */
export const ReplaceBoard = z.object({ type: z.literal('board.replace'), document: BoardDocument })

/** Templates that can be added to a board beside its content (the method templates but blank). */
export const addableTemplates = [
  'site-scan',
  'stakeholder-map',
  'needs-inventory',
  'use-mix',
  'combination-matrix',
  'phasing-roadmap',
  'business-model-canvas',
] as const
export type AddableTemplate = (typeof addableTemplates)[number]

/**
 * Adds a method template's elements to the right of the board's content, with fresh ids,
 * made with the board's own site profile and zones (shared/operations/add-template.ts).
 */
export const AddTemplate = z.object({
  type: z.literal('template.add'),
  template: z.enum(addableTemplates, { error: `must be one of ${addableTemplates.join(', ')}` }),
  /** the language of the person who applies it: its frame titles, prompts and example cards (default English) */
  lang: z.enum(plannedLanguages).optional(),
})

/**
 * Sets keys of the board's facilitation state (shared/facilitation/state.ts): what a
 * facilitation command resolved to (shared/facilitation/resolve.ts). Only the server writes it.
 */
export const SetFacilitation = z.object({
  type: z.literal('facilitation.set'),
  values: z.record(z.string(), z.unknown(), { error: 'must be an object of facilitation keys' }),
})

/**
 * Writes one comment (new or changed) into the board's `comments` map
 * (shared/comments/comment.ts). Only the server writes it: the comment service checks who may
 * write what (author, role) before.
 */
export const SetComment = z.object({ type: z.literal('comment.set'), comment: Comment })

/** Removes comments from the `comments` map (missing ids are ignored). Only the server writes it. */
export const DeleteComments = z.object({ type: z.literal('comment.delete'), ids: idList })

export const operationTypes = [
  'element.add',
  'element.update',
  'element.move',
  'element.resize',
  'element.delete',
  'element.reorder',
  'link.add',
  'link.remove',
  'site.update',
  'settings.update',
  'element.lock',
  'board.profile',
  'board.replace',
  'template.add',
  'facilitation.set',
  'comment.set',
  'comment.delete',
] as const

export const Operation = z.discriminatedUnion(
  'type',
  [
    AddElements,
    UpdateElement,
    MoveElements,
    ResizeElement,
    DeleteElements,
    ReorderElements,
    AddLink,
    RemoveLinks,
    UpdateSite,
    UpdateSettings,
    LockElements,
    UpdateProfile,
    ReplaceBoard,
    AddTemplate,
    SetFacilitation,
    SetComment,
    DeleteComments,
  ],
  {
    error: (issue) => {
      if (issue.code === 'invalid_union') return `must be one of ${operationTypes.join(', ')}`
      if (issue.code === 'invalid_type') return 'must be an object'
      return undefined
    },
  },
)
export type Operation = z.infer<typeof Operation>
/** What callers pass: plain strings for ids; defaults (e.g. `withLinks`) may be left out. */
export type OperationInput = z.input<typeof Operation>
export type OperationType = Operation['type']
export type OperationOf<T extends OperationType> = Extract<Operation, { type: T }>
