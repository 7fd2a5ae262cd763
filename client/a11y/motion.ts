/**
 * The person asked their system for less motion (`prefers-reduced-motion: reduce`): the canvas
 * then jumps instead of flying the view, highlights stay still instead of pulsing and others'
 * cursors jump instead of gliding. The CSS side is in the stylesheets' own
 * `@media (prefers-reduced-motion: reduce)` blocks. The query is live, so a change of the
 * setting applies at once.
 */
let query: MediaQueryList | null | undefined

export function prefersReducedMotion(): boolean {
  if (query === undefined)
    query = typeof globalThis.matchMedia === 'function' ? globalThis.matchMedia('(prefers-reduced-motion: reduce)') : null
  return query?.matches ?? false
}
