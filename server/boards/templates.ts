import { z } from 'zod'
import type { BoardDocument } from '../../shared/schema/document.ts'

/** Starting points for `POST /api/boards {template}`; `blank` is the same as no template. */
export const TemplateName = z.enum(['blank', 'textile-mill'])
export type TemplateName = z.infer<typeof TemplateName>

/** The template's document, or null for an empty board. Board id and title are replaced by the caller. */
export async function templateDocument(name: TemplateName): Promise<BoardDocument | null> {
  if (name === 'blank') return null
  // loaded on demand: the demo document is large and rarely needed
  const { textileMillDocument } = await import('../../shared/demo/textile-mill.ts')
  return structuredClone(textileMillDocument)
}
