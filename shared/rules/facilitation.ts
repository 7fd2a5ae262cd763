import type * as Y from 'yjs'
import { currentStep, type FacilitationState, getFacilitation, readFacilitation } from '../facilitation/state.ts'
import { canFacilitate, type Role } from '../schema/roles.ts'

/**
 * The facilitation rules, once for the server's sync guard, REST operations and the client
 * (which greys out what would be refused): while editing is paused only facilitators change the
 * board; while an agenda step names the kinds participants may create, they create only those.
 */

/** Whether `role` may change board content now (not while a facilitator paused editing). */
export const mayEditNow = (role: Role, state: Pick<FacilitationState, 'editingPaused'>): boolean =>
  canFacilitate(role) || !state.editingPaused

/** Whether `role` may create an element of `kind` during the current agenda step. */
export function mayCreateKind(role: Role, state: Pick<FacilitationState, 'agenda'>, kind: string): boolean {
  if (canFacilitate(role)) return true
  const allowed = currentStep(state)?.allowedKinds
  return allowed === undefined || (allowed as readonly string[]).includes(kind)
}

/** Whether `role` may put a new note on the shared board now (not during a private brainstorm: it stays private). */
export const mayShareNoteNow = (role: Role, state: Pick<FacilitationState, 'privateMode'>): boolean =>
  canFacilitate(role) || !state.privateMode.active

const cache = new WeakMap<Y.Doc, FacilitationState>()
const observed = new WeakSet<Y.Doc>()

/**
 * The document's facilitation state, read once and kept until the `facilitation` map changes:
 * the guard asks for it on every update, and parsing it each time would cost the hot path.
 */
export function facilitationOf(doc: Y.Doc): FacilitationState {
  const cached = cache.get(doc)
  if (cached) return cached
  const state = readFacilitation(doc)
  if (!observed.has(doc)) {
    observed.add(doc)
    getFacilitation(doc).observe(() => cache.delete(doc))
  }
  cache.set(doc, state)
  return state
}
