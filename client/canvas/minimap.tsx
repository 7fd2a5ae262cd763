import { createEffect, onCleanup, Show } from 'solid-js'
import { useBoard } from '../board/board-context.ts'
import { t } from '../i18n/locale.ts'
import { boxOf } from './board-geometry.ts'
import type { CanvasApi } from './canvas-api.ts'
import { createFrameTask } from './frame-scheduler.ts'
import { centreOn, type Rect, unionRect, visibleRect } from './viewport.ts'

const WIDTH = 200
const HEIGHT = 132

/** Kind colours of the minimap (shape and position tell the kinds apart too: it is an overview). */
export const minimapColors: Record<string, string> = {
  frame: '#e7e3da',
  zone: '#c9d3de',
  image: '#b8b2a7',
  phase: '#8b5cf6',
  actor: '#2563eb',
  use: '#15803d',
  note: '#eab308',
}

/** Maps board rect `world` into a `WIDTH × HEIGHT` canvas, keeping proportions. */
function mapping(world: Rect) {
  const scale = Math.min(WIDTH / world.width, HEIGHT / world.height)
  const ox = (WIDTH - world.width * scale) / 2 - world.x * scale
  const oy = (HEIGHT - world.height * scale) / 2 - world.y * scale
  return { scale, ox, oy }
}

/** The minimap (bottom right): every element as a small rect by kind, the view as a frame; click or drag to go there. */
export function Minimap(props: { canvas: CanvasApi }) {
  const { store } = useBoard()
  let canvasEl: HTMLCanvasElement | undefined
  let world: Rect = { x: 0, y: 0, width: 1, height: 1 }

  // The elements' boxes, bottom first by kind; read from the store only when the elements change
  // (panning redraws the map every frame: it must not walk the store's proxies each time).
  const order = ['frame', 'zone', 'image', 'phase', 'use', 'actor', 'note']
  let boxes: { kind: string; box: Rect }[] = []
  let content: Rect | null = null
  let contentDirty = true

  const draw = createFrameTask(() => {
    const ctx = canvasEl?.getContext('2d')
    if (!canvasEl || !ctx) return
    const dpr = globalThis.devicePixelRatio || 1
    if (canvasEl.width !== WIDTH * dpr) {
      canvasEl.width = WIDTH * dpr
      canvasEl.height = HEIGHT * dpr
    }
    if (contentDirty) {
      boxes = []
      for (const element of Object.values(store.state.elements)) {
        const box = boxOf(element)
        if (box) boxes.push({ kind: element.kind, box })
      }
      boxes.sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind))
      content = unionRect(boxes.map((b) => b.box))
      contentDirty = false
    }
    const view = visibleRect(props.canvas.viewport(), props.canvas.size())
    const all = unionRect([content ?? view, view]) ?? view
    const pad = Math.max(all.width, all.height) * 0.04
    world = { x: all.x - pad, y: all.y - pad, width: all.width + 2 * pad, height: all.height + 2 * pad }
    const { scale, ox, oy } = mapping(world)
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0)
    ctx.clearRect(0, 0, WIDTH, HEIGHT)
    // one path per run of a kind
    let kind: string | null = null
    for (const box of boxes) {
      if (box.kind !== kind) {
        if (kind !== null) ctx.fill()
        kind = box.kind
        ctx.fillStyle = minimapColors[kind] ?? '#9ca3af'
        ctx.beginPath()
      }
      const { x, y, width, height } = box.box
      ctx.rect(ox + x * scale, oy + y * scale, Math.max(1.5, width * scale), Math.max(1.5, height * scale))
    }
    if (kind !== null) ctx.fill()
    ctx.strokeStyle = '#9b3426'
    ctx.lineWidth = 1.5
    ctx.fillStyle = 'rgba(155, 52, 38, 0.06)'
    const vx = ox + view.x * scale
    const vy = oy + view.y * scale
    ctx.fillRect(vx, vy, view.width * scale, view.height * scale)
    ctx.strokeRect(vx, vy, view.width * scale, view.height * scale)
  })

  createEffect(() => {
    for (const element of Object.values(store.state.elements)) {
      // read the geometry so the effect re-runs when it changes
      void element.x
      void element.y
      void element.w
      void element.h
    }
    contentDirty = true
    if (props.canvas.minimapVisible()) draw.schedule()
  })
  createEffect(() => {
    props.canvas.viewport()
    props.canvas.size()
    if (props.canvas.minimapVisible()) draw.schedule()
  })
  onCleanup(() => draw.cancel())

  const goTo = (e: PointerEvent) => {
    if (!canvasEl) return
    const rect = canvasEl.getBoundingClientRect()
    const { scale, ox, oy } = mapping(world)
    const board = { x: (e.clientX - rect.left - ox) / scale, y: (e.clientY - rect.top - oy) / scale }
    props.canvas.zoomTo(visibleRectAround(board), { animate: false })
  }
  const visibleRectAround = (centre: { x: number; y: number }) => {
    const vp = centreOn(centre, props.canvas.size(), props.canvas.viewport().scale)
    return visibleRect(vp, props.canvas.size())
  }
  let dragging = false

  return (
    <div class="canvas-minimap" data-testid="minimap" data-hidden={props.canvas.minimapVisible() ? undefined : 'true'}>
      <Show when={props.canvas.minimapVisible()}>
        <canvas
          ref={canvasEl}
          class="canvas-minimap__map"
          style={{ width: `${WIDTH}px`, height: `${HEIGHT}px` }}
          aria-label={t('canvas.minimap')}
          role="img"
          onPointerDown={(e) => {
            dragging = true
            e.currentTarget.setPointerCapture(e.pointerId)
            goTo(e)
          }}
          onPointerMove={(e) => dragging && goTo(e)}
          onPointerUp={() => {
            dragging = false
          }}
        />
      </Show>
      <div class="canvas-minimap__bar">
        <button
          type="button"
          class="canvas-minimap__button"
          onClick={() => props.canvas.setMinimapVisible(!props.canvas.minimapVisible())}
          aria-pressed={props.canvas.minimapVisible()}
          title={props.canvas.minimapVisible() ? t('canvas.minimapHide') : t('canvas.minimapShow')}
          aria-label={props.canvas.minimapVisible() ? t('canvas.minimapHide') : t('canvas.minimapShow')}
        >
          <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
            <rect x="1.5" y="3" width="13" height="10" rx="1.5" fill="none" stroke="currentColor" stroke-width="1.4" />
            <rect x="8" y="7.5" width="5" height="4" fill="currentColor" />
          </svg>
        </button>
      </div>
    </div>
  )
}
