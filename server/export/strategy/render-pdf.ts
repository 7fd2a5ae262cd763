import { CONTENT_W, colorOf, MARGIN, muted, PdfWriter, rule } from '../render/pdf-writer.ts'
import { createTaggedDocument, registerFonts, saved } from '../render/render-pdf.ts'
import type { KeyFigure, StrategyBlock, StrategyDoc } from './strategy-doc.ts'

const accent = colorOf('#1849a9')

/** Key figures as a list in two columns: each item the figure, then what it counts (as the board brief's title page). */
async function figures(writer: PdfWriter, items: KeyFigure[]): Promise<void> {
  const columnW = (CONTENT_W - 24) / 2
  const rows = Math.ceil(items.length / 2)
  await writer.ensure(rows * 44 + 16)
  const top = writer.y
  writer.open('L')
  items.forEach((item, index) => {
    const x = MARGIN + (index % 2) * (columnW + 24)
    const y = top + Math.floor(index / 2) * 44
    writer.open('LI')
    writer.leaf('LBody', () => {
      // the space keeps the figure and its label apart in the structure's text
      writer.text(`${item.value} `, x + 12, y + 6, { size: 16, bold: true, color: accent })
      writer.text(writer.clip(item.label, columnW - 24, 8.5), x + 12, y + 26, { size: 8.5, color: muted })
    })
    writer.close()
  })
  writer.close()
  writer.artifact(() => writer.rect(MARGIN, top - 4, CONTENT_W, rows * 44 + 8, { stroke: rule, lineWidth: 0.8 }))
  writer.y = top + rows * 44 + 16
}

/** The size and cell padding PdfWriter.table draws with (its defaults). */
const TABLE_SIZE = 8.5
const TABLE_PAD = 4

/**
 * The table's column weights as widths across the content width, each column at least as wide
 * as its longest word (header in bold, cells, totals in bold): the weights alone left a long
 * header word in a narrow figure column broken inside it ("Költségmegtérül" / "és") while the
 * site column had room to spare. The width a column gains is taken from those with room, in
 * proportion to it; when the words cannot all fit the weights stay as they are.
 */
export function fittedWidths(
  measure: (text: string, size: number, bold: boolean) => number,
  columns: { header: string; width?: number }[],
  rows: { cells: string[]; total?: boolean }[],
  tableW = CONTENT_W,
): number[] {
  const share = columns.reduce((sum, column) => sum + (column.width ?? 1), 0)
  const widths = columns.map((column) => ((column.width ?? 1) / share) * tableW)
  const longest = (text: string, bold: boolean) =>
    Math.max(0, ...text.split(/[ \n]+/).map((word) => measure(word, TABLE_SIZE, bold)))
  const need = columns.map(
    (column, index) =>
      Math.max(longest(column.header, true), ...rows.map((row) => longest(row.cells[index] ?? '', row.total === true))) +
      2 * TABLE_PAD +
      1,
  )
  const deficit = widths.reduce((sum, width, index) => sum + Math.max(0, (need[index] ?? 0) - width), 0)
  const room = widths.reduce((sum, width, index) => sum + Math.max(0, width - (need[index] ?? 0)), 0)
  if (deficit === 0 || deficit > room) return widths
  return widths.map((width, index) => {
    const needed = need[index] ?? 0
    return width < needed ? needed : width - ((width - needed) / room) * deficit
  })
}

/** The height PdfWriter.table draws a table at: its header and rows, each as tall as its most wrapped cell. */
function tableHeight(writer: PdfWriter, widths: number[], b: Extract<StrategyBlock, { kind: 'table' }>): number {
  const lineH = TABLE_SIZE * 1.3
  const rowHeight = (cells: string[], bold: boolean) =>
    Math.max(
      1,
      ...cells.map((cell, index) => writer.wrap(cell, (widths[index] ?? 0) - 2 * TABLE_PAD, TABLE_SIZE, bold, true).length),
    ) *
      lineH +
    2 * TABLE_PAD
  return (
    rowHeight(
      b.columns.map((column) => column.header),
      true,
    ) + b.rows.reduce((sum, row) => sum + rowHeight(row.cells, row.total === true), 0)
  )
}

async function block(writer: PdfWriter, b: StrategyBlock, continued: (heading: string) => string, chapter: string) {
  switch (b.kind) {
    case 'heading':
      if (b.level === 2) await writer.heading(b.text, 2)
      else {
        await writer.ensure(50)
        writer.y += 4
        await writer.paragraph(b.text, { size: 10.5, bold: true, gap: 3, tag: 'H3' })
      }
      return
    case 'paragraph':
      await writer.paragraph(b.text)
      return
    case 'list':
      await writer.list(b.items)
      writer.y += 4
      return
    case 'figures':
      await figures(writer, b.items)
      return
    case 'table': {
      const widths = fittedWidths((text, size, bold) => writer.width(text, size, bold), b.columns, b.rows)
      // a table that fits on a page starts on a new one rather than leave a row or two (its total)
      // alone under a repeated header on the next
      const height = tableHeight(writer, widths, b)
      if (height <= writer.bottom - MARGIN) await writer.ensure(height)
      await writer.table(
        b.columns.map((column, index) => ({
          header: column.header,
          width: widths[index] ?? column.width ?? 1,
          align: column.align ?? 'left',
        })),
        b.rows.map((row) => ({ cells: row.cells, ...(row.total ? { total: true } : {}) })),
        { continued: continued(chapter) },
      )
      return
    }
  }
}

/**
 * The regional strategy as a tagged PDF (A4 landscape, the board brief's PdfWriter): a title
 * page with the collection's title, when and from which sites it was made and the region's key
 * figures, then each chapter on a new page (H1), its sites and parts as H2 and H3, tables with
 * column headers repeated on a following page, lists; page numbers in the footer. DejaVu Sans is
 * embedded so Central European letters (č ř ő ű ł ą …) show and extract right; the document's
 * language is the catalog's and the XMP metadata's.
 */
export async function renderStrategyPdf(doc: StrategyDoc): Promise<Uint8Array> {
  const pdf = createTaggedDocument({ title: doc.title, subject: doc.kicker, language: doc.language, date: doc.generatedAt })
  await registerFonts(pdf)
  const writer = new PdfWriter(pdf, doc.footer, doc.pageLabel)

  await writer.newPage()
  writer.leaf('P', () => writer.text(doc.kicker, MARGIN, writer.y, { size: 10, color: muted }))
  writer.y += 26
  writer.open('H1')
  for (const line of writer.wrap(doc.title, CONTENT_W, 26, true, true).slice(0, 3)) {
    writer.mark(() => writer.text(line, MARGIN, writer.y, { size: 26, bold: true }))
    writer.y += 32
  }
  writer.close()
  writer.y += 6
  for (const item of doc.meta) await writer.paragraph(`${item.label}: ${item.value}`, { size: 10.5, color: muted, gap: 3 })
  writer.y += 10
  writer.artifact(() => writer.line(MARGIN, writer.y, MARGIN + CONTENT_W, writer.y, 0.8, rule))
  writer.y += 18
  await figures(writer, doc.figures)

  for (const chapter of doc.chapters) {
    await writer.newPage()
    await writer.heading(chapter.title, 1)
    for (const b of chapter.blocks) await block(writer, b, doc.continued, chapter.title)
  }
  writer.finish()
  return saved(pdf)
}
