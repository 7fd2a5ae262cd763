import type Konva from 'konva'
import { drawOrder } from '../../../shared/scene/order.ts'
import type { Rect } from '../../../shared/scene/types.ts'
import type { Element } from '../../../shared/schema/elements.ts'
import {
  type Aspect,
  aspectFields,
  changedAspects,
  kindsReadingSettings,
  nearRulesFollowing,
  readsReferenced,
  referencesOf,
  ruleOf,
} from './dependency-rules.ts'
import { SpatialIndex } from './spatial-index.ts'

export interface Entry {
  element: Element
  node?: Konva.Group
  /** the group must be (re)built before it is shown */
  dirty: boolean
  /** pixelRatio of the group's bitmap cache; 0 when not cached */
  cachedAt: number
}

export interface ElementIndexOptions {
  /** The element as drawn now (document geometry with previews applied). */
  effective(id: string): Element | undefined
  /** The rect the spatial index holds for it (its bounds, with a title tab); null: nowhere. */
  indexRectOf(id: string): Rect | null
  /** An entry left the index (deleted, invalid, or of another kind now). */
  onRemoved(id: string, entry: Entry): void
}

const NO_IDS: ReadonlySet<string> = new Set()
const EVERY_ASPECT: ReadonlySet<Aspect> = new Set(Object.keys(aspectFields) as Aspect[])

/**
 * The renderer's elements: one entry each (the document element, its Konva group, whether that
 * is stale), where they are (a spatial index over their index rects), and in which order they are
 * drawn. Applying a change marks the entry and, by the dependency rules (dependency-rules.ts),
 * every entry whose drawing reads what changed.
 */
export class ElementIndex {
  readonly entries = new Map<string, Entry>()
  /** ids whose drawing changed since `takeChanged` */
  readonly changed = new Set<string>()
  private readonly spatial = new SpatialIndex()
  /** referenced id → ids of the elements referring to it (links, uses' zones, phases' refs) */
  private readonly referrers = new Map<string, Set<string>>()
  /** ids whose geometry or look changed since `refreshRects`: their index rect is stale */
  private readonly staleRects = new Set<string>()
  /** ids without an index rect (links with no drawable ends) */
  readonly unplaced = new Set<string>()
  private orderIndex = new Map<string, number>()
  /** ids bottom first (drawOrder) */
  private orderedIds: string[] = []
  /** an element came or its z changed: `applyOrder` has work */
  orderDirty = true

  constructor(private readonly options: ElementIndexOptions) {}

  get(id: string): Entry | undefined {
    return this.entries.get(id)
  }

  /** Ids of the elements referring to `id` (by the kinds' reference fields). */
  referrersOf(id: string): ReadonlySet<string> {
    return this.referrers.get(id) ?? NO_IDS
  }

  get hasStaleRects(): boolean {
    return this.staleRects.size > 0
  }

  // ——— changes ———

  /** The document's element `id` is now `element` (undefined: deleted or invalid). */
  apply(id: string, element: Element | undefined): void {
    const entry = this.entries.get(id)
    if (!element) {
      this.remove(id)
      return
    }
    this.changed.add(id)
    if (entry && entry.element.kind !== element.kind) this.remove(id)
    if (!entry || entry.element.kind !== element.kind) {
      this.add(id, element)
      return
    }
    const before = entry.element
    const aspects = changedAspects(before, element)
    entry.element = element
    this.markDirty(id)
    this.setReferences(id, referencesOf(before), referencesOf(element))
    this.markReaders(id, aspects)
    if (aspects.has('geometry')) this.markNear(id)
    if (before.kind !== 'link' && element.kind !== 'link' && before.z !== element.z) this.orderDirty = true
    this.markReferenced(before, element, aspects)
  }

  /** The drawn geometry of `id` changed without the document (a preview): redraw what shows it. */
  moved(id: string): void {
    if (!this.entries.has(id)) return
    this.markDirty(id)
    this.markReaders(id, new Set(['geometry']))
    this.markNear(id)
  }

  /** Settings `keys` changed: redraw the kinds reading them. Returns whether any entry did. */
  settingsChanged(keys: ReadonlySet<string>): boolean {
    const kinds = kindsReadingSettings(keys)
    if (kinds.size === 0) return false
    for (const [id, entry] of this.entries) if (kinds.has(entry.element.kind)) this.markDirty(id)
    return true
  }

  markDirty(id: string): void {
    const entry = this.entries.get(id)
    if (!entry) return
    entry.dirty = true
    this.staleRects.add(id)
  }

  /** The ids whose drawing changed since the last call. */
  takeChanged(): Set<string> {
    const batch = new Set(this.changed)
    this.changed.clear()
    return batch
  }

  private add(id: string, element: Element): void {
    this.entries.set(id, { element, dirty: true, cachedAt: 0 })
    this.staleRects.add(id)
    this.setReferences(id, [], referencesOf(element))
    this.markReaders(id, EVERY_ASPECT)
    this.markNear(id)
    this.markReferenced(undefined, element, EVERY_ASPECT)
    this.orderDirty = true
  }

  private remove(id: string): void {
    const entry = this.entries.get(id)
    if (!entry) return
    this.markNear(id)
    this.entries.delete(id)
    this.setReferences(id, referencesOf(entry.element), [])
    this.spatial.delete(id)
    this.staleRects.delete(id)
    this.unplaced.delete(id)
    this.orderIndex.delete(id)
    this.options.onRemoved(id, entry)
    this.markReferenced(entry.element, undefined, EVERY_ASPECT)
    this.markReaders(id, EVERY_ASPECT)
    this.changed.add(id)
  }

  private setReferences(id: string, before: readonly string[], after: readonly string[]): void {
    for (const ref of before) {
      const set = this.referrers.get(ref)
      set?.delete(id)
      if (set && set.size === 0) this.referrers.delete(ref)
    }
    for (const ref of after) {
      let set = this.referrers.get(ref)
      if (!set) {
        set = new Set()
        this.referrers.set(ref, set)
      }
      set.add(id)
    }
  }

  /** The elements referring to `id` redraw if they read one of `aspects` of it. */
  private markReaders(id: string, aspects: ReadonlySet<Aspect>): void {
    for (const reader of this.referrers.get(id) ?? []) {
      const kind = this.entries.get(reader)?.element.kind
      if (kind && readsReferenced(kind, aspects)) this.markDirty(reader)
    }
  }

  /**
   * Elements an element refers to, whose drawing reads the elements referring to them (a zone its
   * uses): they redraw when the reference appears, goes or moves, or such an aspect changes.
   */
  private markReferenced(before: Element | undefined, after: Element | undefined, aspects: ReadonlySet<Aspect>): void {
    const element = after ?? before
    const read = element && ruleOf(element.kind)?.referencedReads
    if (!read || read.length === 0) return
    const refsBefore = before ? referencesOf(before) : []
    const refsAfter = after ? referencesOf(after) : []
    const refsChanged = refsBefore.length !== refsAfter.length || refsBefore.some((ref, i) => ref !== refsAfter[i])
    if (!refsChanged && !read.some((aspect) => aspects.has(aspect))) return
    for (const ref of [...refsBefore, ...refsAfter]) this.markDirty(ref)
  }

  /**
   * An element appeared, went or moved: the elements around its old and new place whose
   * drawing keeps clear of it (`near` rules: link labels beside cards) redraw.
   */
  private markNear(id: string): void {
    const element = this.options.effective(id)
    const rules = element ? nearRulesFollowing(element.kind) : []
    if (rules.length === 0) return
    const rects = [
      this.spatial.rectOf(id),
      element && element.kind !== 'link' ? { x: element.x, y: element.y, width: element.w, height: element.h } : undefined,
    ]
    for (const { kind, margin } of rules) {
      for (const rect of rects) {
        if (!rect) continue
        const around = {
          x: rect.x - margin.x,
          y: rect.y - margin.y,
          width: rect.width + 2 * margin.x,
          height: rect.height + 2 * margin.y,
        }
        for (const near of this.spatial.query(around)) if (this.entries.get(near)?.element.kind === kind) this.markDirty(near)
      }
    }
  }

  // ——— where ———

  /** Brings the index rects of what changed up to date; returns the ids refreshed (none: empty). */
  refreshRects(): string[] {
    if (this.staleRects.size === 0) return []
    const ids = [...this.staleRects]
    for (const id of ids) {
      const rect = this.options.indexRectOf(id)
      this.spatial.set(id, rect)
      if (rect) this.unplaced.delete(id)
      else this.unplaced.add(id)
    }
    this.staleRects.clear()
    return ids
  }

  get size(): number {
    return this.spatial.size
  }

  rectOf(id: string): Rect | undefined {
    return this.spatial.rectOf(id)
  }

  /** Ids whose index rects meet `rect`. */
  query(rect: Rect): Set<string> {
    return this.spatial.query(rect)
  }

  // ——— order ———

  /** Ids bottom first, as of the last `applyOrder`. */
  get ordered(): readonly string[] {
    return this.orderedIds
  }

  /** Position in the draw order (-1: unknown). */
  orderOf(id: string): number {
    return this.orderIndex.get(id) ?? -1
  }

  /** Recomputes the draw order; returns whether the sequence of ids changed. */
  applyOrder(): boolean {
    const ids = drawOrder([...this.entries.values()].map((entry) => entry.element)).map((element) => element.id)
    const changed = ids.length !== this.orderedIds.length || ids.some((id, i) => id !== this.orderedIds[i])
    this.orderedIds = ids
    this.orderIndex = new Map(ids.map((id, position) => [id, position]))
    return changed
  }

  /** Sorts `ids` by draw order, bottom first. */
  sortByOrder(ids: Iterable<string>): string[] {
    return [...ids].sort((a, b) => (this.orderIndex.get(a) ?? 0) - (this.orderIndex.get(b) ?? 0))
  }
}
