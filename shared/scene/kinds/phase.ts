import type { Stage } from '../../schema/enums.ts'
import { path, present, rect, text } from '../nodes.ts'
import { stageColors, textOn } from '../palette.ts'
import { isFilledPattern, patternPath, stagePatterns } from '../patterns.ts'
import type { Phase } from '../schema-types.ts'
import { clipText, displayLabel, estimateTextWidth, formatMonthSpan } from '../text.ts'
import { monthBoundaries, monthSpan } from '../timeline.ts'
import type { SceneContext, SceneNode } from '../types.ts'
import { elementGroup, font, lockBadge } from './common.ts'

const PAD = 8
const RADIUS = 6
const TICK = 5
const YEAR_TICK = 10

/** A phase's bar of w×h in its stage's colour and pattern. */
export function stageFill(stage: Stage, w: number, h: number): SceneNode[] {
  const color = stageColors[stage]
  const onBar = textOn(color)
  const pattern = stagePatterns[stage]
  const patternData = patternPath(pattern, w, h, 9)
  return present([
    rect('bg', { width: w, height: h, cornerRadius: RADIUS, fill: color }, true),
    patternData
      ? path('pattern', {
          data: patternData,
          width: w,
          height: h,
          ...(isFilledPattern(pattern) ? { fill: onBar } : { stroke: onBar, strokeWidth: 1 }),
          opacity: 0.13,
        })
      : null,
  ])
}

/**
 * A phase: a bar in the stage colour with the stage's pattern, its label, its months
 * in the UI locale ("Mar 2027 – Feb 2028 · 12 months", `formatMonthSpan`), tick marks at every month boundary along the bottom
 * (longer at each new year), and the uses and actors it schedules, by name, cut to fit.
 * Ticks follow the board's timeline, so they line up across phases.
 */
export function buildPhase(phase: Phase, ctx: SceneContext): SceneNode {
  const { w, h } = phase
  const color = stageColors[phase.stage]
  const onBar = textOn(color)
  const label = displayLabel(phase, ctx) || ctx.t(`enum.stage.${phase.stage}`)

  const ticks = monthBoundaries(ctx.timeline, phase.x, w)
  const tickData = ticks
    .map(({ x, month }) => {
      const local = Math.round((x - phase.x) * 10) / 10
      return `M${local} ${h}v-${month.endsWith('-01') ? YEAR_TICK : TICK}`
    })
    .join('')

  const textW = Math.max(0, w - 2 * PAD)
  const months = monthSpan(phase.start, phase.end)
  const span = formatMonthSpan(phase.start, phase.end, ctx.locale)
  const withMonths = `${span} · ${ctx.t('scene.phase.months', { count: months })}`
  const dates = estimateTextWidth(withMonths, 11) <= textW ? withMonths : span
  const refs = refsText(phase, ctx, textW)

  const rows: SceneNode[] = []
  let y = 6
  const room = (lineH: number) => y + lineH <= h - TICK - 2
  if (room(15)) {
    rows.push(
      text('label', {
        x: PAD,
        y,
        width: textW,
        height: 16,
        text: label,
        fill: onBar,
        ...font(ctx, 12.5, true),
        verticalAlign: 'middle',
      }),
    )
    y += 17
  }
  if (room(14)) {
    rows.push(
      text('dates', { x: PAD, y, width: textW, height: 14, text: dates, fill: onBar, ...font(ctx, 11), verticalAlign: 'middle' }),
    )
    y += 15
  }
  if (room(14)) {
    rows.push(
      text('refs', { x: PAD, y, width: textW, height: 14, text: refs, fill: onBar, ...font(ctx, 11), verticalAlign: 'middle' }),
    )
  }

  return elementGroup(
    phase.id,
    phase.x,
    phase.y,
    present([
      ...stageFill(phase.stage, w, h),
      tickData ? path('ticks', { data: tickData, width: w, height: h, stroke: onBar, strokeWidth: 1, opacity: 0.7 }) : null,
      ...rows,
      phase.locked ? lockBadge(w, 0) : null,
    ]),
  )
}

/** "schedules: Open workshop, Artist studios +4", cut to about `width` px. */
function refsText(phase: Phase, ctx: SceneContext, width: number): string {
  const refs = phase.refs ?? []
  if (refs.length === 0) return ctx.t('scene.phase.noRefs')
  const names = refs.map((id) => {
    const element = ctx.elementsById(id)
    return element && element.kind !== 'link'
      ? displayLabel(element, ctx) || ctx.t('scene.untitled')
      : ctx.t('scene.phase.missingRef')
  })
  const whole = ctx.t('scene.phase.refs', { names: names.join(', ') })
  if (estimateTextWidth(whole, 11) <= width) return whole
  // Keep as many whole names as fit, then "+N" for the rest; the first name may be cut.
  for (let shown = names.length - 1; shown >= 1; shown--) {
    const more = ctx.t('scene.phase.more', { count: names.length - shown })
    const candidate = `${ctx.t('scene.phase.refs', { names: names.slice(0, shown).join(', ') })} ${more}`
    if (estimateTextWidth(candidate, 11) <= width) return candidate
  }
  // Not even one name fits: say how many.
  return clipText(ctx.t('scene.phase.refCount', { count: names.length }), 11, width)
}
