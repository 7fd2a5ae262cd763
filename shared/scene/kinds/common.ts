import { glyphs } from '../icons.ts'
import { circle, group, icon, text } from '../nodes.ts'
import { ink, inkMuted, lineColor, white } from '../palette.ts'
import { fontFamilyOf } from '../text.ts'
import type { SceneContext, SceneNode } from '../types.ts'

/** The root group of an element: named `element`, carrying the element id. */
export const elementGroup = (id: string, x: number, y: number, children: SceneNode[]): SceneNode =>
  group(id, { x, y, name: 'element', id }, children)

/** A small lock in a white disc, centred at (cx, cy): the element was locked by a facilitator. */
export const lockBadge = (cx: number, cy: number): SceneNode =>
  group('lock', { x: cx, y: cy, listening: false }, [
    circle('disc', { x: 0, y: 0, radius: 9, fill: white, stroke: lineColor, strokeWidth: 1 }),
    icon('glyph', glyphs.lock, -5.5, -6, 11, ink, 1.6),
  ])

/** Height of the line that shows a card's label in another working language (`secondaryLabel`). */
export const SECONDARY_LINE_H = 14

/** A card's label in another working language, beneath its own: one line, smaller, muted, italic. */
export const secondaryLine = (ctx: SceneContext, x: number, y: number, width: number, label: string): SceneNode =>
  text('secondary', {
    x,
    y,
    width: Math.max(0, width),
    height: SECONDARY_LINE_H,
    text: label,
    verticalAlign: 'middle',
    fill: inkMuted,
    ...font(ctx, 11),
    fontStyle: 'italic',
  })

/** Common text attributes. */
export const font = (ctx: SceneContext, fontSize: number, bold = false) => ({
  fontFamily: fontFamilyOf(ctx),
  fontSize,
  ...(bold ? { fontStyle: 'bold' } : {}),
})
