import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx'
import { xmlChars } from '../../../shared/export/svg.ts'
import type { LanguageCode } from '../../../shared/i18n/index.ts'
import type { StrategyBlock, StrategyDoc } from './strategy-doc.ts'

/** The document's language as Word names it (a language with its usual country). */
const wordLanguage: Record<LanguageCode, string> = {
  en: 'en-GB',
  de: 'de-DE',
  hu: 'hu-HU',
  sl: 'sl-SI',
  it: 'it-IT',
  hr: 'hr-HR',
  cs: 'cs-CZ',
  pl: 'pl-PL',
  sk: 'sk-SK',
}

/** A4 portrait, 2 cm margins, in twentieths of a point. */
const PAGE = { width: 11906, height: 16838, margin: 1134 }
const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin
const FONT = 'Calibri'

/**
 * The document with every text cut to the characters XML 1.0 allows: the `docx` library drops
 * control characters but writes U+FFFE, U+FFFF as they come, and Word refuses such a file.
 */
function xmlSafe<T>(value: T): T {
  if (typeof value === 'string') return xmlChars(value) as T
  if (Array.isArray(value)) return value.map(xmlSafe) as T
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, xmlSafe(v)])) as T
  return value
}

/** Text runs of one paragraph: its lines joined by line breaks. */
const runs = (text: string, options: { bold?: boolean; size?: number; color?: string } = {}) =>
  text.split(/\r?\n/).map((line, index) => new TextRun({ text: line, ...options, ...(index > 0 ? { break: 1 } : {}) }))

const rule = { style: BorderStyle.SINGLE, size: 4, color: 'D0D5DD' }

function table(b: Extract<StrategyBlock, { kind: 'table' }>): Table {
  const shares = b.columns.map((column) => column.width ?? 1)
  const total = shares.reduce((a, c) => a + c, 0)
  const widths = shares.map((share) => Math.floor((share / total) * TEXT_WIDTH))
  const cell = (text: string, index: number, options: { bold?: boolean; header?: boolean }) =>
    new TableCell({
      width: { size: widths[index] ?? 0, type: WidthType.DXA },
      ...(options.header ? { shading: { type: ShadingType.CLEAR, fill: 'EAECF0', color: 'auto' } } : {}),
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      children: [
        new Paragraph({
          alignment: b.columns[index]?.align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
          children: runs(text, { bold: options.bold === true }),
        }),
      ],
    })
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    borders: { top: rule, bottom: rule, left: rule, right: rule, insideHorizontal: rule, insideVertical: rule },
    rows: [
      new TableRow({
        tableHeader: true,
        children: b.columns.map((column, index) => cell(column.header, index, { bold: true, header: true })),
      }),
      ...b.rows.map(
        (row) =>
          new TableRow({
            cantSplit: true,
            children: b.columns.map((_, index) => cell(row.cells[index] ?? '', index, { bold: row.total === true })),
          }),
      ),
    ],
  })
}

function blocks(b: StrategyBlock): (Paragraph | Table)[] {
  switch (b.kind) {
    case 'heading':
      return [new Paragraph({ heading: b.level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3, children: runs(b.text) })]
    case 'paragraph':
      return [new Paragraph({ children: runs(b.text) })]
    case 'list':
      return b.items.map((item) => new Paragraph({ bullet: { level: 0 }, children: runs(item) }))
    case 'figures':
      return b.items.map(
        (item) =>
          new Paragraph({
            bullet: { level: 0 },
            children: [new TextRun({ text: `${item.label}: ` }), new TextRun({ text: item.value, bold: true })],
          }),
      )
    case 'table':
      // an empty paragraph after a table keeps two tables in a row apart (Word would join them)
      return [table(b), new Paragraph({})]
  }
}

/**
 * The regional strategy as a Word document (Office Open XML, the `docx` library): the title in
 * Word's Title style, every chapter a Heading 1 on a new page, sites and parts Heading 2 and
 * Heading 3 (so Word's and LibreOffice's navigation pane lists the chapters), real tables with a
 * header row repeated across pages, bulleted lists, page numbers in the footer. The document's
 * language is set on its default run style (spelling and hyphenation in that language), its
 * title, subject and creator in the document properties.
 */
export async function renderStrategyDocx(written: StrategyDoc): Promise<Uint8Array> {
  const doc = xmlSafe(written)
  const children: (Paragraph | Table)[] = [
    new Paragraph({ children: [new TextRun({ text: doc.kicker, color: '475467' })] }),
    new Paragraph({ heading: HeadingLevel.TITLE, children: runs(doc.title) }),
    ...doc.meta.map(
      (item) => new Paragraph({ children: [new TextRun({ text: `${item.label}: `, bold: true }), new TextRun(item.value)] }),
    ),
    new Paragraph({}),
    ...blocks({ kind: 'figures', items: doc.figures }),
  ]
  for (const chapter of doc.chapters) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, children: runs(chapter.title) }))
    for (const b of chapter.blocks) children.push(...blocks(b))
  }
  const document = new Document({
    title: doc.title,
    subject: doc.kicker,
    description: doc.kicker,
    creator: 'Refresh Board',
    lastModifiedBy: 'Refresh Board',
    styles: {
      default: {
        document: { run: { font: FONT, size: 21, language: { value: wordLanguage[doc.language] } } },
        heading1: {
          run: { font: FONT, size: 32, bold: true, color: '1D2939' },
          paragraph: { spacing: { after: 160 }, outlineLevel: 0, keepNext: true },
        },
        heading2: {
          run: { font: FONT, size: 26, bold: true, color: '1D2939' },
          paragraph: { spacing: { before: 240, after: 120 }, outlineLevel: 1, keepNext: true },
        },
        heading3: {
          run: { font: FONT, size: 22, bold: true, color: '1D2939' },
          paragraph: { spacing: { before: 160, after: 80 }, outlineLevel: 2, keepNext: true },
        },
        title: { run: { font: FONT, size: 48, bold: true, color: '1D2939' }, paragraph: { spacing: { after: 240 } } },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                children: [
                  new TextRun({ text: `${doc.footer} · `, size: 16, color: '475467' }),
                  new TextRun({ children: [PageNumber.CURRENT], size: 16, color: '475467' }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  })
  return new Uint8Array(await Packer.toBuffer(document))
}
