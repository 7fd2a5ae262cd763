import { createEffect, createSignal, type JSX, on, onCleanup, Show } from 'solid-js'
import { refusalMessageKey } from '../../shared/i18n/index.ts'
import { canEdit } from '../../shared/schema/roles.ts'
import { useBoard } from '../board/board-context.ts'
import { activeCanvas } from '../canvas/canvas-api.ts'
import { CommentBadges } from '../comments/comment-badges.tsx'
import { createAttention } from '../facilitation/attention/attention.ts'
import { AttentionControls, FloatingReactions, FollowBanner } from '../facilitation/attention/attention-ui.tsx'
import { FacilitationLayer } from '../facilitation/facilitation-layer.tsx'
import { PrivateNotesOverlay } from '../facilitation/private-notes-overlay.tsx'
import { VoteOverlay } from '../facilitation/vote-overlay.tsx'
import { enumLabel, t } from '../i18n/locale.ts'
import { keyboard } from '../keyboard/app-keyboard.ts'
import type { KeyCommand } from '../keyboard/keyboard-router.ts'
import { BoardAnnouncer } from './announcer.tsx'
import { exposeDebugHook } from './debug-hook.ts'
import { ImageFileInput } from './image-file-input.tsx'
import { createImagePlacement } from './image-placement.ts'
import { createPeerCursors, PeerCursorsContext } from './peer-presence.tsx'
import { SidePanel } from './side-panel.tsx'
import { ToastContext, ToastRegion, type Toasts } from './toasts.tsx'
import { Toolbar, ViewOnlyBadge } from './toolbar.tsx'
import { facilitationBlock, toolName, workspaceTools } from './workspace-tools.ts'
import { ZoomControls } from './zoom-controls.tsx'
import './workspace.css'

/**
 * The board workspace: the canvas (given as `stage`) filling the main area with the floating
 * toolbar, zoom controls and view-only badge over it, the tabbed side panel (inspector,
 * analysis, snapshots) on the right, notices, and everything that shows the others (cursors,
 * selections). Children go before the body (the header).
 */
export function Workspace(props: { header: JSX.Element; stage: JSX.Element; toasts: Toasts }) {
  const session = useBoard()
  const { role, connection, writes } = session
  const editable = () => canEdit(role())
  const toasts = props.toasts
  const placeImage = createImagePlacement(toasts)
  const cursors = createPeerCursors()
  const attention = createAttention({ toasts, cursors })
  exposeDebugHook(session)
  let fileInput: HTMLInputElement | undefined
  const [dropping, setDropping] = createSignal(false)

  // not while a facilitator paused editing or the agenda step asks for other kinds (as the toolbar)
  const imageTool = workspaceTools.find((tool) => tool.id === 'image')
  const pickImage = () => {
    if (editable() && !(imageTool && facilitationBlock(imageTool, role(), session.facilitation.state()))) fileInput?.click()
  }

  // "I" opens the image picker like the other tools' letters (through the one keyboard router)
  const imageKey: KeyCommand = {
    id: 'pickImage',
    label: toolName('image'),
    group: 'tools',
    keys: [{ key: 'i' }],
    enabled: editable,
    run: pickImage,
  }
  onCleanup(keyboard.register({ id: 'workspace', priority: 10, commands: () => [imageKey] }))

  // The server refused (part of) a change of ours and has already undone that part: its undo
  // reaches us as an ordinary update, so the board is right as it is. Only say why. Edits after
  // this start a new undo step: undoing the refused step later touches nothing it refused (its
  // fields were overwritten by the server's undo, which Yjs' undo never overrides).
  createEffect(
    on(connection.denied, (denial) => {
      if (!denial) return
      writes.undoManager.stopCapturing()
      toasts.show(t(refusalMessageKey(denial.code)), 'warning', 8000)
    }),
  )

  // A facilitator changed this person's role while connected: the tools already follow; say so.
  createEffect(
    on(role, (now) => toasts.show(t('board.roleChanged', { role: enumLabel('role', now) }), 'info', 6000), { defer: true }),
  )

  const hasImageFile = (e: DragEvent) => [...(e.dataTransfer?.items ?? [])].some((item) => item.kind === 'file')
  const onDragOver = (e: DragEvent) => {
    if (!editable() || !hasImageFile(e)) return
    e.preventDefault()
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy'
    setDropping(true)
  }
  const onDrop = (e: DragEvent) => {
    setDropping(false)
    if (!editable()) return
    const file = [...(e.dataTransfer?.files ?? [])][0]
    if (!file) return
    e.preventDefault()
    const canvas = activeCanvas()
    const host = canvas?.stage.container().getBoundingClientRect()
    const at = canvas && host ? canvas.toBoard({ x: e.clientX - host.left, y: e.clientY - host.top }) : undefined
    void placeImage(file, at)
  }

  return (
    <ToastContext.Provider value={toasts}>
      <PeerCursorsContext.Provider value={cursors}>
        <div class="board-page ws-page" data-testid="board-page" data-board-role={role()}>
          {props.header}
          <div class="ws-body">
            <main
              id="main"
              class="board-main ws-main"
              tabindex="-1"
              aria-label={t('board.header')}
              onDragOver={onDragOver}
              onDragLeave={() => setDropping(false)}
              onDrop={onDrop}
            >
              {props.stage}
              <Show when={editable()} fallback={<ViewOnlyBadge />}>
                <ImageFileInput
                  ref={(input) => {
                    fileInput = input
                  }}
                  testId="image-input"
                  onFile={(file) => void placeImage(file)}
                />
              </Show>
              <PrivateNotesOverlay />
              <Toolbar onPickImage={pickImage} />
              <ZoomControls />
              <FacilitationLayer />
              <VoteOverlay />
              <CommentBadges />
              <BoardAnnouncer />
              <Show when={dropping()}>
                <div class="ws-drop" aria-hidden="true">
                  {t('workspace.dropImage')}
                </div>
              </Show>
              <FollowBanner attention={attention} />
              <AttentionControls attention={attention} />
              <FloatingReactions attention={attention} />
              <ToastRegion toasts={toasts} />
            </main>
            <SidePanel />
          </div>
        </div>
      </PeerCursorsContext.Provider>
    </ToastContext.Provider>
  )
}
