import type * as Y from 'yjs'
import type { LanguageCode } from '../../shared/i18n/languages.ts'
import { createTimeline, type Timeline } from '../../shared/scene/timeline.ts'
import { readElement } from '../../shared/schema/convert.ts'
import type { Element } from '../../shared/schema/elements.ts'
import { getElements, getSettings } from '../../shared/schema/layout.ts'
import { Settings } from '../../shared/schema/settings.ts'

/** What one Yjs event changed: element ids (added, removed, edited) and settings keys. */
export interface DocumentChange {
  readonly elements: ReadonlySet<string>
  readonly settings: ReadonlySet<string>
}

/**
 * A board document as validated elements: the one place a view reads the Y.Doc's `elements` and
 * `settings` maps from and hears about their changes. Elements are read through
 * `shared/schema` (`readElement`), so a view never sees a malformed one: it is absent until
 * it is valid again. An open board has one (`BoardSession.binding`): its Solid store and its
 * canvas renderer both subscribe to it, so the doc has one `elements` observer per board.
 */
export interface DocumentBinding {
  /** The ids in the elements map, valid or not (read each with `read`). */
  ids(): IterableIterator<string>
  /** The valid element under `id`; undefined when there is none or it does not validate. */
  read(id: string): Element | undefined
  /** The timeline of the board's `settings.timelineOrigin` (phases' months). */
  readonly timeline: Timeline
  /** The board's working languages (`settings.languages`; empty when none are chosen). */
  readonly languages: readonly LanguageCode[]
  /** Whether cards show their label in a second working language (`settings.showBothLanguages`). */
  readonly showBothLanguages: boolean
  /** Called once per Yjs event with what it touched; returns an unsubscribe. */
  subscribe(listener: (change: DocumentChange) => void): () => void
  destroy(): void
}

const NONE: ReadonlySet<string> = new Set()

/** The working languages a settings map holds; anything malformed reads as none. */
export function readWorkingLanguages(settings: Y.Map<unknown>): LanguageCode[] {
  const parsed = Settings.shape.languages.safeParse(settings.get('languages'))
  return parsed.success ? (parsed.data ?? []) : []
}

/** Ids of the elements an `observeDeep` batch touched: added, removed or with changed fields. */
export function touchedElementIds(elements: Y.Map<unknown>, events: readonly Y.YEvent<Y.AbstractType<unknown>>[]): Set<string> {
  const ids = new Set<string>()
  for (const event of events) {
    if (event.target === elements) {
      for (const key of event.keys.keys()) ids.add(key)
    } else {
      const id = event.path[0]
      if (typeof id === 'string') ids.add(id)
    }
  }
  return ids
}

export function createDocumentBinding(doc: Y.Doc): DocumentBinding {
  const elements = getElements(doc)
  const settings = getSettings(doc)
  const listeners = new Set<(change: DocumentChange) => void>()
  let timeline = createTimeline(settings.get('timelineOrigin'))
  let languages = readWorkingLanguages(settings)

  const emit = (change: DocumentChange) => {
    for (const listener of listeners) listener(change)
  }
  const onElements = (events: Y.YEvent<Y.AbstractType<unknown>>[]) =>
    emit({ elements: touchedElementIds(elements, events), settings: NONE })
  const onSettings = (event: Y.YMapEvent<unknown>) => {
    if (event.keysChanged.has('timelineOrigin')) timeline = createTimeline(settings.get('timelineOrigin'))
    if (event.keysChanged.has('languages')) languages = readWorkingLanguages(settings)
    emit({ elements: NONE, settings: event.keysChanged })
  }
  elements.observeDeep(onElements)
  settings.observe(onSettings)
  let destroyed = false

  return {
    ids: () => elements.keys(),
    read(id) {
      const read = readElement(elements.get(id), id)
      return read.ok ? read.value : undefined
    },
    get timeline() {
      return timeline
    },
    get languages() {
      return languages
    },
    get showBothLanguages() {
      return settings.get('showBothLanguages') === true
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    destroy() {
      if (destroyed) return
      destroyed = true
      elements.unobserveDeep(onElements)
      settings.unobserve(onSettings)
      listeners.clear()
    },
  }
}
