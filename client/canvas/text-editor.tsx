import type Konva from 'konva'
import { createMemo, onMount, Show, useContext } from 'solid-js'
import { refusalMessageKey } from '../../shared/i18n/index.ts'
import { FRAME_TAB_H } from '../../shared/scene/kinds/frame.ts'
import { ZONE_TAB_H } from '../../shared/scene/kinds/zone.ts'
import { useBoard } from '../board/board-context.ts'
import { t } from '../i18n/locale.ts'
import { ToastContext } from '../workspace/toasts.tsx'
import { refusalFor } from './actions/editing-rules.ts'
import { boxOf } from './board-geometry.ts'
import type { CanvasApi } from './canvas-api.ts'

/** Width of the name editor on a frame's or zone's tab (board px; narrower frames: theirs). */
const TAB_EDITOR_W = 320

const noteFills: Record<string, string> = {
  yellow: '#fff3a8',
  orange: '#ffd7a8',
  pink: '#ffd0e0',
  green: '#d4f2c4',
  blue: '#cfe4ff',
  purple: '#e4d6ff',
  grey: '#e6e6e6',
}

/**
 * In-place editing of an element's label: a textarea over the element, at its screen position
 * and with its font. Ctrl+Enter or leaving the field saves (one `element.update`); Escape cancels.
 */
export function TextEditor(props: { canvas: CanvasApi; id: string; onDone: () => void }) {
  const { store, writes, role } = useBoard()
  const toasts = useContext(ToastContext)
  let area: HTMLTextAreaElement | undefined
  let finished = false
  const element = () => store.state.elements[props.id]
  const initial = typeof element()?.label === 'string' ? (element()?.label as string) : ''

  const font = (() => {
    const text = props.canvas.renderer.nodeOf(props.id)?.findOne<Konva.Text>('Text')
    return {
      size: text?.fontSize() ?? 16,
      family: text?.fontFamily() ?? 'system-ui, sans-serif',
      padding: text?.padding() ?? 10,
      align: (text?.align() ?? 'left') as 'left' | 'center' | 'right',
    }
  })()

  const placement = createMemo(() => {
    const box = boxOf(element())
    if (!box) return null
    const scale = props.canvas.viewport().scale
    // A frame or zone is named on the tab above it: its name is edited there, so that the
    // editor does not cover the cards inside it.
    const kind = element()?.kind
    const tabH = kind === 'frame' ? FRAME_TAB_H : kind === 'zone' ? ZONE_TAB_H : 0
    if (tabH > 0) {
      const tabTopLeft = props.canvas.toScreen({ x: box.x, y: box.y - tabH })
      const width = Math.min(box.width, TAB_EDITOR_W) * scale
      return { left: tabTopLeft.x, top: tabTopLeft.y, width, height: tabH * scale, scale, onTab: true }
    }
    const topLeft = props.canvas.toScreen({ x: box.x, y: box.y })
    return { left: topLeft.x, top: topLeft.y, width: box.width * scale, height: box.height * scale, scale, onTab: false }
  })

  const finish = (save: boolean) => {
    if (finished) return
    finished = true
    const value = area?.value ?? initial
    const current = element()
    // locked while it was being typed (or the role changed): the text is not sent, and why is said
    const refused = current ? refusalFor(current, role()) : null
    if (save && value !== initial && refused) toasts?.show(t(refusalMessageKey(refused)), 'warning', 8000)
    else if (save && value !== initial && current) {
      writes.undoManager.stopCapturing()
      writes.apply({ type: 'element.update', id: props.id, fields: { label: value.slice(0, 500) } })
    }
    props.onDone()
  }

  onMount(() => {
    area?.focus()
    area?.select()
  })

  return (
    <Show when={placement()}>
      {(place) => (
        <textarea
          ref={area}
          class="canvas-text-editor"
          data-testid="canvas-text-editor"
          aria-label={t('canvas.editText')}
          title={t('canvas.editTextHint')}
          maxLength={500}
          value={initial}
          style={{
            left: `${place().left}px`,
            top: `${place().top}px`,
            width: `${place().width}px`,
            height: `${place().height}px`,
            'font-size': `${font.size * place().scale}px`,
            'font-family': font.family,
            padding: place().onTab ? `${2 * place().scale}px ${8 * place().scale}px` : `${font.padding * place().scale}px`,
            'text-align': font.align,
            background:
              element()?.kind === 'note' ? (noteFills[String(element()?.color ?? 'yellow')] ?? noteFills.yellow) : '#ffffff',
          }}
          onKeyDown={editorKeys(finish)}
          onBlur={() => finish(true)}
        />
      )}
    </Show>
  )
}

/**
 * The keys of a text editor over the canvas: Esc drops the edit, Ctrl/Cmd+Enter keeps it, and
 * no key reaches the canvas's shortcuts. `finish(save)` ends the edit.
 */
export function editorKeys(finish: (save: boolean) => void) {
  return (e: KeyboardEvent) => {
    e.stopPropagation()
    if (e.key === 'Escape') {
      e.preventDefault()
      finish(false)
    } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault()
      finish(true)
    }
  }
}
