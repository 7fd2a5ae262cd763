import { type BriefIndex, nameOf } from '../../../shared/export/brief-rows.ts'
import { monthsBetween } from '../../../shared/export/format.ts'
import { stageColors, textOn } from '../../../shared/scene/palette.ts'
import { isFilledPattern, patternPath, stagePatterns } from '../../../shared/scene/patterns.ts'
import { monthNumber } from '../../../shared/scene/timeline.ts'
import { stages } from '../../../shared/schema/enums.ts'
import type { Phase } from '../../../shared/schema/phase.ts'
import { CONTENT_W, colorOf, ink, MARGIN, muted, type PdfWriter, rule, stripe } from './pdf-writer.ts'

const LABEL_W = 210
const BAR_H = 15
const AXIS_H = 30

/**
 * The uses and actors a phase schedules, by name; refs the board lacks are named as missing,
 * in ref order among the uses (the Markdown roadmap table lists them after the uses).
 */
function scheduledOf(phase: Phase, index: BriefIndex): { uses: string[]; actors: string[] } {
  const uses: string[] = []
  const actors: string[] = []
  const { say } = index.words
  for (const id of phase.refs ?? []) {
    const element = index.byId.get(id)
    if (!element) uses.push(say('missingRef', { id }))
    else if (element.kind === 'use') uses.push(nameOf(element, id))
    else if (element.kind === 'actor') actors.push(nameOf(element, id))
  }
  return { uses, actors }
}

/** A bar in a stage's colour with the stage's pattern (colour never carries the meaning alone). */
function stageBar(writer: PdfWriter, stage: (typeof stages)[number], x: number, top: number, w: number, h: number): void {
  const color = stageColors[stage]
  writer.rect(x, top, w, h, { fill: colorOf(color) })
  const pattern = stagePatterns[stage]
  const data = patternPath(pattern, w, h, 5)
  if (data) {
    const on = colorOf(textOn(color))
    writer.svgPath(
      data,
      x,
      top,
      isFilledPattern(pattern) ? { fill: on, opacity: 0.45 } : { stroke: on, lineWidth: 0.6, opacity: 0.4 },
    )
  }
}

/**
 * The phasing roadmap as a Gantt chart: a month axis (years labelled, months ticked with their
 * initials), one row per phase in the brief's order (stage, then start) with its name, stage
 * and months on the left, a bar in the stage's colour and pattern on the axis, and below the
 * bar the uses and actors it schedules. Rows that do not fit continue on the next page under
 * the axis. Months are written in the brief's language (`index.numbers`: "Mar – Dec 2027",
 * "März–Dez. 2027").
 */
export async function drawGantt(writer: PdfWriter, index: BriefIndex): Promise<void> {
  const { say, enumLabel, t } = index.words
  await writer.heading(say('roadmap'))
  const { phases, numbers } = index
  if (phases.length === 0) {
    await writer.paragraph(say('noPhases'))
    return
  }
  // the axis: whole years from the first start to the last end
  const first = Math.min(...phases.map((phase) => monthNumber(phase.start)))
  const last = Math.max(...phases.map((phase) => monthNumber(phase.end)))
  const from = first - (first % 12)
  const to = last - (last % 12) + 11
  const months = to - from + 1
  const x0 = MARGIN + LABEL_W
  const axisW = CONTENT_W - LABEL_W
  const monthW = axisW / months
  const xOf = (month: number) => x0 + (month - from) * monthW

  const rows = phases.map((phase) => {
    const label = phase.label || enumLabel('stage', phase.stage)
    const count = monthsBetween(phase.start, phase.end)
    const meta = `${enumLabel('stage', phase.stage)} · ${numbers.monthSpan(phase.start, phase.end)} · ${t('export.pdf.months', { count, n: numbers.number(count, 0) })}`
    const { uses, actors } = scheduledOf(phase, index)
    const refs = [
      uses.length > 0 ? t('export.pdf.scheduled', { heading: say('scheduledUses'), names: uses.join(', ') }) : '',
      actors.length > 0 ? t('export.pdf.scheduled', { heading: say('scheduledActors'), names: actors.join(', ') }) : '',
    ].filter(Boolean)
    return { phase, label, meta, refs }
  })
  // what the chart shows, in words: each phase with its stage, months and what it schedules
  const alt = t('export.pdf.roadmapAlt', {
    phases: rows.map(({ label, meta, refs }) => `${[`${label}: ${meta}`, ...refs].join('; ')}.`).join(' '),
  })
  writer.open('Figure', { alt })

  // legend: the stages present, with their pattern
  const present = stages.filter((stage) => phases.some((phase) => phase.stage === stage))
  writer.mark(() => {
    let lx = MARGIN
    for (const stage of present) {
      const label = enumLabel('stage', stage)
      stageBar(writer, stage, lx, writer.y, 22, 11)
      writer.text(label, lx + 27, writer.y + 1, { size: 8.5, color: ink })
      lx += 27 + writer.width(label, 8.5) + 16
    }
  })
  writer.y += 20

  const drawAxis = () => {
    const top = writer.y
    writer.rect(x0, top, axisW, AXIS_H, { fill: stripe })
    writer.text(say('phase'), MARGIN, top + 9, { size: 8.5, bold: true, color: muted })
    const yearStep = monthW * 12 < 26 ? Math.ceil(26 / (monthW * 12)) : 1
    for (let month = from; month <= to; month++) {
      const x = xOf(month)
      const isYear = month % 12 === 0
      if (isYear && ((month - from) / 12) % yearStep === 0)
        writer.text(String(Math.floor(month / 12)), x + 3, top + 3, { size: 8.5, bold: true })
      // the month's initial where it fits (some languages name months by number: "10.")
      const initial = numbers.monthInitial(month % 12)
      const initialW = writer.width(initial, 6)
      if (monthW >= Math.max(7, initialW + 1))
        writer.text(initial, x + (monthW - initialW) / 2, top + 18, { size: 6, color: muted })
    }
    writer.y += AXIS_H
  }
  /** Year lines (and month lines where months are wide enough) behind one row. */
  const drawGrid = (top: number, bottom: number) => {
    for (let month = from; month <= to + 1; month++) {
      const isYear = month % 12 === 0
      // month lines where months are wide, else quarter lines, so the grid stays quiet
      if (!isYear && (monthW >= 8 ? false : monthW * 3 >= 8 ? month % 3 !== 0 : true)) continue
      const x = xOf(month)
      writer.line(x, top, x, bottom, isYear ? 0.6 : 0.25, isYear ? colorOf('#98a2b3') : colorOf('#eaecf0'))
    }
  }

  await writer.ensure(AXIS_H + 60)
  writer.mark(drawAxis)
  for (const { phase, label, meta, refs } of rows) {
    const start = monthNumber(phase.start)
    const end = monthNumber(phase.end)
    const barX = xOf(start)
    const barW = Math.max(2, (end - start + 1) * monthW)
    const nameLines = writer.wrap(label, LABEL_W - 12, 9, true).slice(0, 3)
    // scheduled elements under the bar, from its start when there is room, else from the axis start
    const refsX = x0 + axisW - barX >= 220 ? barX : x0
    const refLines = refs.flatMap((line) => writer.wrap(line, x0 + axisW - refsX - 4, 7.5))
    const leftH = nameLines.length * 11 + 11
    const rightH = BAR_H + 4 + refLines.length * 9.5
    const rowH = Math.max(leftH, rightH) + 10

    if (writer.y + rowH > writer.bottom) {
      await writer.newPage()
      writer.artifact(() => {
        writer.text(t('export.pdf.continued', { heading: say('roadmap') }), MARGIN, writer.y, { size: 9, color: muted })
      }, 'Pagination')
      writer.y += 16
      writer.mark(drawAxis)
    }
    writer.mark(() => {
      drawGrid(writer.y, writer.y + rowH)
      const rowTop = writer.y + 5
      nameLines.forEach((line, n) => {
        writer.text(line, MARGIN, rowTop + n * 11, { size: 9, bold: true })
      })
      writer.text(writer.clip(meta, LABEL_W - 12, 7.5), MARGIN, rowTop + nameLines.length * 11 + 1, {
        size: 7.5,
        color: muted,
      })

      stageBar(writer, phase.stage, barX, rowTop, barW, BAR_H)
      const onBar = colorOf(textOn(stageColors[phase.stage]))
      if (writer.width(label, 8, true) + 8 <= barW)
        writer.text(label, barX + 4, rowTop + 3.5, { size: 8, bold: true, color: onBar })
      else if (barX + barW + 6 + writer.width(label, 8, true) <= x0 + axisW)
        writer.text(label, barX + barW + 5, rowTop + 3.5, { size: 8, bold: true })
      else {
        const clipped = writer.clip(label, Math.max(0, barX - x0 - 8), 8, true)
        writer.text(clipped, barX - 5 - writer.width(clipped, 8, true), rowTop + 3.5, { size: 8, bold: true })
      }
      refLines.forEach((line, n) => {
        writer.text(line, refsX, rowTop + BAR_H + 4 + n * 9.5, { size: 7.5, color: ink })
      })
      writer.y += rowH
      writer.line(MARGIN, writer.y, MARGIN + CONTENT_W, writer.y, 0.3, rule)
    })
  }
  writer.close()
  writer.y += 10
}
