import Konva from 'konva'
import type { SceneAttrs, SceneNode } from '../../../shared/scene/types.ts'
import { createSvgPath, hasPath2D } from './svg-path.ts'

/**
 * Scene nodes → Konva nodes. `createKonvaNode` builds a node tree once; `patchKonvaNode`
 * brings an existing tree up to date with a new scene: attributes that changed are set in
 * place, children are matched by `key` (added, removed, reordered), and only a node whose
 * type changed is replaced. Nothing is rebuilt that did not change.
 */

export interface ReconcileHooks {
  /** An `image` node was created or its `src` changed: load it and set `image` when ready. */
  loadImage?(node: Konva.Image, src: string): void
}

/** Counters, for tests and the performance bench. */
export const reconcileStats = { created: 0, patched: 0, attrsSet: 0, replaced: 0 }

const sceneOf = new WeakMap<Konva.Node, SceneNode>()

/** The scene a Konva node was last built or patched from. */
export const sceneOfNode = (node: Konva.Node): SceneNode | undefined => sceneOf.get(node)

// `src` and `alt` belong to the scene, not to Konva; `image` is set by the loader.
function konvaAttrs(attrs: SceneAttrs): Record<string, unknown> {
  const { src: _src, alt: _alt, ...rest } = attrs
  return rest
}

function instantiate(scene: SceneNode): Konva.Node {
  const attrs = konvaAttrs(scene.attrs)
  switch (scene.type) {
    case 'group':
      return new Konva.Group(attrs)
    case 'rect':
      return new Konva.Rect(attrs)
    case 'text':
      return new Konva.Text(attrs)
    case 'path':
      return hasPath2D() ? createSvgPath(attrs) : new Konva.Path(attrs)
    case 'line':
      return new Konva.Line(attrs as Konva.LineConfig)
    case 'arrow':
      return new Konva.Arrow(attrs as Konva.ArrowConfig)
    case 'circle':
      return new Konva.Circle(attrs)
    case 'image':
      return new Konva.Image({ ...attrs, image: undefined })
  }
}

export function createKonvaNode(scene: SceneNode, hooks: ReconcileHooks = {}): Konva.Node {
  const node = instantiate(scene)
  reconcileStats.created++
  sceneOf.set(node, scene)
  if (scene.type === 'image' && scene.attrs.src && hooks.loadImage) hooks.loadImage(node as Konva.Image, scene.attrs.src)
  if (scene.type === 'group' && scene.children) {
    const group = node as Konva.Group
    for (const child of scene.children) group.add(createKonvaNode(child, hooks) as Konva.Group | Konva.Shape)
  }
  return node
}

const sameValue = (a: unknown, b: unknown): boolean => {
  if (a === b) return true
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((value, index) => value === b[index])
  return false
}

/**
 * Updates `node` to show `scene` and returns it — or, when the node type changed, the new node
 * that replaced it at the same place in its parent.
 */
export function patchKonvaNode(node: Konva.Node, scene: SceneNode, hooks: ReconcileHooks = {}): Konva.Node {
  const previous = sceneOf.get(node)
  if (previous === scene) return node
  if (!previous || previous.type !== scene.type) return replace(node, scene, hooks)
  reconcileStats.patched++

  const before = previous.attrs as Record<string, unknown>
  const after = scene.attrs as Record<string, unknown>
  for (const key of Object.keys(after)) {
    if (key === 'src' || key === 'alt') continue
    if (!sameValue(before[key], after[key])) {
      node.setAttr(key, after[key])
      reconcileStats.attrsSet++
    }
  }
  for (const key of Object.keys(before)) {
    if (!(key in after) && key !== 'src' && key !== 'alt') {
      // Konva's getters fall back to their default for undefined.
      node.setAttr(key, undefined)
      reconcileStats.attrsSet++
    }
  }
  if (scene.type === 'image' && scene.attrs.src !== previous.attrs.src) {
    node.setAttr('image', undefined)
    if (scene.attrs.src && hooks.loadImage) hooks.loadImage(node as Konva.Image, scene.attrs.src)
  }
  sceneOf.set(node, scene)
  if (scene.type === 'group') patchChildren(node as Konva.Group, previous.children ?? [], scene.children ?? [], hooks)
  return node
}

function patchChildren(
  group: Konva.Group,
  before: readonly SceneNode[],
  after: readonly SceneNode[],
  hooks: ReconcileHooks,
): void {
  if (before === after) return
  const current = group.getChildren()
  const byKey = new Map<string, Konva.Node>()
  for (const child of current) {
    const key = sceneOf.get(child)?.key
    if (key !== undefined) byKey.set(key, child)
  }
  const wanted: Konva.Node[] = []
  for (const childScene of after) {
    const existing = byKey.get(childScene.key)
    if (existing) {
      byKey.delete(childScene.key)
      wanted.push(patchKonvaNode(existing, childScene, hooks))
    } else {
      const created = createKonvaNode(childScene, hooks)
      group.add(created as Konva.Group | Konva.Shape)
      wanted.push(created)
    }
  }
  for (const stale of byKey.values()) stale.destroy()
  const now = group.getChildren()
  if (now.length !== wanted.length || now.some((child, index) => child !== wanted[index])) {
    for (const [index, child] of wanted.entries()) if (child.zIndex() !== index) child.zIndex(index)
  }
}

function replace(node: Konva.Node, scene: SceneNode, hooks: ReconcileHooks): Konva.Node {
  reconcileStats.replaced++
  const created = createKonvaNode(scene, hooks)
  const parent = node.getParent()
  if (parent) {
    const index = node.zIndex()
    parent.add(created as Konva.Group | Konva.Shape)
    created.zIndex(index)
  }
  node.destroy()
  return created
}
