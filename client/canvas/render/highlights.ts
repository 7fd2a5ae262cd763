import Konva from 'konva'
import { highlightColors } from '../../../shared/scene/palette.ts'
import type { Rect, SceneNode } from '../../../shared/scene/types.ts'
import { prefersReducedMotion } from '../../a11y/motion.ts'
import { createKonvaNode, patchKonvaNode } from './reconcile.ts'

export type HighlightKind = 'gap' | 'diff-added' | 'diff-removed' | 'diff-changed'

/** Each kind has its own dash pattern and width, so that colour is never the only difference. */
export const highlightStyles: Readonly<Record<HighlightKind, { dash?: number[]; strokeWidth: number }>> = {
  gap: { strokeWidth: 3, dash: [2, 5] },
  'diff-added': { strokeWidth: 3 },
  'diff-removed': { strokeWidth: 2.5, dash: [10, 6] },
  'diff-changed': { strokeWidth: 2.5, dash: [12, 4, 2, 4] },
}

const PAD = 6

/**
 * Outlines over elements (analysis gaps now; snapshot diffs later), in a group kept on top of
 * the element layer. `gap` outlines pulse, unless the person asked for less motion (then they
 * stay at full strength). Stroke widths stay constant under zoom.
 */
export function createHighlights(layer: Konva.Layer) {
  const group = createKonvaNode({
    type: 'group',
    key: 'highlights',
    attrs: { name: 'highlights', listening: false },
    children: [],
  }) as Konva.Group
  layer.add(group)
  const kinds = new Map<string, HighlightKind>()
  let pulse: Konva.Animation | null = null

  function set(ids: readonly string[], kind: HighlightKind | null): void {
    if (kind === null) {
      if (ids.length === 0) kinds.clear()
      else for (const id of ids) kinds.delete(id)
      return
    }
    for (const [id, existing] of kinds) if (existing === kind) kinds.delete(id)
    for (const id of ids) kinds.set(id, kind)
  }

  function update(boundsOf: (id: string) => Rect | null): void {
    const byKind = new Map<HighlightKind, SceneNode[]>()
    for (const [id, kind] of [...kinds].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const bounds = boundsOf(id)
      if (!bounds) continue
      const style = highlightStyles[kind]
      const list = byKind.get(kind) ?? []
      list.push({
        type: 'rect',
        key: id,
        attrs: {
          x: bounds.x - PAD,
          y: bounds.y - PAD,
          width: bounds.width + 2 * PAD,
          height: bounds.height + 2 * PAD,
          cornerRadius: 10,
          stroke: highlightColors[kind],
          strokeWidth: style.strokeWidth,
          strokeScaleEnabled: false,
          lineCap: 'round',
          listening: false,
          ...(style.dash ? { dash: style.dash } : {}),
        },
      })
      byKind.set(kind, list)
    }
    const scene: SceneNode = {
      type: 'group',
      key: 'highlights',
      attrs: { name: 'highlights', listening: false },
      children: [...byKind].map(([kind, children]) => ({
        type: 'group',
        key: kind,
        attrs: { name: `highlight-${kind}` },
        children,
      })),
    }
    patchKonvaNode(group, scene)
    const gap = group.findOne('.highlight-gap')
    if (gap && !pulse && typeof requestAnimationFrame === 'function' && !prefersReducedMotion()) {
      pulse = new Konva.Animation((frame) => {
        const target = group.findOne('.highlight-gap')
        if (target && frame) target.opacity(0.55 + 0.45 * Math.cos((frame.time / 600) * Math.PI))
      }, layer)
      pulse.start()
    } else if (!gap && pulse) {
      pulse.stop()
      pulse = null
    }
  }

  return {
    group,
    set,
    update,
    /** Ids and kinds shown now (tests). */
    current: (): ReadonlyMap<string, HighlightKind> => kinds,
    destroy(): void {
      pulse?.stop()
      pulse = null
    },
  }
}
