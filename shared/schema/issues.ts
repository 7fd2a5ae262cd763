import type { z } from 'zod'

/**
 * Turns zod issues into the plain-English messages of the contract ("areaM2 must be a
 * number ≥ 0"). Field schemas carry their own messages (fields.ts); this only adds the
 * field path and covers zod's generic cases.
 */

type Path = readonly PropertyKey[]

/** `refs[2]`, `labels.de`, `site.areaM2`. */
export function formatPath(path: Path): string {
  let out = ''
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`
    else out += out === '' ? String(part) : `.${String(part)}`
  }
  return out
}

/** The message for one issue, without the field name. */
export function issueText(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && issue.message.startsWith('Invalid input')) {
    return issue.expected === 'object' ? 'must be an object' : `must be of type ${issue.expected}`
  }
  if (issue.code === 'unrecognized_keys') return `has unknown fields ${issue.keys.join(', ')}`
  return issue.message
}

/** "field message", or just "message" at the root. */
export function describeIssue(issue: z.core.$ZodIssue, path: Path = issue.path): { field?: string; message: string } {
  const field = formatPath(path)
  const text = issueText(issue)
  return field === '' ? { message: text } : { field, message: `${field} ${text}` }
}
