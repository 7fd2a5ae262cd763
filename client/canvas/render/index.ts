export {
  type BoardRenderer,
  type BoardRendererOptions,
  createBoardRenderer,
  type HighlightKind,
  type PreviewGeometry,
  type Rect,
} from './board-renderer.ts'
export { createKonvaNode, patchKonvaNode, reconcileStats, sceneOfNode } from './reconcile.ts'
