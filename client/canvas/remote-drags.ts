import type { Awareness } from 'y-protocols/awareness'
import { boxOf, type ElementLike } from './board-geometry.ts'
import { createFrameTask } from './frame-scheduler.ts'

type Overrides = ReadonlyMap<string, { x?: number; y?: number; w?: number; h?: number }>

/** What another client publishes while dragging (presence-state.ts `drag`), narrowed. */
export function readDrag(state: unknown): { ids: string[]; dx: number; dy: number } | null {
  if (typeof state !== 'object' || state === null) return null
  const drag = (state as { drag?: unknown }).drag
  if (typeof drag !== 'object' || drag === null) return null
  const { ids, dx, dy } = drag as Record<string, unknown>
  if (!Array.isArray(ids) || typeof dx !== 'number' || typeof dy !== 'number' || !Number.isFinite(dx) || !Number.isFinite(dy))
    return null
  return { ids: ids.filter((id): id is string => typeof id === 'string').slice(0, 5000), dx, dy }
}

/**
 * Shows other people's drags in progress: each client's `drag` becomes a preview source
 * `peer:<clientId>` of the renderer, from the elements' stored positions plus the offset.
 * Nothing is written; when they drop, their one `element.move` arrives and the preview ends.
 */
export function followRemoteDrags(
  awareness: Awareness,
  elements: () => Readonly<Record<string, ElementLike>>,
  setPreview: (source: string, overrides: Overrides) => void,
): () => void {
  const shown = new Set<string>()
  const task = createFrameTask(() => {
    const seen = new Set<string>()
    for (const [clientId, state] of awareness.getStates()) {
      if (clientId === awareness.clientID) continue
      const drag = readDrag(state)
      if (!drag) continue
      const source = `peer:${clientId}`
      seen.add(source)
      const all = elements()
      const overrides = new Map<string, { x: number; y: number }>()
      for (const id of drag.ids) {
        const box = boxOf(all[id])
        if (box) overrides.set(id, { x: box.x + drag.dx, y: box.y + drag.dy })
      }
      setPreview(source, overrides)
      shown.add(source)
    }
    for (const source of [...shown]) {
      if (seen.has(source)) continue
      setPreview(source, new Map())
      shown.delete(source)
    }
  })
  const onChange = () => task.schedule()
  awareness.on('change', onChange)
  return () => {
    awareness.off('change', onChange)
    task.cancel()
    for (const source of shown) setPreview(source, new Map())
  }
}
