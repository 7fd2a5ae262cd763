import { glyphs } from '../icons.ts'
import { icon, present, rect, text } from '../nodes.ts'
import { frameColors, inkMuted } from '../palette.ts'
import type { Frame } from '../schema-types.ts'
import { displayLabel, estimateTextWidth, secondaryLabel } from '../text.ts'
import type { SceneContext, SceneNode } from '../types.ts'
import { elementGroup, font, SECONDARY_LINE_H, secondaryLine } from './common.ts'

export const FRAME_TAB_H = 26
const TAB_PAD = 10

/** A frame: a light region with its title on a tab above the top-left corner (the tab takes clicks too). */
export function buildFrame(frame: Frame, ctx: SceneContext): SceneNode {
  const { w, h } = frame
  const title = displayLabel(frame, ctx) || ctx.t('scene.untitled')
  const lockW = frame.locked ? 18 : 0
  // a bilingual board: the title in the other language inside the frame, under its tab
  const second = secondaryLabel(frame, ctx)
  const showSecond = second !== undefined && h >= SECONDARY_LINE_H + 12
  const tabW = Math.min(w, Math.max(60, estimateTextWidth(title, 13, true) + 2 * TAB_PAD + lockW + 4))
  return elementGroup(
    frame.id,
    frame.x,
    frame.y,
    present([
      rect(
        'bg',
        { width: w, height: h, cornerRadius: 10, fill: frameColors.fill, stroke: frameColors.stroke, strokeWidth: 1 },
        true,
      ),
      rect(
        'tab',
        { x: 0, y: -FRAME_TAB_H, width: tabW, height: FRAME_TAB_H, cornerRadius: [8, 8, 0, 0], fill: frameColors.tab },
        true,
      ),
      text('title', {
        x: TAB_PAD,
        y: -FRAME_TAB_H,
        width: Math.max(0, tabW - 2 * TAB_PAD - lockW),
        height: FRAME_TAB_H,
        text: title,
        verticalAlign: 'middle',
        fill: frameColors.title,
        ...font(ctx, 13, true),
      }),
      showSecond ? secondaryLine(ctx, TAB_PAD, 6, Math.min(w - 2 * TAB_PAD, estimateTextWidth(second, 11) + 4), second) : null,
      frame.locked ? icon('lock', glyphs.lock, tabW - TAB_PAD - 13, -FRAME_TAB_H + 6.5, 13, inkMuted, 1.5) : null,
    ]),
  )
}
