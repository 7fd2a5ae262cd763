import type * as Y from 'yjs'
import type { Site } from '../../shared/schema/site.ts'

/**
 * Writes the site description into the live document's `site` map (one field per key), so a
 * REST change reaches connected clients like any other update. Keys the site lacks are removed.
 */
export function writeSite(doc: Y.Doc, site: Site | null): void {
  const map = doc.getMap<unknown>('site')
  const next: Record<string, unknown> = site ? { ...site } : {}
  for (const key of [...map.keys()]) if (!(key in next) || next[key] === undefined) map.delete(key)
  for (const [key, value] of Object.entries(next)) if (value !== undefined && map.get(key) !== value) map.set(key, value)
}
