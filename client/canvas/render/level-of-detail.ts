import { edgePoint, linkEndpoints } from '../../../shared/scene/geometry.ts'
import { FRAME_TAB_H } from '../../../shared/scene/kinds/frame.ts'
import {
  categoryColors,
  categoryTint,
  conflictColor,
  frameColors,
  lineColor,
  linkColor,
  noteColors,
  sectorColors,
  stageColors,
  surface,
  warningColor,
  zoneColors,
} from '../../../shared/scene/palette.ts'
import { displayLabel, estimateTextWidth } from '../../../shared/scene/text.ts'
import type { Box, Rect, SceneContext } from '../../../shared/scene/types.ts'
import type { Element } from '../../../shared/schema/elements.ts'

/**
 * Level of detail: how a zoomed-out board is drawn. Below `LOD_ENTER_SCALE` labels are a few
 * screen px high and unreadable, so the renderer stops drawing one cached Konva group per
 * element and draws every visible element with ONE Konva shape instead: each element becomes a
 * few plain operations (filled or outlined rectangles, lines) in the colours of its full
 * drawing (shared/scene/palette.ts, as the kind builders use them), and consecutive operations
 * of the same style are merged into one path, as long as that keeps the draw order wherever
 * two operations overlap.
 */

/** Enter LOD below this scale: 13 px labels are < 3.7 screen px, 11 px ones < 3.1 px. */
export const LOD_ENTER_SCALE = 0.28
/** Leave LOD above this scale (hysteresis: a pinch hovering around 0.3 does not flip every frame). */
export const LOD_LEAVE_SCALE = 0.32
/**
 * LOD is for performance, not looks: a view holding fewer elements than this (most workshop
 * boards, the demo) keeps its full drawing at any zoom. Full drawing costs about 0.06 ms per
 * element and pan frame in headless Chromium (2,000 elements: 124 ms), so 150 is about
 * what fits a frame with room for the rest.
 */
export const LOD_MIN_ELEMENTS = 150
/** Leave LOD again when fewer than this share of `LOD_MIN_ELEMENTS` are in view (hysteresis). */
export const LOD_LEAVE_COUNT_FACTOR = 2 / 3

/**
 * How one operation paints. `width` is in board px, at least `minScreenWidth` screen px (so a
 * 1 px frame border does not vanish at 6 %).
 */
export interface LodStyle {
  readonly mode: 'fill' | 'stroke' | 'line' | 'image'
  readonly color: string
  readonly alpha: number
  readonly width: number
  readonly minScreenWidth: number
  /** style key: operations with the same key may share one path */
  readonly key: string
}

/** One primitive: a rectangle (`fill`, `stroke`, `image`: x, y, w, h) or a segment (`line`: x1, y1, x2, y2). */
export interface LodOp {
  readonly style: LodStyle
  readonly a: number
  readonly b: number
  readonly c: number
  readonly d: number
  /** image source (mode `image`) */
  readonly src?: string
}

/** Operations merged into one path; `coords` holds 4 numbers per operation. */
export interface LodBatch {
  readonly style: LodStyle
  readonly coords: number[]
  readonly src?: string
}

const styles = new Map<string, LodStyle>()

function style(mode: LodStyle['mode'], color: string, alpha = 1, width = 0, minScreenWidth = 0): LodStyle {
  const key = `${mode}|${color}|${alpha}|${width}|${minScreenWidth}`
  let found = styles.get(key)
  if (!found) {
    found = { mode, color, alpha, width, minScreenWidth, key }
    styles.set(key, found)
  }
  return found
}

const rectOp = (s: LodStyle, x: number, y: number, w: number, h: number): LodOp => ({ style: s, a: x, b: y, c: w, d: h })

const boxOf = (element: Element | undefined): Box | undefined =>
  element && element.kind !== 'link' ? { x: element.x, y: element.y, w: element.w, h: element.h } : undefined

const STUB = 44
const FRAME_TAB_PAD = 10

/**
 * The operations that draw `element` zoomed out, bottom first. `ctx.elementsById` must give
 * effective (previewed) geometry, like the scene builders get it.
 */
export function lodOpsOf(element: Element, ctx: SceneContext): LodOp[] {
  switch (element.kind) {
    case 'frame': {
      const { x, y, w, h } = element
      const title = displayLabel(element, ctx) || ctx.t('scene.untitled')
      const tabW = Math.min(w, Math.max(60, estimateTextWidth(title, 13, true) + 2 * FRAME_TAB_PAD + 4))
      return [
        rectOp(style('fill', frameColors.fill), x, y, w, h),
        rectOp(style('fill', frameColors.tab), x, y - FRAME_TAB_H, tabW, FRAME_TAB_H),
        rectOp(style('stroke', frameColors.stroke, 1, 1, 0.75), x, y, w, h),
      ]
    }
    case 'zone': {
      const { x, y, w, h } = element
      return [
        rectOp(style('fill', zoneColors.fill, 0.85), x, y, w, h),
        rectOp(style('stroke', zoneColors.stroke, 1, 1.5, 0.75), x, y, w, h),
      ]
    }
    case 'image': {
      const { x, y, w, h } = element
      return [
        rectOp(style('fill', '#f2f4f7'), x, y, w, h),
        { ...rectOp(style('image', '#000000'), x, y, w, h), src: element.src },
        rectOp(style('stroke', lineColor, 1, 1, 0.5), x, y, w, h),
      ]
    }
    case 'actor': {
      const { x, y, w, h } = element
      return [
        rectOp(style('fill', surface), x, y, w, h),
        rectOp(style('fill', sectorColors[element.sector]), x, y, w, Math.min(24, h)),
        rectOp(style('stroke', lineColor, 1, 1, 0.5), x, y, w, h),
      ]
    }
    case 'use': {
      const { x, y, w, h } = element
      const color = categoryColors[element.category]
      return [
        rectOp(style('fill', categoryTint(element.category)), x, y, w, h),
        rectOp(style('fill', color, 0.22), x, y, Math.min(14, w), h),
        rectOp(style('fill', color), x + 24, y + 8, Math.min(24, Math.max(0, w - 24)), Math.min(24, Math.max(0, h - 8))),
        rectOp(style('stroke', color, 1, 1.5, 0.5), x, y, w, h),
      ]
    }
    case 'note': {
      const { x, y, w, h } = element
      const colors = noteColors[element.color ?? 'yellow']
      return [rectOp(style('fill', colors.paper), x, y, w, h), rectOp(style('stroke', colors.edge, 1, 1, 0.5), x, y, w, h)]
    }
    case 'phase': {
      const { x, y, w, h } = element
      return [rectOp(style('fill', stageColors[element.stage]), x, y, w, h)]
    }
    case 'link': {
      const from = boxOf(ctx.elementsById(element.from))
      const to = boxOf(ctx.elementsById(element.to))
      if (from && to) {
        const ends = linkEndpoints(from, to)
        if (!ends) return []
        const conflict = element.relation === 'conflicts'
        const s = style('line', conflict ? conflictColor : linkColor, 0.8, conflict ? 2 : 1.5, 0.6)
        return [{ style: s, a: ends.start.x, b: ends.start.y, c: ends.end.x, d: ends.end.y }]
      }
      const box = from ?? to
      if (!box) return []
      // the dangling stub of the full drawing: up and to the right of the existing end
      const c = { x: box.x + box.w / 2, y: box.y + box.h / 2 }
      const start = edgePoint(box, { x: c.x + Math.SQRT1_2 * 1000, y: c.y - Math.SQRT1_2 * 1000 })
      const s = style('line', warningColor, 0.8, 1.5, 0.6)
      return [{ style: s, a: start.x, b: start.y, c: start.x + Math.SQRT1_2 * STUB, d: start.y - Math.SQRT1_2 * STUB }]
    }
  }
}

const GRID = 400
const MAX_CELLS = 256

/** What one element covers, for the overlap tests of batching: its box, or its line. */
interface Placed {
  line: boolean
  x0: number
  y0: number
  x1: number
  y1: number
  /** the latest batch any of its operations went into */
  batch: number
}

/** Whether segment (x0, y0)–(x1, y1) touches the box. */
function segmentTouchesBox(s: Placed, box: Placed): boolean {
  if (Math.max(s.x0, s.x1) < box.x0 || Math.min(s.x0, s.x1) > box.x1) return false
  if (Math.max(s.y0, s.y1) < box.y0 || Math.min(s.y0, s.y1) > box.y1) return false
  // the box's corners on both sides of the line (or on it)
  const dx = s.x1 - s.x0
  const dy = s.y1 - s.y0
  const side = (x: number, y: number) => Math.sign(dx * (y - s.y0) - dy * (x - s.x0))
  const a = side(box.x0, box.y0)
  const b = side(box.x1, box.y0)
  const c = side(box.x0, box.y1)
  const d = side(box.x1, box.y1)
  return !(a === b && b === c && c === d && a !== 0)
}

function overlaps(a: Placed, b: Placed): boolean {
  // Links sit in one tier of the draw order, among themselves in id order only: two of them
  // may be painted in any order.
  if (a.line && b.line) return false
  if (a.line) return segmentTouchesBox(a, b)
  if (b.line) return segmentTouchesBox(b, a)
  return a.x0 <= b.x1 && b.x0 <= a.x1 && a.y0 <= b.y1 && b.y0 <= a.y1
}

/** The grid cells `p` touches (a line: only those it passes through), or null when too many. */
function cellsOf(p: Placed): number[] | null {
  const out: number[] = []
  if (!p.line) {
    const cx0 = Math.floor(p.x0 / GRID)
    const cy0 = Math.floor(p.y0 / GRID)
    const cx1 = Math.floor(p.x1 / GRID)
    const cy1 = Math.floor(p.y1 / GRID)
    if ((cx1 - cx0 + 1) * (cy1 - cy0 + 1) > MAX_CELLS) return null
    for (let cx = cx0; cx <= cx1; cx++) for (let cy = cy0; cy <= cy1; cy++) out.push(cx * 1_000_003 + cy)
    return out
  }
  const [xa, ya, xb, yb] = p.x0 <= p.x1 ? [p.x0, p.y0, p.x1, p.y1] : [p.x1, p.y1, p.x0, p.y0]
  const yAt = (x: number) => (xb === xa ? ya : ya + ((yb - ya) * (x - xa)) / (xb - xa))
  for (let cx = Math.floor(xa / GRID); cx <= Math.floor(xb / GRID); cx++) {
    const left = Math.max(xa, cx * GRID)
    const right = Math.min(xb, (cx + 1) * GRID)
    const ys = xb === xa ? [ya, yb] : [yAt(left), yAt(right)]
    const cy0 = Math.floor(Math.min(...ys) / GRID)
    const cy1 = Math.floor(Math.max(...ys) / GRID)
    for (let cy = cy0; cy <= cy1; cy++) out.push(cx * 1_000_003 + cy)
    if (out.length > MAX_CELLS) return null
  }
  return out
}

function placedOf(ops: readonly LodOp[]): Placed | null {
  const first = ops[0]
  if (!first) return null
  if (first.style.mode === 'line') return { line: true, x0: first.a, y0: first.b, x1: first.c, y1: first.d, batch: -1 }
  let x0 = Number.POSITIVE_INFINITY
  let y0 = Number.POSITIVE_INFINITY
  let x1 = Number.NEGATIVE_INFINITY
  let y1 = Number.NEGATIVE_INFINITY
  for (const op of ops) {
    x0 = Math.min(x0, op.a, op.a + op.c)
    y0 = Math.min(y0, op.b, op.b + op.d)
    x1 = Math.max(x1, op.a, op.a + op.c)
    y1 = Math.max(y1, op.b, op.b + op.d)
  }
  return { line: false, x0, y0, x1, y1, batch: -1 }
}

/**
 * Merges the operations of elements (bottom first; each element's own operations bottom first)
 * into as few batches as draw order allows: an operation joins the latest batch of its style
 * unless an element it overlaps, or its own previous operation, went into a later batch (then it
 * opens a new batch at the end). So of two overlapping elements the later one is never painted
 * first. Overlaps are tested per element through a grid: boxes exactly; a link's line exactly
 * against the boxes under it, and boxes above a line conservatively (any line through one of
 * their cells), which costs nothing in practice since cards are drawn after all links anyway.
 * Links among themselves are in id order only and may be painted in any order. Images never merge.
 */
export function batchLodOps(elements: Iterable<readonly LodOp[]>): LodBatch[] {
  const batches: LodBatch[] = []
  const lastOfStyle = new Map<string, number>()
  /** boxes per grid cell */
  const cells = new Map<number, Placed[]>()
  /** the latest batch of a line through each grid cell */
  const lineBatch = new Map<number, number>()
  const hugeBoxes: Placed[] = []
  let hugeLineBatch = -1
  for (const ops of elements) {
    const placed = placedOf(ops)
    if (!placed) continue
    const keys = cellsOf(placed)
    let after = placed.line ? -1 : hugeLineBatch
    const check = (other: Placed) => {
      if (other.batch > after && overlaps(placed, other)) after = other.batch
    }
    if (keys === null) for (const list of cells.values()) for (const other of list) check(other)
    else
      for (const key of keys) {
        const list = cells.get(key)
        if (list) for (const other of list) check(other)
        if (!placed.line) after = Math.max(after, lineBatch.get(key) ?? -1)
      }
    for (const other of hugeBoxes) check(other)
    if (keys === null && !placed.line) for (const batch of lineBatch.values()) after = Math.max(after, batch)
    for (const op of ops) {
      const key = op.style.key
      const last = op.style.mode === 'image' ? undefined : lastOfStyle.get(key)
      if (last !== undefined && last >= after) {
        ;(batches[last] as LodBatch).coords.push(op.a, op.b, op.c, op.d)
        after = last
      } else {
        after = batches.length
        batches.push({ style: op.style, coords: [op.a, op.b, op.c, op.d], ...(op.src ? { src: op.src } : {}) })
        lastOfStyle.set(key, after)
      }
    }
    placed.batch = after
    if (placed.line) {
      if (keys === null) hugeLineBatch = Math.max(hugeLineBatch, after)
      else for (const key of keys) lineBatch.set(key, Math.max(lineBatch.get(key) ?? -1, after))
    } else if (keys === null) hugeBoxes.push(placed)
    else
      for (const key of keys) {
        const list = cells.get(key)
        if (list) list.push(placed)
        else cells.set(key, [placed])
      }
  }
  return batches
}

/** The subset of CanvasRenderingContext2D the LOD drawing uses. */
export type LodContext = Pick<
  CanvasRenderingContext2D,
  'beginPath' | 'rect' | 'moveTo' | 'lineTo' | 'fill' | 'stroke' | 'drawImage'
> & {
  fillStyle: CanvasRenderingContext2D['fillStyle']
  strokeStyle: CanvasRenderingContext2D['strokeStyle']
  lineWidth: number
  globalAlpha: number
}

/**
 * Paints `batches` in board coordinates (the caller set the board → screen transform; `scale`
 * is its zoom). `imageOf` gives a loaded picture for an image's `src`, or nothing yet.
 */
export function drawLodBatches(
  ctx: LodContext,
  batches: readonly LodBatch[],
  scale: number,
  imageOf: (src: string) => CanvasImageSource | undefined = () => undefined,
): void {
  for (const { style: s, coords, src } of batches) {
    ctx.globalAlpha = s.alpha
    if (s.mode === 'image') {
      const image = src ? imageOf(src) : undefined
      if (image) ctx.drawImage(image, coords[0] ?? 0, coords[1] ?? 0, coords[2] ?? 0, coords[3] ?? 0)
      continue
    }
    ctx.beginPath()
    if (s.mode === 'line')
      for (let i = 0; i < coords.length; i += 4) {
        ctx.moveTo(coords[i] as number, coords[i + 1] as number)
        ctx.lineTo(coords[i + 2] as number, coords[i + 3] as number)
      }
    else
      for (let i = 0; i < coords.length; i += 4)
        ctx.rect(coords[i] as number, coords[i + 1] as number, coords[i + 2] as number, coords[i + 3] as number)
    if (s.mode === 'fill') {
      ctx.fillStyle = s.color
      ctx.fill()
    } else {
      ctx.strokeStyle = s.color
      ctx.lineWidth = Math.max(s.width, s.minScreenWidth / scale)
      ctx.stroke()
    }
  }
  ctx.globalAlpha = 1
}

/** The board area `batches` may paint, or null when they paint nothing. */
export function lodBounds(batches: readonly LodBatch[]): Rect | null {
  let x0 = Number.POSITIVE_INFINITY
  let y0 = Number.POSITIVE_INFINITY
  let x1 = Number.NEGATIVE_INFINITY
  let y1 = Number.NEGATIVE_INFINITY
  for (const { style: s, coords } of batches) {
    for (let i = 0; i < coords.length; i += 4) {
      const a = coords[i] as number
      const b = coords[i + 1] as number
      const c = coords[i + 2] as number
      const d = coords[i + 3] as number
      const right = s.mode === 'line' ? c : a + c
      const bottom = s.mode === 'line' ? d : b + d
      x0 = Math.min(x0, a, right)
      y0 = Math.min(y0, b, bottom)
      x1 = Math.max(x1, a, right)
      y1 = Math.max(y1, b, bottom)
    }
  }
  return x0 <= x1 && y0 <= y1 ? { x: x0, y: y0, width: x1 - x0, height: y1 - y0 } : null
}

/** Largest bitmap side and area (device px) kept for a still view; beyond that the drawing stays vector. */
const MAX_BITMAP_SIDE = 8192
const MAX_BITMAP_AREA = 16_000_000

/**
 * Paints the LOD batches onto a layer, reusing a bitmap while nothing but the position changes:
 * a pan frame is then one `drawImage` (pixel-aligned, unscaled) instead of thousands of path
 * operations. The bitmap is made once the scale and the batches stayed the same for two draws,
 * so that zooming and dragging (which change them every frame) paint vectors directly.
 */
export function createLodPainter(createCanvas: () => HTMLCanvasElement) {
  let bitmap: { canvas: HTMLCanvasElement; scale: number; version: number; region: Rect } | null = null
  let last = { scale: 0, version: -1 }

  function paint(
    ctx: CanvasRenderingContext2D,
    batches: readonly LodBatch[],
    version: number,
    /** the area worth keeping in the bitmap (the renderer's cull rect), or null for all */
    clip: Rect | null,
    imageOf: (src: string) => CanvasImageSource | undefined,
  ): 'vector' | 'bitmap' {
    const m = ctx.getTransform()
    // device px per board px; the board scale is what `drawLodBatches` wants (screen px widths)
    const deviceScale = Math.abs(m.a) || 1
    const ratio = typeof window !== 'undefined' ? window.devicePixelRatio || 1 : 1
    const stable = last.scale === deviceScale && last.version === version
    last = { scale: deviceScale, version }
    if ((!bitmap || bitmap.scale !== deviceScale || bitmap.version !== version) && stable && m.b === 0 && m.c === 0)
      bitmap = render(batches, version, deviceScale, ratio, clip, imageOf)
    if (bitmap && bitmap.scale === deviceScale && bitmap.version === version) {
      const { canvas, region } = bitmap
      ctx.setTransform(1, 0, 0, 1, 0, 0)
      ctx.drawImage(canvas, Math.round(m.a * region.x + m.e), Math.round(m.d * region.y + m.f))
      ctx.setTransform(m)
      return 'bitmap'
    }
    drawLodBatches(ctx, batches, deviceScale / ratio, imageOf)
    return 'vector'
  }

  function render(
    batches: readonly LodBatch[],
    version: number,
    deviceScale: number,
    ratio: number,
    clip: Rect | null,
    imageOf: (src: string) => CanvasImageSource | undefined,
  ): typeof bitmap {
    const bounds = lodBounds(batches)
    if (!bounds) return null
    const pad = 4 / deviceScale
    let x0 = bounds.x - pad
    let y0 = bounds.y - pad
    let x1 = bounds.x + bounds.width + pad
    let y1 = bounds.y + bounds.height + pad
    if (clip) {
      x0 = Math.max(x0, clip.x)
      y0 = Math.max(y0, clip.y)
      x1 = Math.min(x1, clip.x + clip.width)
      y1 = Math.min(y1, clip.y + clip.height)
    }
    const width = Math.ceil((x1 - x0) * deviceScale)
    const height = Math.ceil((y1 - y0) * deviceScale)
    if (width <= 0 || height <= 0 || width > MAX_BITMAP_SIDE || height > MAX_BITMAP_SIDE || width * height > MAX_BITMAP_AREA)
      return null
    const canvas = bitmap && bitmap.canvas.width === width && bitmap.canvas.height === height ? bitmap.canvas : createCanvas()
    if (canvas.width !== width) canvas.width = width
    if (canvas.height !== height) canvas.height = height
    const ctx = canvas.getContext('2d')
    if (!ctx) return null
    ctx.setTransform(1, 0, 0, 1, 0, 0)
    ctx.clearRect(0, 0, width, height)
    ctx.setTransform(deviceScale, 0, 0, deviceScale, -x0 * deviceScale, -y0 * deviceScale)
    drawLodBatches(ctx, batches, deviceScale / ratio, imageOf)
    return { canvas, scale: deviceScale, version, region: { x: x0, y: y0, width: x1 - x0, height: y1 - y0 } }
  }

  return {
    paint,
    /** Drops the bitmap (leaving LOD, destroy). */
    release(): void {
      if (bitmap) {
        bitmap.canvas.width = 0
        bitmap.canvas.height = 0
      }
      bitmap = null
      last = { scale: 0, version: -1 }
    },
  }
}
