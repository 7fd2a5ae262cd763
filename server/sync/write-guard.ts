import * as Y from 'yjs'
import type { Role } from '../../shared/schema/roles.ts'
import { canEdit, canFacilitate } from '../../shared/schema/roles.ts'

export type GuardVerdict = { ok: true } | { ok: false; reason: string }

export interface GuardContext {
  doc: Y.Doc
  role: Role
}

const ELEMENTS = 'elements'
const LOCKED = 'locked'

/**
 * The one check every incoming document update passes before it touches a room. It decodes
 * the update, resolves which element and field each new item and each deletion touches, and
 * refuses the whole update when any part breaks a rule:
 * - viewers write nothing;
 * - editors may not change or delete an element whose `locked` is true, nor set `locked`;
 * - editors may not change the site profile, the analysis settings or the board's meta data.
 * Facilitators and owners may do anything. New rules (votes, facilitation state) go here.
 */
export function checkUpdate(
  ctx: GuardContext,
  update: Uint8Array,
  decoded: ReturnType<typeof Y.decodeUpdate> = Y.decodeUpdate(update),
): GuardVerdict {
  if (!canEdit(ctx.role)) return { ok: false, reason: 'read-only: viewers cannot change the board' }
  if (canFacilitate(ctx.role)) return { ok: true }
  const targets = new TargetResolver(ctx.doc, decoded.structs)
  for (const struct of decoded.structs) {
    if (!(struct instanceof Y.Item)) continue
    const verdict = checkTarget(ctx.doc, targets.ofItem(struct))
    if (!verdict.ok) return verdict
  }
  for (const [client, ranges] of decoded.ds.clients) {
    for (const range of ranges) {
      for (const target of targets.ofDeletedRange(client, range.clock, range.len)) {
        const verdict = checkTarget(ctx.doc, target)
        if (!verdict.ok) return verdict
      }
    }
  }
  return { ok: true }
}

/** What an item or a deletion touches: an element itself, or one field of an element. */
type Target =
  | { kind: 'element'; elementId: string }
  | { kind: 'field'; elementId: string; field: string }
  /** anything in another top-level type (site, settings, meta, …) */
  | { kind: 'root'; name: string }
  | { kind: 'other' }

/**
 * Top-level types only facilitators and owners change: the site profile (REST PATCH is theirs
 * too), the analysis settings and the board's meta data.
 */
const FACILITATOR_TYPES = new Set(['site', 'settings', 'meta'])

function checkTarget(doc: Y.Doc, target: Target): GuardVerdict {
  if (target.kind === 'other') return { ok: true }
  if (target.kind === 'root')
    return FACILITATOR_TYPES.has(target.name)
      ? { ok: false, reason: `only facilitators may change the board's ${target.name}` }
      : { ok: true }
  if (target.kind === 'field' && target.field === LOCKED)
    return { ok: false, reason: `only facilitators may lock or unlock (element ${target.elementId})` }
  if (isLocked(doc, target.elementId)) return { ok: false, reason: `element ${target.elementId} is locked` }
  return { ok: true }
}

function isLocked(doc: Y.Doc, elementId: string): boolean {
  const element = doc.getMap(ELEMENTS).get(elementId)
  return element instanceof Y.Map && element.get(LOCKED) === true
}

type ParentRef = { type: 'root'; name: string } | { type: 'item'; id: Y.ID } | { type: 'unknown' }
/** Where an item sits: its parent type and, in a map, its key. */
interface Place {
  parent: ParentRef
  sub: string | null
}

const UNKNOWN: Place = { parent: { type: 'unknown' }, sub: null }

/**
 * Resolves where decoded structs sit, against the room document and the update's own new
 * items. A decoded item carries its parent (a root type name or the id of the item holding a
 * nested type) and map key only when it has no neighbours; otherwise both are implied by its
 * left or right origin, which may be in the document or earlier in the same update.
 */
class TargetResolver {
  readonly #doc: Y.Doc
  readonly #newItems = new Map<string, Y.Item>()

  constructor(doc: Y.Doc, structs: Array<Y.Item | Y.GC | unknown>) {
    this.#doc = doc
    for (const s of structs) if (s instanceof Y.Item) this.#newItems.set(key(s.id), s)
  }

  ofItem(item: Y.Item): Target {
    return this.#targetOf(this.#placeOf(item, 0))
  }

  *ofDeletedRange(client: number, clock: number, len: number): Generator<Target> {
    const structs = this.#doc.store.clients.get(client)
    const first = structs?.[0]
    const last = structs?.[structs.length - 1]
    if (!structs || !first || !last || clock >= last.id.clock + last.length) return
    const end = clock + len
    for (let index = Y.findIndexSS(structs, Math.max(clock, first.id.clock)); index < structs.length; index++) {
      const s = structs[index]
      if (!s || s.id.clock >= end) break
      if (s instanceof Y.Item && !s.deleted) yield this.#targetOf(this.#placeOf(s, 0))
    }
  }

  #placeOf(item: Y.Item, depth: number): Place {
    const parent = item.parent as unknown
    if (parent instanceof Y.AbstractType) {
      const ref: ParentRef =
        parent._item === null ? { type: 'root', name: Y.findRootTypeKey(parent) } : { type: 'item', id: parent._item.id }
      return { parent: ref, sub: item.parentSub }
    }
    if (typeof parent === 'string') return { parent: { type: 'root', name: parent }, sub: item.parentSub }
    if (parent instanceof Y.ID) return { parent: { type: 'item', id: parent }, sub: item.parentSub }
    if (depth > 256) return UNKNOWN
    const neighbourId = item.origin ?? item.rightOrigin
    const neighbour = neighbourId ? this.#find(neighbourId) : null
    return neighbour ? this.#placeOf(neighbour, depth + 1) : UNKNOWN
  }

  /** An item of the document, or one new in this update. */
  #find(id: Y.ID): Y.Item | null {
    const structs = this.#doc.store.clients.get(id.client)
    const last = structs?.[structs.length - 1]
    if (structs && last && id.clock < last.id.clock + last.length) {
      const s = structs[Y.findIndexSS(structs, id.clock)]
      if (s instanceof Y.Item) return s
    }
    return this.#newItems.get(key(id)) ?? this.#newItemContaining(id)
  }

  /** New items may be runs (several clocks in one struct): find the one that covers `id`. */
  #newItemContaining(id: Y.ID): Y.Item | null {
    for (const item of this.#newItems.values()) {
      if (item.id.client === id.client && item.id.clock <= id.clock && id.clock < item.id.clock + item.length) return item
    }
    return null
  }

  #targetOf(place: Place, depth = 0): Target {
    if (place.parent.type === 'root') {
      if (place.parent.name !== ELEMENTS) return { kind: 'root', name: place.parent.name }
      return place.sub ? { kind: 'element', elementId: place.sub } : { kind: 'other' }
    }
    if (place.parent.type === 'unknown' || depth > 64) return { kind: 'other' }
    // the parent is an item holding a nested type: inside an element, or deeper inside a field
    const holder = this.#find(place.parent.id)
    if (!holder) return { kind: 'other' }
    const outer = this.#targetOf(this.#placeOf(holder, 0), depth + 1)
    if (outer.kind === 'element' && place.sub) return { kind: 'field', elementId: outer.elementId, field: place.sub }
    return outer
  }
}

const key = (id: Y.ID) => `${id.client}:${id.clock}`
