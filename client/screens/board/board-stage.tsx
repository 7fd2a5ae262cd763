import { BoardCanvas } from '../../canvas/board-canvas.tsx'

/**
 * The board's main area: the Konva canvas (`client/canvas/`). It takes the doc, the store and
 * awareness from `useBoard()`. Workspace chrome that floats over the canvas (toolbar, cursors)
 * goes inside `<BoardCanvas>` and reads the canvas with `useCanvas()`.
 */
export function BoardStage() {
  return <BoardCanvas />
}
