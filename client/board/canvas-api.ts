import type Konva from 'konva'
import { type Accessor, createSignal } from 'solid-js'

/**
 * What the workspace (toolbar, zoom controls, cursors, inspector) uses of the canvas. The canvas
 * (`client/canvas/`) creates the real object; this is the structural subset the workspace codes
 * against, so the two can be built apart. Points are `{x, y}`; board coordinates are the
 * document's, screen coordinates are CSS pixels relative to the stage container.
 */
export type CanvasTool = 'select' | 'pan' | 'actor' | 'use' | 'note' | 'zone' | 'frame' | 'phase' | 'link'

export interface Point {
  x: number
  y: number
}

export interface Rect {
  x: number
  y: number
  w: number
  h: number
}

export interface Viewport {
  x: number
  y: number
  scale: number
}

/** The renderer's part the workspace needs: element bounds and peer drag previews. */
export interface CanvasRendererApi {
  /** Board-coordinate bounds of an element as drawn, or null when it is not drawn. */
  boundsOf(id: string): Rect | null | undefined
  /** Overrides some fields of some elements for display only (a peer's drag); `null` clears. */
  setPreview(source: string, overrides: Record<string, Record<string, unknown>> | null): void
}

export interface WorkspaceCanvasApi {
  readonly stage: Konva.Stage
  readonly viewport: Accessor<Viewport>
  toBoard(point: Point): Point
  toScreen(point: Point): Point
  zoomToFit(): void
  zoomToSelection(): void
  zoomTo(rect: Rect, options?: { animate?: boolean }): void
  centre(): Point | undefined | void
  setTool(tool: CanvasTool): void
  readonly tool: Accessor<CanvasTool>
  readonly renderer: CanvasRendererApi
  addLayer(layer: Konva.Layer): void
}

/**
 * Where the canvas announces itself to the rest of the board page. The canvas calls `attach`
 * once its stage exists (and the returned function when it goes); the workspace reads `api()`.
 */
export interface CanvasSlot {
  readonly api: Accessor<WorkspaceCanvasApi | null>
  attach(api: WorkspaceCanvasApi): () => void
}

export function createCanvasSlot(): CanvasSlot {
  const [api, setApi] = createSignal<WorkspaceCanvasApi | null>(null, { equals: false })
  return {
    api,
    attach: (next) => {
      setApi(() => next)
      return () => {
        if (api() === next) setApi(null)
      }
    },
  }
}
