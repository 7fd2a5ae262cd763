/**
 * The keys of a WAI-ARIA menu with roving focus (the canvas's right-click menu, an outline
 * line's actions): arrows wrap around, Home and End jump; Escape and Tab close it and give focus
 * back to where it came from. Answers whether the key was the menu's (then the caller stops it).
 */
export function handleMenuKey(event: KeyboardEvent, items: readonly HTMLElement[], close: () => void): boolean {
  const index = items.indexOf(document.activeElement as HTMLElement)
  const focusAt = (i: number) => items[(i + items.length) % items.length]?.focus()
  switch (event.key) {
    case 'ArrowDown':
      focusAt(index + 1)
      break
    case 'ArrowUp':
      focusAt(index - 1)
      break
    case 'Home':
      focusAt(0)
      break
    case 'End':
      focusAt(items.length - 1)
      break
    case 'Escape':
    case 'Tab':
      close()
      break
    default:
      return false
  }
  event.preventDefault()
  event.stopPropagation()
  return true
}
