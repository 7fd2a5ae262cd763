import type { Relation } from '../../schema/enums.ts'
import { edgePoint, linkEndpoints, linkLabelRect } from '../geometry.ts'
import { glyphs } from '../icons.ts'
import { group, icon, present, rect, text } from '../nodes.ts'
import { conflictColor, ink, linkColor, warningColor } from '../palette.ts'
import type { Link } from '../schema-types.ts'
import { clipText, displayLabel, estimateTextWidth } from '../text.ts'
import type { Box, SceneContext, SceneNode } from '../types.ts'
import { font, lockBadge } from './common.ts'

const LABEL_MAX_W = 170
const STUB = 44

/** Relations that go both ways get a pointer at each end. */
const mutual = new Set<Relation>(['cooperates', 'synergy', 'conflicts'])

/**
 * The arrow of a relation from the first point to the second: a pointer at each end for the
 * relations that go both ways; `conflicts` red, thicker and dashed.
 */
export function relationArrow(relation: Relation, points: number[]): SceneNode {
  const isConflict = relation === 'conflicts'
  const color = isConflict ? conflictColor : linkColor
  return {
    type: 'arrow',
    key: 'arrow',
    attrs: {
      points,
      stroke: color,
      fill: color,
      strokeWidth: isConflict ? 2 : 1.5,
      pointerLength: 9,
      pointerWidth: 8,
      pointerAtBeginning: mutual.has(relation),
      lineCap: 'round',
      lineJoin: 'round',
      hitStrokeWidth: 14,
      perfectDrawEnabled: false,
      ...(isConflict ? { dash: [7, 5] } : {}),
    },
  }
}

/**
 * A link: an arrow from where the centre-to-centre line leaves the `from` box to where it
 * enters the `to` box (clipped to the cards' borders), with the relation (and the link's own
 * label, if any) on a small plate at the middle, or beside the arrow where the middle would
 * touch a card (`linkLabelRect`). `conflicts` is red, dashed and says so. A link with one end missing is a
 * short dashed stub from the end that exists, ending in a warning glyph; with both missing,
 * an empty group. Drawn in board coordinates (the group sits at 0, 0).
 */
export function buildLink(link: Link, from: Box | undefined, to: Box | undefined, ctx: SceneContext): SceneNode {
  const root = (children: SceneNode[]) => group(link.id, { x: 0, y: 0, name: 'element', id: link.id }, children)
  if (!from && !to) return root([])
  if (!from || !to) return root(danglingStub(link, (from ?? to) as Box, ctx))

  const ends = linkEndpoints(from, to)
  if (!ends) return root([])
  const { start, end } = ends
  const isConflict = link.relation === 'conflicts'
  const color = isConflict ? conflictColor : linkColor
  const relation = ctx.t(`enum.relation.${link.relation}`)
  const own = displayLabel(link, ctx)
  // A plate too wide for the gap between the cards goes beside the arrow: it is never cut to fit.
  const line1 = clipText(relation, 11, LABEL_MAX_W, true)
  const line2 = own ? clipText(own, 10.5, LABEL_MAX_W) : ''
  const plateW = Math.ceil(Math.max(estimateTextWidth(line1, 11, true), estimateTextWidth(line2, 10.5)) + 12)
  const plateH = line2 ? 32 : 18
  // beside the cards, never on them (a plate on a card would hide its text or vanish under it)
  const search = {
    x: Math.min(start.x, end.x) - plateW - 20,
    y: Math.min(start.y, end.y) - plateH - 20,
    width: Math.abs(end.x - start.x) + 2 * plateW + 40,
    height: Math.abs(end.y - start.y) + 2 * plateH + 40,
  }
  const same = (a: Box, b: Box) => a.x === b.x && a.y === b.y && a.w === b.w && a.h === b.h
  const others = (ctx.cardsNear?.(search) ?? []).filter((box) => !same(box, from) && !same(box, to))
  const plate = linkLabelRect(start, end, [from, to], { width: plateW, height: plateH }, others)
  const plateX = plate.x
  const plateY = plate.y
  const r = (n: number) => Math.round(n * 100) / 100

  return root(
    present([
      relationArrow(link.relation, [r(start.x), r(start.y), r(end.x), r(end.y)]),
      group(
        'label',
        { x: r(plateX), y: r(plateY), listening: false },
        present([
          rect('plate', {
            width: plateW,
            height: plateH,
            cornerRadius: 4,
            fill: '#ffffff',
            stroke: isConflict ? conflictColor : '#d0d5dd',
            strokeWidth: 1,
            ...(isConflict ? { dash: [3, 2] } : {}),
          }),
          text('relation', {
            x: 0,
            y: 2,
            width: plateW,
            height: 14,
            text: line1,
            align: 'center',
            verticalAlign: 'middle',
            fill: color,
            ...font(ctx, 11, true),
          }),
          line2
            ? text('label', {
                x: 0,
                y: 16,
                width: plateW,
                height: 14,
                text: line2,
                align: 'center',
                verticalAlign: 'middle',
                fill: ink,
                fontStyle: 'italic',
                ...font(ctx, 10.5),
              })
            : null,
        ]),
      ),
      link.locked ? lockBadge(r(plateX + plateW), r(plateY)) : null,
    ]),
  )
}

/** From the existing end, up and to the right, a dashed stub ending in a warning glyph and text. */
function danglingStub(link: Link, box: Box, ctx: SceneContext): SceneNode[] {
  const direction = { x: Math.SQRT1_2, y: -Math.SQRT1_2 }
  const c = { x: box.x + box.w / 2, y: box.y + box.h / 2 }
  const start = edgePoint(box, { x: c.x + direction.x * 1000, y: c.y + direction.y * 1000 })
  const end = { x: start.x + direction.x * STUB, y: start.y + direction.y * STUB }
  const message = ctx.t('scene.link.missingEnd')
  const relation = ctx.t(`enum.relation.${link.relation}`)
  const r = (n: number) => Math.round(n * 100) / 100
  return [
    {
      type: 'line',
      key: 'stub',
      attrs: {
        points: [r(start.x), r(start.y), r(end.x), r(end.y)],
        stroke: warningColor,
        strokeWidth: 1.5,
        dash: [4, 4],
        lineCap: 'round',
        hitStrokeWidth: 14,
        perfectDrawEnabled: false,
      },
    },
    group('warning', { x: r(end.x), y: r(end.y - 9), listening: false }, [
      rect('plate', {
        width: estimateTextWidth(`${relation} · ${message}`, 10.5) + 34,
        height: 20,
        cornerRadius: 4,
        fill: '#fffaeb',
        stroke: warningColor,
        strokeWidth: 1,
      }),
      icon('glyph', glyphs.warning, 5, 2, 15, warningColor, 1.5),
      text('text', {
        x: 24,
        y: 0,
        width: estimateTextWidth(`${relation} · ${message}`, 10.5) + 6,
        height: 20,
        text: `${relation} · ${message}`,
        verticalAlign: 'middle',
        fill: ink,
        ...font(ctx, 10.5),
      }),
    ]),
  ]
}
