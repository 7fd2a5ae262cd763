import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { analyse } from '../analysis/analyse.ts'
import { defaultTimeline, monthToX } from '../scene/timeline.ts'
import { readBoardDocument, writeBoardDocument } from '../schema/convert.ts'
import { type BoardDocument, parseBoardDocument } from '../schema/document.ts'
import type { PositionedElement } from '../schema/elements.ts'
import { stages } from '../schema/enums.ts'
import { expectedFrames } from './expected-frames.fixture.ts'
import { methodTemplateNames, methodTemplates } from './index.ts'

const boxesOf = (document: BoardDocument) =>
  document.elements.filter((element): element is PositionedElement => element.kind !== 'link')
const overlaps = (a: PositionedElement, b: PositionedElement) =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h
const contains = (outer: PositionedElement, inner: PositionedElement) =>
  inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.w <= outer.x + outer.w && inner.y + inner.h <= outer.y + outer.h

describe.each(methodTemplateNames)('template %s', (name) => {
  const document = methodTemplates[name]()

  it('is a valid board document that survives JSON and a Y.Doc unchanged', () => {
    const parsed = parseBoardDocument(JSON.parse(JSON.stringify(document)))
    expect(parsed.ok).toBe(true)
    const doc = new Y.Doc()
    writeBoardDocument(doc, document)
    const read = readBoardDocument(doc, document.board)
    expect(read.issues).toEqual([])
    expect(read.document.elements).toEqual([...document.elements].sort((a, b) => (a.id < b.id ? -1 : 1)))
  })

  it('has its frames', () => {
    const labels = document.elements.filter((element) => element.kind === 'frame').map((frame) => frame.label)
    for (const label of expectedFrames[name] ?? []) expect(labels).toContain(label)
    if (name === 'blank') expect(document.elements).toEqual([])
  })

  it('is tidy: boxes that overlap are nested in a frame or zone; every card lies inside a frame', () => {
    const boxes = boxesOf(document)
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) {
        if (!overlaps(a, b)) continue
        const nested =
          (contains(a, b) && (a.kind === 'frame' || a.kind === 'zone')) ||
          (contains(b, a) && (b.kind === 'frame' || b.kind === 'zone'))
        expect(nested, `${a.id} overlaps ${b.id}`).toBe(true)
      }
    }
    const frames = boxes.filter((box) => box.kind === 'frame')
    const outermost = frames.filter((frame) => !frames.some((other) => other !== frame && contains(other, frame)))
    expect(outermost.length).toBeLessThanOrEqual(3)
    for (const box of boxes)
      if (box.kind !== 'frame')
        expect(
          frames.some((frame) => contains(frame, box)),
          box.id,
        ).toBe(true)
  })

  it('references only its own elements and gives every box a z-order key', () => {
    const ids = new Set(document.elements.map((element) => element.id))
    for (const element of document.elements) {
      if (element.kind === 'use' && element.zone) expect(ids.has(element.zone), element.id).toBe(true)
      if (element.kind === 'phase') for (const ref of element.refs ?? []) expect(ids.has(ref)).toBe(true)
      if (element.kind !== 'link') expect(element.z, element.id).toBeTypeOf('string')
    }
    // frames draw below what they hold
    const boxes = boxesOf(document)
    for (const frame of boxes.filter((box) => box.kind === 'frame'))
      for (const inner of boxes.filter((box) => box !== frame && contains(frame, box)))
        expect((frame.z ?? '') < (inner.z ?? ''), `${frame.id} below ${inner.id}`).toBe(true)
  })

  it('is analysable without link gaps', () => {
    const { gaps } = analyse(document)
    expect(gaps.filter((gap) => gap.type === 'link-dangling' || gap.type === 'use-zone-missing')).toEqual([])
  })
})

describe('template content', () => {
  it('stakeholder map: example actors sit in the quadrant their values belong to', () => {
    const document = methodTemplates['stakeholder-map']()
    const frames = boxesOf(document).filter((box) => box.kind === 'frame')
    const { quadrants } = analyse(document).indicators.stakeholders
    expect(quadrants).toEqual({ manageClosely: 1, keepSatisfied: 2, keepInformed: 1, monitor: 1, unplaced: 0 })
    for (const actor of document.elements) {
      if (actor.kind !== 'actor') continue
      const high = (value = 0) => value >= 4
      const expected = high(actor.influence)
        ? high(actor.interest)
          ? 'quadrant-manageClosely'
          : 'quadrant-keepSatisfied'
        : high(actor.interest)
          ? 'quadrant-keepInformed'
          : 'quadrant-monitor'
      const holder = frames.find((frame) => frame.id.startsWith('quadrant-') && contains(frame, actor))
      expect(holder?.id, actor.id).toBe(expected)
    }
  })

  it('needs inventory: each example actor sits in the lane of its commitment and states its need', () => {
    const document = methodTemplates['needs-inventory']()
    const lanes = boxesOf(document).filter((box) => box.id.startsWith('lane-'))
    const actors = document.elements.filter((element) => element.kind === 'actor')
    expect(actors.length).toBeGreaterThanOrEqual(5)
    for (const actor of actors) {
      expect(actor.spaceNeedM2, actor.id).toBeGreaterThan(0)
      expect(lanes.find((lane) => contains(lane, actor))?.id).toBe(`lane-${actor.commitment}`)
    }
    expect(analyse(document).indicators.area.demandM2).toBe(120 + 300 + 40 + 150 + 80 + 200)
  })

  it('use mix: zones with areas and uses placed in them count in the analysis', () => {
    const document = methodTemplates['use-mix']()
    const { zones, area } = analyse(document).indicators
    expect(zones.map((zone) => zone.supplyM2)).toEqual([250, 900, 1200, 1800, 450]) // by id
    expect(zones.find((zone) => zone.zoneId === 'zone-hall-upper')?.plannedM2).toBe(600)
    expect(area.plannedM2).toBe(600 + 200 + 400 + 800 + 300 + 500 + 150)
  })

  it('phasing roadmap: one example phase per stage, in its lane, on the month axis', () => {
    const document = methodTemplates['phasing-roadmap']()
    const phases = document.elements.filter((element) => element.kind === 'phase')
    expect(phases.map((phase) => phase.stage).sort()).toEqual([...stages].sort())
    const lanes = boxesOf(document).filter((box) => box.id.startsWith('lane-'))
    for (const phase of phases) {
      expect(phase.x).toBe(monthToX(defaultTimeline, phase.start))
      expect(lanes.find((lane) => contains(lane, phase))?.id).toBe(`lane-${phase.stage}`)
    }
  })

  it('combination matrix: every creative subsector × commerce, industry, services', () => {
    const document = methodTemplates['combination-matrix']()
    expect(document.elements.filter((element) => element.id.startsWith('cell-'))).toHaveLength(12 * 3)
  })
})
