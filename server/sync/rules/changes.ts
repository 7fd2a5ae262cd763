import * as Y from 'yjs'

/**
 * An incoming Yjs update as the rules see it: what it sets and deletes, by path, before it is
 * applied. Paths: `elements/<id>` (the element entry), `elements/<id>/<field>`, deeper
 * segments for anything nested inside a field, `<map>/<key>` for the other top-level maps,
 * and `<root>` alone for content of a top-level type that is not a map.
 */
export interface Change {
  op: 'set' | 'delete'
  path: readonly string[]
  /** for a set: the plain value, or a marker for anything that is not a plain value */
  value: unknown
}

/** A value that is not plain JSON: a nested Yjs type, a subdocument, text or binary content. */
export class NonPlainValue {
  constructor(readonly what: string) {}
}

export interface UpdateChanges {
  changes: Change[]
  /** the Yjs client ids the update writes new structs under (what it would add, not what the doc has) */
  writers: Set<number>
  /** deletions of content neither the document nor the update holds */
  unseenDeletes: number
  /** new items whose place (parent) neither the document nor the update tells */
  unplaceable: number
  /**
   * clients whose new structs do not follow on from what the document holds (earlier clocks
   * missing: an update the server did not apply, e.g. one sent while the sender was a viewer)
   */
  gaps: number
}

type Decoded = ReturnType<typeof Y.decodeUpdate>

/** Where an item sits: the path of its parent, and its key in a map (null in a list). */
type Place = { parent: readonly string[]; sub: string | null } | null

/** The place of an item Yjs will integrate as garbage. */
const GARBAGE_PLACE = Object.freeze({ parent: ['#garbage'], sub: null }) as Place

/**
 * The path of an item that Yjs will integrate as garbage (a neighbour or its parent was
 * garbage-collected: it was deleted meanwhile). Such an item changes nothing.
 */
export const GARBAGE: readonly string[] = Object.freeze(['#garbage'])

/** How deep a resolver follows parents (the contract's layout is 3 deep; deeper is refused anyway). */
const MAX_DEPTH = 64

/** Reads a decoded update against the document it is about to be applied to. Never throws on hostile input. */
export function describeUpdate(doc: Y.Doc, decoded: Decoded): UpdateChanges {
  const resolver = new PlaceResolver(doc, decoded.structs)
  const result: UpdateChanges = { changes: [], writers: new Set(), unseenDeletes: 0, unplaceable: 0, gaps: 0 }
  /** for each client: the clock its next new struct must start at to follow on */
  const expected = new Map<number, number>()
  /** for each client: the end of what the document and the update hold together */
  const known = new Map<number, number>()
  for (const struct of decoded.structs) {
    if (struct instanceof Y.Skip) continue
    const client = struct.id.client
    const end = struct.id.clock + struct.length
    const state = Y.getState(doc.store, client)
    known.set(client, Math.max(known.get(client) ?? state, end))
    // content the document already holds is skipped by Yjs on apply: nothing to judge
    if (end <= state) continue
    const next = expected.get(client) ?? state
    if (struct.id.clock > next) result.gaps++
    expected.set(client, Math.max(next, end))
    result.writers.add(client)
    if (!(struct instanceof Y.Item)) continue
    const path = resolver.refersAhead(struct) ? null : resolver.pathOf(struct)
    // a struct that starts inside what the document holds is cut by Yjs, and its remainder
    // placed after the client's own last item there: that must be where the struct says it is
    if (!path || (struct.id.clock < state && !resolver.samePlaceAsPrevious(struct, state, path))) {
      result.unplaceable++
      continue
    }
    if (path === GARBAGE) continue
    // an item whose content is already deleted still takes its key in a map: integrating it
    // deletes the value there, so it is judged as a deletion of that path
    if (struct.content instanceof Y.ContentDeleted) result.changes.push({ op: 'delete', path, value: undefined })
    else result.changes.push({ op: 'set', path, value: plainValue(struct) })
  }
  for (const [client, ranges] of decoded.ds.clients) {
    const held = known.get(client) ?? Y.getState(doc.store, client)
    // ranges as sent may repeat or overlap: each clock is judged once
    for (const range of mergedRanges(ranges)) {
      if (range.clock + range.len > held) result.unseenDeletes++
      for (const item of resolver.existingItems(client, range.clock, range.len)) {
        const path = resolver.pathOf(item)
        if (path === GARBAGE) continue
        if (path) result.changes.push({ op: 'delete', path, value: undefined })
        else result.unplaceable++
      }
    }
  }
  return result
}

/** Delete ranges sorted by clock, overlapping and touching ones merged. */
function mergedRanges(ranges: ReadonlyArray<{ clock: number; len: number }>): Array<{ clock: number; len: number }> {
  const sorted = [...ranges].sort((a, b) => a.clock - b.clock)
  const merged: Array<{ clock: number; len: number }> = []
  for (const range of sorted) {
    const last = merged[merged.length - 1]
    if (last && range.clock <= last.clock + last.len) last.len = Math.max(last.len, range.clock + range.len - last.clock)
    else merged.push({ clock: range.clock, len: range.len })
  }
  return merged
}

function plainValue(item: Y.Item): unknown {
  const content = item.content
  if (content instanceof Y.ContentAny) {
    const values = content.getContent()
    return values.length === 1 ? values[0] : new NonPlainValue('several values')
  }
  if (content instanceof Y.ContentType) return new NonPlainValue(content.type.constructor.name)
  return new NonPlainValue(content.constructor.name)
}

/**
 * Resolves where structs sit, against the document and the update's own new items. A decoded
 * item carries its parent (a root name or the id of the item holding a nested type) and map
 * key only when it has no neighbours; otherwise both are implied by its left or right origin,
 * which may be in the document or earlier in the same update. Results are memoised, so long
 * chains of origins (a field set many times offline) resolve in linear time.
 */
class PlaceResolver {
  readonly #doc: Y.Doc
  /** new items by client, sorted by clock (decodeUpdate yields them so) */
  readonly #newItems = new Map<number, Y.Item[]>()
  readonly #places = new Map<Y.Item, Place>()
  readonly #paths = new Map<Y.Item, readonly string[] | null>()

  constructor(doc: Y.Doc, structs: Decoded['structs']) {
    this.#doc = doc
    for (const s of structs) {
      if (!(s instanceof Y.Item)) continue
      const list = this.#newItems.get(s.id.client)
      if (list) list.push(s)
      else this.#newItems.set(s.id.client, [s])
    }
  }

  /** The items of the document in a deleted range that are not deleted yet. */
  *existingItems(client: number, clock: number, len: number): Generator<Y.Item> {
    const structs = this.#doc.store.clients.get(client)
    const first = structs?.[0]
    const last = structs?.[structs.length - 1]
    if (!structs || !first || !last || clock >= last.id.clock + last.length) return
    const end = clock + len
    for (let index = Y.findIndexSS(structs, Math.max(clock, first.id.clock)); index < structs.length; index++) {
      const s = structs[index]
      if (!s || s.id.clock >= end) break
      if (s instanceof Y.Item && !s.deleted) yield s
    }
  }

  /**
   * True when the item names a neighbour or parent of its own client at its own clock or later
   * (Yjs integrates a client's structs in clock order and checks only other clients' for missing
   * dependencies: such an item makes the apply throw half-way).
   */
  refersAhead(item: Y.Item): boolean {
    for (const ref of [item.origin, item.rightOrigin, item.parent instanceof Y.ID ? item.parent : null]) {
      if (ref && ref.client === item.id.client && ref.clock >= item.id.clock) return true
    }
    return false
  }

  /**
   * For a struct that starts before the document's state of its client (`state`): whether its
   * path is that of the client's own item just before `state`, where Yjs will put the rest.
   */
  samePlaceAsPrevious(item: Y.Item, state: number, path: readonly string[]): boolean {
    const previous = this.#find(Y.createID(item.id.client, state - 1))
    if (!(previous instanceof Y.Item)) return false
    const previousPath = this.pathOf(previous)
    return previousPath !== null && previousPath.length === path.length && previousPath.every((segment, i) => segment === path[i])
  }

  /** The item's path (its parent's path and its key), GARBAGE, or null when it cannot be placed. */
  pathOf(item: Y.Item, depth = 0): readonly string[] | null {
    const cached = this.#paths.get(item)
    if (cached !== undefined) return cached
    if (depth > MAX_DEPTH) return null
    const place = this.#placeOf(item, depth)
    let path: readonly string[] | null = null
    if (place === GARBAGE_PLACE) path = GARBAGE
    else if (place) path = place.sub === null ? [...place.parent, '#'] : [...place.parent, place.sub]
    this.#paths.set(item, path)
    return path
  }

  /** `depth`: how many parents deep the item is nested (not how long its chain of neighbours is). */
  #placeOf(start: Y.Item, depth: number): Place {
    // follow origins iteratively until an item that knows its parent
    const chain: Y.Item[] = []
    let item: Y.Item | null = start
    let place: Place | undefined
    while (item) {
      const cached = this.#places.get(item)
      if (cached !== undefined) {
        place = cached
        break
      }
      chain.push(item)
      if (this.#nextToGarbage(item)) {
        place = GARBAGE_PLACE
        break
      }
      const direct = this.#directPlace(item, depth)
      if (direct !== undefined) {
        place = direct
        break
      }
      const neighbourId: Y.ID | null = item.origin ?? item.rightOrigin
      const neighbour: Y.Item | Y.GC | null = neighbourId ? this.#find(neighbourId) : null
      item = neighbour instanceof Y.Item ? neighbour : null
      if (chain.length > 100_000) break
    }
    const resolved = place ?? null
    for (const visited of chain) {
      // a neighbour's place is the same parent; the key of a map entry is its own (parentSub)
      const own =
        resolved === GARBAGE_PLACE || !resolved ? resolved : { parent: resolved.parent, sub: visited.parentSub ?? resolved.sub }
      this.#places.set(visited, own)
    }
    return this.#places.get(start) ?? null
  }

  /** Yjs integrates an item as garbage when a neighbour or its parent is garbage-collected in the document. */
  #nextToGarbage(item: Y.Item): boolean {
    for (const ref of [item.origin, item.rightOrigin, item.parent instanceof Y.ID ? item.parent : null]) {
      if (ref && this.#find(ref) instanceof Y.GC) return true
    }
    return false
  }

  /** The place an item states itself (integrated items and items without neighbours); undefined: ask a neighbour. */
  #directPlace(item: Y.Item, depth: number): Place | undefined {
    const parent = item.parent as unknown
    if (parent instanceof Y.AbstractType) {
      if (parent._item === null) return { parent: [Y.findRootTypeKey(parent)], sub: item.parentSub }
      const holderPath = this.pathOf(parent._item, depth + 1)
      if (holderPath === GARBAGE) return GARBAGE_PLACE
      return holderPath ? { parent: holderPath, sub: item.parentSub } : null
    }
    if (typeof parent === 'string') return { parent: [parent], sub: item.parentSub }
    if (parent instanceof Y.ID) {
      const holder = this.#find(parent)
      // a parent that holds no type (deleted and collected meanwhile, or a plain value): Yjs
      // integrates the item as garbage
      if (holder instanceof Y.Item && !(holder.content instanceof Y.ContentType)) return GARBAGE_PLACE
      const holderPath = holder instanceof Y.Item ? this.pathOf(holder, depth + 1) : null
      if (holderPath === GARBAGE) return GARBAGE_PLACE
      return holderPath ? { parent: holderPath, sub: item.parentSub } : null
    }
    return undefined
  }

  /** An item of the document, or one new in this update (runs may cover several clocks). */
  #find(id: Y.ID): Y.Item | Y.GC | null {
    const structs = this.#doc.store.clients.get(id.client)
    const last = structs?.[structs.length - 1]
    if (structs && last && id.clock < last.id.clock + last.length) {
      const s = structs[Y.findIndexSS(structs, id.clock)]
      return s instanceof Y.Item || s instanceof Y.GC ? s : null
    }
    const list = this.#newItems.get(id.client)
    if (!list) return null
    let lo = 0
    let hi = list.length - 1
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      const item = list[mid] as Y.Item
      if (id.clock < item.id.clock) hi = mid - 1
      else if (id.clock >= item.id.clock + item.length) lo = mid + 1
      else return item
    }
    return null
  }
}
