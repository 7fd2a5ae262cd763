import { type JSX, onCleanup, Show, useContext } from 'solid-js'
import { refusalMessageKey } from '../../shared/i18n/index.ts'
import { canEdit } from '../../shared/schema/roles.ts'
import { useBoard } from '../board/board-context.ts'
import { t } from '../i18n/locale.ts'
import { ToastContext } from '../workspace/toasts.tsx'
import { type CanvasApi, CanvasContext, setActiveCanvas } from './canvas-api.ts'
import { createCanvasController } from './canvas-controller.ts'
import { CanvasMirror } from './canvas-mirror.tsx'
import { CanvasContextMenu } from './context-menu.tsx'
import { LinkDialog } from './link-dialog.tsx'
import { Minimap } from './minimap.tsx'
import { TextEditor } from './text-editor.tsx'
import './canvas.css'

/**
 * The board canvas: fills the stage area and follows its size. Children (toolbar, cursors
 * layer, inspector) get the `CanvasApi` through `useCanvas()`; components elsewhere read
 * `activeCanvas()`; `onReady` hands it out once.
 */
export function BoardCanvas(props: { onReady?: (api: CanvasApi) => void; children?: JSX.Element }) {
  const session = useBoard()
  const host = (
    <div
      class="board-canvas__stage"
      data-testid="board-canvas"
      tabindex="0"
      role="application"
      aria-roledescription={t('canvas.label')}
      aria-label={t('canvas.label')}
      aria-describedby="board-canvas-help"
    />
  ) as HTMLDivElement
  // Toasts come from the workspace around the canvas (absent when the canvas stands alone).
  const toasts = useContext(ToastContext)
  const controller = createCanvasController(session, host, {
    tellRefused: (code) => toasts?.show(t(refusalMessageKey(code)), 'warning', 8000),
    tell: (message) => toasts?.show(message, 'info', 8000),
  })
  const api = controller.api
  setActiveCanvas(api)
  onCleanup(() => setActiveCanvas((current) => (current === api ? null : current)))
  props.onReady?.(api)
  // the board's elements for the accessibility tree, inside the canvas (Konva cleared the host when it made its stage)
  host.append(CanvasMirror({ host }) as HTMLElement)

  return (
    <CanvasContext.Provider value={api}>
      <div class="board-canvas" data-tool={api.tool()} data-readonly={canEdit(session.role()) ? undefined : 'true'}>
        {host}
        <p id="board-canvas-help" class="visually-hidden">
          {t('canvas.description')}
          {canEdit(session.role()) ? '' : ` ${t('canvas.readOnly')}`}
        </p>
        <p class="visually-hidden" aria-live="polite" data-testid="element-total">
          {t('board.elementTotal', { count: session.store.elementCount() })}
        </p>
        <Show when={controller.editing()}>{(id) => <TextEditor canvas={api} id={id()} onDone={controller.stopEditing} />}</Show>
        <Minimap canvas={api} />
        <CanvasContextMenu canvas={api} />
        <LinkDialog canvas={api} />
        {props.children}
      </div>
    </CanvasContext.Provider>
  )
}
