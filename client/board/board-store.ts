import { batch, createMemo, onCleanup } from 'solid-js'
import { createStore, produce, reconcile } from 'solid-js/store'
import type * as Y from 'yjs'
import type { LanguageCode } from '../../shared/i18n/languages.ts'
import { getMeta, getSite, readTitle } from '../../shared/schema/layout.ts'
import type { SiteProfile } from '../api.ts'
import { createDocumentBinding, type DocumentBinding } from './document-binding.ts'

/**
 * An element as the UI reads it: the fields of its `Y.Map` (CONTRACT.md, "Yjs layout") as plain
 * values, as `shared/schema` read them (valid kind and fields; unknown fields stripped). The UI
 * only reads.
 */
export type BoardElement = Readonly<{ id: string; kind: string } & Record<string, unknown>>

export interface BoardState {
  elements: Record<string, BoardElement>
  /** The live site profile (`doc.getMap('site')`); empty until someone writes it. */
  site: SiteProfile
  /** The live board title (`meta.title`), once the server or a facilitator wrote it. */
  title: string | undefined
  /** The board's working languages (`settings.languages`), in the facilitator's order. */
  languages: readonly LanguageCode[]
  /** Cards show a second working language (`settings.showBothLanguages`). */
  showBothLanguages: boolean
  /** The month at the left edge of the phasing timeline (`settings.timelineOrigin`, or the default). */
  timelineOrigin: string
}

function readElements(binding: DocumentBinding): Record<string, BoardElement> {
  const result: Record<string, BoardElement> = {}
  for (const id of binding.ids()) {
    const element = binding.read(id)
    if (element) result[id] = element
  }
  return result
}

/**
 * The one binding from a board's Y.Doc to Solid (STYLE.md). Its elements come from the board's
 * document binding (`client/board/document-binding.ts`, validated: an invalid element is absent,
 * as on the canvas, which draws from the same binding); it patches only the elements a Yjs
 * transaction touched, and `reconcile` keeps unchanged fields' signals quiet, so a view that
 * reads one field of one element re-runs only when that field changes. The returned state is
 * read-only: writes go through typed operations into the document. Call it inside a reactive
 * owner; the subscriptions go away with the owner (a binding it was given stays open, one it
 * made itself is destroyed).
 */
export function createBoardStore(doc: Y.Doc, shared?: DocumentBinding) {
  const binding = shared ?? createDocumentBinding(doc)
  const site = getSite(doc)
  const meta = getMeta(doc)
  const [state, setState] = createStore<BoardState>({
    elements: readElements(binding),
    site: site.toJSON() as SiteProfile,
    title: readTitle(doc),
    languages: binding.languages,
    showBothLanguages: binding.showBothLanguages,
    timelineOrigin: binding.timeline.originMonth,
  })

  // One Yjs transaction → one batch: views update once, however many elements it touched.
  const unsubscribe = binding.subscribe((change) => {
    if (change.settings.has('languages')) setState('languages', reconcile([...binding.languages]))
    if (change.settings.has('showBothLanguages')) setState('showBothLanguages', binding.showBothLanguages)
    if (change.settings.has('timelineOrigin')) setState('timelineOrigin', binding.timeline.originMonth)
    if (change.elements.size === 0) return
    batch(() => {
      for (const id of change.elements) {
        const element = binding.read(id)
        if (element) setState('elements', id, reconcile(element))
        else
          setState(
            'elements',
            produce((all) => delete all[id]),
          )
      }
    })
  })
  const onSite = () => setState('site', reconcile(site.toJSON() as SiteProfile))
  const onMeta = () => setState('title', readTitle(doc))

  site.observeDeep(onSite)
  meta.observe(onMeta)
  onCleanup(() => {
    unsubscribe()
    if (!shared) binding.destroy()
    site.unobserveDeep(onSite)
    meta.unobserve(onMeta)
  })

  /** Number of elements of each kind, for summaries (and, later, the outline view). */
  const countsByKind = createMemo(() => {
    const counts: Record<string, number> = {}
    for (const element of Object.values(state.elements)) counts[element.kind] = (counts[element.kind] ?? 0) + 1
    return counts
  })
  const elementCount = createMemo(() => Object.keys(state.elements).length)

  return { state, countsByKind, elementCount } as const
}

export type BoardStore = ReturnType<typeof createBoardStore>
