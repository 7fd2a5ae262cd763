import { createHash } from 'node:crypto'

/**
 * What a session is stored and known by on the server: the SHA-256 of its token (hex). The
 * token itself (cookie, bearer) is never stored, so a copy of the storage opens no session.
 */
export function sessionHash(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}
