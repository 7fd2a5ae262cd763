import type { ElementId } from './fields.ts'

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'
const RANDOM_CHARS = 12

/**
 * A new random element id: `prefix` (cleaned, ≤ 40 chars) + 12 base-62 characters (~71
 * bits), so two people adding elements at the same moment never pick the same id. Uses Web
 * Crypto, which browsers and Node 20 both provide as `globalThis.crypto`.
 */
export function newElementId(prefix = ''): ElementId {
  const clean = prefix.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 40)
  const bytes = new Uint8Array(16)
  let random = ''
  while (random.length < RANDOM_CHARS) {
    globalThis.crypto.getRandomValues(bytes)
    // 248 = 4 × 62: skipping larger bytes keeps every character equally likely.
    for (const byte of bytes) if (byte < 248 && random.length < RANDOM_CHARS) random += ALPHABET.charAt(byte % 62)
  }
  return `${clean}${random}` as ElementId
}
