import { boardThumbnailSvg } from '../../shared/export/thumbnail.ts'
import type { BoardDocument } from '../../shared/schema/document.ts'

export interface ThumbnailLimits {
  /** boards drawn at once; the rest wait their turn (each draw loads the board's document) */
  concurrentDraws: number
  /** pictures kept, least recently used dropped first */
  maxEntries: number
  /** total size of the pictures kept, in bytes of SVG */
  maxBytes: number
}

export const defaultThumbnailLimits: ThumbnailLimits = { concurrentDraws: 2, maxEntries: 500, maxBytes: 16 * 1024 * 1024 }

/**
 * The board list's pictures, one per board and version (the version changes with the board's
 * record and with its last noted content change, `last-change.ts`). A board list asks for all
 * its boards at once; each picture not yet drawn loads its board's document, so draws are
 * limited (`concurrentDraws`) and queued in order, requests for a picture being drawn wait for
 * that draw, and what is kept is bounded in count and bytes. `draws` counts the documents drawn
 * (for the log and the tests: an unchanged board is never drawn twice).
 */
export class ThumbnailCache {
  readonly #kept = new Map<string, { version: string; svg: string }>()
  readonly #drawing = new Map<string, { version: string; svg: Promise<string> }>()
  readonly #waiting: (() => void)[] = []
  #active = 0
  #bytes = 0
  #draws = 0

  constructor(
    private readonly load: (boardId: string) => Promise<BoardDocument>,
    private readonly limits: ThumbnailLimits = defaultThumbnailLimits,
  ) {}

  get draws(): number {
    return this.#draws
  }

  /** The picture of `boardId` at `version`: kept, being drawn, or drawn now (in turn). */
  async svg(boardId: string, version: string): Promise<string> {
    const kept = this.#kept.get(boardId)
    if (kept?.version === version) {
      // most recently used last
      this.#kept.delete(boardId)
      this.#kept.set(boardId, kept)
      return kept.svg
    }
    const drawing = this.#drawing.get(boardId)
    if (drawing?.version === version) return drawing.svg
    const svg = this.#draw(boardId)
    this.#drawing.set(boardId, { version, svg })
    try {
      const drawn = await svg
      this.#keep(boardId, version, drawn)
      return drawn
    } finally {
      if (this.#drawing.get(boardId)?.svg === svg) this.#drawing.delete(boardId)
    }
  }

  /** A deleted board's picture goes with it. */
  forget(boardId: string): void {
    const kept = this.#kept.get(boardId)
    if (kept) this.#bytes -= kept.svg.length
    this.#kept.delete(boardId)
  }

  async #draw(boardId: string): Promise<string> {
    await this.#turn()
    try {
      const document = await this.load(boardId)
      this.#draws++
      return boardThumbnailSvg(document)
    } finally {
      // the place goes straight to the next in line, so no newcomer slips in between
      const next = this.#waiting.shift()
      if (next) next()
      else this.#active--
    }
  }

  /** Resolves with a place among the `concurrentDraws` draws: at once, or when one is handed over. */
  async #turn(): Promise<void> {
    if (this.#active < this.limits.concurrentDraws) {
      this.#active++
      return
    }
    await new Promise<void>((resolve) => this.#waiting.push(resolve))
  }

  #keep(boardId: string, version: string, svg: string): void {
    this.forget(boardId)
    // a picture larger than the whole budget is served, not kept
    if (svg.length > this.limits.maxBytes) return
    this.#kept.set(boardId, { version, svg })
    this.#bytes += svg.length
    // a Map iterates in insertion order: the first key is the least recently used
    for (const oldest of this.#kept.keys()) {
      if (this.#kept.size <= this.limits.maxEntries && this.#bytes <= this.limits.maxBytes) break
      this.forget(oldest)
    }
  }
}
