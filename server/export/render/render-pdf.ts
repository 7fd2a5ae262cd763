import { readFile } from 'node:fs/promises'
import PDFDocument from 'pdfkit'
import type { Analysis } from '../../../shared/analysis/types.ts'
import {
  conflictSentencesOf,
  gapCountSentence,
  gapSentencesOf,
  indicatorRows,
  timelineConflictsHeading,
} from '../../../shared/export/analysis-view.ts'
import { boardAltText } from '../../../shared/export/board-alt.ts'
import {
  actorRows,
  actorSummary,
  actorsBySector,
  type BriefIndex,
  briefIndex,
  byLabel,
  nameOf,
  phaseOccupancyRows,
  relationshipLine,
  relationshipNote,
  relationships,
  sectorRows,
  siteRows,
  useMixSummary,
  useMoneyFields,
  useMoneyRows,
  useRows,
  zoneRows,
} from '../../../shared/export/brief-rows.ts'
import { briefVotes } from '../../../shared/export/brief-votes.ts'
import type { BoardDocument } from '../../../shared/schema/document.ts'
import { fontFiles } from './canvas-environment.ts'
import { drawGantt } from './pdf-gantt.ts'
import { CONTENT_W, colorOf, FONT_BOLD, FONT_REGULAR, MARGIN, muted, PdfWriter, rule } from './pdf-writer.ts'
import type { RasterRender } from './render-png.ts'

export interface PdfInput {
  document: BoardDocument
  analysis: Analysis | null
  /** null for the live board */
  snapshot: { label: string; createdAt: string } | null
  /**
   * The brief's language (`?lang=`, a planned language code): its words from the catalog and its
   * numbers, months and dates; English by default, as the Markdown brief.
   */
  locale?: string
  /** The board as a picture (renderRegionPng), fitted onto its own page. */
  boardImage: RasterRender | null
}

let fontBytes: Promise<{ regular: Uint8Array; bold: Uint8Array }> | null = null
/** The bytes of DejaVu Sans (regular and bold), read once: the fonts every PDF export embeds. */
export const loadFonts = () => {
  fontBytes ??= Promise.all([readFile(fontFiles.regular), readFile(fontFiles.bold)]).then(([regular, bold]) => ({
    regular,
    bold,
  }))
  return fontBytes
}

/** Registers the embedded fonts under the names PdfWriter draws with. */
export async function registerFonts(doc: PDFKit.PDFDocument): Promise<void> {
  const bytes = await loadFonts()
  doc.registerFont(FONT_REGULAR, Buffer.from(bytes.regular))
  doc.registerFont(FONT_BOLD, Buffer.from(bytes.bold))
}

const xml = (text: string) =>
  text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] ?? c)

/**
 * A tagged PDF document (`Marked true`, a structure tree, `Lang` the document's language, the
 * title shown in the viewer's title bar), dated `date`, with the language in the XMP metadata
 * too. Shared by the board brief and the regional strategy (server/export/strategy/).
 */
export function createTaggedDocument(options: {
  title: string
  subject: string
  language: string
  date: Date
}): PDFKit.PDFDocument {
  const { title, subject, language, date } = options
  const doc = new PDFDocument({
    autoFirstPage: false,
    bufferPages: true,
    pdfVersion: '1.7',
    tagged: true,
    lang: language,
    displayTitle: true,
    font: null as unknown as string,
    info: {
      Title: title,
      Subject: subject,
      Creator: 'Refresh Board',
      Producer: 'Refresh Board (pdfkit)',
      CreationDate: date,
      ModDate: date,
    },
  })
  // pdfkit copies the title and subject into the XMP metadata as they are: escape them there
  const internal = doc as unknown as { _addInfo: () => void; info: Record<string, unknown> }
  const addInfo = internal._addInfo
  internal._addInfo = function (this: typeof internal) {
    const info = this.info
    this.info = Object.fromEntries(
      Object.entries(info).map(([key, value]) => [key, typeof value === 'string' ? xml(value) : value]),
    )
    try {
      addInfo.call(this)
    } finally {
      this.info = info
    }
  }
  // the language in the XMP metadata too (Dublin Core), beside the catalog's Lang
  doc.appendXML(`
        <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
            <dc:language><rdf:Bag><rdf:li>${language}</rdf:li></rdf:Bag></dc:language>
        </rdf:Description>`)
  return doc
}

/**
 * The brief's document: the snapshot's moment as its dates keeps the bytes of a snapshot's PDF
 * the same; the live board's PDF is dated now.
 */
function createDocument(title: string, input: PdfInput, index: BriefIndex): PDFKit.PDFDocument {
  const moment = input.snapshot ? new Date(input.snapshot.createdAt) : new Date()
  const date = Number.isNaN(moment.getTime()) ? new Date(0) : moment
  return createTaggedDocument({ title, subject: index.words.say('intro'), language: index.words.language, date })
}

async function titlePage(
  writer: PdfWriter,
  input: PdfInput,
  index: BriefIndex,
  title: string,
  analysis: Analysis | null,
): Promise<void> {
  const { document, snapshot } = input
  const { say, t } = index.words
  const site = document.site
  await writer.newPage()
  writer.leaf('P', () => writer.text(t('export.pdf.kicker'), MARGIN, writer.y, { size: 9, color: muted }))
  writer.y += 26
  writer.open('H1')
  for (const line of writer.wrap(title, CONTENT_W, 26, true, true).slice(0, 3)) {
    writer.mark(() => writer.text(line, MARGIN, writer.y, { size: 26, bold: true }))
    writer.y += 32
  }
  writer.close()
  const place = [site.name, [site.location, site.country].filter(Boolean).join(', ')].filter(Boolean).join(' — ')
  if (place) {
    writer.open('P')
    for (const line of writer.wrap(place, CONTENT_W, 14, false, true)) {
      writer.mark(() => writer.text(line, MARGIN, writer.y, { size: 14 }))
      writer.y += 19
    }
    writer.close()
  }
  writer.y += 4
  const state = snapshot
    ? say('snapshotOf', { label: snapshot.label, date: index.numbers.date(snapshot.createdAt) })
    : t('export.pdf.liveState')
  writer.leaf('P', () => writer.text(writer.clip(state, CONTENT_W, 10.5), MARGIN, writer.y, { size: 10.5, color: muted }))
  writer.y += 22
  writer.artifact(() => writer.line(MARGIN, writer.y, MARGIN + CONTENT_W, writer.y, 0.8, rule))
  writer.y += 16

  // left: the site profile; right: key figures
  const top = writer.y
  const leftW = CONTENT_W * 0.56
  const rightX = MARGIN + leftW + 24
  const rightW = CONTENT_W - leftW - 24
  writer.leaf('H2', () => writer.text(say('siteProfile'), MARGIN, writer.y, { size: 12.5, bold: true }))
  writer.y += 20
  const profile = siteRows(site, index.numbers, index.words)
  if (profile.length > 0)
    await writer.table(
      [
        { header: say('fieldColumn'), width: 1 },
        { header: say('valueColumn'), width: 2.2 },
      ],
      profile,
      {
        width: leftW,
        size: 9,
      },
    )
  else await writer.paragraph(say('noSiteProfile'), { width: leftW })
  const leftBottom = writer.y

  if (analysis) {
    const { number: formatNumber, area: formatArea, percent: formatPercent } = index.numbers
    const { actors, creative, area, mix } = analysis.indicators
    const figures: [string, string][] = [
      [t('export.pdf.figure.actors'), formatNumber(actors.total, 0)],
      [
        t('export.pdf.figure.committed'),
        t('export.pdf.figure.committedValue', {
          committed: formatNumber(creative.committed, 0),
          threshold: formatNumber(creative.threshold, 0),
        }),
      ],
      [t('export.pdf.figure.plannedArea'), formatArea(area.plannedM2)],
      [t('export.pdf.figure.occupancy'), area.ratio === null ? t('export.indicator.notAvailable') : formatPercent(area.ratio)],
      [t('export.pdf.figure.mixEvenness'), formatNumber(mix.evenness, 2)],
      [say('gaps'), formatNumber(analysis.gaps.length, 0)],
    ]
    let y = top
    writer.leaf('H2', () => writer.text(t('export.pdf.atAGlance'), rightX, y, { size: 12.5, bold: true }))
    y += 22
    const boxTop = y
    // the key figures as a list, each item the figure then what it counts
    writer.open('L')
    for (const [label, value] of figures) {
      writer.open('LI')
      writer.leaf('LBody', () => {
        // the space keeps the figure and its label apart in the structure's text
        writer.text(`${value} `, rightX + 12, y + 8, { size: 17, bold: true, color: colorOf('#1849a9') })
        writer.text(writer.clip(label, rightW - 24, 8.5), rightX + 12, y + 29, { size: 8.5, color: muted })
      })
      writer.close()
      y += 44
    }
    writer.close()
    writer.artifact(() => writer.rect(rightX, boxTop, rightW, y + 4 - boxTop, { stroke: rule, lineWidth: 0.8 }))
    writer.y = Math.max(leftBottom, y + 12)
  }

  if (site.description) {
    writer.y += 4
    await writer.paragraph(site.description, { size: 10 })
  }
}

/** The board as a picture: a figure whose alternative text names what the board holds. */
async function boardPage(writer: PdfWriter, input: PdfInput, index: BriefIndex, image: RasterRender): Promise<void> {
  const { t } = index.words
  const elementCount = input.document.elements.length
  await writer.newPage()
  await writer.heading(t('export.pdf.board'))
  writer.leaf('P', () =>
    writer.text(t('export.pdf.boardCaption', { count: elementCount }), MARGIN, writer.y - 4, { size: 9, color: muted }),
  )
  writer.y += 12
  const maxW = CONTENT_W
  const maxH = writer.bottom - writer.y
  const fit = Math.min(maxW / image.width, maxH / image.height)
  const w = image.width * fit
  const h = image.height * fit
  const x = MARGIN + (maxW - w) / 2
  const top = writer.y
  writer.leaf('Figure', () => writer.image(image.bytes, x, top, w, h), {
    alt: boardAltText(input.document, index.words),
    bbox: [x, top, x + w, top + h],
  })
  writer.artifact(() => writer.rect(x, top, w, h, { stroke: rule, lineWidth: 0.5 }))
  writer.y += h + 10
}

async function tables(writer: PdfWriter, input: PdfInput, index: BriefIndex, analysis: Analysis | null): Promise<void> {
  const { document } = input
  const { words } = index
  const { say, t } = words
  const continued = (heading: string) => t('export.pdf.continued', { heading })
  const right = 'right' as const

  await writer.newPage()
  await writer.heading(say('actors'))
  if (index.actors.length === 0) await writer.paragraph(say('noActors'))
  else {
    await writer.paragraph(actorSummary(index))
    await writer.table(
      [
        { header: say('sector'), width: 3 },
        { header: say('actorCount'), width: 1, align: right },
        { header: say('committedCount'), width: 1.6, align: right },
        { header: say('spaceNeed'), width: 1.4, align: right },
      ],
      sectorRows(index),
      { continued: continued(say('actors')) },
    )
    await writer.heading(t('export.pdf.actorsBySector'), 2)
    await writer.table(
      [
        { header: say('actor'), width: 3.2 },
        { header: say('sector'), width: 1.7 },
        { header: say('subsector'), width: 1.5 },
        { header: say('country'), width: 0.8 },
        { header: say('commitment'), width: 1.3 },
        { header: say('stance'), width: 1 },
        { header: say('spaceNeed'), width: 1, align: right },
      ],
      actorRows(actorsBySector(index), { numbers: index.numbers, words }),
      { continued: continued(say('actors')) },
    )
  }

  await writer.newPage()
  await writer.heading(say('useMix'))
  if (index.uses.length === 0) await writer.paragraph(say('noUses'))
  else {
    await writer.paragraph(useMixSummary(index, document.site))
    await writer.heading(say('byZone'), 2)
    await writer.table(
      [
        { header: say('zone'), width: 3 },
        { header: say('zoneArea'), width: 1.2, align: right },
        { header: say('uses'), width: 0.8, align: right },
        { header: say('plannedArea'), width: 1.2, align: right },
        { header: say('share'), width: 1.4, align: right },
        { header: say('zoneOccupancy'), width: 1.2, align: right },
      ],
      zoneRows(index),
      { continued: continued(say('byZone')) },
    )
    await writer.heading(say('byUse'), 2)
    await writer.table(
      [
        { header: say('use'), width: 3 },
        { header: say('category'), width: 1.6 },
        { header: say('zone'), width: 2.4 },
        { header: say('area'), width: 1, align: right },
        { header: say('share'), width: 1.4, align: right },
      ],
      useRows(index),
      { continued: continued(say('byUse')) },
    )
    const money = useMoneyRows(index)
    if (money.length > 0) {
      const moneyTitle = words.t('analysis.money.title')
      await writer.heading(moneyTitle, 2)
      await writer.table(
        [
          { header: say('use'), width: 3 },
          ...useMoneyFields.map((field, column) => ({
            header: words.fieldName(field),
            width: 1.6,
            ...(column < 3 ? { align: right } : {}),
          })),
        ],
        money,
        { continued: continued(moneyTitle) },
      )
    }
  }

  await writer.heading(say('relationships'), 2)
  const links = relationships(document, index)
  if (links.length === 0) await writer.paragraph(say('noRelationships'))
  else await writer.paragraph(say('relationshipsSummary', { count: links.length }))
  await writer.list(links.map((link) => relationshipLine(link.sentence, relationshipNote(link, index.numbers))))

  await writer.newPage()
  await writer.heading(say('indicators'))
  if (!analysis) await writer.paragraph(say('noAnalysis'))
  else {
    await writer.table(
      [
        { header: say('indicator'), width: 3 },
        { header: say('valueColumn'), width: 2, align: right },
      ],
      indicatorRows(analysis, index.numbers, words).map((row) => ({ cells: [row.label, row.value] })),
      { continued: continued(say('indicators')) },
    )
    if (analysis.indicators.phases.length > 0) {
      await writer.heading(say('phaseOccupancy'), 2)
      await writer.table(
        [
          { header: say('phase'), width: 3 },
          { header: say('stage'), width: 1.3 },
          { header: say('scheduledUses'), width: 0.8, align: right },
          { header: say('plannedArea'), width: 1.2, align: right },
          { header: say('occupancyColumn'), width: 1.4, align: right },
        ],
        phaseOccupancyRows(analysis, index),
        { continued: continued(say('phaseOccupancy')) },
      )
    }
    const names = (id: string) => `"${nameOf(index.byId.get(id), id)}"`
    const conflicts = conflictSentencesOf(analysis, names, index.numbers, words)
    if (conflicts.length > 0) {
      await writer.heading(timelineConflictsHeading(words), 2)
      await writer.list(conflicts)
    }
    // as many gaps as the API's `gaps` and the analysis panel count
    await writer.heading(say('gaps'), 2)
    const sentences = gapSentencesOf(analysis, names, words)
    if (sentences.length === 0) await writer.paragraph(say('noGaps'))
    else await writer.paragraph(gapCountSentence(sentences.length, words))
    await writer.list(sentences)
  }

  const notes = index.notes.filter((note) => note.label.trim() !== '').sort(byLabel)
  if (notes.length > 0) {
    writer.y += 8
    await writer.heading(say('notes'), 2)
    await writer.list(notes.map((note) => note.label))
  }

  const votes = briefVotes(document, index)
  if (votes.length > 0) {
    writer.y += 8
    await writer.heading(say('votes'), 2)
    for (const vote of votes) {
      await writer.paragraph(vote.heading, { size: 10.5, gap: 2, bold: true, tag: 'H3' })
      await writer.paragraph(vote.summary, { size: 9, gap: 4, color: muted })
      for (const line of vote.lines) await writer.paragraph(line, { size: 9.5, gap: 2 })
      if (vote.withoutDots) await writer.paragraph(vote.withoutDots, { size: 9, gap: 6, color: muted })
    }
  }
}

/**
 * The strategy brief as a PDF (A4 landscape): a title page with the site profile and key
 * figures, the board as a picture, the roadmap as a Gantt chart, the brief's tables
 * (actors by sector, uses with areas per zone), indicators and gaps, notes, closed dot votes; page numbers on
 * every page. DejaVu Sans is embedded (subset) so that č ć đ š ž ř ů ő ű ł ś ą ę ß show and
 * extract right. Tagged (PdfWriter): a structure tree in reading order — headings, paragraphs,
 * tables with column headers, lists, the board picture and the roadmap as figures with their
 * alternative text — in the brief's language, rules and footers as artifacts. A snapshot's
 * PDF is dated at the snapshot, so it has the same bytes for the same input.
 */
export async function renderPdf(input: PdfInput): Promise<Uint8Array> {
  const { document } = input
  const index = briefIndex(document, input.locale)
  const { say, t } = index.words
  const title = document.board.title.trim() || document.site.name || say('untitled')
  const pdf = createDocument(title, input, index)
  await registerFonts(pdf)
  const footer = input.snapshot
    ? t('export.pdf.footerSnapshot', { title, label: input.snapshot.label })
    : t('export.pdf.footerLive', { title })
  const writer = new PdfWriter(pdf, footer, (page, pages) =>
    t('export.pdf.page', { page: index.numbers.number(page, 0), pages: index.numbers.number(pages, 0) }),
  )

  await titlePage(writer, input, index, title, input.analysis)
  if (input.boardImage) await boardPage(writer, input, index, input.boardImage)
  await writer.newPage()
  await drawGantt(writer, index)
  await tables(writer, input, index, input.analysis)
  writer.finish()
  return saved(pdf)
}

/** The document's bytes, once pdfkit has written them all. */
export function saved(doc: PDFKit.PDFDocument): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    doc.on('data', (chunk: Buffer) => chunks.push(chunk))
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))))
    doc.on('error', reject)
    doc.end()
  })
}
