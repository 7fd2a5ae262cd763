import { createEffect, createRoot, createSignal, on, onCleanup } from 'solid-js'
import { render } from 'solid-js/web'
import type { BoardSession } from '../../board/board-context.ts'
import { activeCanvas } from '../../canvas/canvas-api.ts'
import type { DiffItem } from './diff-sentences.ts'
import type { Snapshot } from './snapshot-api.ts'
import { SnapshotOverlay } from './snapshot-overlay.tsx'

export type LoadStatus = 'loading' | 'ready' | 'failed'

/** What the canvas area shows: the live board, one snapshot read-only, or a comparison. */
export type SnapshotMode =
  | { kind: 'live' }
  | { kind: 'view'; snapshot: Snapshot }
  | { kind: 'compare'; from: Snapshot; to: Snapshot | 'live' }

export interface DiffState {
  status: LoadStatus
  items: readonly DiffItem[]
  counts: { added: number; removed: number; changed: number }
}

const emptyDiff: DiffState = { status: 'loading', items: [], counts: { added: 0, removed: 0, changed: 0 } }

const [mode, setMode] = createSignal<SnapshotMode>({ kind: 'live' })
const [diffState, setDiffState] = createSignal<DiffState>(emptyDiff)
let stopCurrent: (() => void) | null = null
let zoomToItem: ((elementId: string) => void) | null = null

/**
 * The snapshot mode of the open board (one board is open at a time, like `activeCanvas()`).
 * It lives outside the snapshots panel on purpose: switching the side panel to another tab
 * keeps a comparison on the canvas, and its banner (drawn over the canvas) ends it.
 */
export { diffState, mode as snapshotMode }

/** Ends a view or comparison: the live canvas as it was, highlights and ghosts gone. */
export function backToLive(): void {
  const stop = stopCurrent
  stopCurrent = null
  zoomToItem = null
  setMode({ kind: 'live' })
  setDiffState(emptyDiff)
  stop?.()
}

/** Shows `snapshot` read-only over the canvas. */
export function openSnapshot(session: BoardSession, snapshot: Snapshot): void {
  start(session, { kind: 'view', snapshot })
}

/** Compares two states; the older snapshot is always `from`, so "added" means added since then. */
export function compareSnapshots(session: BoardSession, a: Snapshot, b: Snapshot | 'live'): void {
  if (b !== 'live' && b.createdAt < a.createdAt) start(session, { kind: 'compare', from: b, to: a })
  else start(session, { kind: 'compare', from: a, to: b })
}

/** Zooms the canvas (or the compared snapshot) to an element of the difference list. */
export function zoomToDiffElement(elementId: string): void {
  zoomToItem?.(elementId)
}

export function setDiffZoom(zoom: ((elementId: string) => void) | null): void {
  zoomToItem = zoom
}

export { setDiffState }

function start(session: BoardSession, next: Exclude<SnapshotMode, { kind: 'live' }>): void {
  backToLive()
  const canvas = activeCanvas()
  const container = canvas?.stage.container()
  const area = container?.closest('.ws-main') ?? container?.parentElement?.parentElement
  if (!canvas || !(area instanceof HTMLElement)) return
  setMode(next)
  createRoot((dispose) => {
    stopCurrent = dispose
    const host = document.createElement('div')
    host.className = 'snap-layer'
    area.append(host)
    const unmount = render(() => <SnapshotOverlay session={session} canvas={canvas} mode={next} />, host)
    onCleanup(() => {
      unmount()
      host.remove()
    })
    // the board closed or the canvas was rebuilt (a resync): nothing left to draw on
    createEffect(
      on(
        activeCanvas,
        (current) => {
          if (current !== canvas) queueMicrotask(backToLive)
        },
        { defer: true },
      ),
    )
  })
}
