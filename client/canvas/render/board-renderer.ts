import Konva from 'konva'
import type * as Y from 'yjs'
import type { MessageKey, Translator } from '../../../shared/i18n/index.ts'
import { contains } from '../../../shared/scene/geometry.ts'
import type { Rect, SceneContext } from '../../../shared/scene/types.ts'
import { createDocumentBinding, type DocumentBinding } from '../../board/document-binding.ts'
import { boundsOf as boundsOfElement, hits, indexRectOf } from './bounds.ts'
import { cullRectOf, isInView } from './culling.ts'
import { createElementGroups } from './element-groups.ts'
import { ElementIndex } from './element-index.ts'
import { createGroupCache } from './group-cache.ts'
import { createHighlights, type HighlightKind } from './highlights.ts'
import { createImageLoader } from './image-loader.ts'
import { LOD_MIN_ELEMENTS, type LodBatch, lodOpsOf } from './level-of-detail.ts'
import { createLodDrawing } from './lod-drawing.ts'
import { createPreviews, type PreviewGeometry } from './previews.ts'
import { createRenderContext } from './scene-context.ts'

export type { Rect } from '../../../shared/scene/types.ts'
export type { HighlightKind } from './highlights.ts'
export type { PreviewGeometry } from './previews.ts'

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
  /**
   * The document binding to draw from, when a view shares one; by default the renderer makes its
   * own over `doc` (and destroys it with itself).
   */
  binding?: DocumentBinding
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
  /**
   * Draws every element again in another language (the viewer switched it live): captions,
   * enumerations and `labels[lang]` follow.
   */
  setLanguage(next: { t: Translator<MessageKey>; locale: string; lang?: string | undefined }): void
  /** Renders pending changes now instead of at the next animation frame (tests, exports). */
  flush(): void
  /**
   * Whether the board is drawn zoomed out (level of detail), and the batches it draws then,
   * bottom first (tests, diagnostics).
   */
  levelOfDetail(): { active: boolean; batches: readonly LodBatch[] }
  destroy(): void
}

/**
 * The Konva binding of a board: one layer whose element groups follow the document binding
 * (client/board/document-binding.ts: validated elements, changed ids) incrementally. This function
 * only composes the parts:
 *
 * - element-index.ts: entries, spatial index, draw order; a change marks what the dependency
 *   rules (dependency-rules.ts, a table per kind) say reads it: links follow their ends, uses and
 *   phases show names, zones their uses' areas, phases the timeline, link labels nearby cards;
 * - scene-context.ts, previews.ts, bounds.ts: elements as drawn (with drag previews), their
 *   bounds, hit tests;
 * - element-groups.ts: one group per element in view (culling.ts), bitmap-cached zoomed out
 *   (group-cache.ts); lod-drawing.ts: one shape instead of them, further out.
 *
 * Changes are collected per transaction and rendered once per animation frame; elements outside
 * the viewport are hidden and rebuilt only when they come into view. Malformed entries are
 * skipped by the binding, never fatal.
 */
export function createBoardRenderer(options: BoardRendererOptions): BoardRenderer {
  const binding = options.binding ?? createDocumentBinding(options.doc)
  // Hit testing goes through the spatial index (elementAt, elementsIn): no hit canvas to redraw.
  const layer = new Konva.Layer({ listening: false })
  const previews = createPreviews()
  const listeners = new Set<(changed: ReadonlySet<string>) => void>()
  /** element ids the document changed since the last flush */
  const pendingDoc = new Set<string>()
  let viewport: Rect | null = null
  let scheduled = false
  let frame: number | null = null
  let destroyed = false

  const index = new ElementIndex({
    effective: (id) => effective(id),
    indexRectOf: (id) => indexRectOf(effective(id), effective),
    onRemoved(id, entry) {
      entry.node?.destroy()
      lod.invalidate([id])
      groups.forget(id)
    },
  })
  const { effective, ctx } = createRenderContext({ ...options, index, previews, binding })
  const scale = () => Math.abs(layer.getAbsoluteScale().x) || 1
  const cache = createGroupCache({
    enabled: options.cache ?? typeof window !== 'undefined',
    maxScale: options.cacheMaxScale ?? 0.75,
    scale,
  })
  const images = createImageLoader(
    (node) => {
      const id = elementIdOf(node)
      const entry = id ? index.get(id) : undefined
      if (entry?.cachedAt) cache.apply(entry, true)
      layer.batchDraw()
    },
    () => {
      if (lod.pictureLoaded()) layer.batchDraw()
    },
  )
  const lod = createLodDrawing({
    enabled: options.levelOfDetail ?? typeof window !== 'undefined',
    minElements: options.lodMinElements ?? LOD_MIN_ELEMENTS,
    source: index,
    opsOf(id) {
      const element = effective(id)
      return element ? lodOpsOf(element, ctx) : []
    },
    picture: (src) => images.picture(src),
  })
  layer.add(lod.shape)
  const highlights = createHighlights(layer)
  const groups = createElementGroups({
    layer,
    index,
    ctx,
    effective,
    loadImage: images.load,
    cache,
    // the LOD drawing stands in for all element groups (hidden while it shows); highlights on top
    above: [lod.shape, highlights.group],
    onReordered: () => lod.reordered(),
  })

  const boundsOf = (id: string): Rect | null => boundsOfElement(effective(id), effective)
  const cullRect = () => cullRectOf(viewport)

  // ——— one frame ———

  /** Index rects and LOD operations of what changed since the last flush. */
  function updateGeometry(): void {
    const refreshed = index.refreshRects()
    if (refreshed.length > 0) lod.invalidate(refreshed)
  }

  function notify(): void {
    if (index.changed.size === 0) return
    const batch = index.takeChanged()
    for (const listener of listeners) listener(batch)
  }

  function flush(): void {
    if (destroyed) return
    scheduled = false
    if (frame !== null && typeof cancelAnimationFrame === 'function') cancelAnimationFrame(frame)
    frame = null
    for (const id of pendingDoc) index.apply(id, binding.read(id))
    pendingDoc.clear()
    // geometry first, so that culling sees where things are now
    updateGeometry()
    const cull = cullRect()
    let inView: Set<string> | null = null
    const query = (): Set<string> => {
      inView ??= cull ? index.query(cull) : new Set(index.entries.keys())
      return inView
    }
    const view = { scale: scale(), viewport, cull }
    const switched = lod.updateMode(view, () => query().size)
    if (lod.isActive()) {
      // Zoomed out: no element groups are built or shown; one shape draws the batches.
      if (switched) groups.hideAll()
      groups.arrangeIfDirty()
      const rebuilt = lod.refresh(view)
      highlights.update(boundsOf)
      if (rebuilt || switched || index.changed.size > 0) layer.batchDraw()
      notify()
      return
    }
    const visible = query()
    if (cull) for (const id of index.unplaced) visible.add(id)
    groups.show(visible)
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

  // ——— the document ———

  const unsubscribe = binding.subscribe((change) => {
    for (const id of change.elements) pendingDoc.add(id)
    const settingsRead = change.settings.size > 0 && index.settingsChanged(change.settings)
    if (change.elements.size > 0 || settingsRead) schedule()
  })
  for (const id of binding.ids()) pendingDoc.add(id)
  schedule()

  function setLanguage(next: { t: Translator<MessageKey>; locale: string; lang?: string | undefined }): void {
    ctx.t = next.t as unknown as SceneContext['t']
    ctx.locale = next.locale
    if (next.lang) ctx.lang = next.lang
    else delete ctx.lang
    for (const id of index.entries.keys()) {
      index.markDirty(id)
      index.changed.add(id)
    }
    lod.invalidate([...index.entries.keys()])
    schedule()
  }

  // ——— queries ———

  function elementIdOf(node: Konva.Node | null): string | null {
    let current: Konva.Node | null = node
    while (current && current !== layer) {
      if (current.hasName('element')) return current.id() || null
      current = current.getParent()
    }
    return null
  }

  function ensureFresh(): void {
    if (pendingDoc.size > 0 || index.hasStaleRects) flush()
  }

  return {
    layer,
    nodeOf(id) {
      const entry = index.get(id)
      if (!entry) return undefined
      if (!entry.node || entry.dirty) {
        updateGeometry()
        groups.build(id, entry)
        groups.arrange()
        // zoomed out, the LOD drawing shows it: the group stays hidden
        if (!groups.isShown(id)) entry.node?.visible(!lod.isActive() && isInView(index.rectOf(id), cullRect()))
      }
      return entry.node
    },
    elementIdOf,
    setViewport(rect) {
      viewport = { ...rect }
      flush()
    },
    setPreview(source, overrides) {
      const affected = previews.set(source, overrides)
      for (const id of affected) index.moved(id)
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
      return index.sortByOrder(out)
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
        const order = index.orderOf(id)
        if (order > bestOrder && hits(effective(id), point, tolerance, effective)) {
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
    setLanguage,
    flush,
    levelOfDetail: () => ({ active: lod.isActive(), batches: lod.batches() }),
    destroy() {
      if (destroyed) return
      destroyed = true
      if (frame !== null && typeof cancelAnimationFrame === 'function') cancelAnimationFrame(frame)
      unsubscribe()
      if (!options.binding) binding.destroy()
      listeners.clear()
      highlights.destroy()
      images.destroy()
      lod.release()
      layer.destroy()
    },
  }
}
