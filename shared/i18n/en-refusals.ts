import type { RefusalCode } from '../rules/refusals.ts'

/**
 * What the board says when the server refused one of this person's changes, one text per
 * refusal code (`shared/rules/refusals.ts`). Typed by the code list: a code without a text here
 * fails the typecheck. Only the refused part is undone (by the server); the rest stays.
 */
const refusalTexts = {
  'refusal.read_only': 'Your role lets you view this board, not change it. Your change was not saved.',
  'refusal.locked': 'A facilitator locked this element. Your change to it was undone; your other changes are kept.',
  'refusal.lock_facilitator_only': 'Only facilitators can lock and unlock elements. That change was undone.',
  'refusal.facilitator_only':
    'Only facilitators can change the site profile, the analysis settings and the board details. That change was undone.',
  'refusal.server_only': 'That part of the board is kept by the server. Your change to it was undone.',
  'refusal.editing_paused':
    'A facilitator paused editing for a moment. Your change was undone; you can edit again when editing resumes.',
  'refusal.kind_not_allowed':
    'This step of the agenda asks for other kinds of element. Your new element was removed; the toolbar shows what you can add now.',
  'refusal.private_mode':
    'A private brainstorm is running: new notes stay private until the facilitator reveals them. Your note was taken off the board.',
  'refusal.invalid_value': 'A value was not accepted (for example, a label longer than 500 characters). That change was undone.',
  'refusal.too_many_elements':
    'This board holds as many elements as the server allows. The new elements were not added; your other changes are kept.',
  'refusal.unseen_delete': 'The server could not accept a change from this browser.',
  'refusal.foreign_client_id': 'The server could not accept a change from this browser.',
  'refusal.unplaceable': 'The server could not accept a change from this browser.',
} as const satisfies Record<`refusal.${RefusalCode}`, string>

export const enRefusals = {
  ...refusalTexts,
  /** a refusal without a known code (an older server) */
  'refusal.unknown': 'The server did not accept one of your changes. It was undone; your other changes are kept.',
} as const

/** The catalog key of a refusal's text. */
export function refusalMessageKey(code: RefusalCode | null): keyof typeof enRefusals {
  return code ? `refusal.${code}` : 'refusal.unknown'
}
