import { createEffect, createSignal, onCleanup } from 'solid-js'
import type { CanvasApi } from './canvas-api.ts'

/**
 * Redraws an overlay layer of the live canvas (vote dots, comment badges) at most once a frame:
 * when the renderer moved or resized an element, when the number of elements changed, or when
 * the zoom changed — and whenever a signal `draw` reads changes. Call inside the effect that
 * added the layer; everything is released with it.
 */
export function redrawOnCanvasChange(canvas: CanvasApi, elementCount: () => number, draw: (scale: number) => void): void {
  const [version, setVersion] = createSignal(0)
  let frame: number | null = null
  const bump = () => {
    if (frame !== null) return
    frame = requestAnimationFrame(() => {
      frame = null
      setVersion((v) => v + 1)
    })
  }
  const offChange = canvas.renderer.onChange(bump)
  createEffect(() => {
    version()
    elementCount()
    draw(canvas.viewport().scale)
  })
  onCleanup(() => {
    if (frame !== null) cancelAnimationFrame(frame)
    offChange()
  })
}
