import { describe, expect, it } from 'vitest'
import {
  addMonths,
  createTimeline,
  MONTH_WIDTH_PX,
  monthBoundaries,
  monthSpan,
  monthToX,
  phaseBoxFor,
  snapPhaseBox,
  xToMonth,
} from './timeline.ts'

const timeline = createTimeline('2027-01', 40)

describe('timeline', () => {
  it('puts the origin month at x = 0 and one month per monthWidthPx', () => {
    expect(monthToX(timeline, '2027-01')).toBe(0)
    expect(monthToX(timeline, '2027-03')).toBe(80)
    expect(monthToX(timeline, '2028-01')).toBe(480)
    expect(monthToX(timeline, '2026-09')).toBe(-160)
    expect(xToMonth(timeline, 0)).toBe('2027-01')
    expect(xToMonth(timeline, 39.9)).toBe('2027-01')
    expect(xToMonth(timeline, 40)).toBe('2027-02')
    expect(xToMonth(timeline, -1)).toBe('2026-12')
  })

  it('defaults to 2027-01 and MONTH_WIDTH_PX, ignoring a malformed origin', () => {
    expect(createTimeline()).toEqual({ originMonth: '2027-01', monthWidthPx: MONTH_WIDTH_PX })
    expect(createTimeline('2027-13').originMonth).toBe('2027-01')
    expect(createTimeline(202701).originMonth).toBe('2027-01')
    expect(createTimeline('2025-06').originMonth).toBe('2025-06')
  })

  it('counts months across years', () => {
    expect(addMonths('2027-11', 3)).toBe('2028-02')
    expect(addMonths('2027-01', -1)).toBe('2026-12')
    expect(monthSpan('2027-03', '2028-02')).toBe(12)
    expect(monthSpan('2027-03', '2027-03')).toBe(1)
  })

  it('places a phase from its months (both inclusive)', () => {
    expect(phaseBoxFor('2027-03', '2028-02', 500, 60, timeline)).toEqual({ x: 80, y: 500, w: 480, h: 60 })
    expect(phaseBoxFor('2027-01', '2027-01', 0, 60, timeline)).toEqual({ x: 0, y: 0, w: 40, h: 60 })
  })

  it('snaps a dragged or resized box to whole months', () => {
    expect(snapPhaseBox({ x: 93, w: 470 }, timeline)).toEqual({ x: 80, w: 480, start: '2027-03', end: '2028-02' })
    expect(snapPhaseBox({ x: -170, w: 5 }, timeline)).toEqual({ x: -160, w: 40, start: '2026-09', end: '2026-09' })
    expect(snapPhaseBox({ x: 19.9, w: 60 }, timeline)).toEqual({ x: 0, w: 80, start: '2027-01', end: '2027-02' })
  })

  it('round-trips: months → box → months, and a snapped box snaps to itself', () => {
    for (const [start, end] of [
      ['2027-01', '2027-01'],
      ['2026-09', '2027-02'],
      ['2028-06', '2029-12'],
      ['2032-01', '2036-12'],
    ] as const) {
      for (const t of [timeline, createTimeline('2026-09', 24), createTimeline()]) {
        const box = phaseBoxFor(start, end, 0, 60, t)
        const snapped = snapPhaseBox(box, t)
        expect(snapped).toEqual({ x: box.x, w: box.w, start, end })
        expect(snapPhaseBox(snapped, t)).toEqual(snapped)
      }
    }
  })

  it('lists month boundaries inside a box for tick marks', () => {
    expect(monthBoundaries(timeline, 80, 120)).toEqual([
      { x: 120, month: '2027-04' },
      { x: 160, month: '2027-05' },
    ])
  })
})
