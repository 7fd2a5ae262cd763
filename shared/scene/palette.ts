import type { NoteColor, Sector, Stage, Stance, UseCategory } from '../schema/enums.ts'

/**
 * The board's colours. Colour never carries meaning alone: every sector, category and stage
 * also has an icon or a pattern (icons.ts, patterns.ts). Solid colours are dark enough for
 * white text (WCAG AA, ≥ 4.5:1) and their tints light enough for `ink` text; palette.test.ts
 * checks both.
 */

export const ink = '#1d2939'
export const inkMuted = '#475467'
export const inkSubtle = '#667085'
export const lineColor = '#d0d5dd'
export const surface = '#ffffff'
export const white = '#ffffff'

export const sectorColors: Readonly<Record<Sector, string>> = {
  creative: '#6941c6',
  culture: '#a1367a',
  commerce: '#b54708',
  industry: '#4b5565',
  services: '#0e7090',
  gastronomy: '#b42318',
  tourism: '#026aa2',
  public: '#1849a9',
  heritage: '#7a5230',
  education: '#3e4784',
  civil: '#067647',
  residents: '#4d7312',
  owner: '#2d3a4d',
  investor: '#0f6b62',
}

/** The ink of an actor's stance mark (+ / –) on its white pill. */
export const stanceColors: Readonly<Record<Stance, string>> = {
  champion: '#067647',
  supporter: '#067647',
  neutral: '#475467',
  critic: '#b42318',
  blocker: '#b42318',
}

/** An actor's commitment meter: steps reached are filled, the rest outlined. */
export const meterColors = { filled: '#344054', empty: '#eaecf0', emptyStroke: '#858e9e' }

/** Use categories come in groups; a group shares a hue family and a pattern (patterns.ts). */
export const categoryGroups = {
  work: ['studio', 'makerspace', 'coworking', 'production', 'storage'],
  public: ['events', 'exhibition', 'education', 'visitor_centre', 'community'],
  commercial: ['gastronomy', 'retail', 'services'],
  living: ['living'],
  open: ['green', 'leisure'],
  other: ['other'],
} as const satisfies Record<string, readonly UseCategory[]>
export type CategoryGroup = keyof typeof categoryGroups

const groupOf = new Map<UseCategory, CategoryGroup>(
  Object.entries(categoryGroups).flatMap(([group, categories]) =>
    categories.map((category) => [category, group as CategoryGroup] as const),
  ),
)
export const categoryGroupOf = (category: UseCategory): CategoryGroup => groupOf.get(category) ?? 'other'

export const categoryColors: Readonly<Record<UseCategory, string>> = {
  // work: violet → indigo
  studio: '#6941c6',
  makerspace: '#5925dc',
  coworking: '#444ce7',
  production: '#3e4784',
  storage: '#4b5565',
  // public: teal → cyan
  events: '#0e7090',
  exhibition: '#107569',
  education: '#026aa2',
  visitor_centre: '#065986',
  community: '#0f6b62',
  // commercial: amber → rust
  gastronomy: '#b42318',
  retail: '#b54708',
  services: '#93370d',
  // living: rose
  living: '#c01048',
  // open space: green
  green: '#067647',
  leisure: '#4d7312',
  other: '#475467',
}

export const stageColors: Readonly<Record<Stage, string>> = {
  analysis: '#475467',
  interim: '#b54708',
  pilot: '#1849a9',
  consolidation: '#6941c6',
  longterm: '#067647',
}

/** Sticky notes: paper, its folded corner, and the edge. */
export const noteColors: Readonly<Record<NoteColor, { paper: string; fold: string; edge: string }>> = {
  yellow: { paper: '#fef3b4', fold: '#f5dc6b', edge: '#e9c949' },
  orange: { paper: '#fddcb5', fold: '#f7b877', edge: '#ee9f4f' },
  pink: { paper: '#fcd7e6', fold: '#f4a9c7', edge: '#e68cb0' },
  green: { paper: '#d3f0d0', fold: '#a5dca0', edge: '#84c97e' },
  blue: { paper: '#d4e7fb', fold: '#a6cbf2', edge: '#83b3e8' },
  purple: { paper: '#e6dcfa', fold: '#c7b4f0', edge: '#ac94e3' },
  grey: { paper: '#eaecf0', fold: '#cfd4dc', edge: '#b6bcc7' },
}

/** Links: neutral, and a warm red for `conflicts` (also dashed and labelled). */
export const linkColor = '#475467'
export const conflictColor = '#c4320a'
export const warningColor = '#b54708'

/** A frame's edge is what shows its extent: ≥ 3:1 against its fill and the board (WCAG 1.4.11). */
export const frameColors = { fill: '#f8f9fb', stroke: '#858e9e', tab: '#eaecf0', title: ink }
export const zoneColors = { fill: '#f2f4f7', stroke: '#667085', hatch: '#98a2b3', overplanned: '#b42318' }

/** Outline colours of highlights; each kind has its own dash pattern too (render). */
export const highlightColors = {
  gap: '#dc6803',
  'diff-added': '#067647',
  'diff-removed': '#b42318',
  'diff-changed': '#1849a9',
} as const

/** The canvas background behind every element (client/canvas/canvas.css paints the same). */
export const boardBackground = '#faf9f7'

/**
 * Dot voting (client/canvas/layers/vote-layer.ts): a strong orange-red that no element kind
 * uses, ringed in white; white numbers on it and the "+n" beside own dots both read at AA. The
 * winner's badge is gold with dark text.
 */
export const voteColors = {
  dot: '#c2410c',
  ring: '#ffffff',
  slot: '#6b4a3a',
  first: '#ffd43b',
  firstEdge: '#8a6100',
  firstText: '#3d2b00',
} as const

// ——— colour arithmetic (sRGB hex) ———

function channels(hex: string): [number, number, number] {
  const value = hex.replace('#', '')
  const full = value.length === 3 ? [...value].map((c) => c + c).join('') : value
  const n = Number.parseInt(full, 16)
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255]
}

const toHex = (rgb: readonly number[]) =>
  `#${rgb
    .map((c) =>
      Math.round(Math.min(255, Math.max(0, c)))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`

/** `hex` mixed with white: amount 0 keeps it, 1 is white. */
export function tint(hex: string, amount: number): string {
  return toHex(channels(hex).map((c) => c + (255 - c) * amount))
}

/** `hex` mixed with black: amount 0 keeps it, 1 is black. */
export function shade(hex: string, amount: number): string {
  return toHex(channels(hex).map((c) => c * (1 - amount)))
}

/** WCAG relative luminance. */
export function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((c) => {
    const s = c / 255
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
  }) as [number, number, number]
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

/** WCAG contrast ratio, 1–21. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number]
  return (hi + 0.05) / (lo + 0.05)
}

/** White or ink, whichever reads better on `background`. */
export const textOn = (background: string): string =>
  contrastRatio(background, white) >= contrastRatio(background, ink) ? white : ink

/** The light background of a use block in its category colour. */
export const categoryTint = (category: UseCategory): string => tint(categoryColors[category], 0.9)
