import { type Accessor, createSignal, onCleanup } from 'solid-js'
import { unwrap } from 'solid-js/store'
import type * as Y from 'yjs'
import { type AnalysableDocument, analyse } from '../../../shared/analysis/analyse.ts'
import { type BoardIndex, indexBoard } from '../../../shared/analysis/board-index.ts'
import type { Analysis } from '../../../shared/analysis/types.ts'
import { getSettings } from '../../../shared/schema/layout.ts'
import type { SettingsInput } from '../../../shared/schema/settings.ts'
import type { BoardStore } from '../../board/board-store.ts'

export interface LiveAnalysis {
  analysis: Analysis
  /** the elements the analysis read, by kind and id (for matrix cells and gap names) */
  index: BoardIndex
}

export interface Timers {
  now(): number
  setTimeout(fn: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

const realTimers: Timers = {
  now: () => performance.now(),
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
}

/**
 * Runs `fn` soon after a burst of `schedule()` calls and at most once per `intervalMs`: the
 * first change after a quiet spell runs after `minDelayMs` (about a frame), a stream of changes
 * (a drag of many cards, a remote paste) every `intervalMs`. So the panel follows the board
 * within ~100 ms without re-analysing on every keystroke.
 */
export function createThrottle(fn: () => void, intervalMs = 100, minDelayMs = 16, timers: Timers = realTimers) {
  let pending: unknown = null
  let lastRun = Number.NEGATIVE_INFINITY
  const run = () => {
    pending = null
    lastRun = timers.now()
    fn()
  }
  return {
    schedule() {
      if (pending !== null) return
      const wait = Math.max(minDelayMs, intervalMs - (timers.now() - lastRun))
      pending = timers.setTimeout(run, wait)
    },
    cancel() {
      if (pending !== null) timers.clearTimeout(pending)
      pending = null
    },
  }
}

/**
 * The document the client already keeps in sync (the board store's plain objects, no
 * re-read of the Y.Doc) in the shape `analyse` reads. The analysis is robust to loosely typed
 * fields (docs/analysis.md, "Robust"), so the store's unparsed values are fine here.
 */
export function documentFromStore(store: BoardStore, settings: SettingsInput | undefined): AnalysableDocument {
  const state = unwrap(store.state)
  return {
    site: state.site as AnalysableDocument['site'],
    elements: Object.values(state.elements) as unknown as AnalysableDocument['elements'],
    ...(settings ? { settings: settings as AnalysableDocument['settings'] } : {}),
  }
}

function readSettingsInput(doc: Y.Doc): SettingsInput | undefined {
  const map = getSettings(doc)
  return map.size === 0 ? undefined : (map.toJSON() as SettingsInput)
}

/**
 * The analysis of the open board, kept current: every transaction on the doc (local or remote)
 * schedules one throttled re-run over the board store. Call inside a reactive owner (the
 * panel): it stops with it.
 */
export function createLiveAnalysis(doc: Y.Doc, store: BoardStore, intervalMs = 100): Accessor<LiveAnalysis> {
  const compute = (): LiveAnalysis => {
    const document = documentFromStore(store, readSettingsInput(doc))
    return { analysis: analyse(document), index: indexBoard(document) }
  }
  const [current, setCurrent] = createSignal<LiveAnalysis>(compute())
  const throttle = createThrottle(() => setCurrent(compute()), intervalMs)
  // afterTransaction runs after the store's observers have patched it, so the re-run reads the new state
  const onTransaction = () => throttle.schedule()
  doc.on('afterTransaction', onTransaction)
  onCleanup(() => {
    doc.off('afterTransaction', onTransaction)
    throttle.cancel()
  })
  return current
}
