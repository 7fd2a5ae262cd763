import { z } from 'zod'
import { textileMillDocument } from '../../shared/demo/textile-mill.ts'
import type { BoardDocument } from '../../shared/schema/document.ts'

/** Starting points for `POST /api/boards {template}`; `blank` is the same as no template. */
export const TemplateName = z.enum(['blank', 'textile-mill'])
export type TemplateName = z.infer<typeof TemplateName>

/** The template's document, or null for an empty board. Board id and title are replaced by the caller. */
export function templateDocument(name: TemplateName): BoardDocument | null {
  return name === 'textile-mill' ? structuredClone(textileMillDocument) : null
}
