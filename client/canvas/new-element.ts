import { defaultTimeline, MONTH_WIDTH_PX, monthNumber, snapPhaseBox, type Timeline } from '../../shared/scene/timeline.ts'
import type { ElementInput } from '../../shared/schema/elements.ts'
import { newElementId } from '../../shared/schema/ids.ts'
import type { CreationTool, DrawingTool } from './tools.ts'
import type { Point } from './viewport.ts'

/** A box in board coordinates, as elements store it. */
export type ElementBox = { x: number; y: number; w: number; h: number }

/** Default sizes of new elements (board px). */
export const defaultSizes: Record<CreationTool, { w: number; h: number }> = {
  actor: { w: 180, h: 90 },
  use: { w: 180, h: 90 },
  note: { w: 160, h: 160 },
  zone: { w: 320, h: 200 },
  frame: { w: 640, h: 420 },
  phase: { w: 6 * MONTH_WIDTH_PX, h: 60 },
}

/** Smallest sizes the resize handles allow (board px). */
export const minSizes: Record<string, { w: number; h: number }> = {
  actor: { w: 100, h: 50 },
  use: { w: 100, h: 50 },
  note: { w: 60, h: 60 },
  zone: { w: 60, h: 40 },
  frame: { w: 120, h: 80 },
  phase: { w: MONTH_WIDTH_PX, h: 30 },
  image: { w: 32, h: 32 },
}

export const minSizeOf = (kind: string): { w: number; h: number } => minSizes[kind] ?? { w: 20, h: 20 }

/**
 * The box a drawing tool makes from a drag between `a` and `b` (either corner first): the
 * dragged rectangle, at least the kind's smallest size; a phase snapped to whole months of the
 * board's timeline (its left edge and width), so what is dragged is what it schedules.
 */
export function drawnBox(kind: DrawingTool, a: Point, b: Point, timeline: Timeline = defaultTimeline): ElementBox {
  const min = minSizeOf(kind)
  const x = Math.round(Math.min(a.x, b.x))
  const y = Math.round(Math.min(a.y, b.y))
  const w = Math.max(min.w, Math.round(Math.abs(b.x - a.x)))
  const h = Math.max(min.h, Math.round(Math.abs(b.y - a.y)))
  if (kind !== 'phase') return { x, y, w, h }
  const snapped = snapPhaseBox({ x: Math.min(a.x, b.x), w: Math.abs(b.x - a.x) }, timeline)
  return { x: snapped.x, y, w: snapped.w, h }
}

/**
 * A new element of `kind` centred at `at`, with the defaults a workshop starts from. `label`
 * comes from the catalog (`canvas.new.<kind>`); phases snap to whole months of the timeline.
 */
export function newElementAt(kind: CreationTool, at: Point, label: string, timeline: Timeline = defaultTimeline): ElementInput {
  const { w, h } = defaultSizes[kind]
  return newElementIn(kind, { x: Math.round(at.x - w / 2), y: Math.round(at.y - h / 2), w, h }, label, timeline)
}

/** A new element of `kind` in `box` (a drawn rectangle); a phase gets the months its box covers. */
export function newElementIn(
  kind: CreationTool,
  box: ElementBox,
  label: string,
  timeline: Timeline = defaultTimeline,
): ElementInput {
  const { x, y, w, h } = box
  const base = { x, y, w, h, label }
  switch (kind) {
    case 'actor':
      return { id: newElementId('a'), kind, ...base, sector: 'creative', commitment: 'idea' }
    case 'use':
      return { id: newElementId('u'), kind, ...base, category: 'other', areaM2: 0 }
    case 'note':
      return { id: newElementId('n'), kind, ...base, color: 'yellow' }
    case 'zone':
      return { id: newElementId('z'), kind, ...base }
    case 'frame':
      return { id: newElementId('f'), kind, ...base }
    case 'phase': {
      const snapped = snapPhaseBox({ x, w }, timeline)
      return {
        id: newElementId('p'),
        kind,
        ...base,
        x: snapped.x,
        w: snapped.w,
        stage: 'analysis',
        start: snapped.start,
        end: snapped.end,
      }
    }
  }
}

/** True when `start` (`YYYY-MM`) is a month before the one `today` is in (local time). */
export const startsBeforeMonth = (start: string, today: Date): boolean =>
  monthNumber(start) < today.getFullYear() * 12 + today.getMonth()
