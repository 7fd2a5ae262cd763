import type Konva from 'konva'
import { buildElementScene } from '../../../shared/scene/build.ts'
import type { SceneContext } from '../../../shared/scene/types.ts'
import type { Element } from '../../../shared/schema/elements.ts'
import type { ElementIndex, Entry } from './element-index.ts'
import type { createGroupCache } from './group-cache.ts'
import { createKonvaNode, patchKonvaNode } from './reconcile.ts'

export interface ElementGroupsOptions {
  layer: Konva.Layer
  index: ElementIndex
  ctx: SceneContext
  effective(id: string): Element | undefined
  loadImage(node: Konva.Image, src: string): void
  cache: ReturnType<typeof createGroupCache>
  /** Nodes kept above the element groups, bottom first (the LOD shape, the highlights). */
  above: readonly Konva.Node[]
  /** The sequence of ids in draw order changed. */
  onReordered(): void
}

/**
 * The full drawing: one Konva group per element, built through the scene builder and patched in
 * place when its element changed, shown only while in view (culled otherwise), kept in draw
 * order, and bitmap-cached while zoomed out.
 */
export function createElementGroups(options: ElementGroupsOptions) {
  const { layer, index, cache } = options
  /** ids whose groups are visible */
  let shown = new Set<string>()

  /** (Re)builds the entry's group from its element as drawn now. */
  function build(id: string, entry: Entry): void {
    const element = options.effective(id)
    if (!element) return
    const scene = buildElementScene(element, options.ctx)
    if (entry.node) {
      if (entry.cachedAt) entry.node.clearCache()
      const patched = patchKonvaNode(entry.node, scene, { loadImage: options.loadImage })
      entry.node = patched as Konva.Group
    } else {
      entry.node = createKonvaNode(scene, { loadImage: options.loadImage }) as Konva.Group
      layer.add(entry.node)
      index.orderDirty = true
    }
    entry.cachedAt = 0
    entry.dirty = false
    index.changed.add(id)
  }

  /** Recomputes the draw order and puts the layer's children in it. */
  function arrange(): void {
    if (index.applyOrder()) options.onReordered()
    const nodes: Konva.Node[] = []
    for (const id of index.ordered) {
      const node = index.get(id)?.node
      if (node) nodes.push(node)
    }
    nodes.push(...options.above)
    const children = layer.children
    if (children.length === nodes.length && children.every((child, i) => child === nodes[i])) return
    // Reorder in one pass instead of n zIndex() calls (each of which re-indexes every child).
    children.length = 0
    for (const node of nodes) children.push(node as Konva.Group)
    ;(layer as unknown as { _setChildrenIndices(): void })._setChildrenIndices()
  }

  /** `arrange` if an element came or its z changed since. */
  function arrangeIfDirty(): void {
    if (!index.orderDirty) return
    arrange()
    index.orderDirty = false
  }

  return {
    build,
    arrange,
    arrangeIfDirty,
    isShown: (id: string) => shown.has(id),
    /** Forgets a removed element. */
    forget(id: string): void {
      shown.delete(id)
    },
    /** Hides every group (the LOD drawing stands in for them). */
    hideAll(): void {
      for (const id of shown) index.get(id)?.node?.visible(false)
      shown = new Set()
    },
    /**
     * Shows exactly the groups of `visible`, building the stale ones, hiding the ones that left;
     * then orders and caches them.
     */
    show(visible: Set<string>): void {
      for (const id of shown) if (!visible.has(id)) index.get(id)?.node?.visible(false)
      for (const id of visible) {
        const entry = index.get(id)
        if (!entry) continue
        if (entry.dirty || !entry.node) build(id, entry)
        const node = entry.node
        if (node && !node.visible()) node.visible(true)
      }
      shown = visible
      arrangeIfDirty()
      for (const id of shown) {
        const entry = index.get(id)
        if (entry) cache.apply(entry)
      }
    },
  }
}
