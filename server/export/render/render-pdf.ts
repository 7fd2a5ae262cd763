import { readFile } from 'node:fs/promises'
import fontkit from '@pdf-lib/fontkit'
import { PDFDocument } from 'pdf-lib'
import type { Analysis } from '../../../shared/analysis/types.ts'
import {
  conflictSentencesOf,
  gapCountSentence,
  gapSentencesOf,
  indicatorRows,
  timelineConflictsHeading,
} from '../../../shared/export/analysis-view.ts'
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
  relationships,
  sectorRows,
  siteRows,
  useMixSummary,
  useRows,
  zoneRows,
} from '../../../shared/export/brief-rows.ts'
import { briefVotes } from '../../../shared/export/brief-votes.ts'
import type { BoardDocument } from '../../../shared/schema/document.ts'
import { fontFiles } from './canvas-environment.ts'
import { drawGantt } from './pdf-gantt.ts'
import { CONTENT_W, colorOf, MARGIN, muted, PAGE_H, PdfWriter, rule } from './pdf-writer.ts'
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
const loadFonts = () => {
  fontBytes ??= Promise.all([readFile(fontFiles.regular), readFile(fontFiles.bold)]).then(([regular, bold]) => ({
    regular,
    bold,
  }))
  return fontBytes
}

/** Fixed metadata dates (the snapshot's moment, or none for the live board) keep the bytes the same. */
function setMetadata(pdf: PDFDocument, title: string, input: PdfInput, index: BriefIndex): void {
  pdf.setTitle(title, { showInWindowTitleBar: true })
  pdf.setSubject(index.words.say('intro'))
  pdf.setCreator('Refresh Board')
  pdf.setProducer('Refresh Board (pdf-lib)')
  pdf.setLanguage(index.words.language)
  if (input.snapshot) {
    const moment = new Date(input.snapshot.createdAt)
    if (!Number.isNaN(moment.getTime())) {
      pdf.setCreationDate(moment)
      pdf.setModificationDate(moment)
    }
  }
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
  writer.text(t('export.pdf.kicker'), MARGIN, writer.y, { size: 9, color: muted })
  writer.y += 26
  for (const line of writer.wrap(title, CONTENT_W, 26, true).slice(0, 3)) {
    writer.text(line, MARGIN, writer.y, { size: 26, bold: true })
    writer.y += 32
  }
  const place = [site.name, [site.location, site.country].filter(Boolean).join(', ')].filter(Boolean).join(' — ')
  if (place) {
    for (const line of writer.wrap(place, CONTENT_W, 14)) {
      writer.text(line, MARGIN, writer.y, { size: 14 })
      writer.y += 19
    }
  }
  writer.y += 4
  const state = snapshot
    ? say('snapshotOf', { label: snapshot.label, date: index.numbers.date(snapshot.createdAt) })
    : t('export.pdf.liveState')
  writer.text(writer.clip(state, CONTENT_W, 10.5), MARGIN, writer.y, { size: 10.5, color: muted })
  writer.y += 22
  writer.page.drawLine({
    start: { x: MARGIN, y: PAGE_H - writer.y },
    end: { x: MARGIN + CONTENT_W, y: PAGE_H - writer.y },
    thickness: 0.8,
    color: rule,
  })
  writer.y += 16

  // left: the site profile; right: key figures
  const top = writer.y
  const leftW = CONTENT_W * 0.56
  const rightX = MARGIN + leftW + 24
  const rightW = CONTENT_W - leftW - 24
  writer.text(say('siteProfile'), MARGIN, writer.y, { size: 12.5, bold: true })
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
    writer.text(t('export.pdf.atAGlance'), rightX, y, { size: 12.5, bold: true })
    y += 22
    const boxTop = y
    for (const [label, value] of figures) {
      writer.text(value, rightX + 12, y + 8, { size: 17, bold: true, color: colorOf('#1849a9') })
      writer.text(writer.clip(label, rightW - 24, 8.5), rightX + 12, y + 29, { size: 8.5, color: muted })
      y += 44
    }
    writer.page.drawRectangle({
      x: rightX,
      y: PAGE_H - y - 4,
      width: rightW,
      height: y + 4 - boxTop,
      borderColor: rule,
      borderWidth: 0.8,
    })
    writer.y = Math.max(leftBottom, y + 12)
  }

  if (site.description) {
    writer.y += 4
    await writer.paragraph(site.description, { size: 10 })
  }
}

async function boardPage(writer: PdfWriter, index: BriefIndex, image: RasterRender, elementCount: number): Promise<void> {
  const { t } = index.words
  await writer.newPage()
  await writer.heading(t('export.pdf.board'))
  writer.text(t('export.pdf.boardCaption', { count: elementCount }), MARGIN, writer.y - 4, { size: 9, color: muted })
  writer.y += 12
  const embedded = image.format === 'jpeg' ? await writer.doc.embedJpg(image.bytes) : await writer.doc.embedPng(image.bytes)
  const maxW = CONTENT_W
  const maxH = writer.bottom - writer.y
  const fit = Math.min(maxW / image.width, maxH / image.height)
  const w = image.width * fit
  const h = image.height * fit
  const x = MARGIN + (maxW - w) / 2
  writer.page.drawImage(embedded, { x, y: PAGE_H - writer.y - h, width: w, height: h })
  writer.page.drawRectangle({ x, y: PAGE_H - writer.y - h, width: w, height: h, borderColor: rule, borderWidth: 0.5 })
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
  }

  await writer.heading(say('relationships'), 2)
  const links = relationships(document, index)
  if (links.length === 0) await writer.paragraph(say('noRelationships'))
  else await writer.paragraph(say('relationshipsSummary', { count: links.length }))
  for (const { sentence, note } of links) {
    await writer.paragraph(`•  ${relationshipLine(sentence, note)}`, { size: 9.5, gap: 2 })
  }

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
      for (const sentence of conflicts) await writer.paragraph(`•  ${sentence}`, { size: 9.5, gap: 2 })
    }
    // as many gaps as the API's `gaps` and the analysis panel count
    await writer.heading(say('gaps'), 2)
    const sentences = gapSentencesOf(analysis, names, words)
    if (sentences.length === 0) await writer.paragraph(say('noGaps'))
    else await writer.paragraph(gapCountSentence(sentences.length, words))
    for (const sentence of sentences) await writer.paragraph(`•  ${sentence}`, { size: 9.5, gap: 2 })
  }

  const notes = index.notes.filter((note) => note.label.trim() !== '').sort(byLabel)
  if (notes.length > 0) {
    writer.y += 8
    await writer.heading(say('notes'), 2)
    for (const note of notes) await writer.paragraph(`•  ${note.label}`, { size: 9.5, gap: 2 })
  }

  const votes = briefVotes(document, index)
  if (votes.length > 0) {
    writer.y += 8
    await writer.heading(say('votes'), 2)
    for (const vote of votes) {
      await writer.paragraph(vote.heading, { size: 10.5, gap: 2, bold: true })
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
 * extract right. Fixed font names and metadata dates give the same bytes for the same input.
 */
export async function renderPdf(input: PdfInput): Promise<Uint8Array> {
  const { document } = input
  const index = briefIndex(document, input.locale)
  const { say, t } = index.words
  const title = document.board.title.trim() || document.site.name || say('untitled')
  const pdf = await PDFDocument.create({ updateMetadata: false })
  pdf.registerFontkit(fontkit)
  const bytes = await loadFonts()
  const fonts = {
    regular: await pdf.embedFont(bytes.regular, { subset: true, customName: 'DejaVuSans' }),
    bold: await pdf.embedFont(bytes.bold, { subset: true, customName: 'DejaVuSans-Bold' }),
  }
  setMetadata(pdf, title, input, index)
  const footer = input.snapshot
    ? t('export.pdf.footerSnapshot', { title, label: input.snapshot.label })
    : t('export.pdf.footerLive', { title })
  const writer = new PdfWriter(pdf, fonts, footer, (page, pages) =>
    t('export.pdf.page', { page: index.numbers.number(page, 0), pages: index.numbers.number(pages, 0) }),
  )

  await titlePage(writer, input, index, title, input.analysis)
  if (input.boardImage) await boardPage(writer, index, input.boardImage, document.elements.length)
  await writer.newPage()
  await drawGantt(writer, index)
  await tables(writer, input, index, input.analysis)
  writer.finish()
  return pdf.save({ useObjectStreams: true })
}
