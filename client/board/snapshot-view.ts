import type Konva from 'konva'
import type { Accessor } from 'solid-js'
import * as Y from 'yjs'
import type { MessageKey, Translator } from '../../shared/i18n/index.ts'
import { writeBoardDocument } from '../../shared/schema/convert.ts'
import type { BoardDocument } from '../../shared/schema/document.ts'
import { attachDragNavigation } from '../canvas/gestures/drag-navigation.ts'
import { type BoardRenderer, createBoardRenderer } from '../canvas/render/board-renderer.ts'
import { createStageController } from '../canvas/stage-controller.ts'
import { type Rect, unionRect, type Viewport } from '../canvas/viewport.ts'
import { keyboard } from '../keyboard/app-keyboard.ts'

/**
 * A board document of another moment (a snapshot) as a Y.Doc of its own, never connected:
 * the renderer reads it exactly like the live doc, and nothing written to it goes anywhere.
 */
export function snapshotDoc(document: BoardDocument): Y.Doc {
  const doc = new Y.Doc()
  writeBoardDocument(doc, document)
  return doc
}

/**
 * Where diff highlights, ghosts and badges are drawn: the live canvas, or a snapshot stage.
 * Both carry the viewport on the stage, so added layers draw in board coordinates.
 */
export interface DrawingSurface {
  readonly renderer: BoardRenderer
  readonly viewport: Accessor<Viewport>
  addLayer(layer: Konva.Layer): () => void
  zoomTo(rect: Rect, options?: { animate?: boolean }): void
}

export interface SnapshotStage extends DrawingSurface {
  readonly stage: Konva.Stage
  /** Arrow keys pan, the zoom keys zoom; true when the key was used (the caller owns keyboard routing). */
  handleKey(e: KeyboardEvent): boolean
  zoomBy(factor: number): void
  zoomToFit(): void
  destroy(): void
}

/** Room kept for the banner at the top when fitting. */
const FIT_OPTIONS = { padding: 40, maxScale: 1.5, insets: { top: 56 } }

/**
 * A second, read-only stage in `host` showing `document` (the snapshot view, and a snapshot's
 * side of a comparison). The live canvas cannot switch documents, and a separate stage keeps the
 * live one (its gestures, selection, shortcuts) untouched underneath. The view is the live
 * canvas's own stage controller (wheel, pinch, zoom keys, fitting, animation); only what a press
 * does differs: every drag pans (`attachDragNavigation`). Nothing is editable: the stage has no
 * selection, no tools, and its doc is not connected.
 */
export function createSnapshotStage(
  host: HTMLDivElement,
  document: BoardDocument,
  options: { viewport: Viewport; t: Translator<MessageKey>; locale: string },
): SnapshotStage {
  const doc = snapshotDoc(document)
  const renderer = createBoardRenderer({ doc, t: options.t, locale: options.locale })
  const view = createStageController(host, {
    viewport: options.viewport,
    renderer,
    fit: () => FIT_OPTIONS,
    contentBounds: () =>
      unionRect(document.elements.map((element) => renderer.boundsOf(element.id)).filter((r): r is Rect => !!r)),
  })
  const drag = attachDragNavigation(host, view)
  renderer.flush()

  return {
    stage: view.stage,
    renderer,
    viewport: view.viewport,
    addLayer: view.addLayer,
    zoomTo: view.zoomTo,
    handleKey: (e) => view.handleViewKey(e, keyboard.singleKeys()),
    zoomBy: (factor) => view.zoomBy(factor),
    zoomToFit: () => view.zoomToFit(),
    destroy() {
      drag.detach()
      view.destroy()
      doc.destroy()
    },
  }
}
