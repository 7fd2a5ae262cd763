import { escapeInline, markdownTable } from '../../../shared/export/markdown.ts'
import type { StrategyBlock, StrategyDoc } from './strategy-doc.ts'

/** A table cell: escaped, on one line, never empty (an empty cell reads as a gap in a Markdown table). */
const cell = (text: string, bold = false) => {
  const clean = text.trim() === '' ? ' ' : escapeInline(text)
  return bold && text.trim() !== '' ? `**${clean}**` : clean
}

/** A paragraph's lines, escaped, as Markdown hard line breaks. */
const paragraph = (text: string) =>
  text
    .split(/\r?\n/)
    .map((line) => escapeInline(line.trim()))
    .join('  \n')

function block(b: StrategyBlock): string {
  switch (b.kind) {
    case 'heading':
      return `${'#'.repeat(b.level + 1)} ${escapeInline(b.text)}`
    case 'paragraph':
      return paragraph(b.text)
    case 'list':
      return b.items.map((item) => `- ${paragraph(item).replace(/\n/g, '\n  ')}`).join('\n')
    case 'figures':
      // "Label: value" — the labels are written to stand alone ("Of them committed …"), not to follow a number
      return b.items.map((item) => `- ${escapeInline(item.label)}: **${escapeInline(item.value)}**`).join('\n')
    case 'table':
      return markdownTable(
        b.columns.map((column) => cell(column.header)),
        b.rows.map((row) => row.cells.map((text, index) => cell(text, row.total === true && index === 0))),
        b.columns.flatMap((column, index) => (column.align === 'right' ? [index] : [])),
      )
  }
}

/**
 * The regional strategy as Markdown: the title (`#`), the title page's lines and key figures as
 * lists, every chapter a `##` heading with its sites and parts below (`###`, `####`), tables as
 * GitHub-flavoured Markdown tables. Every text from a board or the collection is escaped (as the
 * board brief escapes it), so a name cannot open a link, emphasis or a table cell.
 */
export function renderStrategyMarkdown(doc: StrategyDoc): string {
  const parts = [
    `# ${escapeInline(doc.title)}`,
    `*${escapeInline(doc.kicker)}*`,
    doc.meta.map((item) => `- ${escapeInline(item.label)}: ${escapeInline(item.value)}`).join('\n'),
    block({ kind: 'figures', items: doc.figures }),
  ]
  for (const chapter of doc.chapters) {
    parts.push(`## ${escapeInline(chapter.title)}`)
    for (const b of chapter.blocks) parts.push(block(b))
  }
  return `${parts.join('\n\n')}\n`
}
