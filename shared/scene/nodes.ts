import { ICON_GRID } from './icons.ts'
import type { SceneAttrs, SceneNode } from './types.ts'

/**
 * Small constructors for scene nodes. Decoration never listens: only an element's background
 * (and a link's line) takes part in hit detection, which keeps Konva's hit canvas cheap.
 */

export const group = (key: string, attrs: SceneAttrs, children: SceneNode[]): SceneNode => ({
  type: 'group',
  key,
  attrs,
  children,
})

export const rect = (key: string, attrs: SceneAttrs, listening = false): SceneNode => ({
  type: 'rect',
  key,
  attrs: Object.assign(listening ? { perfectDrawEnabled: false } : { listening: false, perfectDrawEnabled: false }, attrs),
})

const decorated = (attrs: SceneAttrs): SceneAttrs => Object.assign({ listening: false, perfectDrawEnabled: false }, attrs)

export const path = (key: string, attrs: SceneAttrs): SceneNode => ({ type: 'path', key, attrs: decorated(attrs) })

export const line = (key: string, attrs: SceneAttrs): SceneNode => ({ type: 'line', key, attrs: decorated(attrs) })

export const circle = (key: string, attrs: SceneAttrs): SceneNode => ({ type: 'circle', key, attrs: decorated(attrs) })

export const text = (key: string, attrs: SceneAttrs): SceneNode => ({
  type: 'text',
  key,
  attrs: Object.assign({ listening: false, perfectDrawEnabled: false, wrap: 'none', ellipsis: true }, attrs),
})

/**
 * Paths carry `width`/`height` (their extent in local units) so that bounds, culling and
 * bitmap caching need not parse path data.
 */
/** A line icon from icons.ts at (x, y), `size` px square. */
export function icon(key: string, data: string, x: number, y: number, size: number, color: string, strokeWidth = 1.5): SceneNode {
  const scale = size / ICON_GRID
  return path(key, {
    x,
    y,
    data,
    width: ICON_GRID,
    height: ICON_GRID,
    scaleX: scale,
    scaleY: scale,
    stroke: color,
    strokeWidth,
    lineCap: 'round',
    lineJoin: 'round',
  })
}

/** Drops nodes that were not drawn (conditional parts of a card). */
export const present = (nodes: readonly (SceneNode | false | null | undefined)[]): SceneNode[] =>
  nodes.filter((node): node is SceneNode => Boolean(node))
