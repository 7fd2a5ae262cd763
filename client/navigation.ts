/**
 * The path to return to after signing in (`/?next=/boards/abc`). Only same-site paths are
 * accepted, so a crafted link cannot send someone elsewhere after they sign in.
 */
export function safeNextPath(value: unknown): string | null {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return null
  return value
}

export function signInPath(returnTo: string): string {
  return `/?next=${encodeURIComponent(returnTo)}`
}
