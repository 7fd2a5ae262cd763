import { BoardOverview } from './board-overview.tsx'

/**
 * The board's main area. The Konva canvas (`client/canvas/`, next issue) replaces the overview
 * here: it takes the doc, the store and awareness from `useBoard()`, like the header and side
 * panels do, and needs no change outside this file to mount.
 */
export function BoardStage() {
  return <BoardOverview />
}
