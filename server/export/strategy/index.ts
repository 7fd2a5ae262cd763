export { renderStrategyDocx } from './render-docx.ts'
export { renderStrategyMarkdown } from './render-markdown.ts'
export { renderStrategyPdf } from './render-pdf.ts'
export { type RenderedStrategy, renderStrategy } from './render-strategy.ts'
export type { StrategyDoc } from './strategy-doc.ts'
export {
  type StrategyFormat,
  type StrategyInput,
  type StrategySite,
  strategyFormats,
} from './strategy-input.ts'
export { strategyModel } from './strategy-model.ts'
