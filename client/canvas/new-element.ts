import { defaultTimeline, MONTH_WIDTH_PX, snapPhaseBox, type Timeline } from '../../shared/scene/timeline.ts'
import type { ElementInput } from '../../shared/schema/elements.ts'
import { newElementId } from '../../shared/schema/ids.ts'
import type { CreationTool } from './tools.ts'
import type { Point } from './viewport.ts'

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
 * A new element of `kind` centred at `at`, with the defaults a workshop starts from. `label`
 * comes from the catalog (`canvas.new.<kind>`); phases snap to whole months of the timeline.
 */
export function newElementAt(kind: CreationTool, at: Point, label: string, timeline: Timeline = defaultTimeline): ElementInput {
  const { w, h } = defaultSizes[kind]
  const x = Math.round(at.x - w / 2)
  const y = Math.round(at.y - h / 2)
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
