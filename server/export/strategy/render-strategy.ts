import type { LanguageCode } from '../../../shared/i18n/index.ts'
import { renderStrategyDocx } from './render-docx.ts'
import { renderStrategyMarkdown } from './render-markdown.ts'
import { renderStrategyPdf } from './render-pdf.ts'
import type { StrategyFormat, StrategyInput } from './strategy-input.ts'
import { strategyModel } from './strategy-model.ts'

export interface RenderedStrategy {
  body: Uint8Array | string
  contentType: string
  /** The file name's extension, without the dot. */
  extension: StrategyFormat
}

/**
 * The regional strategy of a collection as a file: Markdown (UTF-8 text), a tagged PDF or a
 * Word document, in `language`, all three from one `strategyModel`.
 */
export async function renderStrategy(
  input: StrategyInput,
  format: StrategyFormat,
  language: LanguageCode = 'en',
): Promise<RenderedStrategy> {
  const doc = strategyModel(input, language)
  switch (format) {
    case 'md':
      return { body: renderStrategyMarkdown(doc), contentType: 'text/markdown; charset=utf-8', extension: 'md' }
    case 'pdf':
      return { body: await renderStrategyPdf(doc), contentType: 'application/pdf', extension: 'pdf' }
    case 'docx':
      return {
        body: await renderStrategyDocx(doc),
        contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        extension: 'docx',
      }
  }
}
