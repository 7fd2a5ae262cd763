import { z } from 'zod'
import type { BoardDocument } from '../../shared/schema/document.ts'
import { methodTemplates } from '../../shared/templates/index.ts'
import type { TemplateContext } from '../../shared/templates/template-document.ts'

/**
 * Starting points for `POST /api/boards {template}` (docs/templates.md): the workshop-method
 * templates of `shared/templates/` and the demo board. `blank` gives an empty board.
 */
export const TemplateName = z.enum([
  'blank',
  'textile-mill',
  'site-scan',
  'stakeholder-map',
  'needs-inventory',
  'use-mix',
  'combination-matrix',
  'phasing-roadmap',
  'business-model-canvas',
])
export type TemplateName = z.infer<typeof TemplateName>

/**
 * The template's document, for a board with this site, in the language of `context.t` (frame
 * titles, prompts, example cards; English by default). Board id and title are replaced by the caller.
 */
export async function templateDocument(name: TemplateName, context: TemplateContext = {}): Promise<BoardDocument> {
  if (name === 'textile-mill') {
    // loaded on demand: the demo document is large and rarely needed
    const { textileMillDocumentIn } = await import('../../shared/demo/textile-mill.ts')
    return structuredClone(textileMillDocumentIn(context.t))
  }
  return methodTemplates[name](context)
}
