import type * as Y from 'yjs'
import { setIfChanged, syncFields } from '../../shared/schema/convert.ts'
import { getMeta, getSite, META_TITLE } from '../../shared/schema/layout.ts'
import type { Site } from '../../shared/schema/site.ts'

/**
 * Writes a REST change of title or site into the live document (layout: shared/schema/layout.ts),
 * so it reaches connected clients like any other update. Only changed fields are written.
 */
export function writeBoardProfile(doc: Y.Doc, change: { title?: string | undefined; site?: Site | undefined }): void {
  if (change.title !== undefined) setIfChanged(getMeta(doc), META_TITLE, change.title)
  if (change.site !== undefined) syncFields(getSite(doc), change.site)
}
