/**
 * The person asked their system for less motion (`prefers-reduced-motion: reduce`): the canvas
 * then jumps instead of flying the view, and highlights stay still instead of pulsing. The CSS
 * side is in the stylesheets' own `@media (prefers-reduced-motion: reduce)` blocks. Read at
 * each use, so a change of the setting applies at once.
 */
export const prefersReducedMotion = (): boolean =>
  typeof globalThis.matchMedia === 'function' && globalThis.matchMedia('(prefers-reduced-motion: reduce)').matches
