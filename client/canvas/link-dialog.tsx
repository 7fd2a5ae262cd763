import { createEffect, createMemo, createSignal, For, on, Show } from 'solid-js'
import { relations } from '../../shared/schema/enums.ts'
import { newElementId } from '../../shared/schema/ids.ts'
import { useBoard } from '../board/board-context.ts'
import { Dialog } from '../components/dialog.tsx'
import { enumLabel, t } from '../i18n/locale.ts'
import { defaultRelation } from './board-geometry.ts'
import type { CanvasApi } from './canvas-api.ts'
import { readingOrder } from './keyboard-walk.ts'

/**
 * "Link to…" (Ctrl/Cmd+K, the context menu): the keyboard's way to draw a link. The other
 * elements in a filterable list box (in reading order), a relation, and one `link.add`.
 */
export function LinkDialog(props: { canvas: CanvasApi }) {
  const { store, writes, selection } = useBoard()
  const from = () => props.canvas.linkingFrom()
  const [filter, setFilter] = createSignal('')
  const [target, setTarget] = createSignal('')
  const [relation, setRelation] = createSignal<string>('supports')

  const name = (id: string) => {
    const element = store.state.elements[id] as { kind: string; label?: string } | undefined
    if (!element) return id
    const label = element.label?.trim()
    return `${label || '—'} (${enumLabel('elementKind', element.kind)})`
  }
  const candidates = createMemo(() => {
    const source = from()
    if (!source) return []
    const words = filter().trim().toLowerCase()
    return readingOrder(store.state.elements)
      .filter((id) => id !== source)
      .filter((id) => !words || name(id).toLowerCase().includes(words))
  })
  // a fresh dialog: no filter, the first candidate chosen
  createEffect(
    on(from, (source) => {
      if (!source) return
      setFilter('')
      setTarget('')
    }),
  )
  createEffect(() => {
    const list = candidates()
    if (!list.includes(target())) setTarget(list[0] ?? '')
  })
  createEffect(() => {
    const source = store.state.elements[from() ?? '']
    const to = store.state.elements[target()]
    if (source && to) setRelation(defaultRelation(source.kind, to.kind))
  })

  const close = () => props.canvas.setLinkingFrom(null)
  const submit = (event: SubmitEvent) => {
    event.preventDefault()
    const source = from()
    const to = target()
    if (!source || !to) return
    const id = newElementId('l')
    const result = writes.apply({
      type: 'link.add',
      link: { id, from: source, to, relation: relation() as (typeof relations)[number] },
    })
    if (result.ok) selection.set([id])
    close()
  }

  return (
    <Dialog open={from() !== null} onClose={close} title={t('action.linkTo')}>
      <form class="link-dialog" data-testid="link-dialog" onSubmit={submit}>
        <div class="field">
          <label class="field__label" for="link-dialog-filter">
            {t('linkDialog.filter')}
          </label>
          <input
            id="link-dialog-filter"
            class="input"
            type="search"
            autocomplete="off"
            autofocus
            value={filter()}
            onInput={(event) => setFilter(event.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label class="field__label" for="link-dialog-target">
            {t('linkDialog.target')}
          </label>
          <select
            id="link-dialog-target"
            class="input select"
            size={8}
            required
            value={target()}
            onChange={(event) => setTarget(event.currentTarget.value)}
          >
            <For each={candidates()}>
              {(id) => (
                <option value={id} selected={id === target()}>
                  {name(id)}
                </option>
              )}
            </For>
          </select>
        </div>
        <div class="field">
          <label class="field__label" for="link-dialog-relation">
            {t('field.relation')}
          </label>
          <select
            id="link-dialog-relation"
            class="input select"
            value={relation()}
            onChange={(event) => setRelation(event.currentTarget.value)}
          >
            <For each={relations}>
              {(value) => (
                <option value={value} selected={value === relation()}>
                  {enumLabel('relation', value)}
                </option>
              )}
            </For>
          </select>
        </div>
        <div class="form__actions">
          <button type="button" class="button" onClick={close}>
            {t('app.cancel')}
          </button>
          <Show when={candidates().length > 0}>
            <button type="submit" class="button button--primary" data-testid="link-dialog-submit">
              {t('tool.link')}
            </button>
          </Show>
        </div>
      </form>
    </Dialog>
  )
}
