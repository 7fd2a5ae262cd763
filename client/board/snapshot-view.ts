import Konva from 'konva'
import { type Accessor, createSignal } from 'solid-js'
import * as Y from 'yjs'
import type { MessageKey, Translator } from '../../shared/i18n/index.ts'
import { writeBoardDocument } from '../../shared/schema/convert.ts'
import type { BoardDocument } from '../../shared/schema/document.ts'
import { type BoardRenderer, createBoardRenderer } from '../canvas/render/board-renderer.ts'
import {
  clampScale,
  fitRect,
  panBy,
  type Rect,
  readWheel,
  type Size,
  unionRect,
  type Viewport,
  visibleRect,
  zoomBy,
} from '../canvas/viewport.ts'

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
  /** Arrow keys pan, + and − zoom; true when the key was used (the caller owns keyboard routing). */
  handleKey(e: KeyboardEvent): boolean
  zoomBy(factor: number): void
  zoomToFit(): void
  destroy(): void
}

/** Room kept for the banner at the top when fitting. */
const FIT_INSETS = { top: 56 }
const KEY_PAN_PX = 60

/**
 * A second, read-only Konva stage in `host` showing `document` (the snapshot view, and a
 * snapshot's side of a comparison). The live canvas cannot switch documents, and a separate
 * stage keeps the live one (its gestures, selection, shortcuts) untouched underneath. Pan by
 * dragging or with the arrow keys, zoom with the wheel or + and −; nothing is editable: the
 * stage has no selection, no tools, and its doc is not connected.
 */
export function createSnapshotStage(
  host: HTMLDivElement,
  document: BoardDocument,
  options: { viewport: Viewport; t: Translator<MessageKey>; locale: string },
): SnapshotStage {
  const doc = snapshotDoc(document)
  const stage = new Konva.Stage({ container: host, width: Math.max(1, host.clientWidth), height: Math.max(1, host.clientHeight) })
  const renderer = createBoardRenderer({ doc, t: options.t, locale: options.locale })
  renderer.layer.listening(false)
  stage.add(renderer.layer)
  const [viewport, setViewportSignal] = createSignal<Viewport>(options.viewport)
  const [size, setSize] = createSignal<Size>({ width: stage.width(), height: stage.height() })

  const setViewport = (next: Viewport) => {
    const vp = { x: next.x, y: next.y, scale: clampScale(next.scale) }
    setViewportSignal(vp)
    stage.setAttrs({ x: vp.x, y: vp.y, scaleX: vp.scale, scaleY: vp.scale })
    renderer.setViewport(visibleRect(vp, size()))
    stage.batchDraw()
  }

  const zoomTo = (rect: Rect) => setViewport(fitRect(rect, size(), { padding: 40, maxScale: 1.5, insets: FIT_INSETS }))
  const zoomToFit = () => {
    const bounds = unionRect(document.elements.map((element) => renderer.boundsOf(element.id)).filter((r): r is Rect => !!r))
    if (bounds) zoomTo(bounds)
  }
  const centre = () => ({ x: size().width / 2, y: size().height / 2 })

  // Pan by dragging (mouse, pen, one finger).
  let drag: { id: number; x: number; y: number } | null = null
  const onPointerDown = (e: PointerEvent) => {
    if (e.button !== 0 && e.button !== 1) return
    drag = { id: e.pointerId, x: e.clientX, y: e.clientY }
    host.setPointerCapture?.(e.pointerId)
    host.style.cursor = 'grabbing'
  }
  const onPointerMove = (e: PointerEvent) => {
    if (!drag || drag.id !== e.pointerId) return
    setViewport(panBy(viewport(), e.clientX - drag.x, e.clientY - drag.y))
    drag = { ...drag, x: e.clientX, y: e.clientY }
  }
  const onPointerUp = (e: PointerEvent) => {
    if (drag?.id !== e.pointerId) return
    drag = null
    host.style.cursor = 'grab'
  }
  const onWheel = (e: WheelEvent) => {
    e.preventDefault()
    const rect = host.getBoundingClientRect()
    const intent = readWheel(e)
    if (intent.kind === 'zoom')
      setViewport(zoomBy(viewport(), { x: e.clientX - rect.left, y: e.clientY - rect.top }, intent.factor))
    else setViewport(panBy(viewport(), intent.dx, intent.dy))
  }
  const handleKey = (e: KeyboardEvent): boolean => {
    if (e.ctrlKey || e.metaKey || e.altKey) return false
    const pans: Record<string, [number, number]> = {
      ArrowLeft: [KEY_PAN_PX, 0],
      ArrowRight: [-KEY_PAN_PX, 0],
      ArrowUp: [0, KEY_PAN_PX],
      ArrowDown: [0, -KEY_PAN_PX],
    }
    const pan = pans[e.key]
    if (pan) setViewport(panBy(viewport(), pan[0], pan[1]))
    else if (e.key === '+' || e.key === '=') setViewport(zoomBy(viewport(), centre(), 1.25))
    else if (e.key === '-') setViewport(zoomBy(viewport(), centre(), 1 / 1.25))
    else return false
    return true
  }
  host.style.cursor = 'grab'
  host.addEventListener('pointerdown', onPointerDown)
  host.addEventListener('pointermove', onPointerMove)
  host.addEventListener('pointerup', onPointerUp)
  host.addEventListener('pointercancel', onPointerUp)
  host.addEventListener('wheel', onWheel, { passive: false })

  const resizeObserver = new ResizeObserver(() => {
    const width = Math.max(1, host.clientWidth)
    const height = Math.max(1, host.clientHeight)
    if (width === stage.width() && height === stage.height()) return
    stage.size({ width, height })
    setSize({ width, height })
    setViewport(viewport())
  })
  resizeObserver.observe(host)
  setViewport(options.viewport)
  renderer.flush()

  return {
    stage,
    renderer,
    viewport,
    addLayer(layer) {
      stage.add(layer)
      return () => layer.remove()
    },
    zoomTo: (rect) => zoomTo(rect),
    handleKey,
    zoomBy: (factor) => setViewport(zoomBy(viewport(), centre(), factor)),
    zoomToFit,
    destroy() {
      resizeObserver.disconnect()
      host.removeEventListener('pointerdown', onPointerDown)
      host.removeEventListener('pointermove', onPointerMove)
      host.removeEventListener('pointerup', onPointerUp)
      host.removeEventListener('pointercancel', onPointerUp)
      host.removeEventListener('wheel', onWheel)
      renderer.destroy()
      stage.destroy()
      doc.destroy()
    },
  }
}
