import Konva from 'konva'
import type * as Y from 'yjs'
import type { MessageKey, Translator } from '../../../shared/i18n/index.ts'
import { buildElementScene } from '../../../shared/scene/build.ts'
import { contains, edgePoint, linkEndpoints } from '../../../shared/scene/geometry.ts'
import { FRAME_TAB_H } from '../../../shared/scene/kinds/frame.ts'
import { ZONE_TAB_H } from '../../../shared/scene/kinds/zone.ts'
import { drawOrder, isContainerKind } from '../../../shared/scene/order.ts'
import { createTimeline, snapPhaseBox, type Timeline } from '../../../shared/scene/timeline.ts'
import type { Box, Rect, SceneContext, SceneTranslate } from '../../../shared/scene/types.ts'
import { readElement } from '../../../shared/schema/convert.ts'
import type { Element } from '../../../shared/schema/elements.ts'
import { getElements, getSettings } from '../../../shared/schema/layout.ts'
import { createHighlights, type HighlightKind } from './highlights.ts'
import { createImageLoader } from './image-loader.ts'
import {
  batchLodOps,
  createLodPainter,
  LOD_ENTER_SCALE,
  LOD_LEAVE_COUNT_FACTOR,
  LOD_LEAVE_SCALE,
  LOD_MIN_ELEMENTS,
  type LodBatch,
  type LodOp,
  lodOpsOf,
} from './level-of-detail.ts'
import { createKonvaNode, patchKonvaNode } from './reconcile.ts'
import { SpatialIndex } from './spatial-index.ts'

export type { Rect } from '../../../shared/scene/types.ts'
export type { HighlightKind } from './highlights.ts'

/** Temporary geometry of an element (a drag or resize in progress), in board coordinates. */
export type PreviewGeometry = { x?: number; y?: number; w?: number; h?: number }

export interface BoardRendererOptions {
  doc: Y.Doc
  t: Translator<MessageKey>
  locale: string
  /** Which `labels[lang]` to show; defaults to the locale's language. */
  lang?: string
  fontFamily?: string
  /**
   * Cache element groups as bitmaps while zoomed out (scale ≤ `cacheMaxScale`), where
   * drawing many small texts dominates a frame. Default true in a browser.
   */
  cache?: boolean
  cacheMaxScale?: number
  /**
   * Level of detail (level-of-detail.ts): zoomed out below `LOD_ENTER_SCALE`, draw every
   * visible element as plain shapes in one Konva shape instead of one group per element, and
   * build no groups until zoomed in again. Default true in a browser. Pass false where every
   * element's group must exist and be styled individually (diff ghosts).
   */
  levelOfDetail?: boolean
  /**
   * Draw zoomed out with LOD only when at least this many elements are in view (with margin);
   * fewer are drawn in full at any zoom. Default `LOD_MIN_ELEMENTS`.
   */
  lodMinElements?: number
}

export interface BoardRenderer {
  /** Element nodes; the stage adds it. Its last child is the highlight overlay. */
  readonly layer: Konva.Layer
  /** The element's group, built on demand if it was culled so far; undefined for unknown ids. */
  nodeOf(id: string): Konva.Group | undefined
  /** The element id of the group `node` belongs to (walking up to the group named `element`). */
  elementIdOf(node: Konva.Node | null): string | null
  /** The visible board area; elements outside it (with a margin) are hidden and not rebuilt. */
  setViewport(rect: Rect): void
  /** Temporary geometry from one source (own drag, a peer's drag); an empty map clears the source. */
  setPreview(source: string, overrides: ReadonlyMap<string, PreviewGeometry>): void
  /** Document geometry with previews applied; a link's bounds are its arrow's. */
  boundsOf(id: string): Rect | null
  /** Ids of the elements fully inside `rect` (marquee selection). */
  elementsIn(rect: Rect): string[]
  /** The topmost element at `point`, or null. */
  elementAt(point: { x: number; y: number }): string | null
  /**
   * Outlines `ids` in the style of `kind` (replacing that kind's previous ids). With `kind`
   * null, removes the outlines of `ids`, or of everything when `ids` is empty.
   */
  setHighlight(ids: readonly string[], kind: HighlightKind | null): void
  /** Called after each render batch with the ids whose drawing changed. Returns an unsubscribe. */
  onChange(cb: (changedIds: ReadonlySet<string>) => void): () => void
  /** Renders pending changes now instead of at the next animation frame (tests, exports). */
  flush(): void
  /**
   * Whether the board is drawn zoomed out (level of detail), and the batches it draws then,
   * bottom first (tests, diagnostics).
   */
  levelOfDetail(): { active: boolean; batches: readonly LodBatch[] }
  destroy(): void
}

interface Entry {
  element: Element
  node?: Konva.Group
  /** the group must be (re)built before it is shown */
  dirty: boolean
  /** pixelRatio of the group's bitmap cache; 0 when not cached */
  cachedAt: number
}

const GEOMETRY = ['x', 'y', 'w', 'h'] as const

const referencesOf = (element: Element): string[] => {
  switch (element.kind) {
    case 'link':
      return [element.from, element.to]
    case 'use':
      return element.zone === undefined ? [] : [element.zone]
    case 'phase':
      return element.refs ?? []
    default:
      return []
  }
}

const sameGeometry = (a: Element, b: Element): boolean =>
  a.kind === 'link' || b.kind === 'link' ? a.kind === b.kind : GEOMETRY.every((key) => a[key] === b[key])

const sameLabel = (a: Element, b: Element): boolean =>
  a.kind === b.kind && a.label === b.label && JSON.stringify(a.labels ?? null) === JSON.stringify(b.labels ?? null)

const boxOfElement = (element: Element | undefined): Box | undefined =>
  element && element.kind !== 'link' ? { x: element.x, y: element.y, w: element.w, h: element.h } : undefined

/**
 * The Konva binding of a board: one layer whose element groups follow the Y.Doc incrementally.
 * Changes are collected per transaction and rendered once per animation frame: only changed
 * elements are rebuilt (through the scene builder and the patching reconciler), plus the links
 * attached to moved or resized boxes, the uses and phases that show a changed element's name,
 * and the zones whose planned area changed. Elements outside the viewport are hidden and rebuilt
 * only when they come into view. Malformed entries are skipped, never fatal.
 */
export function createBoardRenderer(options: BoardRendererOptions): BoardRenderer {
  const { doc } = options
  const elementsMap = getElements(doc)
  const settingsMap = getSettings(doc)
  // Hit testing goes through the spatial index (elementAt, elementsIn): no hit canvas to redraw.
  const layer = new Konva.Layer({ listening: false })
  const lodShape = new Konva.Shape({
    name: 'level-of-detail',
    listening: false,
    perfectDrawEnabled: false,
    visible: false,
    sceneFunc: (context) => {
      const native = (context as unknown as { _context: CanvasRenderingContext2D })._context
      lodPainter.paint(native, lodBatches, lodVersion, lodCoversAll ? null : lodRegion, (src) => images.picture(src))
    },
  })
  layer.add(lodShape)
  const highlights = createHighlights(layer)
  const index = new SpatialIndex()
  const entries = new Map<string, Entry>()
  /** referenced id → ids of the elements referring to it (links, uses' zones, phases' refs) */
  const dependents = new Map<string, Set<string>>()
  const previews = new Map<string, ReadonlyMap<string, PreviewGeometry>>()
  const listeners = new Set<(changed: ReadonlySet<string>) => void>()
  const pendingDoc = new Set<string>()
  const changed = new Set<string>()
  const orderIndex = new Map<string, number>()
  /** ids bottom first (drawOrder) */
  let ordered: string[] = []
  /** ids whose geometry or look changed since the last flush: their index rect and LOD operations are stale */
  const pendingIndex = new Set<string>()
  /** ids without an index rect (links with no drawable ends) */
  const unplaced = new Set<string>()
  let shown = new Set<string>()
  let viewport: Rect | null = null
  let orderDirty = true
  let scheduled = false
  let frame: number | null = null
  let destroyed = false
  let timeline: Timeline = createTimeline(settingsMap.get('timelineOrigin'))
  const useCache = options.cache ?? typeof window !== 'undefined'
  const cacheMaxScale = options.cacheMaxScale ?? 0.75
  const lodEnabled = options.levelOfDetail ?? typeof window !== 'undefined'
  let lodActive = false
  /** LOD operations per element, bottom first (effective geometry) */
  const lodOps = new Map<string, LodOp[]>()
  let lodBatches: LodBatch[] = []
  let lodDirty = true
  /** the board area the batches were made for; null: everything */
  let lodRegion: Rect | null = null
  /** the batches hold every element (a fitted board): moving the view needs no new ones */
  let lodCoversAll = false
  const lodMinElements = options.lodMinElements ?? LOD_MIN_ELEMENTS
  /** elements in view when the mode was last decided, and at which scale */
  let lodCount = 0
  let lodCountScale = 0
  /** changes whenever what the LOD drawing shows changes (its bitmap is then stale) */
  let lodVersion = 0
  const lodPainter = createLodPainter(() => Konva.Util.createCanvasElement())

  const images = createImageLoader(
    (node) => {
      const id = elementIdOf(node)
      const entry = id ? entries.get(id) : undefined
      if (entry?.cachedAt) cacheEntry(entry, true)
      layer.batchDraw()
    },
    () => {
      lodVersion++
      if (lodActive) layer.batchDraw()
    },
  )

  // ——— effective (previewed) elements ———

  function previewOf(id: string): PreviewGeometry | undefined {
    let merged: PreviewGeometry | undefined
    for (const overrides of previews.values()) {
      const preview = overrides.get(id)
      if (preview) merged = { ...merged, ...preview }
    }
    return merged
  }

  function effective(id: string): Element | undefined {
    const element = entries.get(id)?.element
    if (!element || element.kind === 'link') return element
    const preview = previewOf(id)
    if (!preview) return element
    const w = preview.w !== undefined && preview.w > 0 ? preview.w : element.w
    const h = preview.h !== undefined && preview.h > 0 ? preview.h : element.h
    const x = preview.x ?? element.x
    if (element.kind === 'phase') {
      // a phase being dragged or resized shows where it lands and the months it will get
      const snapped = snapPhaseBox({ x, w }, timeline)
      return { ...element, x: snapped.x, y: preview.y ?? element.y, w: snapped.w, h, start: snapped.start, end: snapped.end }
    }
    return { ...element, x, y: preview.y ?? element.y, w, h }
  }

  function plannedAreaOf(zoneId: string): number | undefined {
    let total: number | undefined
    for (const id of dependents.get(zoneId) ?? []) {
      const element = entries.get(id)?.element
      if (element?.kind === 'use' && element.zone === zoneId) total = (total ?? 0) + (element.areaM2 ?? 0)
    }
    return total
  }

  /** The cards (not containers, not links) meeting `rect`: link labels are put beside them. */
  function cardsNear(rect: Rect): Box[] {
    const out: Box[] = []
    for (const id of index.query(rect)) {
      const element = effective(id)
      if (element && element.kind !== 'link' && !isContainerKind(element.kind))
        out.push({ x: element.x, y: element.y, w: element.w, h: element.h })
    }
    return out
  }

  /**
   * A card moved, appeared or went: the links around its old and new place re-render, since
   * their labels keep clear of cards (`cardsNear`). Labels sit at most about a plate's width
   * beside their arrow, whose bounds the index holds.
   */
  function markLinksNear(id: string): void {
    const element = effective(id)
    if (element && (element.kind === 'link' || isContainerKind(element.kind))) return
    const rects = [index.rectOf(id), element ? { x: element.x, y: element.y, width: element.w, height: element.h } : undefined]
    for (const rect of rects) {
      if (!rect) continue
      const around = { x: rect.x - 200, y: rect.y - 80, width: rect.width + 400, height: rect.height + 160 }
      for (const near of index.query(around)) if (entries.get(near)?.element.kind === 'link') markDirty(near)
    }
  }

  const ctx: SceneContext = {
    t: options.t as unknown as SceneTranslate,
    elementsById: effective,
    get timeline() {
      return timeline
    },
    locale: options.locale,
    plannedAreaOf,
    cardsNear,
    ...(options.lang ? { lang: options.lang } : {}),
    ...(options.fontFamily ? { fontFamily: options.fontFamily } : {}),
  }

  // ——— bounds ———

  function linkRect(element: Element & { kind: 'link' }): Rect | null {
    const from = boxOfElement(effective(element.from))
    const to = boxOfElement(effective(element.to))
    if (from && to) {
      const ends = linkEndpoints(from, to)
      if (!ends) return null
      const x = Math.min(ends.start.x, ends.end.x)
      const y = Math.min(ends.start.y, ends.end.y)
      return { x, y, width: Math.abs(ends.end.x - ends.start.x), height: Math.abs(ends.end.y - ends.start.y) }
    }
    const box = from ?? to
    if (!box) return null
    // the dangling stub runs up and to the right of the existing end, with its warning plate
    const start = edgePoint(box, { x: box.x + box.w / 2 + 1000, y: box.y + box.h / 2 - 1000 })
    return { x: start.x, y: start.y - 60, width: 260, height: 60 }
  }

  function boundsOf(id: string): Rect | null {
    const element = effective(id)
    if (!element) return null
    if (element.kind === 'link') return linkRect(element)
    return { x: element.x, y: element.y, width: element.w, height: element.h }
  }

  /** What the index holds: the bounds, with a frame's or zone's title tab. */
  function indexRect(id: string): Rect | null {
    const element = effective(id)
    const bounds = boundsOf(id)
    if (!bounds || !element) return null
    // frames and zones are named on a tab above their top edge, which takes clicks too
    const tab = element.kind === 'frame' ? FRAME_TAB_H : element.kind === 'zone' ? ZONE_TAB_H : 0
    return tab > 0 ? { ...bounds, y: bounds.y - tab, height: bounds.height + tab } : bounds
  }

  // ——— document → entries ———

  function setReferences(id: string, before: readonly string[], after: readonly string[]): void {
    for (const ref of before) {
      const set = dependents.get(ref)
      set?.delete(id)
      if (set && set.size === 0) dependents.delete(ref)
    }
    for (const ref of after) {
      let set = dependents.get(ref)
      if (!set) {
        set = new Set()
        dependents.set(ref, set)
      }
      set.add(id)
    }
  }

  function markDirty(id: string): void {
    const entry = entries.get(id)
    if (!entry) return
    entry.dirty = true
    pendingIndex.add(id)
  }

  /** Re-renders what shows `id`: links when it moved, names when its label changed. */
  function markDependents(id: string, what: { geometry: boolean; label: boolean }): void {
    for (const dependent of dependents.get(id) ?? []) {
      const kind = entries.get(dependent)?.element.kind
      if (kind === 'link' ? what.geometry : what.label) markDirty(dependent)
    }
  }

  function removeEntry(id: string): void {
    const entry = entries.get(id)
    if (!entry) return
    markLinksNear(id)
    entries.delete(id)
    setReferences(id, referencesOf(entry.element), [])
    entry.node?.destroy()
    index.delete(id)
    pendingIndex.delete(id)
    unplaced.delete(id)
    lodOps.delete(id)
    lodDirty = true
    shown.delete(id)
    orderIndex.delete(id)
    if (entry.element.kind === 'use' && entry.element.zone) markDirty(entry.element.zone)
    markDependents(id, { geometry: true, label: true })
    changed.add(id)
  }

  function readPending(): void {
    for (const id of pendingDoc) {
      const read = readElement(elementsMap.get(id), id)
      if (!read.ok) {
        // deleted, or not (any more) a valid element: nothing to draw
        removeEntry(id)
        continue
      }
      const element = read.value
      const entry = entries.get(id)
      changed.add(id)
      if (!entry) {
        entries.set(id, { element, dirty: true, cachedAt: 0 })
        pendingIndex.add(id)
        setReferences(id, [], referencesOf(element))
        markDependents(id, { geometry: true, label: true })
        markLinksNear(id)
        if (element.kind === 'use' && element.zone) markDirty(element.zone)
        orderDirty = true
        continue
      }
      const before = entry.element
      if (before.kind !== element.kind) {
        removeEntry(id)
        pendingDoc.delete(id)
        entries.set(id, { element, dirty: true, cachedAt: 0 })
        pendingIndex.add(id)
        setReferences(id, [], referencesOf(element))
        markDependents(id, { geometry: true, label: true })
        orderDirty = true
        continue
      }
      const moved = !sameGeometry(before, element)
      entry.element = element
      markDirty(id)
      setReferences(id, referencesOf(before), referencesOf(element))
      markDependents(id, { geometry: moved, label: !sameLabel(before, element) })
      if (moved) markLinksNear(id)
      if (before.kind !== 'link' && element.kind !== 'link' && before.z !== element.z) orderDirty = true
      if (before.kind === 'use' && element.kind === 'use' && (before.zone !== element.zone || before.areaM2 !== element.areaM2)) {
        if (before.zone) markDirty(before.zone)
        if (element.zone) markDirty(element.zone)
      }
    }
    pendingDoc.clear()
  }

  // ——— rendering ———

  function cullRect(): Rect | null {
    if (!viewport) return null
    const margin = 128 + 0.25 * Math.max(viewport.width, viewport.height)
    return {
      x: viewport.x - margin,
      y: viewport.y - margin,
      width: viewport.width + 2 * margin,
      height: viewport.height + 2 * margin,
    }
  }

  const scale = () => Math.abs(layer.getAbsoluteScale().x) || 1

  function cacheRatio(): number {
    if (!useCache) return 0
    const s = scale()
    if (s > cacheMaxScale) return 0
    const dpr = typeof window !== 'undefined' ? window.devicePixelRatio || 1 : 1
    // quantised, so that small zoom steps reuse the bitmaps
    return Math.max(0.25, Math.ceil(s * dpr * 4) / 4)
  }

  function cacheEntry(entry: Entry, force = false): void {
    const node = entry.node
    if (!node) return
    const ratio = cacheRatio()
    if (ratio === 0 || entry.element.kind === 'link') {
      if (entry.cachedAt) {
        node.clearCache()
        entry.cachedAt = 0
      }
      return
    }
    if (!force && entry.cachedAt === ratio) return
    try {
      node.cache({ pixelRatio: ratio, offset: 12 })
      entry.cachedAt = ratio
    } catch {
      // an empty group (nothing to cache) or a canvas that refuses: draw uncached
      entry.cachedAt = 0
    }
  }

  function render(id: string, entry: Entry): void {
    const element = effective(id)
    if (!element) return
    const scene = buildElementScene(element, ctx)
    if (entry.node) {
      if (entry.cachedAt) entry.node.clearCache()
      const patched = patchKonvaNode(entry.node, scene, { loadImage: images.load })
      entry.node = patched as Konva.Group
    } else {
      entry.node = createKonvaNode(scene, { loadImage: images.load }) as Konva.Group
      layer.add(entry.node)
      orderDirty = true
    }
    entry.cachedAt = 0
    entry.dirty = false
    changed.add(id)
  }

  function isInView(id: string, cull: Rect | null): boolean {
    if (!cull) return true
    const rect = index.rectOf(id)
    if (!rect) return true
    return (
      rect.x <= cull.x + cull.width &&
      cull.x <= rect.x + rect.width &&
      rect.y <= cull.y + cull.height &&
      cull.y <= rect.y + rect.height
    )
  }

  function applyOrder(): void {
    const elements = drawOrder([...entries.values()].map((entry) => entry.element))
    const ids = elements.map((element) => element.id)
    if (ids.length !== ordered.length || ids.some((id, i) => id !== ordered[i])) lodDirty = true
    ordered = ids
    orderIndex.clear()
    const nodes: Konva.Node[] = []
    ids.forEach((id, position) => {
      orderIndex.set(id, position)
      const node = entries.get(id)?.node
      if (node) nodes.push(node)
    })
    // the LOD drawing stands in for all element groups (hidden while it shows); highlights on top
    nodes.push(lodShape, highlights.group)
    const children = layer.children
    if (children.length === nodes.length && children.every((child, i) => child === nodes[i])) return
    // Reorder in one pass instead of n zIndex() calls (each of which re-indexes every child).
    children.length = 0
    for (const node of nodes) children.push(node as Konva.Group)
    ;(layer as unknown as { _setChildrenIndices(): void })._setChildrenIndices()
  }

  const containsRect = (outer: Rect, inner: Rect): boolean =>
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.width <= outer.x + outer.width &&
    inner.y + inner.height <= outer.y + outer.height

  /** Index rects and LOD operations of what changed since the last flush. */
  function updateGeometry(): void {
    if (pendingIndex.size === 0) return
    for (const id of pendingIndex) {
      const rect = indexRect(id)
      index.set(id, rect)
      if (rect) unplaced.delete(id)
      else unplaced.add(id)
      lodOps.delete(id)
    }
    pendingIndex.clear()
    lodDirty = true
  }

  /**
   * Switches between full drawing and level of detail by the scale and how many elements are
   * in view (both with hysteresis). `inView` counts them; it is asked only when needed: while
   * the drawing stays zoomed out and the view only moves within the drawn region, the count is
   * the one of the last change.
   */
  function updateMode(inView: () => number): boolean {
    if (!lodEnabled) return false
    const s = scale()
    let next: boolean
    if (lodActive) {
      // The view left the region the batches were made for: new batches (unless they hold every
      // element anyway), and a new count.
      let left = false
      if (viewport && lodRegion && !containsRect(lodRegion, viewport)) {
        left = true
        if (lodCoversAll) lodRegion = cullRect()
        else lodDirty = true
      }
      const moved = left || lodDirty || s !== lodCountScale
      if (s > LOD_LEAVE_SCALE) next = false
      else if (moved) {
        lodCount = inView()
        lodCountScale = s
        next = lodCount >= lodMinElements * LOD_LEAVE_COUNT_FACTOR
      } else next = true
    } else {
      next = s < LOD_ENTER_SCALE && inView() >= lodMinElements
      if (next) lodCountScale = s
    }
    if (next === lodActive) return false
    lodActive = next
    lodShape.visible(next)
    if (next) {
      for (const id of shown) entries.get(id)?.node?.visible(false)
      shown = new Set()
      lodDirty = true
    } else lodPainter.release()
    return true
  }

  /** The LOD batches of the elements in the cull rect, in draw order. */
  function rebuildLod(): void {
    const cull = cullRect()
    let ids: readonly string[] = ordered
    lodCoversAll = true
    if (cull) {
      const inView = index.query(cull)
      lodCoversAll = inView.size >= index.size
      if (!lodCoversAll)
        ids =
          inView.size * 4 > ordered.length
            ? ordered.filter((id) => inView.has(id))
            : [...inView].sort((a, b) => (orderIndex.get(a) ?? 0) - (orderIndex.get(b) ?? 0))
    }
    const ops: LodOp[][] = []
    for (const id of ids) {
      let own = lodOps.get(id)
      if (!own) {
        const element = effective(id)
        own = element ? lodOpsOf(element, ctx) : []
        lodOps.set(id, own)
      }
      ops.push(own)
    }
    lodBatches = batchLodOps(ops)
    lodRegion = cull
    lodDirty = false
    lodVersion++
  }

  function notify(): void {
    if (changed.size === 0) return
    const batch = new Set(changed)
    changed.clear()
    for (const listener of listeners) listener(batch)
  }

  function flush(): void {
    if (destroyed) return
    scheduled = false
    if (frame !== null && typeof cancelAnimationFrame === 'function') cancelAnimationFrame(frame)
    frame = null
    readPending()
    // geometry first, so that culling sees where things are now
    updateGeometry()
    const cull = cullRect()
    let inView: Set<string> | null = null
    const query = (): Set<string> => {
      inView ??= cull ? index.query(cull) : new Set(entries.keys())
      return inView
    }
    const switched = updateMode(() => query().size)
    if (lodActive) {
      // Zoomed out: no element groups are built or shown; one shape draws the batches.
      if (orderDirty) {
        applyOrder()
        orderDirty = false
      }
      if (viewport && (!lodRegion || !containsRect(lodRegion, viewport))) lodDirty = true
      const rebuilt = lodDirty
      if (lodDirty) rebuildLod()
      highlights.update(boundsOf)
      if (rebuilt || switched || changed.size > 0) layer.batchDraw()
      notify()
      return
    }
    const visible = query()
    if (cull) for (const id of unplaced) visible.add(id)
    for (const id of shown) {
      if (!visible.has(id)) entries.get(id)?.node?.visible(false)
    }
    for (const id of visible) {
      const entry = entries.get(id)
      if (!entry) continue
      if (entry.dirty || !entry.node) render(id, entry)
      const node = entry.node
      if (node && !node.visible()) node.visible(true)
    }
    shown = visible
    if (orderDirty) {
      applyOrder()
      orderDirty = false
    }
    for (const id of shown) {
      const entry = entries.get(id)
      if (entry) cacheEntry(entry)
    }
    highlights.update(boundsOf)
    layer.batchDraw()
    notify()
  }

  function schedule(): void {
    if (scheduled || destroyed) return
    scheduled = true
    if (typeof requestAnimationFrame === 'function') frame = requestAnimationFrame(() => flush())
    else queueMicrotask(() => scheduled && flush())
  }

  // ——— observers ———

  const onElements = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
    for (const event of events) {
      if (event.target === elementsMap) for (const key of event.keys.keys()) pendingDoc.add(key)
      else {
        const id = event.path[0]
        if (typeof id === 'string') pendingDoc.add(id)
      }
    }
    schedule()
  }
  const onSettings = (event: Y.YMapEvent<unknown>) => {
    if (!event.keysChanged.has('timelineOrigin')) return
    timeline = createTimeline(settingsMap.get('timelineOrigin'))
    for (const [id, entry] of entries) if (entry.element.kind === 'phase') markDirty(id)
    schedule()
  }
  elementsMap.observeDeep(onElements)
  settingsMap.observe(onSettings)
  for (const key of elementsMap.keys()) pendingDoc.add(key)
  schedule()

  // ——— queries ———

  function elementIdOf(node: Konva.Node | null): string | null {
    let current: Konva.Node | null = node
    while (current && current !== layer) {
      if (current.hasName('element')) return current.id() || null
      current = current.getParent()
    }
    return null
  }

  function distanceToSegment(p: { x: number; y: number }, a: { x: number; y: number }, b: { x: number; y: number }): number {
    const dx = b.x - a.x
    const dy = b.y - a.y
    const length2 = dx * dx + dy * dy
    const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / length2))
    return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy))
  }

  function hits(id: string, point: { x: number; y: number }, tolerance: number): boolean {
    const element = effective(id)
    if (!element) return false
    if (element.kind !== 'link') {
      const rect = indexRect(id)
      return !!rect && point.x >= rect.x && point.x <= rect.x + rect.width && point.y >= rect.y && point.y <= rect.y + rect.height
    }
    const from = boxOfElement(effective(element.from))
    const to = boxOfElement(effective(element.to))
    if (!from || !to) {
      const rect = linkRect(element)
      return !!rect && point.x >= rect.x && point.x <= rect.x + rect.width && point.y >= rect.y && point.y <= rect.y + rect.height
    }
    const ends = linkEndpoints(from, to)
    return !!ends && distanceToSegment(point, ends.start, ends.end) <= tolerance
  }

  function ensureFresh(): void {
    if (pendingDoc.size > 0 || pendingIndex.size > 0) flush()
  }

  return {
    layer,
    nodeOf(id) {
      const entry = entries.get(id)
      if (!entry) return undefined
      if (!entry.node || entry.dirty) {
        updateGeometry()
        render(id, entry)
        applyOrder()
        // zoomed out, the LOD drawing shows it: the group stays hidden
        if (!shown.has(id)) entry.node?.visible(!lodActive && isInView(id, cullRect()))
      }
      return entry.node
    },
    elementIdOf,
    setViewport(rect) {
      viewport = { ...rect }
      flush()
    },
    setPreview(source, overrides) {
      const before = previews.get(source)
      if (overrides.size === 0) previews.delete(source)
      else previews.set(source, new Map(overrides))
      const affected = new Set([...(before?.keys() ?? []), ...overrides.keys()])
      for (const id of affected) {
        if (!entries.has(id)) continue
        markDirty(id)
        markDependents(id, { geometry: true, label: false })
        markLinksNear(id)
      }
      if (affected.size > 0) schedule()
    },
    boundsOf,
    elementsIn(rect) {
      ensureFresh()
      const out: string[] = []
      for (const id of index.query(rect)) {
        const inner = index.rectOf(id)
        if (inner && contains(rect, inner)) out.push(id)
      }
      return out.sort((a, b) => (orderIndex.get(a) ?? 0) - (orderIndex.get(b) ?? 0))
    },
    elementAt(point) {
      ensureFresh()
      const tolerance = 6 / scale()
      let best: string | null = null
      let bestOrder = -1
      for (const id of index.query({
        x: point.x - tolerance,
        y: point.y - tolerance,
        width: 2 * tolerance,
        height: 2 * tolerance,
      })) {
        const order = orderIndex.get(id) ?? -1
        if (order > bestOrder && hits(id, point, tolerance)) {
          best = id
          bestOrder = order
        }
      }
      return best
    },
    setHighlight(ids, kind) {
      highlights.set(ids, kind)
      highlights.update(boundsOf)
      layer.batchDraw()
    },
    onChange(cb) {
      listeners.add(cb)
      return () => listeners.delete(cb)
    },
    flush,
    levelOfDetail: () => ({ active: lodActive, batches: lodBatches }),
    destroy() {
      if (destroyed) return
      destroyed = true
      if (frame !== null && typeof cancelAnimationFrame === 'function') cancelAnimationFrame(frame)
      elementsMap.unobserveDeep(onElements)
      settingsMap.unobserve(onSettings)
      listeners.clear()
      highlights.destroy()
      images.destroy()
      lodPainter.release()
      layer.destroy()
    },
  }
}
