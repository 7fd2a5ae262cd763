import { createEffect, createMemo, createSelector, createSignal, For, onCleanup, Show } from 'solid-js'
import { unwrap } from 'solid-js/store'
import { useBoard } from '../board/board-context.ts'
import type { BoardElement } from '../board/board-store.ts'
import { enumLabel, t } from '../i18n/locale.ts'
import { outlineName } from '../workspace/outline/outline-names.ts'
import { MIRROR_WINDOW, mirrorEntryId, mirrorLinks, mirrorWindow, sameIds } from './canvas-mirror-model.ts'
import { readingOrder } from './keyboard-walk.ts'

const str = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value : undefined)

/** An end of a link in a sentence: its name, else its kind. */
const endName = (element: BoardElement | undefined, id: string) =>
  element ? (str(element.label) ?? str(element.alt) ?? t(`export.kind.${element.kind}` as never)) : id

/**
 * The board canvas as the accessibility tree sees it: a visually hidden list box inside the
 * canvas (`host`, a `role="application"`), one option per element in the key walk's reading
 * order, named as the outline names it ("Makers e.V., actor, Creative industries"), then the
 * links as sentences ("Makers e.V. operates Open workshop"). The element the keys are on (the
 * host's `data-key-focus`) becomes the host's `aria-activedescendant`, so a screen reader reads
 * it as the focus moves. The order is re-sorted at most once a frame, and only after a change
 * of an element's place, kind or link ends (one subscription to the board's document binding;
 * the store's plain objects read, no proxies); each option's name follows its element through
 * the store. A large board lists a window of `MIRROR_WINDOW` elements around
 * the focus, each with its place in the whole (`aria-posinset`/`aria-setsize`).
 */
export function CanvasMirror(props: { host: HTMLElement }) {
  const { binding, store, selection } = useBoard()
  // the plain elements behind the store (no proxy, no tracking): the order follows `version`
  const plain = () => unwrap(store.state.elements)
  // one subscription to the document: at most once a frame, the changed elements are checked,
  // and only a change of place, kind or link ends (not a label) re-sorts
  const [version, setVersion] = createSignal(0)
  const places = new Map<string, string>()
  const placeOf = (element: BoardElement | undefined) =>
    !element
      ? ''
      : element.kind === 'link'
        ? `link ${element.from} ${element.to}`
        : `${element.x} ${element.y} ${element.w} ${element.h}`
  for (const element of Object.values(plain())) places.set(element.id, placeOf(element))
  const pending = new Set<string>()
  let frame: number | null = null
  const check = () => {
    frame = null
    const elements = plain()
    let moved = false
    for (const id of pending) {
      const place = placeOf(elements[id])
      if (places.get(id) === place) continue
      moved = true
      if (place) places.set(id, place)
      else places.delete(id)
    }
    pending.clear()
    if (moved) setVersion((n) => n + 1)
  }
  const unsubscribe = binding.subscribe((change) => {
    for (const id of change.elements) pending.add(id)
    if (pending.size > 0 && frame === null) frame = requestAnimationFrame(check)
  })
  onCleanup(() => {
    unsubscribe()
    if (frame !== null) cancelAnimationFrame(frame)
  })
  const order = createMemo(
    () => {
      version()
      return readingOrder(plain())
    },
    [],
    { equals: sameIds },
  )

  // the element the keys are on: the canvas marks it on its host
  const [focused, setFocused] = createSignal<string | null>(props.host.dataset.keyFocus ?? null)
  const observer = new MutationObserver(() => setFocused(props.host.dataset.keyFocus ?? null))
  observer.observe(props.host, { attributes: true, attributeFilter: ['data-key-focus'] })
  onCleanup(() => observer.disconnect())

  // the same window again (a Tab within it) changes nothing downstream
  const listed = createMemo(
    () => {
      const ids = selection.ids()
      return mirrorWindow(order(), focused() ?? ids[ids.length - 1] ?? null)
    },
    undefined,
    { equals: (a, b) => a !== undefined && a.start === b.start && sameIds(a.ids, b.ids) },
  )
  const whole = () => order().length <= MIRROR_WINDOW
  const links = createMemo(
    () => {
      version()
      return mirrorLinks(plain(), order(), whole() ? undefined : new Set(listed().ids))
    },
    [],
    { equals: sameIds },
  )
  // an option hears of the selection only when its own state changes
  const selected = createSelector(selection.ids, (id: string, ids) => ids.includes(id))

  const element = (id: string) => store.state.elements[id]
  const linkSentence = (id: string) => {
    const link = element(id)
    if (!link) return ''
    const from = String(link.from)
    const to = String(link.to)
    return `${endName(element(from), from)} ${enumLabel('relation', String(link.relation))} ${endName(element(to), to)}`
  }

  // the canvas's active descendant: the focused element's option, once it is listed
  createEffect(() => {
    const id = focused()
    if (id && listed().ids.includes(id)) props.host.setAttribute('aria-activedescendant', mirrorEntryId(id))
    else props.host.removeAttribute('aria-activedescendant')
  })
  onCleanup(() => props.host.removeAttribute('aria-activedescendant'))

  return (
    <div role="listbox" class="visually-hidden" aria-label={t('canvas.mirror')} data-testid="canvas-mirror">
      <For each={listed().ids}>
        {(id, index) => (
          // biome-ignore lint/a11y/useFocusableInteractive: reached through the canvas's aria-activedescendant, the focus stays on the canvas
          <div
            role="option"
            id={mirrorEntryId(id)}
            aria-selected={selected(id)}
            aria-posinset={whole() ? undefined : listed().start + index() + 1}
            aria-setsize={whole() ? undefined : order().length}
          >
            {element(id) ? outlineName(element(id) as BoardElement, element) : id}
          </div>
        )}
      </For>
      <Show when={links().length > 0}>
        {/* biome-ignore lint/a11y/useSemanticElements: a group of options inside a list box (a fieldset is for form controls) */}
        <div role="group" aria-label={enumLabel('elementKindPlural', 'link')}>
          <For each={links()}>
            {(id) => (
              // biome-ignore lint/a11y/useFocusableInteractive: read in the list, as the outline lists links; the focus stays on the canvas
              <div role="option" id={mirrorEntryId(id)} aria-selected={selected(id)}>
                {linkSentence(id)}
              </div>
            )}
          </For>
        </div>
      </Show>
    </div>
  )
}
