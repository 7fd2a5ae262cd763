import { onCleanup } from 'solid-js'

/**
 * A `<details>` used as a small menu closes when the pointer goes down outside it or on Escape,
 * as menus do. Use as a ref: `<details ref={closesOutside}>`; the listeners go with the owner.
 */
export function closesOutside(details: HTMLDetailsElement): void {
  const close = () => {
    if (details.open) details.removeAttribute('open')
  }
  const onPointer = (event: PointerEvent) => {
    if (details.open && !details.contains(event.target as Node)) close()
  }
  const onKey = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !details.open) return
    close()
    details.querySelector('summary')?.focus()
  }
  document.addEventListener('pointerdown', onPointer, true)
  details.addEventListener('keydown', onKey)
  onCleanup(() => {
    document.removeEventListener('pointerdown', onPointer, true)
    details.removeEventListener('keydown', onKey)
  })
}
