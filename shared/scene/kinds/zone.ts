import { path, present, rect, text } from '../nodes.ts'
import { ink, inkMuted, zoneColors } from '../palette.ts'
import { patternPath } from '../patterns.ts'
import type { Zone } from '../schema-types.ts'
import { displayLabel, estimateTextWidth, formatNumber, formatPercent, secondaryLabel } from '../text.ts'
import type { SceneContext, SceneNode } from '../types.ts'
import { elementGroup, font, lockBadge, SECONDARY_LINE_H, secondaryLine } from './common.ts'

const INSET = 8
const PLATE_PAD = 8
const METER_W = 90
const TAB_GAP = 8
/** Height of the tab above a zone's top edge that names it. */
export const ZONE_TAB_H = 22

/**
 * A zone of the site plan: a dashed outline over a light hatched area, with a tab above its top
 * edge naming it and its floor area (never under the cards placed in it), and — when its uses
 * are known — a plate inside with the planned area and occupancy and a small bar (over 100 % it
 * turns red and says so).
 */
export function buildZone(zone: Zone, ctx: SceneContext): SceneNode {
  const { w, h } = zone
  const label = displayLabel(zone, ctx) || ctx.t('scene.untitled')
  const area = zone.areaM2 === undefined ? '' : ctx.t('scene.area', { area: formatNumber(zone.areaM2, ctx.locale) })
  const planned = ctx.plannedAreaOf?.(zone.id)
  const occupancy = planned !== undefined && zone.areaM2 ? planned / zone.areaM2 : undefined
  const plannedText =
    planned === undefined
      ? ''
      : occupancy === undefined
        ? ctx.t('scene.zone.planned', { area: formatNumber(planned, ctx.locale) })
        : ctx.t('scene.zone.occupancy', {
            area: formatNumber(planned, ctx.locale),
            percent: formatPercent(occupancy, ctx.locale),
          })
  const over = occupancy !== undefined && occupancy > 1

  // The name and area sit on a tab above the top edge (like a frame's title), where the cards
  // placed in the zone never cover them; the planned area and occupancy stay inside.
  const labelW = estimateTextWidth(label, 12.5, true)
  const areaW = area ? estimateTextWidth(area, 11) : 0
  const tabW = Math.min(w, Math.max(48, labelW + (area ? areaW + TAB_GAP : 0) + 2 * PLATE_PAD + 4))
  const tabInnerW = Math.max(0, tabW - 2 * PLATE_PAD)
  const labelShownW = Math.min(labelW + 4, tabInnerW)
  const tab: SceneNode[] = [
    rect('tab', {
      x: 0,
      y: -ZONE_TAB_H,
      width: tabW,
      height: ZONE_TAB_H,
      cornerRadius: [4, 4, 0, 0],
      fill: '#ffffff',
      stroke: zoneColors.stroke,
      strokeWidth: 1,
      opacity: 0.95,
    }),
    text('label', {
      x: PLATE_PAD,
      y: -ZONE_TAB_H,
      width: labelShownW,
      height: ZONE_TAB_H,
      text: label,
      verticalAlign: 'middle',
      fill: ink,
      ...font(ctx, 12.5, true),
    }),
  ]
  if (area && labelShownW + TAB_GAP + areaW <= tabInnerW + 1)
    tab.push(
      text('area', {
        x: PLATE_PAD + labelShownW + TAB_GAP,
        y: -ZONE_TAB_H,
        width: areaW + 4,
        height: ZONE_TAB_H,
        text: area,
        verticalAlign: 'middle',
        fill: inkMuted,
        ...font(ctx, 11),
      }),
    )

  const maxPlateW = Math.max(0, w - 2 * INSET)
  // a bilingual board: the name in the other language opens the plate inside the zone
  const second = secondaryLabel(zone, ctx)
  const contentW = Math.max(
    estimateTextWidth(plannedText, 11),
    second === undefined ? 0 : estimateTextWidth(second, 11),
    occupancy === undefined ? 0 : METER_W,
  )
  const plateW = Math.min(maxPlateW, contentW + 2 * PLATE_PAD + 4)
  const innerW = Math.max(0, plateW - 2 * PLATE_PAD)
  const rows: SceneNode[] = []
  let y = INSET + 5
  const fits = (lineH: number) => y + lineH <= h - INSET
  if (second !== undefined && fits(SECONDARY_LINE_H)) {
    rows.push(secondaryLine(ctx, INSET + PLATE_PAD, y, innerW, second))
    y += SECONDARY_LINE_H + 2
  }
  if (plannedText && fits(14)) {
    rows.push(
      text('planned', {
        x: INSET + PLATE_PAD,
        y,
        width: innerW,
        height: 14,
        text: over ? `${plannedText} · ${ctx.t('scene.zone.overplanned')}` : plannedText,
        fill: over ? zoneColors.overplanned : inkMuted,
        ...font(ctx, 11, over),
      }),
    )
    y += 16
    if (occupancy !== undefined && fits(8)) {
      const meterW = Math.min(METER_W, innerW)
      rows.push(
        rect('meterTrack', { x: INSET + PLATE_PAD, y: y + 1, width: meterW, height: 5, cornerRadius: 2.5, fill: '#eaecf0' }),
        rect('meterFill', {
          x: INSET + PLATE_PAD,
          y: y + 1,
          width: meterW * Math.min(1, occupancy),
          height: 5,
          cornerRadius: 2.5,
          fill: over ? zoneColors.overplanned : '#475467',
        }),
      )
      y += 10
    }
  }
  const plateH = y - INSET + 2

  return elementGroup(
    zone.id,
    zone.x,
    zone.y,
    present([
      rect('bg', { width: w, height: h, fill: zoneColors.fill, opacity: 0.85 }, true),
      path('hatch', {
        data: patternPath('diagonal', w, h, 14),
        width: w,
        height: h,
        stroke: zoneColors.hatch,
        strokeWidth: 1,
        opacity: 0.45,
      }),
      rect('outline', { width: w, height: h, stroke: zoneColors.stroke, strokeWidth: 1.5, dash: [8, 5] }),
      rows.length > 0
        ? rect('plate', { x: INSET, y: INSET, width: plateW, height: plateH, cornerRadius: 4, fill: '#ffffff', opacity: 0.92 })
        : null,
      ...rows,
      ...tab,
      zone.locked ? lockBadge(w, 0) : null,
    ]),
  )
}
