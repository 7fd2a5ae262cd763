import type { Box, Rect, SceneNode } from './types.ts'

export const centreOf = (box: Box): { x: number; y: number } => ({ x: box.x + box.w / 2, y: box.y + box.h / 2 })

/**
 * Where the ray from the box's centre towards `target` leaves the box. For a target at the
 * centre itself there is no direction: the centre is returned.
 */
export function edgePoint(box: Box, target: { x: number; y: number }): { x: number; y: number } {
  const c = centreOf(box)
  const dx = target.x - c.x
  const dy = target.y - c.y
  if (dx === 0 && dy === 0) return c
  // Scale the direction so that it reaches the nearer of the vertical or horizontal sides.
  const sx = dx === 0 ? Number.POSITIVE_INFINITY : box.w / 2 / Math.abs(dx)
  const sy = dy === 0 ? Number.POSITIVE_INFINITY : box.h / 2 / Math.abs(dy)
  const s = Math.min(sx, sy)
  return { x: c.x + dx * s, y: c.y + dy * s }
}

/**
 * The endpoints of a link: where the centre-to-centre line leaves each box. Null when the
 * boxes share a centre (no direction to draw in) or one box contains the other's end.
 */
export function linkEndpoints(from: Box, to: Box): { start: { x: number; y: number }; end: { x: number; y: number } } | null {
  const a = centreOf(from)
  const b = centreOf(to)
  if (a.x === b.x && a.y === b.y) return null
  const start = edgePoint(from, b)
  const end = edgePoint(to, a)
  // Overlapping boxes: the "ends" would cross over; draw nothing rather than a backwards arrow.
  if ((end.x - start.x) * (b.x - a.x) + (end.y - start.y) * (b.y - a.y) <= 0) return null
  return { start, end }
}

export const intersects = (a: Rect, b: Rect): boolean =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height

export const contains = (outer: Rect, inner: Rect): boolean =>
  inner.x >= outer.x &&
  inner.y >= outer.y &&
  inner.x + inner.width <= outer.x + outer.width &&
  inner.y + inner.height <= outer.y + outer.height

export const boxToRect = (box: Box): Rect => ({ x: box.x, y: box.y, width: box.w, height: box.h })

export function unionRect(a: Rect | null, b: Rect | null): Rect | null {
  if (!a) return b
  if (!b) return a
  const x = Math.min(a.x, b.x)
  const y = Math.min(a.y, b.y)
  return { x, y, width: Math.max(a.x + a.width, b.x + b.width) - x, height: Math.max(a.y + a.height, b.y + b.height) - y }
}

/**
 * The area a scene node covers, in its parent's coordinates (a group's `x`, `y`, `scaleX`,
 * `scaleY` apply to its children; rotation is not used by the builders). Paths count by their
 * `width`/`height` when given and are otherwise decoration inside their element's box; lines and
 * arrows by their points (plus the stroke and pointer). Null for an empty group.
 */
export function sceneBounds(node: SceneNode): Rect | null {
  const a = node.attrs
  const x = a.x ?? 0
  const y = a.y ?? 0
  switch (node.type) {
    case 'group': {
      let inner: Rect | null = null
      for (const child of node.children ?? []) if (child.attrs.visible !== false) inner = unionRect(inner, sceneBounds(child))
      if (!inner) return null
      const sx = a.scaleX ?? 1
      const sy = a.scaleY ?? 1
      return { x: x + inner.x * sx, y: y + inner.y * sy, width: inner.width * sx, height: inner.height * sy }
    }
    case 'rect':
    case 'text':
    case 'image':
      return { x, y, width: (a.width ?? 0) * (a.scaleX ?? 1), height: (a.height ?? 0) * (a.scaleY ?? 1) }
    case 'circle': {
      const r = (a.radius ?? 0) + (a.strokeWidth ?? 0) / 2
      return { x: x - r, y: y - r, width: 2 * r, height: 2 * r }
    }
    case 'path':
      return a.width !== undefined && a.height !== undefined ? { x, y, width: a.width, height: a.height } : null
    case 'line':
    case 'arrow': {
      const points = a.points ?? []
      if (points.length < 2) return null
      let minX = Number.POSITIVE_INFINITY
      let minY = Number.POSITIVE_INFINITY
      let maxX = Number.NEGATIVE_INFINITY
      let maxY = Number.NEGATIVE_INFINITY
      for (let i = 0; i + 1 < points.length; i += 2) {
        const px = points[i] ?? 0
        const py = points[i + 1] ?? 0
        minX = Math.min(minX, px)
        maxX = Math.max(maxX, px)
        minY = Math.min(minY, py)
        maxY = Math.max(maxY, py)
      }
      const pad = Math.max((a.strokeWidth ?? 1) / 2, node.type === 'arrow' ? (a.pointerWidth ?? 0) / 2 : 0)
      return { x: x + minX - pad, y: y + minY - pad, width: maxX - minX + 2 * pad, height: maxY - minY + 2 * pad }
    }
  }
}

/** Space kept between a link's label and the cards it joins (board px). */
const LABEL_CLEARANCE = 6

const clearOf = (rect: Rect, boxes: readonly Box[], margin: number): boolean =>
  boxes.every(
    (box) => !intersects(rect, { x: box.x - margin, y: box.y - margin, width: box.w + 2 * margin, height: box.h + 2 * margin }),
  )
/** On the arrow, the plate leaves this much of it visible at each end (the arrowheads). */
const ON_LINE_MARGIN = 12

/**
 * Where a link's label plate (`size`) goes: on the middle of the arrow when it fits there with the
 * arrowheads visible, else beside the arrow (either side), else a third or two thirds along it,
 * else above (or below) both cards. Never on the cards it joins (`ends`), and when possible not
 * on any other card (`others`) either: the plate neither hides a card's text nor disappears
 * under a card.
 */
export function linkLabelRect(
  start: { x: number; y: number },
  end: { x: number; y: number },
  ends: readonly Box[],
  size: { width: number; height: number },
  others: readonly Box[] = [],
): Rect {
  const along = (t: number) => ({ x: start.x + (end.x - start.x) * t, y: start.y + (end.y - start.y) * t })
  const mid = along(0.5)
  const at = (c: { x: number; y: number }): Rect => ({
    x: c.x - size.width / 2,
    y: c.y - size.height / 2,
    width: size.width,
    height: size.height,
  })
  const length = Math.hypot(end.x - start.x, end.y - start.y) || 1
  // the unit normal of the arrow, and how far the plate's centre must go along it to clear the line
  const n = { x: -(end.y - start.y) / length, y: (end.x - start.x) / length }
  const off = (Math.abs(n.x) * size.width + Math.abs(n.y) * size.height) / 2 + LABEL_CLEARANCE
  const top = Math.min(...ends.map((box) => box.y))
  const bottom = Math.max(...ends.map((box) => box.y + box.h))
  const candidates: { rect: Rect; margin: number }[] = [
    { rect: at(mid), margin: ON_LINE_MARGIN },
    { rect: at({ x: mid.x + n.x * off, y: mid.y + n.y * off }), margin: 2 },
    { rect: at({ x: mid.x - n.x * off, y: mid.y - n.y * off }), margin: 2 },
    { rect: at(along(1 / 3)), margin: ON_LINE_MARGIN },
    { rect: at(along(2 / 3)), margin: ON_LINE_MARGIN },
    { rect: at({ x: mid.x, y: top - LABEL_CLEARANCE - size.height / 2 }), margin: 2 },
    { rect: at({ x: mid.x, y: bottom + LABEL_CLEARANCE + size.height / 2 }), margin: 2 },
  ]
  const clearOfEnds = candidates.filter((candidate) => clearOf(candidate.rect, ends, candidate.margin))
  const best = clearOfEnds.find((candidate) => clearOf(candidate.rect, others, 2)) ?? clearOfEnds[0]
  return best?.rect ?? (candidates[5] as { rect: Rect }).rect
}
