import type { LanguageCode } from '../../../shared/i18n/index.ts'

/**
 * The regional strategy as a document no renderer has seen yet: a title page and chapters of
 * blocks. Every word is already in the document's language and every number already written as
 * that language writes it; the Markdown, PDF and DOCX renderers only lay it out.
 */
export interface StrategyColumn {
  header: string
  align?: 'left' | 'right'
  /** Share of the table's width (PDF); 1 when absent. */
  width?: number
}

export interface StrategyRow {
  cells: string[]
  /** A total row: bold, with a rule above. */
  total?: boolean
}

export interface KeyFigure {
  label: string
  value: string
}

export type StrategyBlock =
  /** Level 2: a site or a part of a chapter; level 3: a part of that. */
  | { kind: 'heading'; level: 2 | 3; text: string }
  /** Free text: lines kept (`\n`); a blank line never occurs inside (it splits paragraphs). */
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'table'; columns: StrategyColumn[]; rows: StrategyRow[] }
  | { kind: 'figures'; items: KeyFigure[] }

export const chapterIds = [
  'creativeSector',
  'swot',
  'vision',
  'proposals',
  'investments',
  'financialPlan',
  'operation',
  'marketing',
  'annex',
] as const
export type ChapterId = (typeof chapterIds)[number]

export interface StrategyChapter {
  id: ChapterId
  /** The chapter heading (level 1). */
  title: string
  blocks: StrategyBlock[]
}

export interface StrategyDoc {
  language: LanguageCode
  /** The collection's title (or "Untitled collection"). */
  title: string
  /** "Regional strategy": above the title, and the document's subject. */
  kicker: string
  /** Title page lines: label and value ("Generated", "3 Dec 2026"). */
  meta: KeyFigure[]
  /** Title page key figures of the region. */
  figures: KeyFigure[]
  chapters: StrategyChapter[]
  /** The running footer of a paged document. */
  footer: string
  /** "Actors per site (continued)": above a table continued on the next page. */
  continued: (heading: string) => string
  /** "Page 2 of 9" in the document's language. */
  pageLabel: (page: number, pages: number) => string
  /** The moment the export was made: the documents' creation date. */
  generatedAt: Date
}
