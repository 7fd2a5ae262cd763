import type { Rect } from '../../../shared/scene/types.ts'

/**
 * A uniform grid over board coordinates: each id sits in every cell its rectangle touches, so
 * a viewport or point query looks at a few cells instead of every element. Rectangles that
 * would cover more than MAX_CELLS cells (a frame around a whole board at a tiny cell size) go
 * to a list that every query returns.
 */
export const CELL_SIZE = 512
const MAX_CELLS = 1024

export class SpatialIndex {
  private readonly cells = new Map<string, Set<string>>()
  private readonly cellsOf = new Map<string, string[]>()
  private readonly rects = new Map<string, Rect>()
  private readonly huge = new Set<string>()

  constructor(private readonly cellSize = CELL_SIZE) {}

  get size(): number {
    return this.rects.size
  }

  rectOf(id: string): Rect | undefined {
    return this.rects.get(id)
  }

  set(id: string, rect: Rect | null): void {
    const old = this.rects.get(id)
    if (rect && old && old.x === rect.x && old.y === rect.y && old.width === rect.width && old.height === rect.height) return
    this.delete(id)
    if (!rect) return
    this.rects.set(id, rect)
    const [x0, y0, x1, y1] = this.span(rect)
    if ((x1 - x0 + 1) * (y1 - y0 + 1) > MAX_CELLS) {
      this.huge.add(id)
      return
    }
    const keys: string[] = []
    for (let cx = x0; cx <= x1; cx++) {
      for (let cy = y0; cy <= y1; cy++) {
        const key = `${cx},${cy}`
        let cell = this.cells.get(key)
        if (!cell) {
          cell = new Set()
          this.cells.set(key, cell)
        }
        cell.add(id)
        keys.push(key)
      }
    }
    this.cellsOf.set(id, keys)
  }

  delete(id: string): void {
    this.rects.delete(id)
    this.huge.delete(id)
    for (const key of this.cellsOf.get(id) ?? []) {
      const cell = this.cells.get(key)
      cell?.delete(id)
      if (cell && cell.size === 0) this.cells.delete(key)
    }
    this.cellsOf.delete(id)
  }

  /** Ids whose rectangles intersect `rect` (edges touching count). */
  query(rect: Rect): Set<string> {
    const out = new Set<string>()
    const [x0, y0, x1, y1] = this.span(rect)
    const cellCount = (x1 - x0 + 1) * (y1 - y0 + 1)
    const test = (id: string) => {
      const r = this.rects.get(id)
      if (r && r.x <= rect.x + rect.width && rect.x <= r.x + r.width && r.y <= rect.y + rect.height && rect.y <= r.y + r.height)
        out.add(id)
    }
    if (cellCount > this.cells.size) {
      // A query wider than the occupied grid: scanning the ids is cheaper.
      for (const id of this.rects.keys()) test(id)
      return out
    }
    for (let cx = x0; cx <= x1; cx++) {
      for (let cy = y0; cy <= y1; cy++) {
        const cell = this.cells.get(`${cx},${cy}`)
        if (cell) for (const id of cell) if (!out.has(id)) test(id)
      }
    }
    for (const id of this.huge) test(id)
    return out
  }

  private span(rect: Rect): [number, number, number, number] {
    const size = this.cellSize
    return [
      Math.floor(rect.x / size),
      Math.floor(rect.y / size),
      Math.floor((rect.x + Math.max(0, rect.width)) / size),
      Math.floor((rect.y + Math.max(0, rect.height)) / size),
    ]
  }
}
