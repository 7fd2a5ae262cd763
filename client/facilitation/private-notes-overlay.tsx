import { createEffect, createMemo, createSignal, For, onCleanup, onMount, Show, untrack, useContext } from 'solid-js'
import { Portal } from 'solid-js/web'
import { noteColors } from '../../shared/scene/palette.ts'
import { canFacilitate } from '../../shared/schema/roles.ts'
import { useBoard } from '../board/board-context.ts'
import { activeCanvas, type CanvasApi } from '../canvas/canvas-api.ts'
import { defaultSizes } from '../canvas/new-element.ts'
import { setNoteSink } from '../canvas/note-sink.ts'
import { editorKeys } from '../canvas/text-editor.tsx'
import type { Point } from '../canvas/viewport.ts'
import { t } from '../i18n/locale.ts'
import { ToastContext } from '../workspace/toasts.tsx'
import { EyeSlashIcon } from './facilitation-icons.tsx'
import { createPrivateNotes, type PrivateNote, type PrivateNotes } from './private-notes.ts'
import './private-notes.css'

const NOTE = defaultSizes.note
/** A press that moves less than this (screen px) is a click, not a drag. */
const DRAG_SLOP = 4
const MAX_LABEL = 500
/** A pause in typing this long saves the text so far. */
const DRAFT_MS = 800

const paperOf = (color: string | undefined) => (noteColors[color as keyof typeof noteColors] ?? noteColors.yellow).paper

/**
 * The private brainstorm on the canvas (issue 13, item 7). While one runs, a participant's new
 * notes — from the note tool, its key, paste and duplicate (client/canvas/note-sink.ts) — go to
 * the server's private store, not the board; they are drawn here, over the canvas and moving
 * with its view, with a dashed edge, an eye with a stroke and "Only you". They open for typing
 * when placed, are edited by a double-click or Enter, moved by dragging and deleted with Delete
 * or their context menu. A facilitator who chose to read along sees everyone's, read-only, with
 * their authors' names. A banner says what is going on. Mount once in the workspace.
 */
export function PrivateNotesOverlay() {
  const session = useBoard()
  const toasts = useContext(ToastContext)
  const store = createPrivateNotes(session, {
    onError: (message, ended) =>
      toasts?.show(ended ? t('private.error.ended') : t('private.error.save', { message }), 'warning', 8000),
  })
  const active = () => session.facilitation.state().privateMode.active
  const [editing, setEditing] = createSignal<string | null>(null)
  const [menu, setMenu] = createSignal<{ id: string; at: Point } | null>(null)
  const elements = new Map<string, HTMLElement>()

  const focusNote = (id: string) => elements.get(id)?.focus({ preventScroll: true })

  // the note tool, its key, paste and duplicate hand new notes to this person's private store
  createEffect(() => {
    if (store.mode() !== 'write') return
    setNoteSink(() => (note, { edit }) => {
      void store.put({ id: note.id, label: note.label, color: note.color, x: note.x, y: note.y })
      // once the canvas's gesture is over (it holds the focus while it runs)
      if (edit) queueMicrotask(() => setEditing(note.id))
    })
    onCleanup(() => setNoteSink(null))
  })
  createEffect(() => {
    if (store.mode() !== 'write') setEditing(null)
  })

  const remove = (id: string) => {
    if (editing() === id) setEditing(null)
    void store.remove(id)
    activeCanvas()?.stage.container().focus({ preventScroll: true })
  }

  return (
    <Show when={active() ? activeCanvas() : null}>
      {(canvas) => (
        <Portal mount={canvas().stage.container().parentElement ?? undefined}>
          <div class="private-layer" data-testid="private-brainstorm">
            <Show when={store.mode() !== null}>
              <NotesPlane
                canvas={canvas()}
                store={store}
                editing={editing()}
                onEdit={setEditing}
                onMenu={(id, at) => setMenu({ id, at })}
                onRemove={remove}
                register={(id, el) => (el ? elements.set(id, el) : elements.delete(id))}
                focusNote={focusNote}
              />
            </Show>
            <Banner store={store} />
          </div>
          <Show when={menu()}>
            {(open) => (
              <Portal>
                <NoteMenu
                  at={open().at}
                  onClose={(refocus) => {
                    const { id } = open()
                    setMenu(null)
                    if (refocus) focusNote(id)
                  }}
                  onEdit={() => {
                    const { id } = open()
                    setMenu(null)
                    setEditing(id)
                  }}
                  onDelete={() => {
                    const { id } = open()
                    setMenu(null)
                    remove(id)
                  }}
                />
              </Portal>
            )}
          </Show>
        </Portal>
      )}
    </Show>
  )
}

function Banner(props: { store: PrivateNotes }) {
  const { role } = useBoard()
  const text = () => {
    const mode = props.store.mode()
    const count = props.store.notes().length
    if (mode === 'write') return t('private.banner', { count })
    if (mode === 'read') return t('private.banner.readAlong', { count })
    return canFacilitate(role()) ? t('private.banner.facilitator') : t('private.banner.others')
  }
  return (
    <div class="private-banner" role="status" data-testid="private-banner">
      <EyeSlashIcon size={18} />
      <span>{text()}</span>
    </div>
  )
}

function NotesPlane(props: {
  canvas: CanvasApi
  store: PrivateNotes
  editing: string | null
  onEdit(id: string | null): void
  onMenu(id: string, at: Point): void
  onRemove(id: string): void
  register(id: string, el: HTMLElement | null): void
  focusNote(id: string): void
}) {
  const plane = createMemo(() => {
    const { x, y, scale } = props.canvas.viewport()
    return `translate(${x}px, ${y}px) scale(${scale})`
  })
  // a note being dragged: where it is now (board px), until the drop is written
  const [moving, setMoving] = createSignal<{ id: string; x: number; y: number } | null>(null)
  const writable = () => props.store.mode() === 'write'
  const ids = createMemo(() => props.store.notes().map((n) => n.id), [], {
    equals: (a, b) => a.length === b.length && a.every((id, i) => id === b[i]),
  })

  // The wheel over a note zooms and pans the canvas as it would anywhere else.
  const onWheel = (event: WheelEvent) => {
    event.preventDefault()
    props.canvas.stage
      .container()
      .dispatchEvent(new WheelEvent('wheel', { ...wheelInit(event), bubbles: true, cancelable: true }))
  }

  const startDrag = (note: PrivateNote, event: PointerEvent) => {
    if (!writable() || event.button !== 0 || props.editing === note.id) return
    const target = event.currentTarget as HTMLElement
    const from = { x: event.clientX, y: event.clientY }
    const origin = { x: note.x ?? 0, y: note.y ?? 0 }
    let dragged = false
    target.setPointerCapture(event.pointerId)
    const move = (e: PointerEvent) => {
      const dx = e.clientX - from.x
      const dy = e.clientY - from.y
      if (!dragged && Math.hypot(dx, dy) < DRAG_SLOP) return
      dragged = true
      const scale = props.canvas.viewport().scale
      setMoving({ id: note.id, x: origin.x + dx / scale, y: origin.y + dy / scale })
    }
    const end = (e: PointerEvent) => {
      target.removeEventListener('pointermove', move)
      target.removeEventListener('pointerup', end)
      target.removeEventListener('pointercancel', end)
      const place = moving()
      setMoving(null)
      if (dragged && place && e.type === 'pointerup') {
        const current = props.store.notes().find((n) => n.id === note.id)
        if (current) void props.store.put({ ...current, x: place.x, y: place.y })
      }
    }
    target.addEventListener('pointermove', move)
    target.addEventListener('pointerup', end)
    target.addEventListener('pointercancel', end)
  }

  return (
    <div class="private-notes" data-testid="private-notes" data-mode={props.store.mode() ?? undefined}>
      <div class="private-notes__plane" style={{ transform: plane() }}>
        <For each={ids()}>
          {(id) => {
            // the same element while the note changes (a write answered): an open editor stays open
            const found = () => props.store.notes().find((n) => n.id === id)
            let last = found() as PrivateNote
            const note = () => {
              last = found() ?? last
              return last
            }
            const write = (label: string) => {
              const current = props.store.notes().find((n) => n.id === id)
              if (current && label !== current.label) void props.store.put({ ...current, label })
            }
            const place = () => {
              const live = moving()
              return live?.id === id ? live : { x: note().x ?? 0, y: note().y ?? 0 }
            }
            const mine = () => writable()
            return (
              <article
                ref={(el) => {
                  props.register(id, el)
                  onCleanup(() => props.register(id, null))
                }}
                class="private-note"
                classList={{ 'private-note--moving': moving()?.id === id, 'private-note--theirs': !mine() }}
                data-testid="private-note"
                data-note-id={id}
                tabindex="0"
                aria-roledescription={t('private.menu')}
                aria-label={note().label ? t('private.note', { text: note().label }) : t('private.note.empty')}
                title={mine() ? t('private.note.hint') : undefined}
                style={{
                  left: `${place().x}px`,
                  top: `${place().y}px`,
                  width: `${NOTE.w}px`,
                  height: `${NOTE.h}px`,
                  background: paperOf(note().color),
                }}
                onPointerDown={(e) => startDrag(note(), e)}
                onDblClick={() => mine() && props.onEdit(id)}
                onWheel={onWheel}
                onContextMenu={(e) => {
                  e.preventDefault()
                  if (mine()) props.onMenu(id, { x: e.clientX, y: e.clientY })
                }}
                onKeyDown={(e) => {
                  if (!mine() || e.target !== e.currentTarget) return
                  if (e.key === 'Delete' || e.key === 'Backspace') props.onRemove(id)
                  else if (e.key === 'Enter' || e.key === 'F2') props.onEdit(id)
                  else if ((e.key === 'F10' && e.shiftKey) || e.key === 'ContextMenu') {
                    const box = e.currentTarget.getBoundingClientRect()
                    props.onMenu(id, { x: box.left + box.width / 2, y: box.top + box.height / 2 })
                  } else if (e.key === 'Escape') props.canvas.stage.container().focus({ preventScroll: true })
                  else return
                  e.preventDefault()
                  e.stopPropagation()
                }}
              >
                <div class="private-note__mark">
                  <EyeSlashIcon size={14} />
                  <span data-testid="private-note-caption">{mine() ? t('private.onlyYou') : t('private.hidden')}</span>
                </div>
                <Show
                  when={props.editing === id}
                  fallback={
                    <div class="private-note__text" data-testid="private-note-text">
                      {note().label}
                    </div>
                  }
                >
                  <NoteEditor
                    initial={untrack(() => note().label)}
                    onDraft={write}
                    onDone={(label, initial) => {
                      props.onEdit(null)
                      // Escape: back to what it said before (drafts may have been saved meanwhile)
                      write(label ?? initial)
                      props.focusNote(id)
                    }}
                  />
                </Show>
                <Show when={!mine()}>
                  <div class="private-note__author" data-testid="private-note-author">
                    {t('private.by', { name: note().author.name })}
                  </div>
                </Show>
              </article>
            )
          }}
        </For>
      </div>
    </div>
  )
}

/**
 * Typing into a private note: like the board's text editor, Ctrl+Enter or leaving it saves,
 * Escape cancels. What is typed is also saved after a short pause, so that a reveal in the
 * middle of a sentence takes what was written so far.
 */
function NoteEditor(props: {
  initial: string
  onDraft(label: string): void
  onDone(label: string | null, initial: string): void
}) {
  let area: HTMLTextAreaElement | undefined
  let finished = false
  let draft: ReturnType<typeof setTimeout> | undefined
  const value = () => (area?.value ?? props.initial).slice(0, MAX_LABEL)
  const finish = (save: boolean) => {
    if (finished) return
    finished = true
    clearTimeout(draft)
    props.onDone(save ? value() : null, props.initial)
  }
  onCleanup(() => clearTimeout(draft))
  onMount(() => {
    area?.focus({ preventScroll: true })
    area?.select()
  })
  return (
    <textarea
      ref={area}
      class="private-note__editor"
      data-testid="private-note-editor"
      aria-label={t('canvas.editText')}
      title={t('canvas.editTextHint')}
      maxLength={MAX_LABEL}
      value={props.initial}
      onPointerDown={(e) => e.stopPropagation()}
      onInput={() => {
        clearTimeout(draft)
        draft = setTimeout(() => props.onDraft(value()), DRAFT_MS)
      }}
      onKeyDown={editorKeys(finish)}
      onBlur={() => finish(true)}
    />
  )
}

/** A private note's context menu: edit its text, delete it. */
function NoteMenu(props: { at: Point; onClose(refocus: boolean): void; onEdit(): void; onDelete(): void }) {
  let list: HTMLDivElement | undefined
  const [place, setPlace] = createSignal(props.at)
  onMount(() => {
    if (!list) return
    const { width, height } = list.getBoundingClientRect()
    setPlace({
      x: Math.max(4, Math.min(props.at.x, window.innerWidth - width - 4)),
      y: Math.max(4, Math.min(props.at.y, window.innerHeight - height - 4)),
    })
    list.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus()
  })
  const onOutside = (event: PointerEvent) => {
    if (list && event.target instanceof Node && list.contains(event.target)) return
    props.onClose(false)
  }
  document.addEventListener('pointerdown', onOutside, true)
  onCleanup(() => document.removeEventListener('pointerdown', onOutside, true))
  const items = () => [...(list?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])]
  return (
    <div
      ref={list}
      class="kb-menu"
      role="menu"
      aria-label={t('private.menu')}
      data-testid="private-note-menu"
      style={{ left: `${place().x}px`, top: `${place().y}px` }}
      onContextMenu={(e) => e.preventDefault()}
      onKeyDown={(e) => {
        const all = items()
        const index = all.indexOf(document.activeElement as HTMLButtonElement)
        if (e.key === 'ArrowDown') all[(index + 1) % all.length]?.focus()
        else if (e.key === 'ArrowUp') all[(index - 1 + all.length) % all.length]?.focus()
        else if (e.key === 'Escape' || e.key === 'Tab') props.onClose(true)
        else return
        e.preventDefault()
        e.stopPropagation()
      }}
    >
      <button type="button" role="menuitem" tabindex="-1" class="kb-menu__item" data-action="edit" onClick={() => props.onEdit()}>
        <span>{t('private.edit')}</span>
      </button>
      <button
        type="button"
        role="menuitem"
        tabindex="-1"
        class="kb-menu__item kb-menu__item--danger"
        data-action="delete"
        onClick={() => props.onDelete()}
      >
        <span>{t('private.delete')}</span>
      </button>
    </div>
  )
}

function wheelInit(event: WheelEvent): WheelEventInit {
  return {
    clientX: event.clientX,
    clientY: event.clientY,
    screenX: event.screenX,
    screenY: event.screenY,
    deltaX: event.deltaX,
    deltaY: event.deltaY,
    deltaZ: event.deltaZ,
    deltaMode: event.deltaMode,
    ctrlKey: event.ctrlKey,
    metaKey: event.metaKey,
    shiftKey: event.shiftKey,
    altKey: event.altKey,
  }
}
