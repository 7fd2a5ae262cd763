import { path, present, text } from '../nodes.ts'
import { ink, inkMuted, noteColors } from '../palette.ts'
import type { Note } from '../schema-types.ts'
import { displayLabel, secondaryLabel } from '../text.ts'
import type { SceneContext, SceneNode } from '../types.ts'
import { elementGroup, font, lockBadge, SECONDARY_LINE_H, secondaryLine } from './common.ts'

const PAD = 12
/** room kept at the bottom for the author's name */
const AUTHOR_LINE = 18

/** A sticky note in its colour (yellow by default) with a folded bottom-right corner and wrapped text. */
export function buildNote(note: Note, ctx: SceneContext): SceneNode {
  const { w, h } = note
  const colors = noteColors[note.color ?? 'yellow']
  const fold = Math.max(4, Math.min(20, w / 5, h / 5))
  const r = (n: number) => Math.round(n * 10) / 10
  const paper = `M0 0H${r(w)}V${r(h - fold)}L${r(w - fold)} ${r(h)}H0Z`
  const shadow = `M2 3H${r(w + 1)}V${r(h - fold + 2)}L${r(w - fold + 1)} ${r(h + 2)}H2Z`
  const textSpace = Math.max(0, h - 2 * PAD - fold / 2 - (note.author ? AUTHOR_LINE : 0))
  // a bilingual board: the other language's text beneath, when a line of the note still fits
  const second = secondaryLabel(note, ctx)
  const showSecond = second !== undefined && textSpace >= 18 + SECONDARY_LINE_H + 2
  const textH = showSecond ? textSpace - SECONDARY_LINE_H - 2 : textSpace
  const corner = `M${r(w)} ${r(h - fold)}L${r(w - fold)} ${r(h)}V${r(h - fold + 2)}Q${r(w - fold)} ${r(h - fold)} ${r(w - fold + 2)} ${r(h - fold)}Z`
  return elementGroup(
    note.id,
    note.x,
    note.y,
    present([
      path('shadow', { data: shadow, width: w + 1, height: h + 2, fill: '#101828', opacity: 0.1 }),
      {
        type: 'path',
        key: 'paper',
        attrs: {
          data: paper,
          width: w,
          height: h,
          fill: colors.paper,
          stroke: colors.edge,
          strokeWidth: 1,
          perfectDrawEnabled: false,
        },
      },
      path('fold', {
        data: corner,
        width: w,
        height: h,
        fill: colors.fold,
        stroke: colors.edge,
        strokeWidth: 1,
        lineJoin: 'round',
      }),
      text('text', {
        x: PAD,
        y: PAD,
        width: Math.max(0, w - 2 * PAD),
        height: textH,
        text: displayLabel(note, ctx),
        wrap: 'word',
        lineHeight: 1.3,
        fill: ink,
        ...font(ctx, 14),
      }),
      showSecond ? secondaryLine(ctx, PAD, PAD + textH + 2, w - 2 * PAD, second) : null,
      note.author
        ? text('author', {
            x: PAD,
            y: h - PAD - fold / 2 - AUTHOR_LINE + 4,
            width: Math.max(0, w - 2 * PAD - fold),
            height: AUTHOR_LINE - 4,
            text: `— ${note.author}`,
            wrap: 'none',
            ellipsis: true,
            fill: inkMuted,
            ...font(ctx, 11),
          })
        : null,
      note.locked ? lockBadge(w, 0) : null,
    ]),
  )
}
