import type * as Y from 'yjs'
import type { RefusalCode } from '../../../shared/rules/refusals.ts'
import { ELEMENTS_MAP } from '../../../shared/schema/layout.ts'
import { canEdit, type Role } from '../../../shared/schema/roles.ts'
import { type Change, describeUpdate } from './changes.ts'
import { judge, kindsIn, type Refusal } from './rules.ts'

/** What to do with an incoming update. */
export type Verdict =
  /** every change allowed: apply it */
  | { kind: 'apply' }
  /** some changes refused: apply it together with a compensation of those (compensate.ts) */
  | { kind: 'compensate'; refusals: Refusal[] }
  /** the sender writes nothing (viewer, reviewer): neither applied nor relayed */
  | { kind: 'drop'; code: 'read_only' }
  /** the sender's earlier updates are missing here: not applied; the server asks it for what it lacks */
  | { kind: 'resync' }
  /** only a forger sends this: not applied, the socket closes with 4400 */
  | { kind: 'forged'; code: RefusalCode; detail: string }

export interface GuardInput {
  doc: Y.Doc
  role: Role
  userId: string
  now: number
  decoded: ReturnType<typeof Y.decodeUpdate>
  /** true when a Yjs client id is another account's (or the server's) on this board */
  isForeignWriter(clientId: number): boolean
  /** MAX_ELEMENTS_PER_BOARD: the update's new elements are refused when the board would hold more (none: no limit) */
  maxElements?: number
}

export interface GuardResult {
  verdict: Verdict
  /** the client ids the update writes new structs under (to bind to the account once applied) */
  writers: ReadonlySet<number>
}

/**
 * The one check every incoming document update passes before it touches a room: the update
 * is read into typed changes by path (changes.ts), forgeries are told apart first, then the
 * named rules (rules.ts) judge each change with the account, role, document and server time.
 */
export function guardUpdate(input: GuardInput): GuardResult {
  // a role that writes nothing is answered before anything of the update is read
  if (!canEdit(input.role)) return { verdict: { kind: 'drop', code: 'read_only' }, writers: new Set() }
  const described = describeUpdate(input.doc, input.decoded)
  const { writers } = described
  if (described.unseenDeletes > 0)
    return { verdict: { kind: 'forged', code: 'unseen_delete', detail: `${described.unseenDeletes} ranges` }, writers }
  if (described.gaps > 0) return { verdict: { kind: 'resync' }, writers }
  if (described.unplaceable > 0)
    return { verdict: { kind: 'forged', code: 'unplaceable', detail: `${described.unplaceable} items` }, writers }
  for (const client of writers) {
    if (input.isForeignWriter(client))
      return { verdict: { kind: 'forged', code: 'foreign_client_id', detail: String(client) }, writers }
  }
  const refusals = judge(described.changes, {
    doc: input.doc,
    role: input.role,
    userId: input.userId,
    now: input.now,
    newKinds: kindsIn(described.changes),
  })
  const whole = refusals.map((r) => wholeIfNew(input.doc, r))
  whole.push(...overElementLimit(input.doc, described.changes, whole, input.maxElements ?? Number.POSITIVE_INFINITY))
  if (whole.length === 0) return { verdict: { kind: 'apply' }, writers }
  return { verdict: { kind: 'compensate', refusals: whole }, writers }
}

/**
 * MAX_ELEMENTS_PER_BOARD: when the elements the update adds (those not refused already), less
 * those it deletes, would take the board past `max`, every element it adds is refused — a
 * paste is kept whole or not at all; its other changes stay.
 */
function overElementLimit(doc: Y.Doc, changes: readonly Change[], refused: readonly Refusal[], max: number): Refusal[] {
  if (!Number.isFinite(max)) return []
  const elements = doc.getMap(ELEMENTS_MAP)
  const isRefused = underAny(refused)
  const added = new Set<string>()
  const removed = new Set<string>()
  for (const change of changes) {
    const [map, id] = change.path
    if (map !== ELEMENTS_MAP || !id || change.path.length !== 2) continue
    if (change.op === 'delete' && elements.has(id)) removed.add(id)
    else if (change.op === 'set' && !elements.has(id) && !isRefused(change.path)) added.add(id)
  }
  if (added.size === 0 || elements.size - removed.size + added.size <= max) return []
  return [...added].map((id) => ({ code: 'too_many_elements', rule: 'maxElements', path: [ELEMENTS_MAP, id] }))
}

/** A refused field of an element the update itself creates refuses that whole element (no half-made elements). */
function wholeIfNew(doc: Y.Doc, refusal: Refusal): Refusal {
  const [map, id] = refusal.path
  if (map !== ELEMENTS_MAP || !id || refusal.path.length <= 2 || doc.getMap(ELEMENTS_MAP).has(id)) return refusal
  return { ...refusal, path: [map, id] }
}

/** True when `path` lies at or under one of the refused paths. */
export function underAny(refusals: readonly Refusal[]): (path: readonly string[]) => boolean {
  const prefixes = refusals.map((r) => r.path)
  return (path) => prefixes.some((prefix) => prefix.length <= path.length && prefix.every((segment, i) => path[i] === segment))
}

/** The permission-denied reason sent to the client: `<code>: <detail>` (shared/rules/refusals.ts). */
export function refusalReason(refusals: readonly Refusal[]): string {
  const first = refusals[0]
  if (!first) return 'read_only'
  const where = first.path.slice(0, 3).join('/')
  return `${first.code}: ${where}${refusals.length > 1 ? ` (+${refusals.length - 1} more)` : ''}`
}
