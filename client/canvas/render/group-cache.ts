import type { Entry } from './element-index.ts'

export interface GroupCacheOptions {
  /** Cache at all (default: in a browser). */
  enabled: boolean
  /** Cache only at or below this scale, where drawing many small texts dominates a frame. */
  maxScale: number
  /** The layer's current scale. */
  scale(): number
}

/**
 * Bitmap caches of element groups while zoomed out. The pixel ratio is quantised, so small zoom
 * steps reuse the bitmaps; links are never cached (their bitmap would span their whole box).
 */
export function createGroupCache(options: GroupCacheOptions) {
  function ratio(): number {
    if (!options.enabled) return 0
    const s = options.scale()
    if (s > options.maxScale) return 0
    const dpr = typeof window !== 'undefined' ? window.devicePixelRatio || 1 : 1
    return Math.max(0.25, Math.ceil(s * dpr * 4) / 4)
  }

  /** Caches the entry's group at the current ratio (again when `force`), or drops its cache. */
  function apply(entry: Entry, force = false): void {
    const node = entry.node
    if (!node) return
    const r = ratio()
    if (r === 0 || entry.element.kind === 'link') {
      if (entry.cachedAt) {
        node.clearCache()
        entry.cachedAt = 0
      }
      return
    }
    if (!force && entry.cachedAt === r) return
    try {
      node.cache({ pixelRatio: r, offset: 12 })
      entry.cachedAt = r
    } catch {
      // an empty group (nothing to cache) or a canvas that refuses: draw uncached
      entry.cachedAt = 0
    }
  }

  return { apply }
}
