import { defaultTimeline, monthToX, phaseBoxFor } from '../scene/timeline.ts'
import type { BoardDocument } from '../schema/document.ts'
import type { ElementInput } from '../schema/elements.ts'
import type { Stage } from '../schema/enums.ts'
import { stages } from '../schema/enums.ts'
import { frame, note, PAD, templateDocument } from './template-document.ts'

/**
 * Phasing roadmap: one lane per stage, analysis → interim ("meanwhile") use → pilot →
 * consolidation → long term, with an example phase in each. Phases sit on the board's month
 * axis (shared/scene/timeline.ts: 2027-01 at x = 0, 24 units per month), so dragging one
 * changes its months. Groups add the uses and actors each phase schedules (`refs`).
 */
export const stageLaneLabels: Record<Stage, string> = {
  analysis: 'Analysis',
  interim: 'Interim use',
  pilot: 'Pilot',
  consolidation: 'Consolidation',
  longterm: 'Long term',
}

const examplePhases: Record<Stage, { label: string; start: string; end: string }> = {
  analysis: { label: 'Site scan and stakeholder workshops', start: '2027-01', end: '2027-06' },
  interim: { label: 'Interim use: summer events and pop-up studios', start: '2027-07', end: '2028-12' },
  pilot: { label: 'Pilot: open workshop and coworking in one hall', start: '2029-01', end: '2030-06' },
  consolidation: { label: 'Consolidation: refurbish the halls, long leases', start: '2030-07', end: '2032-12' },
  longterm: { label: 'Long term: a mixed site with production and living', start: '2033-01', end: '2036-12' },
}

const LANE_H = 140
const LANE_STEP = LANE_H + PAD
const PHASE_H = 60
const END_MONTH = '2037-01'

export function phasingRoadmapTemplate(): BoardDocument {
  const laneX = -PAD
  const laneW = monthToX(defaultTimeline, END_MONTH) + 2 * PAD
  const elements: ElementInput[] = [
    frame('roadmap', 'Phasing roadmap', { x: laneX - PAD, y: -200, w: laneW + 2 * PAD, h: 200 + stages.length * LANE_STEP }),
    note(
      'roadmap-how-to',
      'Drag a phase along its lane to change its months; link the uses and actors it schedules.',
      { x: laneX, y: -140, w: 600, h: 120 },
      'yellow',
    ),
  ]
  stages.forEach((stage, index) => {
    const y = index * LANE_STEP
    elements.push(frame(`lane-${stage}`, stageLaneLabels[stage], { x: laneX, y, w: laneW, h: LANE_H }))
    const phase = examplePhases[stage]
    elements.push({
      id: `phase-${stage}`,
      kind: 'phase',
      ...phaseBoxFor(phase.start, phase.end, y + LANE_H - PHASE_H - PAD, PHASE_H, defaultTimeline),
      label: phase.label,
      stage,
      start: phase.start,
      end: phase.end,
      refs: [],
    })
  })
  return templateDocument('phasing-roadmap', 'Phasing roadmap', elements)
}
