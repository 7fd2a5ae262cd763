import type Konva from 'konva'
import { type Accessor, createContext, createSignal, useContext } from 'solid-js'
import type { ActionRegistry } from './actions/registry.ts'
import type { ActionContext, ActionName, ActionSource } from './actions/types.ts'
import type { BoardRenderer } from './render/board-renderer.ts'
import type { CreationTool, Tool } from './tools.ts'
import { centreOn, type Point, type Rect, type Size, type Viewport } from './viewport.ts'

/**
 * What the canvas offers the rest of the board UI (toolbar, inspector, cursors layer, undo
 * buttons, a future context menu). The stage carries the viewport transform, so a layer added
 * with `addLayer` draws in board coordinates; divide sizes by `viewport().scale` for things that
 * should keep their screen size (cursor arrows, name tags).
 */
export interface CanvasApi {
  readonly stage: Konva.Stage
  /** `screen = board × scale + (x, y)`, screen being CSS px relative to the stage container */
  readonly viewport: Accessor<Viewport>
  /** the stage's size in CSS px */
  readonly size: Accessor<Size>
  toBoard(screen: Point): Point
  toScreen(board: Point): Point
  /** screen px relative to the page (for HTML overlays positioned with `position: fixed`) */
  toClient(board: Point): Point
  zoomToFit(): void
  zoomToSelection(): void
  zoomTo(rect: Rect, options?: { animate?: boolean }): void
  /** shows exactly `viewport` (following someone's view), animated unless `animate: false` */
  setView(viewport: Viewport, options?: { animate?: boolean }): void
  /** zooms by a factor around `anchor` (screen px), the stage centre by default */
  zoomBy(factor: number, anchor?: Point): void
  setScale(scale: number): void
  /** the board point at the centre of the view */
  centre(): Point
  setTool(tool: Tool): void
  readonly tool: Accessor<Tool>
  readonly renderer: BoardRenderer
  /** adds a layer above the overlay (cursors); returns a function that removes it */
  addLayer(layer: Konva.Layer): () => void
  /** creates an element of `kind` centred at `at` (board coordinates; default: the view's centre), selects it; its id or null */
  createElement(kind: CreationTool, at?: Point): string | null
  readonly actions: ActionRegistry
  /** the context actions' `enabled` and `perform` take (reactive: read it inside an effect or memo) */
  actionContext(): ActionContext
  /** runs the named action if it is enabled; true when it ran */
  runAction(name: ActionName, source?: ActionSource): boolean
  /** starts in-place text editing of an element's label */
  editText(id: string): void
  readonly minimapVisible: Accessor<boolean>
  setMinimapVisible(visible: boolean): void
  /** the element the "Link to…" dialog links from, or null when it is closed */
  readonly linkingFrom: Accessor<string | null>
  setLinkingFrom(id: string | null): void
}

/** The canvas of the open board, for components rendered inside `<BoardCanvas>`. */
export const CanvasContext = createContext<CanvasApi>()

export function useCanvas(): CanvasApi {
  const canvas = useContext(CanvasContext)
  if (!canvas) throw new Error('useCanvas outside <BoardCanvas>')
  return canvas
}

const [activeCanvas, setActiveCanvas] = createSignal<CanvasApi | null>(null)

/**
 * The mounted canvas, or null: for components outside `<BoardCanvas>` (header undo buttons,
 * the sidebar inspector). One board is open at a time.
 */
export { activeCanvas, setActiveCanvas }

/**
 * Brings a box element to the middle of the live canvas at the current zoom (the outline's and
 * the comments' "go to"); a link, or no canvas, leaves the view as it is.
 */
export function centreOnElement(element: unknown): void {
  const canvas = activeCanvas()
  const { x, y, w, h } = (element ?? {}) as Record<string, unknown>
  if (!canvas || typeof x !== 'number' || typeof y !== 'number' || typeof w !== 'number' || typeof h !== 'number') return
  canvas.setView(centreOn({ x: x + w / 2, y: y + h / 2 }, canvas.size(), canvas.viewport().scale))
}
