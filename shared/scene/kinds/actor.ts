import { commitments, type Stance } from '../../schema/enums.ts'
import { sectorIcons } from '../icons.ts'
import { icon, present, rect, text } from '../nodes.ts'
import { ink, inkMuted, lineColor, meterColors, sectorColors, stanceColors, surface, textOn, white } from '../palette.ts'
import type { Actor } from '../schema-types.ts'
import { displayLabel, estimateTextWidth, formatNumber, secondaryLabel } from '../text.ts'
import type { SceneContext, SceneNode } from '../types.ts'
import { elementGroup, font, lockBadge, SECONDARY_LINE_H, secondaryLine } from './common.ts'

const BAND_H = 24
const PAD = 10
const RADIUS = 8
const METER_SEGMENT = 7
const METER_GAP = 2

/** The five squares of the commitment meter from (x, y), filled up to `step` (0–4, −1 none). */
export function commitmentMeter(step: number, x: number, y: number): SceneNode[] {
  return commitments.map((_, index) =>
    rect(`meter${index}`, {
      x: x + index * (METER_SEGMENT + METER_GAP),
      y,
      width: METER_SEGMENT,
      height: 7,
      cornerRadius: 1.5,
      fill: index <= step ? meterColors.filled : meterColors.empty,
      ...(index <= step ? {} : { stroke: meterColors.emptyStroke, strokeWidth: 0.75 }),
    }),
  )
}

/** The stance mark: a white pill with the stance's sign, its right edge at `right`. */
export function stanceMark(stance: Stance, ctx: SceneContext, right: number, y = 5): SceneNode[] {
  const sign = ctx.t(`scene.stance.${stance}`)
  const width = stanceMarkWidth(sign)
  return [
    rect('stancePill', { x: right - width, y, width, height: 14, cornerRadius: 7, fill: white }),
    text('stance', {
      x: right - width,
      y,
      width,
      height: 14,
      text: sign,
      align: 'center',
      verticalAlign: 'middle',
      fill: stanceColors[stance],
      ...font(ctx, 11, true),
    }),
  ]
}
const stanceMarkWidth = (sign: string) => Math.max(16, estimateTextWidth(sign, 11, true) + 8)

/**
 * An actor card: a band in the sector colour with the sector's icon and name (colour and
 * icon), the country code and a stance marker (+/–); the actor's name; the commitment as a
 * five-step meter with its name, and the space need.
 */
export function buildActor(actor: Actor, ctx: SceneContext): SceneNode {
  const { w, h } = actor
  const color = sectorColors[actor.sector]
  const onBand = textOn(color)
  const name = displayLabel(actor, ctx) || ctx.t('scene.untitled')

  // Band, right to left: country, stance; the sector name takes what is left.
  let right = w - PAD + 2
  const country = actor.country
    ? text('country', {
        x: right - 22,
        y: 0,
        width: 22,
        height: BAND_H,
        text: actor.country,
        align: 'right',
        verticalAlign: 'middle',
        fill: onBand,
        ...font(ctx, 11, true),
      })
    : null
  if (country) right -= 26
  const stanceW = actor.stance ? stanceMarkWidth(ctx.t(`scene.stance.${actor.stance}`)) : 0
  const stance = actor.stance ? stanceMark(actor.stance, ctx, right) : []
  if (actor.stance) right -= stanceW + 4

  const bottomRow = h >= 64
  const nameTop = BAND_H + 6
  const nameSpace = Math.max(14, h - nameTop - (bottomRow ? 24 : 4))
  // a bilingual board: the other language's name beneath, when a line of the name still fits
  const second = secondaryLabel(actor, ctx)
  const showSecond = second !== undefined && nameSpace >= 16 + SECONDARY_LINE_H
  const nameH = showSecond ? nameSpace - SECONDARY_LINE_H : nameSpace

  const step = commitments.indexOf(actor.commitment)
  const meterW = 5 * METER_SEGMENT + 4 * METER_GAP
  const need =
    actor.spaceNeedM2 === undefined ? '' : ctx.t('scene.actor.spaceNeed', { area: formatNumber(actor.spaceNeedM2, ctx.locale) })
  const needW = need ? Math.min(w / 2, estimateTextWidth(need, 11, true) + 4) : 0
  const rowY = h - 19

  return elementGroup(
    actor.id,
    actor.x,
    actor.y,
    present([
      rect('shadow', { x: 0, y: 1.5, width: w, height: h, cornerRadius: RADIUS, fill: '#101828', opacity: 0.08 }),
      rect('bg', { width: w, height: h, cornerRadius: RADIUS, fill: surface, stroke: lineColor, strokeWidth: 1 }, true),
      rect('band', { width: w, height: Math.min(BAND_H, h), cornerRadius: [RADIUS, RADIUS, 0, 0], fill: color }),
      icon('icon', sectorIcons[actor.sector], 7, 4, 16, onBand),
      text('sector', {
        x: 28,
        y: 0,
        width: Math.max(0, right - 28 - 4),
        height: BAND_H,
        text: ctx.t(`enum.sector.${actor.sector}`),
        verticalAlign: 'middle',
        fill: onBand,
        ...font(ctx, 11, true),
      }),
      ...stance,
      country,
      text('name', {
        x: PAD,
        y: nameTop,
        width: w - 2 * PAD,
        height: nameH,
        text: name,
        wrap: 'word',
        lineHeight: 1.2,
        fill: ink,
        ...font(ctx, 13, true),
      }),
      showSecond ? secondaryLine(ctx, PAD, nameTop + nameH, w - 2 * PAD, second) : null,
      ...(bottomRow
        ? [
            ...commitmentMeter(step, PAD, rowY + 4),
            text('commitment', {
              x: PAD + meterW + 6,
              y: rowY,
              width: Math.max(0, w - 2 * PAD - meterW - 6 - needW - 4),
              height: 15,
              text: ctx.t(`enum.commitment.${actor.commitment}`),
              verticalAlign: 'middle',
              fill: inkMuted,
              ...font(ctx, 11),
            }),
            need
              ? text('need', {
                  x: w - PAD - needW,
                  y: rowY,
                  width: needW,
                  height: 15,
                  text: need,
                  align: 'right',
                  verticalAlign: 'middle',
                  fill: ink,
                  ...font(ctx, 11, true),
                })
              : null,
          ]
        : []),
      actor.locked ? lockBadge(w, 0) : null,
    ]),
  )
}
