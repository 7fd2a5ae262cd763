import type { Viewport } from './viewport.ts'
import { clampScale } from './viewport.ts'

/** Each board keeps its viewport for the browser tab's session (sessionStorage), so a reload returns to the same view. */
const keyOf = (boardId: string) => `refresh-board:viewport:${boardId}`

export function loadViewport(boardId: string, storage: Storage | undefined = globalThis.sessionStorage): Viewport | null {
  try {
    const raw = storage?.getItem(keyOf(boardId))
    if (!raw) return null
    const value: unknown = JSON.parse(raw)
    if (typeof value !== 'object' || value === null) return null
    const { x, y, scale } = value as Record<string, unknown>
    if (typeof x !== 'number' || typeof y !== 'number' || typeof scale !== 'number') return null
    if (!Number.isFinite(x) || !Number.isFinite(y) || !Number.isFinite(scale)) return null
    return { x, y, scale: clampScale(scale) }
  } catch {
    return null
  }
}

export function saveViewport(
  boardId: string,
  viewport: Viewport,
  storage: Storage | undefined = globalThis.sessionStorage,
): void {
  try {
    storage?.setItem(keyOf(boardId), JSON.stringify({ x: viewport.x, y: viewport.y, scale: viewport.scale }))
  } catch {
    // storage full or disabled: the view is simply not remembered
  }
}
