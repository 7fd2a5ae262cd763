import { useCategories } from '../schema/enums.ts'
import type { BoardIndex } from './board-index.ts'
import { amount, zeros } from './numbers.ts'
import type { MixIndicators } from './types.ts'

/**
 * Shannon evenness of planned area over use categories: pᵢ = area of category i / planned
 * area over the k categories with area > 0, H = −Σ pᵢ ln pᵢ, evenness = H / ln k; 0 when
 * k ≤ 1 (one use or none is no mix).
 */
export function mixIndicators(index: BoardIndex): MixIndicators {
  const areaByCategory = zeros(useCategories)
  let total = 0
  for (const use of index.uses) {
    const area = amount(use.areaM2)
    if (!(use.category in areaByCategory)) continue
    areaByCategory[use.category] += area
    total += area
  }
  let k = 0
  let entropy = 0
  for (const category of useCategories) {
    const area = areaByCategory[category]
    if (area <= 0) continue
    k++
    const p = area / total
    entropy -= p * Math.log(p)
  }
  // Rounding can leave an even mix a hair above 1.
  const evenness = k <= 1 ? 0 : Math.min(1, entropy / Math.log(k))
  return { evenness, categories: k, areaByCategory }
}
