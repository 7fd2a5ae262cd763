import { snapPhaseBox, type Timeline } from '../../../shared/scene/timeline.ts'
import type { Element } from '../../../shared/schema/elements.ts'

/** Temporary geometry of an element (a drag or resize in progress), in board coordinates. */
export type PreviewGeometry = { x?: number; y?: number; w?: number; h?: number }

/** Temporary geometry by source (own drag, each peer's drag), merged per element. */
export function createPreviews() {
  const sources = new Map<string, ReadonlyMap<string, PreviewGeometry>>()
  return {
    /** Replaces what `source` previews (an empty map clears it); returns the ids it touched, before and now. */
    set(source: string, overrides: ReadonlyMap<string, PreviewGeometry>): Set<string> {
      const before = sources.get(source)
      if (overrides.size === 0) sources.delete(source)
      else sources.set(source, new Map(overrides))
      return new Set([...(before?.keys() ?? []), ...overrides.keys()])
    },
    /** Every source's preview of `id` merged, later sources winning per field. */
    of(id: string): PreviewGeometry | undefined {
      let merged: PreviewGeometry | undefined
      for (const overrides of sources.values()) {
        const preview = overrides.get(id)
        if (preview) merged = { ...merged, ...preview }
      }
      return merged
    },
  }
}

/** `element` where a preview puts it; a phase snapped to the months it will get. */
export function withPreview(element: Element, preview: PreviewGeometry | undefined, timeline: Timeline): Element {
  if (!preview || element.kind === 'link') return element
  const w = preview.w !== undefined && preview.w > 0 ? preview.w : element.w
  const h = preview.h !== undefined && preview.h > 0 ? preview.h : element.h
  const x = preview.x ?? element.x
  if (element.kind === 'phase') {
    // a phase being dragged or resized shows where it lands and the months it will get
    const snapped = snapPhaseBox({ x, w }, timeline)
    return { ...element, x: snapped.x, y: preview.y ?? element.y, w: snapped.w, h, start: snapped.start, end: snapped.end }
  }
  return { ...element, x, y: preview.y ?? element.y, w, h }
}
