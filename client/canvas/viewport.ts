/**
 * Viewport math, free of Konva and the DOM. A viewport maps board coordinates to screen
 * (stage container) pixels: `screen = board × scale + (x, y)`. The stage carries exactly this
 * transform, so every layer on it (grid, elements, overlay, cursors) draws in board coordinates.
 */
export interface Viewport {
  readonly x: number
  readonly y: number
  readonly scale: number
}

export interface Point {
  readonly x: number
  readonly y: number
}

export interface Rect {
  readonly x: number
  readonly y: number
  readonly width: number
  readonly height: number
}

export interface Size {
  readonly width: number
  readonly height: number
}

export const MIN_SCALE = 0.05
export const MAX_SCALE = 4
/** One zoom step (keyboard, buttons): ×1.25 in, ÷1.25 out. */
export const ZOOM_STEP = 1.25

export const identityViewport: Viewport = { x: 0, y: 0, scale: 1 }

export const clampScale = (scale: number): number =>
  Number.isFinite(scale) ? Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale)) : 1

export const toBoard = (viewport: Viewport, screen: Point): Point => ({
  x: (screen.x - viewport.x) / viewport.scale,
  y: (screen.y - viewport.y) / viewport.scale,
})

export const toScreen = (viewport: Viewport, board: Point): Point => ({
  x: board.x * viewport.scale + viewport.x,
  y: board.y * viewport.scale + viewport.y,
})

/** The part of the board the viewport shows, in board coordinates. */
export function visibleRect(viewport: Viewport, size: Size): Rect {
  const topLeft = toBoard(viewport, { x: 0, y: 0 })
  return { x: topLeft.x, y: topLeft.y, width: size.width / viewport.scale, height: size.height / viewport.scale }
}

/** Zooms to `scale` (clamped) keeping the board point under the screen point `anchor` where it is. */
export function zoomAround(viewport: Viewport, anchor: Point, scale: number): Viewport {
  const next = clampScale(scale)
  const board = toBoard(viewport, anchor)
  return { scale: next, x: anchor.x - board.x * next, y: anchor.y - board.y * next }
}

/** Zooms by a factor (>1 in, <1 out) around a screen point. */
export const zoomBy = (viewport: Viewport, anchor: Point, factor: number): Viewport =>
  zoomAround(viewport, anchor, viewport.scale * factor)

export const panBy = (viewport: Viewport, dx: number, dy: number): Viewport => ({
  ...viewport,
  x: viewport.x + dx,
  y: viewport.y + dy,
})

/**
 * A two-finger pinch: the board point under the fingers' first midpoint follows their midpoint,
 * and the scale grows with their spread (clamped).
 */
export function pinchView(from: Viewport, start: readonly [Point, Point], now: readonly [Point, Point]): Viewport {
  const spread = (pair: readonly [Point, Point]) => Math.hypot(pair[0].x - pair[1].x, pair[0].y - pair[1].y)
  const middle = (pair: readonly [Point, Point]) => ({ x: (pair[0].x + pair[1].x) / 2, y: (pair[0].y + pair[1].y) / 2 })
  const anchor = toBoard(from, middle(start))
  const scale = clampScale(from.scale * (spread(now) / Math.max(1, spread(start))))
  const mid = middle(now)
  return { scale, x: mid.x - anchor.x * scale, y: mid.y - anchor.y * scale }
}

/** The viewport that shows `rect` whole and centred, with `padding` screen px around it. */
export function fitRect(
  rect: Rect,
  size: Size,
  options: {
    padding?: number
    maxScale?: number
    insets?: { left?: number; right?: number; top?: number; bottom?: number }
  } = {},
): Viewport {
  const padding = options.padding ?? 48
  const left = padding + (options.insets?.left ?? 0)
  const right = padding + (options.insets?.right ?? 0)
  const top = padding + (options.insets?.top ?? 0)
  const bottom = padding + (options.insets?.bottom ?? 0)
  const availableW = Math.max(1, size.width - left - right)
  const availableH = Math.max(1, size.height - top - bottom)
  const w = Math.max(rect.width, 1)
  const h = Math.max(rect.height, 1)
  const scale = clampScale(Math.min(availableW / w, availableH / h, options.maxScale ?? 1))
  // centre the rect in the area left between the insets
  return {
    scale,
    x: left + availableW / 2 - (rect.x + rect.width / 2) * scale,
    y: top + availableH / 2 - (rect.y + rect.height / 2) * scale,
  }
}

/** The viewport at `scale` whose centre shows the board point `centre`. */
export function centreOn(centre: Point, size: Size, scale: number): Viewport {
  return { scale, x: size.width / 2 - centre.x * scale, y: size.height / 2 - centre.y * scale }
}

/** The board point at the centre of the screen. */
export const viewportCentre = (viewport: Viewport, size: Size): Point =>
  toBoard(viewport, { x: size.width / 2, y: size.height / 2 })

/** The smallest rect holding all of `rects`, or null for none. */
export function unionRect(rects: Iterable<Rect>): Rect | null {
  let minX = Number.POSITIVE_INFINITY
  let minY = Number.POSITIVE_INFINITY
  let maxX = Number.NEGATIVE_INFINITY
  let maxY = Number.NEGATIVE_INFINITY
  for (const r of rects) {
    minX = Math.min(minX, r.x)
    minY = Math.min(minY, r.y)
    maxX = Math.max(maxX, r.x + r.width)
    maxY = Math.max(maxY, r.y + r.height)
  }
  return Number.isFinite(minX) ? { x: minX, y: minY, width: maxX - minX, height: maxY - minY } : null
}

/** A rect spanned by two corners in any order. */
export function rectFromPoints(a: Point, b: Point): Rect {
  return { x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), width: Math.abs(a.x - b.x), height: Math.abs(a.y - b.y) }
}

export const containsRect = (outer: Rect, inner: Rect): boolean =>
  inner.x >= outer.x &&
  inner.y >= outer.y &&
  inner.x + inner.width <= outer.x + outer.width &&
  inner.y + inner.height <= outer.y + outer.height

/** Interpolates two viewports (for animated zooms): geometric in scale, so a zoom feels even. */
export function lerpViewport(from: Viewport, to: Viewport, size: Size, t: number): Viewport {
  const scale = from.scale * (to.scale / from.scale) ** t
  const a = viewportCentre(from, size)
  const b = viewportCentre(to, size)
  return centreOn({ x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t }, size, scale)
}

/** A wheel event as the canvas reads it: a zoom (pinch or mouse wheel) or a pan (trackpad scroll). */
export type WheelIntent = { kind: 'zoom'; factor: number } | { kind: 'pan'; dx: number; dy: number }

export interface WheelLike {
  deltaX: number
  deltaY: number
  deltaMode: number
  ctrlKey: boolean
  metaKey: boolean
  shiftKey: boolean
}

const LINE_PX = 16

/**
 * Trackpad pinches arrive as wheel events with `ctrlKey` (Chrome, Firefox, Safari); a mouse
 * wheel sends whole notches (lines, or ±100/120 px with no horizontal part), a two-finger
 * trackpad scroll sends small, often fractional, two-axis deltas. Pinch and wheel zoom around
 * the pointer; trackpad scroll pans; Shift+wheel pans sideways.
 */
export function readWheel(event: WheelLike): WheelIntent {
  const unit = event.deltaMode === 1 ? LINE_PX : event.deltaMode === 2 ? 400 : 1
  const dx = event.deltaX * unit
  const dy = event.deltaY * unit
  if (event.ctrlKey || event.metaKey) return { kind: 'zoom', factor: Math.exp(-Math.max(-50, Math.min(50, dy)) * 0.01) }
  if (event.shiftKey) return { kind: 'pan', dx: -(dx || dy), dy: 0 }
  const isMouseNotch =
    event.deltaMode === 1 || (event.deltaX === 0 && Number.isInteger(event.deltaY) && Math.abs(event.deltaY) >= 50)
  if (isMouseNotch) return { kind: 'zoom', factor: dy < 0 ? 1.1 : 1 / 1.1 }
  return { kind: 'pan', dx: -dx, dy: -dy }
}
