import { batch, createMemo, onCleanup } from 'solid-js'
import { createStore, produce, reconcile } from 'solid-js/store'
import type * as Y from 'yjs'
import { getElements, getMeta, getSite, isYMap, readTitle } from '../../shared/schema/layout.ts'
import type { SiteProfile } from '../api.ts'

/**
 * An element as the UI reads it: the fields of its `Y.Map` (CONTRACT.md, "Yjs layout") as plain
 * values. Kinds and fields are validated by `shared/schema`; the UI only reads.
 */
export type BoardElement = Readonly<{ id: string; kind: string } & Record<string, unknown>>

export interface BoardState {
  elements: Record<string, BoardElement>
  /** The live site profile (`doc.getMap('site')`); empty until someone writes it. */
  site: SiteProfile
  /** The live board title (`meta.title`), once the server or a facilitator wrote it. */
  title: string | undefined
}

type ElementsMap = Y.Map<unknown>

function readElement(id: string, value: unknown): BoardElement | undefined {
  if (!isYMap(value)) return undefined
  const fields = value.toJSON() as Record<string, unknown>
  return { ...fields, id, kind: typeof fields.kind === 'string' ? fields.kind : 'unknown' }
}

function readElements(elements: ElementsMap): Record<string, BoardElement> {
  const result: Record<string, BoardElement> = {}
  for (const [id, value] of elements) {
    const element = readElement(id, value)
    if (element) result[id] = element
  }
  return result
}

/** Ids of the elements an `observeDeep` batch touched: added, removed or with changed fields. */
export function touchedElementIds(elements: ElementsMap, events: readonly Y.YEvent<Y.AbstractType<unknown>>[]): Set<string> {
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

/**
 * The one binding from a board's Y.Doc to Solid (STYLE.md). It patches only the elements a Yjs
 * transaction touched, and `reconcile` keeps unchanged fields' signals quiet, so a view that
 * reads one field of one element re-runs only when that field changes. The returned state is
 * read-only: writes go through typed operations into the document. Call it inside a reactive
 * owner; the observers go away with the owner.
 */
export function createBoardStore(doc: Y.Doc) {
  const elements = getElements(doc)
  const site = getSite(doc)
  const meta = getMeta(doc)
  const [state, setState] = createStore<BoardState>({
    elements: readElements(elements),
    site: site.toJSON() as SiteProfile,
    title: readTitle(doc),
  })

  // One Yjs transaction → one batch: views update once, however many elements it touched.
  const onElements = (events: Y.YEvent<Y.AbstractType<unknown>>[]) =>
    batch(() => {
      for (const id of touchedElementIds(elements, events)) {
        const element = readElement(id, elements.get(id))
        if (element) setState('elements', id, reconcile(element))
        else
          setState(
            'elements',
            produce((all) => delete all[id]),
          )
      }
    })
  const onSite = () => setState('site', reconcile(site.toJSON() as SiteProfile))
  const onMeta = () => setState('title', readTitle(doc))

  elements.observeDeep(onElements)
  site.observeDeep(onSite)
  meta.observe(onMeta)
  onCleanup(() => {
    elements.unobserveDeep(onElements)
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
