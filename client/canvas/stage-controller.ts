import Konva from 'konva'
import { type Accessor, createSignal } from 'solid-js'
import { prefersReducedMotion } from '../a11y/motion.ts'
import { isCharacterKey, type KeyBinding, matchesKey } from '../keyboard/key-binding.ts'
import { zoomIn, zoomOut, zoomToFit } from './actions/view-actions.ts'
import { createFrameTask } from './frame-scheduler.ts'
import { createGridLayer } from './layers/grid-layer.ts'
import { type FitOptions, fitAvoiding } from './opening-view.ts'
import type { BoardRenderer } from './render/board-renderer.ts'
import {
  centreOn,
  clampScale,
  lerpViewport,
  type Point,
  panBy,
  pinchView,
  type Rect,
  readWheel,
  type Size,
  toBoard,
  toScreen,
  type Viewport,
  viewportCentre,
  visibleRect,
  ZOOM_STEP,
  zoomAround,
  zoomBy,
} from './viewport.ts'

const ANIMATION_MS = 260
/** How far an arrow key pans a stage whose arrows move nothing else (a snapshot). */
const KEY_PAN_PX = 60

export interface StageOptions {
  /** the view it opens with */
  viewport: Viewport
  /** draws the elements; its layer goes on the stage (over the grid), and it is destroyed with the stage */
  renderer: BoardRenderer
  /** the dot grid under the elements (the live canvas) */
  grid?: boolean
  /** how `zoomTo` and `zoomToFit` fit a rect: padding, largest scale, room kept for chrome */
  fit(): FitOptions
  /** what `zoomToFit` shows; null for an empty board (then the origin at 100 %) */
  contentBounds(): Rect | null
  /** a box in stage px that `zoomToFit` keeps free (the minimap), or null */
  keepFree?(): Rect | null
  /** after every change of the view (the live canvas: overlay, hover, remembering the view) */
  onViewport?(viewport: Viewport): void
}

/**
 * A Konva stage in `host` with its viewport: what the live canvas and a snapshot's read-only
 * stage share. The stage carries the viewport (`screen = board × scale + (x, y)`), so every layer
 * draws in board coordinates. It owns the view: pan, zoom (clamped), fitting, animated zooms,
 * the wheel (zoom around the pointer, trackpad pan), pinch and drag pans as followers that a
 * gesture starts, the view keys, and the size following the host. What a press on the stage
 * means (select, move, draw, or only pan) is the composer's: `createCanvasController` adds
 * selection, tools and editing; `createSnapshotStage` pans on every drag.
 */
export interface StageController {
  readonly stage: Konva.Stage
  readonly renderer: BoardRenderer
  /** `screen = board × scale + (x, y)`, screen being CSS px relative to the host */
  readonly viewport: Accessor<Viewport>
  /** the stage's size in CSS px */
  readonly size: Accessor<Size>
  /** shows `viewport` at once (clamped), ending an animation */
  setViewport(viewport: Viewport): void
  /** moves to `viewport` in a short eased animation */
  animateTo(viewport: Viewport): void
  toBoard(screen: Point): Point
  toScreen(board: Point): Point
  /** page (client) px of a board point */
  toClient(board: Point): Point
  /** the board point at the centre of the view */
  centre(): Point
  /** fits `rect` (animated unless `animate: false`), keeping `keepFree` (stage px) free */
  zoomTo(rect: Rect, options?: { animate?: boolean; keepFree?: Rect | null }): void
  /** fits the content, keeping the `keepFree` box free; an empty board shows its origin at 100 % */
  zoomToFit(options?: { animate?: boolean }): void
  /** zooms by a factor around `anchor` (stage px), the centre by default, animated */
  zoomBy(factor: number, anchor?: Point): void
  /** zooms to `scale` around the centre, animated */
  setScale(scale: number): void
  /** a drag pan from `at` (stage px): the returned follower moves the view with the pointer */
  panFrom(at: Point): (now: Point) => void
  /** a pinch from two fingers (stage px): the returned follower zooms and pans with them */
  pinchFrom(a: Point, b: Point): (a: Point, b: Point) => void
  /**
   * The view keys of a stage whose keys only navigate (a snapshot): arrows pan, the zoom in and
   * out and fit keys of the canvas's actions zoom. True when the key was used. Character keys
   * (+, −) only while `singleKeys` (the keyboard router's preference) allows them.
   */
  handleViewKey(event: KeyboardEvent, singleKeys: boolean): boolean
  /** adds a layer on top; returns its remover */
  addLayer(layer: Konva.Layer): () => void
  /** removes listeners, the renderer and the stage */
  destroy(): void
}

type ViewKey = { pan: [number, number] } | { zoom: number } | 'fit'

const viewKeys: readonly { keys: readonly KeyBinding[]; does: ViewKey }[] = [
  { keys: [{ key: 'ArrowLeft' }], does: { pan: [KEY_PAN_PX, 0] } },
  { keys: [{ key: 'ArrowRight' }], does: { pan: [-KEY_PAN_PX, 0] } },
  { keys: [{ key: 'ArrowUp' }], does: { pan: [0, KEY_PAN_PX] } },
  { keys: [{ key: 'ArrowDown' }], does: { pan: [0, -KEY_PAN_PX] } },
  { keys: zoomIn.keys ?? [], does: { zoom: ZOOM_STEP } },
  { keys: zoomOut.keys ?? [], does: { zoom: 1 / ZOOM_STEP } },
  { keys: zoomToFit.keys ?? [], does: 'fit' },
]

export function createStageController(host: HTMLDivElement, options: StageOptions): StageController {
  const { renderer } = options
  const stage = new Konva.Stage({
    container: host,
    width: Math.max(1, host.clientWidth),
    height: Math.max(1, host.clientHeight),
  })
  const [viewport, setViewportSignal] = createSignal<Viewport>(options.viewport)
  const [size, setSize] = createSignal<Size>({ width: stage.width(), height: stage.height() })
  if (options.grid) stage.add(createGridLayer(() => ({ viewport: viewport(), size: size() })))
  renderer.layer.listening(false)
  stage.add(renderer.layer)

  // The renderer learns the visible rect at most once per frame (culling).
  const cull = createFrameTask(() => renderer.setViewport(visibleRect(viewport(), size())))
  const show = (next: Viewport): Viewport => {
    const vp = { x: next.x, y: next.y, scale: clampScale(next.scale) }
    setViewportSignal(vp)
    stage.setAttrs({ x: vp.x, y: vp.y, scaleX: vp.scale, scaleY: vp.scale })
    stage.batchDraw()
    cull.schedule()
    return vp
  }
  const applyViewport = (next: Viewport) => {
    const shown = show(next)
    options.onViewport?.(shown)
  }

  let animation: number | null = null
  const stopAnimation = () => {
    if (animation !== null) cancelAnimationFrame(animation)
    animation = null
  }
  const setViewport = (next: Viewport) => {
    stopAnimation()
    applyViewport(next)
  }
  const animateTo = (target: Viewport) => {
    stopAnimation()
    // less motion asked for: the view jumps to where it would have flown
    if (prefersReducedMotion()) {
      applyViewport(target)
      return
    }
    const from = viewport()
    const started = performance.now()
    const step = (now: number) => {
      const t = Math.min(1, (now - started) / ANIMATION_MS)
      const eased = 1 - (1 - t) ** 3
      applyViewport(t >= 1 ? target : lerpViewport(from, target, size(), eased))
      animation = t >= 1 ? null : requestAnimationFrame(step)
    }
    animation = requestAnimationFrame(step)
  }

  const middle = (): Point => ({ x: size().width / 2, y: size().height / 2 })
  const zoomTo = (rect: Rect, zoom: { animate?: boolean; keepFree?: Rect | null } = {}) => {
    const target = fitAvoiding(rect, size(), options.fit(), zoom.keepFree ?? null)
    if (zoom.animate === false) setViewport(target)
    else animateTo(target)
  }
  const zoomToContent = (zoom: { animate?: boolean } = {}) => {
    const bounds = options.contentBounds()
    if (bounds) zoomTo(bounds, { animate: zoom.animate, keepFree: options.keepFree?.() ?? null })
    else setViewport(centreOn({ x: 0, y: 0 }, size(), 1))
  }
  const zoomAbout = (factor: number, anchor: Point = middle()) => animateTo(zoomBy(viewport(), anchor, factor))

  // Wheel: pinch and mouse wheel zoom around the pointer; trackpad scroll pans.
  const onWheel = (e: WheelEvent) => {
    e.preventDefault()
    const rect = host.getBoundingClientRect()
    const anchor = { x: e.clientX - rect.left, y: e.clientY - rect.top }
    const intent = readWheel(e)
    if (intent.kind === 'zoom') setViewport(zoomBy(viewport(), anchor, intent.factor))
    else setViewport(panBy(viewport(), intent.dx, intent.dy))
  }
  host.addEventListener('wheel', onWheel, { passive: false })

  // Size follows the host.
  const resizeObserver = new ResizeObserver(() => {
    const width = Math.max(1, host.clientWidth)
    const height = Math.max(1, host.clientHeight)
    if (width === stage.width() && height === stage.height()) return
    stage.size({ width, height })
    setSize({ width, height })
    cull.schedule()
    stage.batchDraw()
  })
  resizeObserver.observe(host)

  const handleViewKey = (event: KeyboardEvent, singleKeys: boolean): boolean => {
    const hit = viewKeys.find(({ keys }) =>
      keys.some((binding) => matchesKey(binding, event) && (singleKeys || !isCharacterKey(binding))),
    )
    if (!hit) return false
    const does = hit.does
    if (does === 'fit') zoomToContent()
    else if ('pan' in does) setViewport(panBy(viewport(), does.pan[0], does.pan[1]))
    else zoomAbout(does.zoom)
    return true
  }

  // the opening view, shown without the `onViewport` hook: the composer is not built yet
  show(options.viewport)

  return {
    stage,
    renderer,
    viewport,
    size,
    setViewport,
    animateTo,
    toBoard: (screen) => toBoard(viewport(), screen),
    toScreen: (board) => toScreen(viewport(), board),
    toClient: (board) => {
      const rect = host.getBoundingClientRect()
      const p = toScreen(viewport(), board)
      return { x: p.x + rect.left, y: p.y + rect.top }
    },
    centre: () => viewportCentre(viewport(), size()),
    zoomTo,
    zoomToFit: zoomToContent,
    zoomBy: zoomAbout,
    setScale: (scale) => animateTo(zoomAround(viewport(), middle(), scale)),
    panFrom(at) {
      const from = viewport()
      return (now) => setViewport(panBy(from, now.x - at.x, now.y - at.y))
    },
    pinchFrom(a, b) {
      const from = viewport()
      return (nowA, nowB) => setViewport(pinchView(from, [a, b], [nowA, nowB]))
    },
    handleViewKey,
    addLayer(layer) {
      stage.add(layer)
      return () => layer.remove()
    },
    destroy() {
      stopAnimation()
      cull.cancel()
      resizeObserver.disconnect()
      host.removeEventListener('wheel', onWheel)
      renderer.destroy()
      stage.destroy()
    },
  }
}
