/** A4 landscape, in pt. */
export const PAGE_W = 841.89
export const PAGE_H = 595.28
export const MARGIN = 40
export const CONTENT_W = PAGE_W - 2 * MARGIN
const FOOTER_H = 24

/** A colour as pdfkit takes it: `#rrggbb`. */
export type Color = string

export const colorOf = (hex: string): Color => (hex.startsWith('#') ? hex : `#${hex}`)

export const ink = colorOf('#1d2939')
export const muted = colorOf('#475467')
export const rule = colorOf('#d0d5dd')
export const stripe = colorOf('#f2f4f7')
export const white = colorOf('#ffffff')

/** The names the fonts are registered under in the document (`doc.registerFont`). */
export const FONT_REGULAR = 'DejaVuSans'
export const FONT_BOLD = 'DejaVuSans-Bold'

/** Structure types of tagged PDF (ISO 32000-1, 14.8.4) that the brief uses. */
export type StructType =
  | 'Document'
  | 'Sect'
  | 'H1'
  | 'H2'
  | 'H3'
  | 'P'
  | 'L'
  | 'LI'
  | 'Lbl'
  | 'LBody'
  | 'Table'
  | 'TR'
  | 'TH'
  | 'TD'
  | 'Figure'

export type Struct = PDFKit.PDFStructureElement

export interface StructOptions {
  /** Alternative text (figures). */
  alt?: string
  /** Table header cells: what they head. */
  scope?: 'Column' | 'Row'
  /** Figures: where they are on the page (left, top, right, bottom from the top-left). */
  bbox?: [number, number, number, number]
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
  color?: Color
}

/** Text the fonts can draw on one line: no control characters, tabs as spaces. */
export const pdfText = (text: string): string =>
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  text.replace(/\t/g, ' ').replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029]/g, '')

const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve))

/**
 * Flowing layout on A4 landscape pages with pdfkit, tagged: a cursor from the top, headings,
 * wrapped paragraphs, lists and tables that continue on the next page with their header
 * repeated. Everything drawn is either content of a structure element (the logical structure
 * under one `Document` element, in reading order: `open`/`close` for containers, `leaf` and
 * `mark` for content) or an artifact (`artifact`: rules, stripes, repeated table headers,
 * "continued" lines, page footers). Coordinates are measured from the top of the page, as
 * pdfkit's are. Page numbers are written at the end (`finish`), when the count is known.
 */
export class PdfWriter {
  /** Distance of the cursor from the top of the page. */
  y = MARGIN
  pageCount = 0
  private readonly parents: Array<{ element: Struct; type: StructType }>

  constructor(
    readonly doc: PDFKit.PDFDocument,
    private readonly footer: string,
    /** "Page n of N" in the document's language. */
    private readonly pageOf: (page: number, pages: number) => string = (page, pages) => `Page ${page} of ${pages}`,
  ) {
    const root = doc.struct('Document')
    doc.addStructure(root)
    this.parents = [{ element: root, type: 'Document' }]
  }

  get bottom(): number {
    return PAGE_H - MARGIN - FOOTER_H
  }

  get room(): number {
    return this.bottom - this.y
  }

  /** Starts a new page; yields to the event loop first, so a long document does not hold it. */
  async newPage(): Promise<void> {
    if (this.pageCount > 0) await yieldToLoop()
    this.doc.addPage({ size: [PAGE_W, PAGE_H], margin: 0 })
    this.pageCount++
    this.y = MARGIN
  }

  /** Makes room for `height` pt, on a new page if needed; true when a page was started. */
  async ensure(height: number): Promise<boolean> {
    if (this.pageCount > 0 && this.y + height <= this.bottom) return false
    await this.newPage()
    return true
  }

  // --- structure

  /** Opens a structure element inside the current one; what follows goes into it until `close`. */
  open(type: StructType, options: StructOptions = {}): Struct {
    const element = this.doc.struct(type, options as Parameters<PDFKit.PDFDocument['struct']>[1])
    this.current.add(element)
    this.parents.push({ element, type })
    return element
  }

  /** Closes the element `open` opened last. */
  close(): void {
    if (this.parents.length <= 1) throw new Error('no structure element open')
    this.parents.pop()?.element.end()
  }

  private get current(): Struct {
    return (this.parents[this.parents.length - 1] as { element: Struct }).element
  }

  private get currentType(): StructType {
    return (this.parents[this.parents.length - 1] as { type: StructType }).type
  }

  /** Draws content of the element opened last (marked content with its MCID), e.g. one line of a paragraph. */
  mark(draw: () => void): void {
    const content = this.doc.markStructureContent(this.currentType)
    draw()
    this.doc.endMarkedContent()
    this.current.add(content)
  }

  /** A structure element whose content `draw` draws at once: a heading, a table cell, a label. */
  leaf(type: StructType, draw: () => void, options: StructOptions = {}): void {
    this.open(type, options)
    this.mark(draw)
    this.close()
  }

  /** Draws what is no part of the content: rules, stripes, frames, repeated headers, footers. */
  artifact(draw: () => void, type: 'Layout' | 'Pagination' = 'Layout'): void {
    this.doc.markContent('Artifact', { type })
    draw()
    this.doc.endMarkedContent()
  }

  // --- drawing

  private font(bold = false): string {
    return bold ? FONT_BOLD : FONT_REGULAR
  }

  width(text: string, size: number, bold = false): number {
    return this.doc.font(this.font(bold)).fontSize(size).widthOfString(pdfText(text))
  }

  /** Draws one line with its top at `top` (the baseline is placed from the font's ascent). */
  text(text: string, x: number, top: number, style: TextStyle = {}): void {
    const size = style.size ?? 10
    const clean = pdfText(text)
    if (clean === '') return
    this.doc
      .font(this.font(style.bold))
      .fontSize(size)
      .fillColor(style.color ?? ink)
      .text(clean, x, top + size * 0.93, { lineBreak: false, baseline: 'alphabetic' })
  }

  /** A rectangle, filled and/or outlined. */
  rect(x: number, top: number, w: number, h: number, paint: { fill?: Color; stroke?: Color; lineWidth?: number }): void {
    const { doc } = this
    doc.save().rect(x, top, w, h)
    if (paint.fill && paint.stroke) doc.lineWidth(paint.lineWidth ?? 1).fillAndStroke(paint.fill, paint.stroke)
    else if (paint.fill) doc.fill(paint.fill)
    else if (paint.stroke) doc.lineWidth(paint.lineWidth ?? 1).stroke(paint.stroke)
    doc.restore()
  }

  line(x1: number, y1: number, x2: number, y2: number, thickness: number, color: Color): void {
    this.doc.save().moveTo(x1, y1).lineTo(x2, y2).lineWidth(thickness).stroke(color).restore()
  }

  /** An SVG path (y downwards) placed with its origin at (x, top). */
  svgPath(
    data: string,
    x: number,
    top: number,
    paint: { fill: Color; opacity: number } | { stroke: Color; lineWidth: number; opacity: number },
  ): void {
    const { doc } = this
    doc.save().translate(x, top).path(data)
    if ('fill' in paint) doc.fillOpacity(paint.opacity).fill(paint.fill)
    else doc.lineWidth(paint.lineWidth).strokeOpacity(paint.opacity).stroke(paint.stroke)
    doc.restore()
  }

  image(bytes: Uint8Array, x: number, top: number, w: number, h: number): void {
    this.doc.image(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), x, top, { width: w, height: h })
  }

  // --- layout

  /**
   * Word-wrapped lines of `text` at `width`; a word longer than the width is broken by
   * characters. `spaced`: a line that ends between two words keeps the space after it, so
   * the structure's text (what assistive technology reads) does not run the words together.
   */
  wrap(text: string, width: number, size: number, bold = false, spaced = false): string[] {
    const lines: string[] = []
    const space = spaced ? ' ' : ''
    const paragraphs = pdfText(text).split(/\r?\n/)
    paragraphs.forEach((paragraph, p) => {
      let line = ''
      for (const word of paragraph.split(/ +/)) {
        const candidate = line ? `${line} ${word}` : word
        if (this.width(candidate, size, bold) <= width) {
          line = candidate
          continue
        }
        if (line) lines.push(line + space)
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
      lines.push(p < paragraphs.length - 1 ? line + space : line)
    })
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

  /** A heading (H1 or H2), kept with a few lines after it. */
  async heading(text: string, level: 1 | 2 = 1): Promise<void> {
    const size = level === 1 ? 18 : 12.5
    const before = level === 1 ? 0 : 10
    // a heading never ends a page: keep room for a few lines after it
    await this.ensure(before + size * 1.4 + 60)
    if (this.y > MARGIN) this.y += before
    this.leaf(level === 1 ? 'H1' : 'H2', () => this.text(text, MARGIN, this.y, { size, bold: true }))
    this.y += size * 1.25 + (level === 1 ? 8 : 5)
  }

  /** A paragraph (or a third-level heading, `tag: 'H3'`) that wraps and may continue on the next page. */
  async paragraph(
    text: string,
    style: TextStyle & { indent?: number; width?: number; gap?: number; tag?: 'P' | 'H3' | 'LBody' } = {},
  ): Promise<void> {
    const size = style.size ?? 10
    const lineH = size * 1.35
    const x = MARGIN + (style.indent ?? 0)
    const width = style.width ?? CONTENT_W - (style.indent ?? 0)
    this.open(style.tag ?? 'P')
    for (const line of this.wrap(text, width, size, style.bold, true)) {
      await this.ensure(lineH)
      this.mark(() => this.text(line, x, this.y, style))
      this.y += lineH
    }
    this.close()
    this.y += style.gap ?? 6
  }

  /** A bulleted list (`L`, an `LI` per item with the bullet as its `Lbl`); items wrap under their text. */
  async list(items: string[], style: TextStyle & { gap?: number } = {}): Promise<void> {
    if (items.length === 0) return
    const size = style.size ?? 9.5
    const bullet = '•'
    const indent = this.width(`${bullet}  `, size)
    this.open('L')
    for (const item of items) {
      await this.ensure(size * 1.35)
      this.open('LI')
      this.leaf('Lbl', () => this.text(bullet, MARGIN, this.y, style))
      await this.paragraph(item, { ...style, size, indent, gap: style.gap ?? 2, tag: 'LBody' })
      this.close()
    }
    this.close()
  }

  /**
   * A table across the content width (or `width`): a header row of `TH` cells, then rows of
   * `TD` cells that wrap; a row that does not fit starts a new page, where `continued` is
   * written and the header repeated (both artifacts: the table's structure has its header once).
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
      const lines = cells.map((cell, index) => this.wrap(cell, (widths[index] ?? 0) - 2 * pad, size, bold, true))
      return { lines, height: Math.max(1, ...lines.map((l) => l.length)) * lineH + 2 * pad }
    }
    const drawCell = (lines: string[], index: number, bold: boolean) => {
      const column = columns[index]
      const left = lefts[index] ?? x0
      const w = widths[index] ?? 0
      lines.forEach((line, n) => {
        const textX = column?.align === 'right' ? left + w - pad - this.width(line.trimEnd(), size, bold) : left + pad
        this.text(line, textX, this.y + pad + n * lineH, { size, bold })
      })
    }
    const fillRow = (height: number, fill: Color) => this.artifact(() => this.rect(x0, this.y, tableW, height, { fill }))
    const header = layout(
      columns.map((column) => column.header),
      true,
    )
    const headerFill = colorOf('#eaecf0')

    await this.ensure(header.height + lineH * 2 + 2 * pad)
    this.open('Table')
    fillRow(header.height, headerFill)
    this.open('TR')
    header.lines.forEach((lines, index) => {
      this.leaf('TH', () => drawCell(lines, index, true), { scope: 'Column' })
    })
    this.close()
    this.y += header.height
    let index = 0
    for (const row of rows) {
      const bold = row.total === true
      const { lines, height } = layout(row.cells, bold)
      if (this.y + height > this.bottom) {
        await this.newPage()
        this.artifact(() => {
          if (options.continued) {
            this.text(options.continued, MARGIN, this.y, { size: 9, color: muted })
            this.y += 16
          }
          this.rect(x0, this.y, tableW, header.height, { fill: headerFill })
          header.lines.forEach((cell, n) => {
            drawCell(cell, n, true)
          })
          this.y += header.height
        }, 'Pagination')
      }
      if (row.total) this.artifact(() => this.line(x0, this.y, x0 + tableW, this.y, 0.8, ink))
      else if (index % 2 === 1) fillRow(height, stripe)
      this.open('TR')
      lines.forEach((cell, n) => {
        this.leaf('TD', () => drawCell(cell, n, bold))
      })
      this.close()
      this.y += height
      index++
    }
    this.close()
    this.artifact(() => this.line(x0, this.y, x0 + tableW, this.y, 0.5, rule))
    this.y += 12
  }

  /** Footer on every page (an artifact): the document's name on the left, "Page n of N" on the right. */
  finish(): void {
    const { start, count } = this.doc.bufferedPageRange()
    for (let index = 0; index < count; index++) {
      this.doc.switchToPage(start + index)
      const top = PAGE_H - MARGIN - 10
      this.artifact(() => {
        this.line(MARGIN, PAGE_H - MARGIN - 16, PAGE_W - MARGIN, PAGE_H - MARGIN - 16, 0.5, rule)
        this.text(this.clip(this.footer, CONTENT_W - 120, 8), MARGIN, top, { size: 8, color: muted })
        const number = this.pageOf(index + 1, count)
        this.text(number, PAGE_W - MARGIN - this.width(number, 8), top, { size: 8, color: muted })
      }, 'Pagination')
    }
    while (this.parents.length > 1) this.close()
  }
}
