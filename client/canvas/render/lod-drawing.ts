import Konva from 'konva'
import type { Rect } from '../../../shared/scene/types.ts'
import { containsRect } from './culling.ts'
import {
  batchLodOps,
  createLodPainter,
  LOD_ENTER_SCALE,
  LOD_LEAVE_COUNT_FACTOR,
  LOD_LEAVE_SCALE,
  type LodBatch,
  type LodOp,
} from './level-of-detail.ts'

/** What the LOD drawing needs of the element index. */
export interface LodSource {
  /** ids bottom first */
  readonly ordered: readonly string[]
  /** how many elements have a place */
  readonly size: number
  query(rect: Rect): Set<string>
  sortByOrder(ids: Iterable<string>): string[]
}

export interface LodDrawingOptions {
  /** false: always draw in full (the mode never switches) */
  enabled: boolean
  /** enter LOD only with at least this many elements in view */
  minElements: number
  source: LodSource
  /** The element's operations as drawn now (`lodOpsOf` of its effective element). */
  opsOf(id: string): LodOp[]
  picture(src: string): CanvasImageSource | undefined
}

/** Where the renderer looks: the viewport and the cull rect around it, and the layer's scale. */
export interface LodView {
  scale: number
  viewport: Rect | null
  cull: Rect | null
}

/**
 * The renderer's side of level of detail (level-of-detail.ts): whether the board is drawn zoomed
 * out, the one Konva shape that draws it then, and its batches, made for the cull rect and kept
 * while nothing they show changes.
 */
export function createLodDrawing(options: LodDrawingOptions) {
  const { source } = options
  let active = false
  /** LOD operations per element (effective geometry) */
  const ops = new Map<string, LodOp[]>()
  let batches: LodBatch[] = []
  let dirty = true
  /** the board area the batches were made for; null: everything */
  let region: Rect | null = null
  /** the batches hold every element (a fitted board): moving the view needs no new ones */
  let coversAll = false
  /** elements in view when the mode was last decided, and at which scale */
  let count = 0
  let countScale = 0
  /** changes whenever what the drawing shows changes (its bitmap is then stale) */
  let version = 0
  const painter = createLodPainter(() => Konva.Util.createCanvasElement())
  const shape = new Konva.Shape({
    name: 'level-of-detail',
    listening: false,
    perfectDrawEnabled: false,
    visible: false,
    sceneFunc: (context) => {
      const native = (context as unknown as { _context: CanvasRenderingContext2D })._context
      painter.paint(native, batches, version, coversAll ? null : region, options.picture)
    },
  })

  /**
   * Switches between full drawing and level of detail by the scale and how many elements are
   * in view (both with hysteresis). `inView` counts them; it is asked only when needed: while
   * the drawing stays zoomed out and the view only moves within the drawn region, the count is
   * the one of the last change. Returns whether the mode switched.
   */
  function updateMode(view: LodView, inView: () => number): boolean {
    if (!options.enabled) return false
    const s = view.scale
    let next: boolean
    if (active) {
      // The view left the region the batches were made for: new batches (unless they hold every
      // element anyway), and a new count.
      let left = false
      if (view.viewport && region && !containsRect(region, view.viewport)) {
        left = true
        if (coversAll) region = view.cull
        else dirty = true
      }
      const moved = left || dirty || s !== countScale
      if (s > LOD_LEAVE_SCALE) next = false
      else if (moved) {
        count = inView()
        countScale = s
        next = count >= options.minElements * LOD_LEAVE_COUNT_FACTOR
      } else next = true
    } else {
      next = s < LOD_ENTER_SCALE && inView() >= options.minElements
      if (next) countScale = s
    }
    if (next === active) return false
    active = next
    shape.visible(next)
    if (next) dirty = true
    else painter.release()
    return true
  }

  /** The batches of the elements in the cull rect, in draw order. */
  function rebuild(cull: Rect | null): void {
    let ids: readonly string[] = source.ordered
    coversAll = true
    if (cull) {
      const inView = source.query(cull)
      coversAll = inView.size >= source.size
      if (!coversAll)
        ids = inView.size * 4 > source.ordered.length ? source.ordered.filter((id) => inView.has(id)) : source.sortByOrder(inView)
    }
    const all: LodOp[][] = []
    for (const id of ids) {
      let own = ops.get(id)
      if (!own) {
        own = options.opsOf(id)
        ops.set(id, own)
      }
      all.push(own)
    }
    batches = batchLodOps(all)
    region = cull
    dirty = false
    version++
  }

  return {
    shape,
    isActive: () => active,
    batches: (): readonly LodBatch[] => batches,
    updateMode,
    /** New batches if the view left their region or what they show changed; returns whether it made them. */
    refresh(view: LodView): boolean {
      if (view.viewport && (!region || !containsRect(region, view.viewport))) dirty = true
      if (!dirty) return false
      rebuild(view.cull)
      return true
    },
    /** These elements look different now (or are gone): their operations are stale. */
    invalidate(ids: Iterable<string>): void {
      for (const id of ids) ops.delete(id)
      dirty = true
    },
    /** The draw order changed. */
    reordered(): void {
      dirty = true
    },
    /** A picture arrived: the bitmap is stale. Returns whether the LOD drawing shows (so a redraw is due). */
    pictureLoaded(): boolean {
      version++
      return active
    },
    release: () => painter.release(),
  }
}
