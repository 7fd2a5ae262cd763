import { sha256 } from '@oslojs/crypto/sha2'
import { encodeBase64urlNoPadding, encodeHexLowerCase } from '@oslojs/encoding'

/** Ids and tokens as the contract wants them: URL-safe `[A-Za-z0-9_-]`. */
export const urlSafeId = /^[A-Za-z0-9_-]{1,128}$/

/** An unguessable URL-safe id: `bytes` random bytes (default 18 → 24 characters), base64url. */
export function randomId(bytes = 18): string {
  const buffer = new Uint8Array(bytes)
  crypto.getRandomValues(buffer)
  return encodeBase64urlNoPadding(buffer)
}

/** True when `value` may be used in a storage key (no `:` or path tricks). */
export function isUrlSafeId(value: string): boolean {
  return urlSafeId.test(value)
}

export function sha256Hex(text: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(text)))
}
