/**
 * Why the server refused a change: the codes it sends (WebSocket: the y-protocols auth
 * "permission denied" reason; REST: the error code) and the client maps to catalog text.
 * A code never changes meaning; new ones may be added.
 */
export const refusalCodes = [
  /** the caller's role writes nothing (viewer, reviewer) */
  'read_only',
  /** the element is locked by a facilitator */
  'locked',
  /** only facilitators and owners lock and unlock */
  'lock_facilitator_only',
  /** the site profile, analysis settings and board meta data are the facilitators' */
  'facilitator_only',
  /** state only the server writes (facilitation, the writers' register, unknown top-level maps) */
  'server_only',
  /** a facilitator paused editing (a presentation, a closing discussion) */
  'editing_paused',
  /** the current agenda step lets participants create other kinds of element */
  'kind_not_allowed',
  /** a private brainstorm runs: participants' new notes are private until revealed */
  'private_mode',
  /** a value breaks the contract's limits (a label over 500 characters, a wrong type, nesting) */
  'invalid_value',
  /** the board would hold more elements than the server allows (MAX_ELEMENTS_PER_BOARD) */
  'too_many_elements',
  /** a deletion of content the server has not seen (a forgery: the socket closes with 4400) */
  'unseen_delete',
  /** structs under a Yjs client id another account writes with (a forgery: 4400) */
  'foreign_client_id',
  /** the update could not be placed in the document (a forgery or a broken client: 4400) */
  'unplaceable',
] as const

export type RefusalCode = (typeof refusalCodes)[number]

const known = new Set<string>(refusalCodes)

/** The code at the start of a refusal reason (`locked: element u1`), or null for a text from elsewhere. */
export function refusalCodeOf(reason: string): RefusalCode | null {
  const code = reason.split(':', 1)[0]?.trim() ?? ''
  return known.has(code) ? (code as RefusalCode) : null
}

/** Codes that mark a forgery: the update is not applied and the socket closes with 4400. */
export const forgeryCodes: ReadonlySet<RefusalCode> = new Set(['unseen_delete', 'foreign_client_id', 'unplaceable'])
