/**
 * Presence colours: each has at least 4.5:1 contrast with white text (initials on avatars),
 * and they are told apart by hue and lightness. Colour is never the only cue: avatars also carry
 * initials and names.
 */
export const presenceColors = [
  '#b3261e', // brick red
  '#0b6e69', // teal
  '#1d4ed8', // blue
  '#7c3aed', // violet
  '#a1461b', // rust
  '#166534', // green
  '#be185d', // magenta
  '#4a5568', // slate
  '#8a5a00', // ochre
  '#0e7490', // cyan
  '#6d28d9', // purple
  '#9f1239', // wine
] as const

/** A stable colour for a user id (FNV-1a hash), the same in every tab and on every device. */
export function colorForUser(userId: string): string {
  let hash = 0x811c9dc5
  for (let i = 0; i < userId.length; i++) {
    hash ^= userId.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return presenceColors[(hash >>> 0) % presenceColors.length] ?? presenceColors[0]
}

/** Up to two initials of a display name ("Ana Novak" → "AN", "émile" → "É"). */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean)
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : words
  return letters
    .map((word) => Array.from(word ?? '')[0] ?? '')
    .join('')
    .toLocaleUpperCase()
}
