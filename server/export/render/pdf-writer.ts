import { type PDFDocument, type PDFFont, type PDFPage, type RGB, rgb } from 'pdf-lib'

/** A4 landscape, in pt. */
export const PAGE_W = 841.89
export const PAGE_H = 595.28
export const MARGIN = 40
export const CONTENT_W = PAGE_W - 2 * MARGIN
const FOOTER_H = 24

export const colorOf = (hex: string): RGB => {
  const n = Number.parseInt(hex.replace('#', ''), 16)
  return rgb(((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255)
}

export const ink = colorOf('#1d2939')
export const muted = colorOf('#475467')
export const rule = colorOf('#d0d5dd')
export const stripe = colorOf('#f2f4f7')
export const white = rgb(1, 1, 1)

export interface PdfFonts {
  regular: PDFFont
  bold: PDFFont
}

export interface TableColumn {
  header: string
  /** Share of the table width. */
  width: number
  align?: 'left' | 'right'
}

export interface TableRow {
  cells: string[]
  /** A total row: bold, with a rule above. */
  total?: boolean
}

export interface TextStyle {
  size?: number
  bold?: boolean
  color?: RGB
}

/** Text the fonts can draw on one line: no control characters, tabs as spaces. */
export const pdfText = (text: string): string =>
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  text.replace(/\t/g, ' ').replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029]/g, '')

const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve))

/**
 * Flowing layout on A4 landscape pages with pdf-lib: a cursor from the top, headings,
 * wrapped paragraphs and tables that continue on the next page with their header repeated.
 * Coordinates in this class are measured from the top of the page (pdf-lib's from the
 * bottom). Page numbers are written at the end (`finish`), when the count is known.
 */
export class PdfWriter {
  page!: PDFPage
  /** Distance of the cursor from the top of the page. */
  y = MARGIN
  readonly pages: PDFPage[] = []

  constructor(
    readonly doc: PDFDocument,
    readonly fonts: PdfFonts,
    private readonly footer: string,
    /** "Page n of N" in the document's language. */
    private readonly pageOf: (page: number, pages: number) => string = (page, pages) => `Page ${page} of ${pages}`,
  ) {}

  get bottom(): number {
    return PAGE_H - MARGIN - FOOTER_H
  }

  get room(): number {
    return this.bottom - this.y
  }

  /** Starts a new page; yields to the event loop first, so a long document does not hold it. */
  async newPage(): Promise<PDFPage> {
    if (this.pages.length > 0) await yieldToLoop()
    this.page = this.doc.addPage([PAGE_W, PAGE_H])
    this.pages.push(this.page)
    this.y = MARGIN
    return this.page
  }

  /** Makes room for `height` pt, on a new page if needed; true when a page was started. */
  async ensure(height: number): Promise<boolean> {
    if (this.pages.length > 0 && this.y + height <= this.bottom) return false
    await this.newPage()
    return true
  }

  font(bold = false): PDFFont {
    return bold ? this.fonts.bold : this.fonts.regular
  }

  width(text: string, size: number, bold = false): number {
    return this.font(bold).widthOfTextAtSize(pdfText(text), size)
  }

  /** Draws one line with its top at `top` (the baseline is placed from the font's ascent). */
  text(text: string, x: number, top: number, style: TextStyle = {}): void {
    const size = style.size ?? 10
    const font = this.font(style.bold)
    const clean = pdfText(text)
    if (clean === '') return
    this.page.drawText(clean, { x, y: PAGE_H - top - size * 0.93, size, font, color: style.color ?? ink })
  }

  /** Word-wrapped lines of `text` at `width`; a word longer than the width is broken by characters. */
  wrap(text: string, width: number, size: number, bold = false): string[] {
    const lines: string[] = []
    for (const paragraph of pdfText(text).split(/\r?\n/)) {
      let line = ''
      for (const word of paragraph.split(/ +/)) {
        const candidate = line ? `${line} ${word}` : word
        if (this.width(candidate, size, bold) <= width) {
          line = candidate
          continue
        }
        if (line) lines.push(line)
        line = ''
        let rest = word
        while (this.width(rest, size, bold) > width && rest.length > 1) {
          let cut = rest.length - 1
          while (cut > 1 && this.width(rest.slice(0, cut), size, bold) > width) cut--
          lines.push(rest.slice(0, cut))
          rest = rest.slice(cut)
        }
        line = rest
      }
      lines.push(line)
    }
    return lines
  }

  /** Cuts `text` to `width` with "…". */
  clip(text: string, width: number, size: number, bold = false): string {
    const clean = pdfText(text)
    if (this.width(clean, size, bold) <= width) return clean
    const chars = [...clean]
    while (chars.length > 0 && this.width(`${chars.join('')}…`, size, bold) > width) chars.pop()
    return `${chars.join('').trimEnd()}…`
  }

  async heading(text: string, level: 1 | 2 = 1): Promise<void> {
    const size = level === 1 ? 18 : 12.5
    const before = level === 1 ? 0 : 10
    // a heading never ends a page: keep room for a few lines after it
    await this.ensure(before + size * 1.4 + 60)
    if (this.y > MARGIN) this.y += before
    this.text(text, MARGIN, this.y, { size, bold: true })
    this.y += size * 1.25 + (level === 1 ? 8 : 5)
  }

  async paragraph(text: string, style: TextStyle & { indent?: number; width?: number; gap?: number } = {}): Promise<void> {
    const size = style.size ?? 10
    const lineH = size * 1.35
    const x = MARGIN + (style.indent ?? 0)
    const width = style.width ?? CONTENT_W - (style.indent ?? 0)
    for (const line of this.wrap(text, width, size, style.bold)) {
      await this.ensure(lineH)
      this.text(line, x, this.y, style)
      this.y += lineH
    }
    this.y += style.gap ?? 6
  }

  /**
   * A table across the content width (or `width`): a header row, then rows whose cells wrap;
   * a row that does not fit starts a new page, where `continued` is written and the header repeated.
   */
  async table(
    columns: TableColumn[],
    rows: TableRow[],
    options: { continued?: string; x?: number; width?: number; size?: number } = {},
  ): Promise<void> {
    const size = options.size ?? 8.5
    const lineH = size * 1.3
    const pad = 4
    const x0 = options.x ?? MARGIN
    const tableW = options.width ?? CONTENT_W
    const totalShare = columns.reduce((sum, column) => sum + column.width, 0)
    const widths = columns.map((column) => (column.width / totalShare) * tableW)
    const lefts = widths.map((_, index) => x0 + widths.slice(0, index).reduce((a, b) => a + b, 0))

    const layout = (cells: string[], bold: boolean) => {
      const lines = cells.map((cell, index) => this.wrap(cell, (widths[index] ?? 0) - 2 * pad, size, bold))
      return { lines, height: Math.max(1, ...lines.map((l) => l.length)) * lineH + 2 * pad }
    }
    const drawRow = (cells: string[][], height: number, bold: boolean, fill?: RGB) => {
      if (fill)
        this.page.drawRectangle({ x: x0, y: PAGE_H - this.y - height, width: tableW, height, color: fill, borderWidth: 0 })
      cells.forEach((lines, index) => {
        const column = columns[index]
        const left = lefts[index] ?? x0
        const w = widths[index] ?? 0
        lines.forEach((line, n) => {
          const textX = column?.align === 'right' ? left + w - pad - this.width(line, size, bold) : left + pad
          this.text(line, textX, this.y + pad + n * lineH, { size, bold })
        })
      })
    }
    const header = layout(
      columns.map((column) => column.header),
      true,
    )
    const drawHeader = () => {
      drawRow(header.lines, header.height, true, colorOf('#eaecf0'))
      this.y += header.height
    }

    await this.ensure(header.height + lineH * 2 + 2 * pad)
    drawHeader()
    let index = 0
    for (const row of rows) {
      const bold = row.total === true
      const { lines, height } = layout(row.cells, bold)
      if (this.y + height > this.bottom) {
        await this.newPage()
        if (options.continued) {
          this.text(options.continued, MARGIN, this.y, { size: 9, color: muted })
          this.y += 16
        }
        drawHeader()
      }
      if (row.total)
        this.page.drawLine({
          start: { x: x0, y: PAGE_H - this.y },
          end: { x: x0 + tableW, y: PAGE_H - this.y },
          thickness: 0.8,
          color: ink,
        })
      drawRow(lines, height, bold, !row.total && index % 2 === 1 ? stripe : undefined)
      this.y += height
      index++
    }
    this.page.drawLine({
      start: { x: x0, y: PAGE_H - this.y },
      end: { x: x0 + tableW, y: PAGE_H - this.y },
      thickness: 0.5,
      color: rule,
    })
    this.y += 12
  }

  /** Footer on every page: the document's name on the left, "Page n of N" on the right. */
  finish(): void {
    const total = this.pages.length
    this.pages.forEach((page, index) => {
      this.page = page
      const top = PAGE_H - MARGIN - 10
      page.drawLine({
        start: { x: MARGIN, y: MARGIN + 16 },
        end: { x: PAGE_W - MARGIN, y: MARGIN + 16 },
        thickness: 0.5,
        color: rule,
      })
      this.text(this.clip(this.footer, CONTENT_W - 120, 8), MARGIN, top, { size: 8, color: muted })
      const number = this.pageOf(index + 1, total)
      this.text(number, PAGE_W - MARGIN - this.width(number, 8), top, { size: 8, color: muted })
    })
  }
}
