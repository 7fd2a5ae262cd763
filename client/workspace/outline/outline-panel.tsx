import { createEffect, createMemo, createSignal, For, on, Show } from 'solid-js'
import { relations } from '../../../shared/schema/enums.ts'
import { canEdit, canFacilitate } from '../../../shared/schema/roles.ts'
import { useBoard } from '../../board/board-context.ts'
import type { BoardElement } from '../../board/board-store.ts'
import { activeCanvas } from '../../canvas/canvas-api.ts'
import type { CreationTool } from '../../canvas/tools.ts'
import { enumLabel, t } from '../../i18n/locale.ts'
import { frameOf, outlineGroups, positionInside } from './outline-model.ts'
import './outline.css'

const addable: CreationTool[] = ['actor', 'use', 'zone', 'phase', 'note', 'frame']

const str = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value : undefined)

/** The element's key fields in words: "Makers e.V., actor, Creative industries, Letter of intent". */
export function outlineName(element: BoardElement): string {
  const parts = [str(element.label) ?? str(element.alt) ?? str(element.text), t(`export.kind.${element.kind}` as never)]
  if (element.kind === 'actor')
    parts.push(
      str(element.sector) && enumLabel('sector', element.sector as string),
      str(element.commitment) && enumLabel('commitment', element.commitment as string),
    )
  if (element.kind === 'use') {
    parts.push(str(element.category) && enumLabel('useCategory', element.category as string))
    if (typeof element.areaM2 === 'number' && element.areaM2 > 0) parts.push(`${element.areaM2} m²`)
  }
  if (element.kind === 'phase')
    parts.push(str(element.start) && str(element.end) ? `${element.start} – ${element.end}` : undefined)
  return parts.filter((part): part is string => !!part).join(', ')
}

/**
 * A new element opens the canvas's text editor for its name; once it closes (kept or dropped),
 * focus comes back to the element's line in the outline, where the person was working.
 */
function returnFocusAfterEditing(id: string) {
  const started = performance.now()
  let opened = false
  const check = () => {
    const editor = document.querySelector('[data-testid="canvas-text-editor"]')
    if (editor) opened = true
    else if (opened || performance.now() - started > 1000) {
      const active = document.activeElement
      if (!active || active === document.body || active.closest('[data-testid="board-canvas"]')) {
        document.getElementById(`outline-item-${id}`)?.focus()
      }
      return
    }
    if (performance.now() - started < 120_000) requestAnimationFrame(check)
  }
  requestAnimationFrame(check)
}

/**
 * The Outline tab: the whole board as a text list a keyboard or screen-reader user can work in —
 * frames first (an element belongs to the frame holding its centre), then "Not in a frame"; in
 * each the contents by kind, every element a named button (pressed when selected on the canvas)
 * with its links in words. Actions on the selected element below: edit, link to, move into a
 * frame or zone, delete, lock. Everything reads the live store, so edits and remote changes show.
 */
export function OutlinePanel(props: { onEdit?: () => void }) {
  const { store, selection, writes, role } = useBoard()
  const elements = createMemo(() => Object.values(store.state.elements))
  const groups = createMemo(() => outlineGroups(elements()))
  const byId = (id: string) => store.state.elements[id]
  const labelOf = (id: string) => {
    const element = byId(id)
    return element ? (str(element.label) ?? str(element.alt) ?? t(`export.kind.${element.kind}` as never)) : id
  }
  const linksOf = (id: string) => elements().filter((e) => e.kind === 'link' && (e.from === id || e.to === id))
  const relationText = (link: BoardElement) =>
    `${labelOf(link.from as string)} ${enumLabel('relation', link.relation as string)} ${labelOf(link.to as string)}`
  const current = createMemo(() => {
    const ids = selection.ids()
    return ids.length === 1 ? byId(ids[0] ?? '') : undefined
  })
  const editable = () => canEdit(role()) && !(current()?.locked && !canFacilitate(role()))

  // a selection made on the canvas: its line scrolls into view here (without taking focus)
  createEffect(
    on(current, (element) => {
      if (element) document.getElementById(`outline-item-${element.id}`)?.scrollIntoView({ block: 'nearest' })
    }),
  )
  /** Up/Down walk the lines, Home/End jump to the first and last (Tab still reaches each action). */
  const walk = (event: KeyboardEvent): boolean => {
    const lines = [...document.querySelectorAll<HTMLElement>('.outline .outline__item')]
    const at = lines.indexOf(event.currentTarget as HTMLElement)
    const to =
      event.key === 'ArrowDown'
        ? at + 1
        : event.key === 'ArrowUp'
          ? at - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? lines.length - 1
              : -1
    const line = lines[to]
    if (at < 0 || !line) return false
    event.preventDefault()
    line.focus()
    return true
  }
  /** Delete on a selected line removes it, as on the canvas. */
  const onItemKey = (event: KeyboardEvent, element: BoardElement) => {
    if (walk(event)) return
    if (event.key !== 'Delete' || current()?.id !== element.id || !editable()) return
    event.preventDefault()
    event.stopPropagation()
    remove()
  }

  const select = (element: BoardElement) => {
    selection.set([element.id])
    const canvas = activeCanvas()
    const { x, y, w, h } = element as Record<string, unknown>
    if (!canvas || typeof x !== 'number' || typeof y !== 'number' || typeof w !== 'number' || typeof h !== 'number') return
    const view = canvas.viewport()
    const size = canvas.size()
    canvas.setView({
      scale: view.scale,
      x: size.width / 2 - (x + w / 2) * view.scale,
      y: size.height / 2 - (y + h / 2) * view.scale,
    })
  }

  const add = (kind: CreationTool) => {
    const canvas = activeCanvas()
    if (!canvas) return
    const focused = current()
    const frame = focused
      ? focused.kind === 'frame'
        ? focused
        : frameOf(
            focused,
            elements().filter((e) => e.kind === 'frame'),
          )
      : null
    const at =
      frame && kind !== 'frame'
        ? { x: (frame.x as number) + (frame.w as number) / 2, y: (frame.y as number) + (frame.h as number) / 2 }
        : undefined
    const id = canvas.createElement(kind, at)
    if (id) returnFocusAfterEditing(id)
  }

  const [target, setTarget] = createSignal('')
  const [relation, setRelation] = createSignal<string>('operates')
  const [container, setContainer] = createSignal('')
  const targets = createMemo(() => elements().filter((e) => e.kind !== 'link' && e.id !== current()?.id))
  const containers = createMemo(() =>
    elements().filter((e) => (e.kind === 'frame' || e.kind === 'zone') && e.id !== current()?.id),
  )

  const link = () => {
    const from = current()
    const to = target() || targets()[0]?.id
    if (!from || !to) return
    writes.apply({ type: 'link.add', link: { id: `l-${crypto.randomUUID()}`, from: from.id, to, relation: relation() as never } })
  }
  const move = () => {
    const element = current()
    const into = byId(container() || (containers()[0]?.id ?? ''))
    if (!element || !into) return
    const to = positionInside(element, into)
    if (to) writes.apply({ type: 'element.move', moves: [{ id: element.id, ...to }] })
  }
  const remove = () => {
    const element = current()
    if (!element) return
    writes.apply({ type: 'element.delete', ids: [element.id] })
    selection.clear()
    queueMicrotask(() => document.querySelector<HTMLElement>('.outline button')?.focus())
  }

  const actions = (element: () => BoardElement) => (
    <section class="outline__actions" aria-label={outlineName(element())} data-testid="outline-actions">
      <button type="button" class="btn btn--small" data-testid="outline-edit" onClick={() => props.onEdit?.()}>
        {t('outline.edit')}
      </button>
      <Show when={editable()}>
        <div class="outline__row">
          <label>
            {t('outline.linkTo')}
            <select data-testid="outline-link-target" value={target()} onChange={(e) => setTarget(e.currentTarget.value)}>
              <For each={targets()}>{(e) => <option value={e.id}>{outlineName(e)}</option>}</For>
            </select>
          </label>
          <label>
            {t('field.relation')}
            <select data-testid="outline-link-relation" value={relation()} onChange={(e) => setRelation(e.currentTarget.value)}>
              <For each={relations}>{(r) => <option value={r}>{enumLabel('relation', r)}</option>}</For>
            </select>
          </label>
          <button type="button" class="btn btn--small" data-testid="outline-link" onClick={link}>
            {t('tool.link')}
          </button>
        </div>
        <Show when={containers().length > 0}>
          <div class="outline__row">
            <label>
              {t('outline.moveInto')}
              <select data-testid="outline-move-target" value={container()} onChange={(e) => setContainer(e.currentTarget.value)}>
                <For each={containers()}>{(e) => <option value={e.id}>{outlineName(e)}</option>}</For>
              </select>
            </label>
            <button type="button" class="btn btn--small" data-testid="outline-move" onClick={move}>
              {t('outline.move')}
            </button>
          </div>
        </Show>
        <button type="button" class="btn btn--small btn--danger" data-testid="outline-delete" onClick={remove}>
          {t('inspector.delete')}
        </button>
      </Show>
      <Show when={canFacilitate(role())}>
        <label class="outline__row">
          <input
            type="checkbox"
            checked={!!element().locked}
            onChange={(e) => writes.apply({ type: 'element.lock', ids: [element().id], locked: e.currentTarget.checked })}
          />
          {t('field.locked')}
        </label>
      </Show>
    </section>
  )

  return (
    <div class="outline" data-testid="outline">
      <fieldset class="outline__add">
        <legend class="outline__add-title">{t('outline.add')}</legend>
        <For each={addable}>
          {(kind) => (
            <button
              type="button"
              class="btn btn--small"
              disabled={!canEdit(role())}
              data-testid={`outline-add-${kind}`}
              onClick={() => add(kind)}
            >
              {t(`tool.${kind}`)}
            </button>
          )}
        </For>
      </fieldset>
      <For each={groups()}>
        {(group) => (
          <section class="outline__frame" aria-label={group.frame ? outlineName(group.frame) : t('outline.notInFrame')}>
            <h3 class="outline__frame-title">
              <Show when={group.frame} fallback={t('outline.notInFrame')}>
                {(frame) => (
                  <button
                    type="button"
                    id={`outline-item-${frame().id}`}
                    class="outline__item"
                    aria-pressed={selection.has(frame().id)}
                    aria-label={outlineName(frame())}
                    onClick={() => select(frame())}
                    onKeyDown={(event) => onItemKey(event, frame())}
                  >
                    {labelOf(frame().id)}
                  </button>
                )}
              </Show>
            </h3>
            <Show when={group.frame && current()?.id === group.frame.id}>{actions(() => group.frame as BoardElement)}</Show>
            <For each={group.kinds}>
              {(kind) => (
                <div class="outline__kind">
                  <h4 class="outline__kind-title">{enumLabel('elementKindPlural', kind.kind)}</h4>
                  <ul class="outline__list">
                    <For each={kind.elements}>
                      {(element) => (
                        <li>
                          <button
                            type="button"
                            id={`outline-item-${element.id}`}
                            class="outline__item"
                            classList={{ 'outline__item--selected': selection.has(element.id) }}
                            data-testid="outline-item"
                            aria-pressed={selection.has(element.id)}
                            aria-label={outlineName(element)}
                            onClick={() => select(element)}
                            onKeyDown={(event) => onItemKey(event, element)}
                          >
                            {labelOf(element.id)}
                            <span class="outline__kind-word"> · {t(`export.kind.${element.kind}` as never)}</span>
                          </button>
                          <Show when={linksOf(element.id).length > 0}>
                            <ul class="outline__relations">
                              <For each={linksOf(element.id)}>{(l) => <li>{relationText(l)}</li>}</For>
                            </ul>
                          </Show>
                          <Show when={current()?.id === element.id}>{actions(() => element)}</Show>
                        </li>
                      )}
                    </For>
                  </ul>
                </div>
              )}
            </For>
          </section>
        )}
      </For>
    </div>
  )
}
