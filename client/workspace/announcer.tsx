import { createEffect, createSignal, on, onCleanup, untrack } from 'solid-js'
import { unwrap } from 'solid-js/store'
import * as Y from 'yjs'
import type { FacilitationState } from '../../shared/facilitation/state.ts'
import { announceRemote } from '../a11y/announce-preference.ts'
import { type Announcer, createAnnouncer } from '../a11y/announcer.ts'
import { type RemoteAction, type RemoteChange, remoteSummary, type SummaryWords } from '../a11y/remote-summary.ts'
import { useBoard } from '../board/board-context.ts'
import type { BoardElement } from '../board/board-store.ts'
import { mirrorEntryId } from '../canvas/canvas-mirror-model.ts'
import { readingOrder } from '../canvas/keyboard-walk.ts'
import { locale, t } from '../i18n/locale.ts'
import { outlineParts } from './outline/outline-names.ts'

/** The board page's announcer while one is open (the actions say their results through it). */
let current: Announcer | null = null
export const boardAnnouncer = (): Announcer | null => current

/**
 * "Makers e.V., actor, Creative industries, Letter of intent, 3 of 17": the element named as the
 * outline and the canvas's list name it, then its place in the order the keys walk the board
 * (`keyboard-walk.ts`: top to bottom, then left to right; links are not walked and have no place).
 */
export function describeElement(element: BoardElement, all: Readonly<Record<string, BoardElement>>): string {
  const plain = unwrap(all) // the plain objects: no store proxy per field on a large board
  const parts = outlineParts(element, (id) => plain[id])
  const order = readingOrder(plain)
  const index = order.indexOf(element.id)
  if (index >= 0) parts.push(t('announce.position', { index: index + 1, total: order.length }))
  return parts.join(', ')
}

/** Remote changes in words of the page's language. */
const summaryWords: SummaryWords = {
  sentence: (action: RemoteAction, name, items) =>
    t(action === 'added' ? 'announce.remoteAdded' : action === 'changed' ? 'announce.remoteChanged' : 'announce.remoteRemoved', {
      name,
      items,
    }),
  count: (kind, count) => t(`announce.kindCount.${kind}` as never, { count }),
  list: (items) => new Intl.ListFormat(locale(), { type: 'conjunction' }).format(items),
}

/**
 * The board page's polite live region, visually hidden: it says the selection when it changes,
 * a summary of others' changes (at most one every five seconds) and the live workshop's events.
 */
export function BoardAnnouncer() {
  const session = useBoard()
  const { store, selection, connection, facilitation } = session
  const [text, setText] = createSignal('')
  const announcer = createAnnouncer({ write: setText })
  current = announcer
  onCleanup(() => {
    announcer.dispose()
    if (current === announcer) current = null
  })

  // the selection
  const readAsFocus = (id: string) => {
    const canvas = document.querySelector('[data-testid="board-canvas"]')
    return !!canvas && document.activeElement === canvas && canvas.getAttribute('aria-activedescendant') === mirrorEntryId(id)
  }
  createEffect(
    on(
      selection.ids,
      (ids) => {
        if (ids.length === 1) {
          const id = ids[0] ?? ''
          const element = store.state.elements[id]
          if (!element) return
          const text = describeElement(element, store.state.elements)
          // the element the keys walked to is read by the screen reader as the canvas's active
          // descendant (canvas-mirror.tsx); said here too it would be heard twice. The canvas marks
          // its key focus in the frame after the selection: look in the one after that.
          requestAnimationFrame(() =>
            requestAnimationFrame(() => {
              if (!readAsFocus(id)) announcer.announce(text)
            }),
          )
        } else if (ids.length > 1) announcer.announce(t('announce.selectedMany', { count: ids.length }))
      },
      { defer: true },
    ),
  )

  // others' changes: the transactions that came from the server, by whom (whose clocks moved)
  const doc = connection.doc
  // biome-ignore lint/suspicious/noExplicitAny: the type `tr.changed` is keyed by
  const elements = doc.getMap('elements') as unknown as Y.AbstractType<Y.YEvent<any>>
  const nameOf = (client: number): string | null => {
    const state = connection.provider.awareness.getStates().get(client) as { user?: { name?: unknown } } | undefined
    return typeof state?.user?.name === 'string' ? state.user.name : null
  }
  // the kind of each element, kept across transactions: a removed element's kind is gone from the doc
  const kinds = new Map<string, string>()
  for (const element of Object.values(untrack(() => store.state.elements))) kinds.set(element.id, element.kind)
  const elementsMap = doc.getMap('elements')
  /** What a transaction did to which elements (and keeps `kinds` up to date). */
  const changesOf = (tr: Y.Transaction): RemoteChange[] => {
    const ids = new Set<string>()
    for (const [type, keys] of tr.changed) {
      if (type === elements) {
        for (const key of keys) if (key) ids.add(key)
        continue
      }
      // a field of an element: walk up to the element's key in the elements map
      let item = type._item
      while (item && item.parent !== elements) item = (item.parent as Y.AbstractType<unknown>)._item
      if (item?.parentSub) ids.add(item.parentSub)
    }
    const changes: RemoteChange[] = []
    for (const id of ids) {
      const now = elementsMap.get(id)
      const kind = now instanceof Y.Map ? now.get('kind') : undefined
      const before = kinds.get(id)
      if (typeof kind === 'string') {
        kinds.set(id, kind)
        changes.push({ id, kind, action: before === undefined ? 'added' : 'changed' })
      } else if (before !== undefined) {
        kinds.delete(id)
        changes.push({ id, kind: before, action: 'removed' })
      }
    }
    return changes
  }
  const onTransaction = (tr: Y.Transaction) => {
    if (tr.changed.size === 0) return
    const changes = changesOf(tr)
    // not the board arriving when the page opens (or after a reconnect): only changes made meanwhile
    if (tr.local || tr.origin === session.writes.origin || !connection.provider.synced || !announceRemote()) return
    if (changes.length === 0) return
    const authors = new Set<string>()
    for (const [client, clock] of tr.afterState) {
      if (client !== doc.clientID && clock > (tr.beforeState.get(client) ?? 0)) {
        const name = nameOf(client)
        if (name) authors.add(name)
      }
    }
    if (authors.size === 0) {
      // a removal moves no clock: when one other person is here, it was theirs
      const others = [...connection.provider.awareness.getStates().keys()].filter((c) => c !== doc.clientID)
      const only = others.length === 1 ? nameOf(others[0] as number) : null
      if (only) authors.add(only)
    }
    for (const name of authors) {
      announcer.summarize(`remote:${name}`, changes, (batches) => remoteSummary(name, batches.flat(), summaryWords))
    }
  }
  doc.on('afterTransaction', onTransaction)
  onCleanup(() => doc.off('afterTransaction', onTransaction))

  // this person's actions whose result shows nowhere near the focus: deleted elements, a new link
  const onLocal = (tr: Y.Transaction) => {
    if (tr.origin !== session.writes.origin) return
    const keys = tr.changed.get(elements)
    if (!keys) return
    let deleted = 0
    let links = 0
    for (const key of keys) {
      if (!key) continue
      const now = doc.getMap('elements').get(key)
      if (now === undefined) deleted++
      else if (now instanceof Y.Map && now.get('kind') === 'link') links++
    }
    if (deleted > 0 && links === 0) announcer.announce(t('announce.deleted', { count: deleted }))
    else if (links > 0 && deleted === 0) announcer.announce(t('announce.linkCreated'))
  }
  doc.on('afterTransaction', onLocal)
  onCleanup(() => doc.off('afterTransaction', onLocal))
  const onPopped = (event: { type: 'undo' | 'redo' }) =>
    announcer.announce(t(event.type === 'undo' ? 'announce.undone' : 'announce.redone'))
  session.writes.undoManager.on('stack-item-popped', onPopped)
  onCleanup(() => session.writes.undoManager.off('stack-item-popped', onPopped))

  // the live workshop
  let previous: FacilitationState | null = null
  let warnedAt: number | null = null
  createEffect(() => {
    const now = facilitation.state()
    const before = previous
    previous = now
    if (!before) return
    const steps = now.agenda.steps
    if (now.agenda.current !== before.agenda.current && now.agenda.current !== null) {
      const index = now.agenda.current
      const step = steps[index]
      if (step) announcer.announce(`${t('facilitation.step', { number: index + 1, count: steps.length })}: ${step.title}`)
    }
    if (now.editingPaused !== before.editingPaused) {
      announcer.announce(now.editingPaused ? t('facilitation.paused') : t('announce.editingResumed'))
    }
    if ((now.vote?.open ?? false) !== (before.vote?.open ?? false)) {
      announcer.announce(now.vote?.open ? t('announce.voteOpened') : t('vote.closedMeanwhile'))
    }
  })
  createEffect(() => {
    const timer = facilitation.state().timer
    const remaining = facilitation.remaining()
    if (!timer.running || timer.endsAt === null) return
    if (remaining <= 60_000 && remaining > 55_000 && warnedAt !== timer.endsAt) {
      warnedAt = timer.endsAt
      announcer.announce(t('announce.oneMinute'))
    }
  })
  createEffect(
    on(
      () => facilitation.state().timer.running && facilitation.remaining() <= 0,
      (up) => {
        if (up) announcer.announce(t('facilitation.timeUp'))
      },
      { defer: true },
    ),
  )

  return (
    <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-testid="announcer">
      {text()}
    </div>
  )
}
