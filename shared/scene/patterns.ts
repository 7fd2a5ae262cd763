import type { Stage } from '../schema/enums.ts'
import type { CategoryGroup } from './palette.ts'

/**
 * Fill patterns as SVG path data clipped to a w×h box at the origin: the scene has no pattern
 * images, so hatches are strokes and dots are tiny squares. One path per pattern keeps the
 * node count low. Rounding to 0.1 keeps the output short and deterministic.
 */
export type PatternKind = 'diagonal' | 'backDiagonal' | 'cross' | 'dots' | 'horizontal' | 'vertical' | 'ticks' | 'none'

const r = (n: number) => Math.round(n * 10) / 10

/** Lines of slope +1 (↗ "/" in screen space) or −1, `gap` apart, clipped to the box. */
function diagonals(w: number, h: number, gap: number, rising: boolean): string[] {
  const parts: string[] = []
  // lines x + y = c (rising, "/" as y grows downward) or x − y = c
  for (let c = gap; c < w + h; c += gap) {
    if (rising) {
      const x0 = Math.max(0, c - h)
      const y0 = c - x0
      const x1 = Math.min(w, c)
      const y1 = c - x1
      parts.push(`M${r(x0)} ${r(y0)}L${r(x1)} ${r(y1)}`)
    } else {
      const d = c - h // x - y = d
      const x0 = Math.max(0, d)
      const y0 = x0 - d
      const x1 = Math.min(w, d + h)
      const y1 = x1 - d
      parts.push(`M${r(x0)} ${r(y0)}L${r(x1)} ${r(y1)}`)
    }
  }
  return parts
}

function rows(w: number, h: number, gap: number): string[] {
  const parts: string[] = []
  for (let y = gap; y < h; y += gap) parts.push(`M0 ${r(y)}H${r(w)}`)
  return parts
}

function columns(w: number, h: number, gap: number): string[] {
  const parts: string[] = []
  for (let x = gap; x < w; x += gap) parts.push(`M${r(x)} 0V${r(h)}`)
  return parts
}

function dots(w: number, h: number, gap: number, size: number): string[] {
  const parts: string[] = []
  let row = 0
  for (let y = gap / 2; y < h; y += gap, row++) {
    for (let x = row % 2 ? gap : gap / 2; x < w; x += gap) parts.push(`M${r(x)} ${r(y)}h${size}v${size}h-${size}z`)
  }
  return parts
}

/** Short vertical strokes in staggered rows: grass, for open space. */
function ticks(w: number, h: number, gap: number): string[] {
  const parts: string[] = []
  let row = 0
  for (let y = gap / 2; y + 4 < h; y += gap, row++) {
    for (let x = row % 2 ? gap : gap / 2; x < w; x += gap) parts.push(`M${r(x)} ${r(y)}v4`)
  }
  return parts
}

// The cap keeps huge boxes (a zone across a whole site) from producing megabytes of path data.
const MAX_PARTS = 4000

/**
 * The path data of a pattern filling a w×h box, or '' for `none`. `dots` are drawn filled,
 * the others stroked: see `isFilledPattern`.
 */
export function patternPath(kind: PatternKind, w: number, h: number, gap = 10): string {
  if (w <= 0 || h <= 0) return ''
  const area = (w * h) / (gap * gap)
  const spacing = area > MAX_PARTS ? gap * Math.sqrt(area / MAX_PARTS) : gap
  let parts: string[]
  switch (kind) {
    case 'diagonal':
      parts = diagonals(w, h, spacing, true)
      break
    case 'backDiagonal':
      parts = diagonals(w, h, spacing, false)
      break
    case 'cross':
      parts = [...diagonals(w, h, spacing * 1.4, true), ...diagonals(w, h, spacing * 1.4, false)]
      break
    case 'dots':
      parts = dots(w, h, spacing, 1.6)
      break
    case 'horizontal':
      parts = rows(w, h, spacing * 0.8)
      break
    case 'vertical':
      parts = columns(w, h, spacing * 0.8)
      break
    case 'ticks':
      parts = ticks(w, h, spacing)
      break
    case 'none':
      parts = []
  }
  return parts.join('')
}

export const isFilledPattern = (kind: PatternKind): boolean => kind === 'dots'

export const categoryPatterns: Readonly<Record<CategoryGroup, PatternKind>> = {
  work: 'diagonal',
  public: 'dots',
  commercial: 'cross',
  living: 'horizontal',
  open: 'ticks',
  other: 'backDiagonal',
}

/** Analysis is dotted (survey), interim hatched (temporary), pilot cross-hatched, consolidation ruled, long-term solid. */
export const stagePatterns: Readonly<Record<Stage, PatternKind>> = {
  analysis: 'dots',
  interim: 'diagonal',
  pilot: 'cross',
  consolidation: 'horizontal',
  longterm: 'none',
}
