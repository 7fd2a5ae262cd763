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
    known.set(client, Math.max(known.get(client) ?? Y.getState(doc.store, client), end))
    // content the document already holds is skipped by Yjs on apply: nothing to judge
    if (end <= Y.getState(doc.store, client)) continue
    const next = expected.get(client) ?? Y.getState(doc.store, client)
    if (struct.id.clock > next) result.gaps++
    expected.set(client, Math.max(next, end))
    result.writers.add(client)
    if (!(struct instanceof Y.Item)) continue
    if (struct.content instanceof Y.ContentDeleted) continue
    const path = resolver.pathOf(struct)
    if (!path) {
      result.unplaceable++
      continue
    }
    result.changes.push({ op: 'set', path, value: plainValue(struct) })
  }
  for (const [client, ranges] of decoded.ds.clients) {
    const held = known.get(client) ?? Y.getState(doc.store, client)
    for (const range of ranges) {
      if (range.clock + range.len > held) result.unseenDeletes++
      for (const item of resolver.existingItems(client, range.clock, range.len)) {
        const path = resolver.pathOf(item)
        if (path) result.changes.push({ op: 'delete', path, value: undefined })
        else result.unplaceable++
      }
    }
  }
  return result
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

  /** The item's path (its parent's path and its key), or null when it cannot be placed. */
  pathOf(item: Y.Item, depth = 0): readonly string[] | null {
    const cached = this.#paths.get(item)
    if (cached !== undefined) return cached
    if (depth > MAX_DEPTH) return null
    const place = this.#placeOf(item)
    let path: readonly string[] | null = null
    if (place) path = place.sub === null ? [...place.parent, '#'] : [...place.parent, place.sub]
    this.#paths.set(item, path)
    return path
  }

  #placeOf(start: Y.Item): Place {
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
      const direct = this.#directPlace(item, chain.length)
      if (direct !== undefined) {
        place = direct
        break
      }
      const neighbourId: Y.ID | null = item.origin ?? item.rightOrigin
      item = neighbourId ? this.#find(neighbourId) : null
      if (chain.length > 100_000) break
    }
    const resolved = place ?? null
    // a neighbour's place is the same parent; the key of a map entry is its own (parentSub)
    for (const visited of chain)
      this.#places.set(visited, resolved && { parent: resolved.parent, sub: visited.parentSub ?? resolved.sub })
    const own = this.#places.get(start) ?? null
    return own
  }

  /** The place an item states itself (integrated items and items without neighbours); undefined: ask a neighbour. */
  #directPlace(item: Y.Item, depth: number): Place | undefined {
    const parent = item.parent as unknown
    if (parent instanceof Y.AbstractType) {
      if (parent._item === null) return { parent: [Y.findRootTypeKey(parent)], sub: item.parentSub }
      const holderPath = this.pathOf(parent._item, depth + 1)
      return holderPath ? { parent: holderPath, sub: item.parentSub } : null
    }
    if (typeof parent === 'string') return { parent: [parent], sub: item.parentSub }
    if (parent instanceof Y.ID) {
      const holder = this.#find(parent)
      const holderPath = holder ? this.pathOf(holder, depth + 1) : null
      return holderPath ? { parent: holderPath, sub: item.parentSub } : null
    }
    return undefined
  }

  /** An item of the document, or one new in this update (runs may cover several clocks). */
  #find(id: Y.ID): Y.Item | null {
    const structs = this.#doc.store.clients.get(id.client)
    const last = structs?.[structs.length - 1]
    if (structs && last && id.clock < last.id.clock + last.length) {
      const s = structs[Y.findIndexSS(structs, id.clock)]
      return s instanceof Y.Item ? s : null
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
