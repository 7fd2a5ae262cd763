/**
 * Presence colours: each has at least 4.5:1 contrast with white text (initials on avatars) and
 * they lie at least 0.10 apart in OKLab (a perceptual space), so no two are near-identical on
 * the board. Colour is never the only cue: avatars also carry initials and names.
 */
export const presenceColors = [
  '#c42b1c', // brick red
  '#0b6e69', // teal
  '#1d4ed8', // blue
  '#8b3ff0', // violet
  '#8a5a00', // ochre
  '#c0176c', // magenta
  '#3f6212', // olive
  '#1e3a8a', // navy
  '#6b2d0f', // brown
  '#7a1f5c', // plum
  '#0e6fa8', // sea blue
] as const

/** Two presence colours closer than this (OKLab distance) are hard to tell apart. */
export const NEAR_IDENTICAL_DISTANCE = 0.08

/** A stable colour for a user id (FNV-1a hash), the same in every tab and on every device. */
export function colorForUser(userId: string): string {
  return presenceColors[paletteIndexOf(userId)] ?? presenceColors[0]
}

function paletteIndexOf(userId: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < userId.length; i++) {
    hash ^= userId.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return (hash >>> 0) % presenceColors.length
}

type Lab = readonly [number, number, number]

const toLinear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)

/** `#rrggbb` → OKLab (Björn Ottosson's matrices). */
export function oklabOf(hex: string): Lab {
  const [r, g, b] = [1, 3, 5].map((i) => toLinear(Number.parseInt(hex.slice(i, i + 2), 16) / 255)) as [number, number, number]
  const l = Math.cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b)
  const m = Math.cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b)
  const s = Math.cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b)
  return [
    0.2104542553 * l + 0.793617785 * m - 0.0040720468 * s,
    1.9779984951 * l - 2.428592205 * m + 0.4505937099 * s,
    0.0259040371 * l + 0.7827717662 * m - 0.808675766 * s,
  ]
}

/** Perceptual distance of two `#rrggbb` colours (Euclidean in OKLab; ≈ 0.02 is barely visible). */
export function colorDistance(a: string, b: string): number {
  const [l1, a1, b1] = oklabOf(a)
  const [l2, a2, b2] = oklabOf(b)
  return Math.hypot(l1 - l2, a1 - a2, b1 - b2)
}

const nearestDistance = (color: string, taken: readonly string[]) =>
  taken.reduce((nearest, other) => Math.min(nearest, colorDistance(color, other)), Number.POSITIVE_INFINITY)

/**
 * The palette colour farthest (by its nearest neighbour) from the colours of those present.
 * Ties go to the user's own hash colour, then the palette order after it, so a person keeps
 * the same colour whenever the room allows.
 */
export function pickPresenceColor(userId: string, taken: readonly string[]): string {
  const start = paletteIndexOf(userId)
  let best: string = presenceColors[start] ?? presenceColors[0]
  let bestDistance = nearestDistance(best, taken)
  for (let step = 1; step < presenceColors.length; step++) {
    const candidate = presenceColors[(start + step) % presenceColors.length] ?? presenceColors[0]
    const distance = nearestDistance(candidate, taken)
    if (distance > bestDistance + 1e-9) {
      best = candidate
      bestDistance = distance
    }
  }
  return best
}

/** Words that carry a name: what stands in parentheses or brackets is a note ("(brewery)"), not a name. */
function nameWords(name: string): string[] {
  const withoutNotes = name.replace(/\([^)]*\)?|\[[^\]]*\]?|\{[^}]*\}?/g, ' ')
  return withoutNotes
    .split(/[\s,;/|·]+/)
    .map((word) => word.replace(/^[^\p{L}\p{N}]+/u, ''))
    .filter((word) => /^[\p{L}\p{N}]/u.test(word))
}

/**
 * Up to two initials of a display name ("Ana Novak" → "AN", "émile" → "É", "Klemen Potočnik
 * (brewery)" → "KP"): the first letters of the first and last words, ignoring notes in
 * parentheses and punctuation. A name that is only a note falls back to the note's own words.
 */
export function initialsOf(name: string): string {
  let words = nameWords(name)
  if (words.length === 0) words = nameWords(name.replace(/[()[\]{}]/g, ' '))
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : words
  return letters
    .map((word) => Array.from(word ?? '')[0] ?? '')
    .join('')
    .toLocaleUpperCase()
}
