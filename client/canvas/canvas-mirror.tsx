import { createEffect, createMemo, createSignal, For, onCleanup, Show, untrack } from 'solid-js'
import { useBoard } from '../board/board-context.ts'
import type { BoardElement } from '../board/board-store.ts'
import { enumLabel, t } from '../i18n/locale.ts'
import { outlineName } from '../workspace/outline/outline-panel.tsx'
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
 * it as the focus moves. The order is re-sorted at most once a frame after a change of the
 * document (one subscription to the board's document binding); each option's name follows its
 * element through the store. A large board lists a window of `MIRROR_WINDOW` elements around
 * the focus, each with its place in the whole (`aria-posinset`/`aria-setsize`).
 */
export function CanvasMirror(props: { host: HTMLElement }) {
  const { binding, store, selection } = useBoard()
  const read = () => untrack(() => store.state.elements)
  // one subscription to the document: a change re-reads the order at most once a frame
  const [version, setVersion] = createSignal(0)
  let frame: number | null = null
  const unsubscribe = binding.subscribe((change) => {
    if (change.elements.size === 0 || frame !== null) return
    frame = requestAnimationFrame(() => {
      frame = null
      setVersion((n) => n + 1)
    })
  })
  onCleanup(() => {
    unsubscribe()
    if (frame !== null) cancelAnimationFrame(frame)
  })
  const order = createMemo(
    () => {
      version()
      return readingOrder(read())
    },
    [],
    { equals: sameIds },
  )

  // the element the keys are on: the canvas marks it on its host
  const [focused, setFocused] = createSignal<string | null>(props.host.dataset.keyFocus ?? null)
  const observer = new MutationObserver(() => setFocused(props.host.dataset.keyFocus ?? null))
  observer.observe(props.host, { attributes: true, attributeFilter: ['data-key-focus'] })
  onCleanup(() => observer.disconnect())

  const listed = createMemo(() => {
    const ids = selection.ids()
    return mirrorWindow(order(), focused() ?? ids[ids.length - 1] ?? null)
  })
  const whole = () => order().length <= MIRROR_WINDOW
  const links = createMemo(
    () => {
      version()
      return mirrorLinks(read(), order(), whole() ? undefined : new Set(listed().ids))
    },
    [],
    { equals: sameIds },
  )
  const selected = createMemo(() => new Set(selection.ids()))

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
            aria-selected={selected().has(id)}
            aria-posinset={whole() ? undefined : listed().start + index() + 1}
            aria-setsize={whole() ? undefined : order().length}
          >
            {element(id) ? outlineName(element(id) as BoardElement) : id}
          </div>
        )}
      </For>
      <Show when={links().length > 0}>
        {/* biome-ignore lint/a11y/useSemanticElements: a group of options inside a list box (a fieldset is for form controls) */}
        <div role="group" aria-label={enumLabel('elementKindPlural', 'link')}>
          <For each={links()}>
            {(id) => (
              // biome-ignore lint/a11y/useFocusableInteractive: read in the list, as the outline lists links; the focus stays on the canvas
              <div role="option" id={mirrorEntryId(id)} aria-selected={selected().has(id)}>
                {linkSentence(id)}
              </div>
            )}
          </For>
        </div>
      </Show>
    </div>
  )
}
