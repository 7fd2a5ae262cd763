/**
 * The canvas takes keyboard focus itself when it is pressed, and the browser's own focus move
 * (the default action of `mousedown`, which comes after `pointerdown`) is cancelled.
 *
 * Why: a click with a creation tool creates the element and opens its text editor during
 * `pointerdown`; the `mousedown` that follows then moved focus to the canvas, the editor lost
 * it and closed within a millisecond, and the letters typed next became tool shortcuts
 * ("hello" armed the Link tool). Focusing here, before the gesture runs, still lets a press on
 * the canvas end an open editor (it blurs and saves) and puts the keys on the canvas.
 */
export function holdCanvasFocus(host: HTMLElement): { detach(): void } {
  const onPointerDown = () => {
    if (document.activeElement !== host) host.focus({ preventScroll: true })
  }
  const onMouseDown = (event: MouseEvent) => event.preventDefault()
  // capture: before the gestures' own pointerdown on the same element
  host.addEventListener('pointerdown', onPointerDown, true)
  host.addEventListener('mousedown', onMouseDown)
  return {
    detach() {
      host.removeEventListener('pointerdown', onPointerDown, true)
      host.removeEventListener('mousedown', onMouseDown)
    },
  }
}
