import { defaultTimeline, monthToX, phaseBoxFor } from '../scene/timeline.ts'
import type { BoardDocument } from '../schema/document.ts'
import type { ElementInput } from '../schema/elements.ts'
import type { Stage } from '../schema/enums.ts'
import { stages } from '../schema/enums.ts'
import { frame, note, PAD, type TemplateContext, templateDocument, templateWords } from './template-document.ts'

/**
 * Phasing roadmap: one lane per stage, analysis → interim ("meanwhile") use → pilot →
 * consolidation → long term, with an example phase in each. Phases sit on the board's month
 * axis (shared/scene/timeline.ts: 2027-01 at x = 0, 24 units per month), so dragging one
 * changes its months. Groups add the uses and actors each phase schedules (`refs`).
 */
const examplePhases: Record<Stage, { start: string; end: string }> = {
  analysis: { start: '2027-01', end: '2027-06' },
  interim: { start: '2027-07', end: '2028-12' },
  pilot: { start: '2029-01', end: '2030-06' },
  consolidation: { start: '2030-07', end: '2032-12' },
  longterm: { start: '2033-01', end: '2036-12' },
}

const LANE_H = 140
const LANE_STEP = LANE_H + PAD
const PHASE_H = 60
const END_MONTH = '2037-01'

export function phasingRoadmapTemplate(context: TemplateContext = {}): BoardDocument {
  const t = templateWords(context)
  const laneX = -PAD
  const laneW = monthToX(defaultTimeline, END_MONTH) + 2 * PAD
  const elements: ElementInput[] = [
    frame('roadmap', t('templates.phasingRoadmap.frame'), {
      x: laneX - PAD,
      y: -200,
      w: laneW + 2 * PAD,
      h: 200 + stages.length * LANE_STEP,
    }),
    note('roadmap-how-to', t('templates.phasingRoadmap.howTo'), { x: laneX, y: -140, w: 600, h: 120 }, 'yellow'),
  ]
  stages.forEach((stage, index) => {
    const y = index * LANE_STEP
    elements.push(frame(`lane-${stage}`, t(`templates.phasingRoadmap.lane.${stage}`), { x: laneX, y, w: laneW, h: LANE_H }))
    const phase = examplePhases[stage]
    elements.push({
      id: `phase-${stage}`,
      kind: 'phase',
      ...phaseBoxFor(phase.start, phase.end, y + LANE_H - PHASE_H - PAD, PHASE_H, defaultTimeline),
      label: t(`templates.phasingRoadmap.phase.${stage}`),
      stage,
      start: phase.start,
      end: phase.end,
      refs: [],
    })
  })
  return templateDocument('phasing-roadmap', t('templates.phasingRoadmap.title'), elements)
}
