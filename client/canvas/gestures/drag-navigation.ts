import { createFrameTask } from '../frame-scheduler.ts'
import type { StageController } from '../stage-controller.ts'
import type { Point } from '../viewport.ts'

/**
 * The pointers of a stage where nothing can be picked (a snapshot): any drag (mouse, pen, one
 * finger, the middle button) pans, two fingers pinch. The view follows the latest pointers once
 * per frame, through the stage controller's pan and pinch, as on the live canvas.
 */
export function attachDragNavigation(host: HTMLElement, view: StageController): { detach(): void } {
  const pointers = new Map<number, Point>()
  let follow: (() => void) | null = null
  const frame = createFrameTask(() => follow?.())

  const screenOf = (e: PointerEvent): Point => {
    const rect = host.getBoundingClientRect()
    return { x: e.clientX - rect.left, y: e.clientY - rect.top }
  }
  /** (Re)starts from the pointers down now: one pans, two pinch (a third is ignored). */
  const start = () => {
    const [a, b] = [...pointers.values()]
    if (a && b) {
      const pinch = view.pinchFrom(a, b)
      follow = () => {
        const [nowA, nowB] = [...pointers.values()]
        if (nowA && nowB) pinch(nowA, nowB)
      }
    } else if (a) {
      const pan = view.panFrom(a)
      const [id] = [...pointers.keys()]
      follow = () => {
        const now = id === undefined ? undefined : pointers.get(id)
        if (now) pan(now)
      }
    } else follow = null
    host.style.cursor = follow ? 'grabbing' : 'grab'
  }

  const onPointerDown = (e: PointerEvent) => {
    if ((e.button !== 0 && e.button !== 1) || pointers.size >= 2) return
    frame.flush()
    pointers.set(e.pointerId, screenOf(e))
    try {
      host.setPointerCapture?.(e.pointerId)
    } catch {
      // the pointer is already gone
    }
    start()
  }
  const onPointerMove = (e: PointerEvent) => {
    if (!pointers.has(e.pointerId)) return
    pointers.set(e.pointerId, screenOf(e))
    frame.schedule()
  }
  const onPointerUp = (e: PointerEvent) => {
    if (!pointers.has(e.pointerId)) return
    frame.flush()
    pointers.delete(e.pointerId)
    // the finger left on the glass goes on panning from where it is
    start()
  }

  host.style.cursor = 'grab'
  host.addEventListener('pointerdown', onPointerDown)
  host.addEventListener('pointermove', onPointerMove)
  host.addEventListener('pointerup', onPointerUp)
  host.addEventListener('pointercancel', onPointerUp)
  return {
    detach() {
      frame.cancel()
      host.removeEventListener('pointerdown', onPointerDown)
      host.removeEventListener('pointermove', onPointerMove)
      host.removeEventListener('pointerup', onPointerUp)
      host.removeEventListener('pointercancel', onPointerUp)
    },
  }
}
