import { createEffect, onCleanup } from 'solid-js'
import type { BoardSession } from '../board/board-context.ts'
import { activeCanvas } from '../canvas/canvas-api.ts'

/**
 * `window.__refreshBoard`: read-only handles for browser tests and support (the doc, awareness,
 * the selection). The canvas publishes its own object there when it mounts (viewport helpers);
 * these keys are merged into it, so both live side by side. The app never reads it.
 */
type DebugHook = Record<string, unknown> & { doc?: unknown }

export function exposeDebugHook(session: BoardSession): void {
  if (typeof window === 'undefined') return
  const target = window as unknown as { __refreshBoard?: DebugHook }
  const hook = {
    boardId: session.board.id,
    role: () => session.role(),
    doc: session.connection.doc,
    awareness: session.connection.provider.awareness,
    selection: () => [...session.selection.ids()],
    canUndo: () => session.undo.canUndo(),
  }
  const merge = () => {
    const existing = target.__refreshBoard
    target.__refreshBoard = Object.assign(existing && (!existing.doc || existing.doc === hook.doc) ? existing : {}, hook)
  }
  createEffect(() => {
    activeCanvas()
    merge()
  })
  onCleanup(() => {
    if (target.__refreshBoard?.doc === hook.doc) delete target.__refreshBoard
  })
}
