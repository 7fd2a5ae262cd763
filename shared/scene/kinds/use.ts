import type { UseCategory } from '../../schema/enums.ts'
import { categoryIcons, glyphs } from '../icons.ts'
import { icon, path, present, rect, text } from '../nodes.ts'
import { categoryColors, categoryGroupOf, categoryTint, ink, inkMuted, textOn } from '../palette.ts'
import { categoryPatterns, isFilledPattern, patternPath } from '../patterns.ts'
import type { Use } from '../schema-types.ts'
import { displayLabel, estimateLines, estimateTextWidth, formatNumber, secondaryLabel } from '../text.ts'
import type { SceneContext, SceneNode } from '../types.ts'
import { elementGroup, font, lockBadge, SECONDARY_LINE_H, secondaryLine } from './common.ts'

const PAD = 8
const BADGE = 24
const RADIUS = 3
const STRIP = 14

/**
 * What tells a use's category on its block of height `h`: the strip along the left edge in the
 * category colour with its group's pattern, and the badge with the category's icon.
 */
export function categoryMarks(category: UseCategory, h: number): SceneNode[] {
  const color = categoryColors[category]
  const pattern = categoryPatterns[categoryGroupOf(category)]
  const patternData = patternPath(pattern, STRIP, h, 7)
  const left = STRIP + 6
  return present([
    rect('strip', { width: STRIP, height: h, cornerRadius: [RADIUS, 0, 0, RADIUS], fill: color, opacity: 0.22 }),
    patternData
      ? path('pattern', {
          data: patternData,
          width: STRIP,
          height: h,
          ...(isFilledPattern(pattern) ? { fill: color } : { stroke: color, strokeWidth: 1.2 }),
          opacity: 0.9,
        })
      : null,
    rect('stripEdge', { x: STRIP, width: 1.5, height: h, fill: color }),
    rect('badge', { x: left + 4, y: PAD, width: BADGE, height: BADGE, cornerRadius: 5, fill: color }),
    icon('icon', categoryIcons[category], left + 8, PAD + 4, 16, textOn(color)),
  ])
}

/**
 * A use block: tinted in its category colour, with the category group's pattern along the
 * left strip, an icon badge, the label, the category and floor area, and the zone it is
 * planned in (a pin and the zone's name, looked up through `elementsById`).
 */
export function buildUse(use: Use, ctx: SceneContext): SceneNode {
  const { w, h } = use
  const color = categoryColors[use.category]
  const label = displayLabel(use, ctx) || ctx.t('scene.untitled')

  const left = STRIP + 6
  const labelX = left + BADGE + 8
  const labelW = Math.max(0, w - labelX - PAD)
  let lines = Math.min(2, estimateLines(label, 13, labelW, true))

  const hasRows = h >= 58
  const hasZoneRow = h >= 76
  const zoneY = h - 19
  const categoryY = hasZoneRow ? zoneY - 17 : h - 19
  // a bilingual board: the other language's label beneath, the label giving up its second line if need be
  const second = secondaryLabel(use, ctx)
  const labelBottom = hasRows ? categoryY : h - 2
  const fitsSecond = (n: number) => PAD + Math.max(BADGE, n * 16) + SECONDARY_LINE_H <= labelBottom
  if (second !== undefined && lines === 2 && !fitsSecond(2)) lines = 1
  const showSecond = second !== undefined && fitsSecond(lines)
  const labelH = Math.max(BADGE, lines * 16)

  const area =
    use.areaM2 === undefined ? ctx.t('scene.use.noArea') : ctx.t('scene.area', { area: formatNumber(use.areaM2, ctx.locale) })
  const areaW = Math.min(w / 2, estimateTextWidth(area, 11, true) + 4)

  const zone = use.zone === undefined ? undefined : ctx.elementsById(use.zone)
  const zoneText =
    use.zone === undefined
      ? ctx.t('scene.use.noZone')
      : zone && zone.kind === 'zone'
        ? displayLabel(zone, ctx) || ctx.t('scene.untitled')
        : ctx.t('scene.use.missingZone')

  return elementGroup(
    use.id,
    use.x,
    use.y,
    present([
      rect(
        'bg',
        { width: w, height: h, cornerRadius: RADIUS, fill: categoryTint(use.category), stroke: color, strokeWidth: 1.5 },
        true,
      ),
      ...categoryMarks(use.category, h),
      text('label', {
        x: labelX,
        y: PAD + (lines === 1 ? (BADGE - 16) / 2 : 0),
        width: labelW,
        height: Math.min(labelH, Math.max(16, h - PAD - 4)),
        text: label,
        wrap: 'word',
        lineHeight: 1.2,
        fill: ink,
        ...font(ctx, 13, true),
      }),
      showSecond ? secondaryLine(ctx, labelX, PAD + labelH, labelW, second) : null,
      ...(hasRows
        ? [
            text('category', {
              x: left + 4,
              y: categoryY,
              width: Math.max(0, w - left - 4 - PAD - areaW - 4),
              height: 15,
              text: ctx.t(`enum.useCategory.${use.category}`),
              verticalAlign: 'middle',
              fill: inkMuted,
              ...font(ctx, 11),
            }),
            text('area', {
              x: w - PAD - areaW,
              y: categoryY,
              width: areaW,
              height: 15,
              text: area,
              align: 'right',
              verticalAlign: 'middle',
              fill: ink,
              ...font(ctx, 11, true),
            }),
          ]
        : []),
      ...(hasZoneRow
        ? [
            icon('zoneIcon', glyphs.pin, left + 3, zoneY + 1, 13, inkMuted, 1.4),
            text('zone', {
              x: left + 20,
              y: zoneY,
              width: Math.max(0, w - left - 20 - PAD),
              height: 15,
              text: zoneText,
              verticalAlign: 'middle',
              fill: zone || use.zone === undefined ? inkMuted : '#b42318',
              ...font(ctx, 11),
            }),
          ]
        : []),
      use.locked ? lockBadge(w, 0) : null,
    ]),
  )
}
