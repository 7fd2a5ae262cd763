import Konva from 'konva'
import type { Size, Viewport } from '../viewport.ts'
import { visibleRect } from '../viewport.ts'

export const GRID_STEP = 24
/** Dots closer than this on screen are thinned out (×5) so the grid never turns into a grey fog. */
const MIN_SCREEN_GAP = 14
const MAX_DOTS = 20_000

/** The spacing (board px) of the dots drawn at `scale`: 24, 120, 600, … */
export function gridSpacing(scale: number): number {
  let step = GRID_STEP
  while (step * scale < MIN_SCREEN_GAP) step *= 5
  return step
}

/**
 * The background dot grid: one shape that draws only the visible area, recomputed from the
 * viewport at draw time (so a pan or zoom costs one `batchDraw`, no nodes are created).
 */
export function createGridLayer(read: () => { viewport: Viewport; size: Size }): Konva.Layer {
  const layer = new Konva.Layer({ listening: false, name: 'grid' })
  const shape = new Konva.Shape({
    listening: false,
    perfectDrawEnabled: false,
    sceneFunc: (context) => {
      const { viewport, size } = read()
      const area = visibleRect(viewport, size)
      const step = gridSpacing(viewport.scale)
      const major = step * 5
      const dot = 2 / viewport.scale
      const x0 = Math.floor(area.x / step) * step
      const y0 = Math.floor(area.y / step) * step
      const columns = Math.ceil(area.width / step) + 1
      const rows = Math.ceil(area.height / step) + 1
      if (columns * rows > MAX_DOTS) return
      const ctx = context._context
      ctx.beginPath()
      for (let i = 0; i < columns; i++) {
        for (let j = 0; j < rows; j++) ctx.rect(x0 + i * step - dot / 2, y0 + j * step - dot / 2, dot, dot)
      }
      ctx.fillStyle = '#d2cbbf'
      ctx.fill()
      // every fifth dot a little stronger, so the eye finds its scale
      const mx0 = Math.floor(area.x / major) * major
      const my0 = Math.floor(area.y / major) * major
      ctx.beginPath()
      for (let x = mx0; x <= area.x + area.width + major; x += major) {
        for (let y = my0; y <= area.y + area.height + major; y += major)
          ctx.rect(x - dot * 0.75, y - dot * 0.75, dot * 1.5, dot * 1.5)
      }
      ctx.fillStyle = '#b9b1a3'
      ctx.fill()
    },
  })
  layer.add(shape)
  return layer
}
