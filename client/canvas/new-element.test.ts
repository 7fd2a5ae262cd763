import { describe, expect, it } from 'vitest'
import { createTimeline, MONTH_WIDTH_PX } from '../../shared/scene/timeline.ts'
import { parseElement } from '../../shared/schema/elements.ts'
import { defaultRelation } from './board-geometry.ts'
import { drawnBox, newElementAt, newElementIn, startsBeforeMonth } from './new-element.ts'
import { creationTools } from './tools.ts'

describe('newElementAt', () => {
  it('makes a valid element of every creation kind, centred at the point', () => {
    for (const kind of creationTools) {
      const element = newElementAt(kind, { x: 500, y: 300 }, 'New')
      const parsed = parseElement(element)
      expect(parsed.ok, `${kind}: ${JSON.stringify(parsed)}`).toBe(true)
      expect(element.kind).toBe(kind)
    }
    expect(newElementAt('actor', { x: 500, y: 300 }, 'New actor')).toMatchObject({
      x: 410,
      y: 255,
      sector: 'creative',
      commitment: 'idea',
      label: 'New actor',
    })
    expect(newElementAt('use', { x: 0, y: 0 }, 'New use')).toMatchObject({ category: 'other', areaM2: 0 })
    expect(newElementAt('note', { x: 0, y: 0 }, '')).toMatchObject({ color: 'yellow' })
  })

  it('snaps a new phase to whole months', () => {
    const phase = newElementAt('phase', { x: 101, y: 0 }, 'New phase') as Record<string, unknown>
    expect((phase.x as number) % MONTH_WIDTH_PX).toBe(0)
    expect((phase.w as number) % MONTH_WIDTH_PX).toBe(0)
    expect(phase.start).toMatch(/^\d{4}-\d{2}$/)
  })
})

describe('defaultRelation', () => {
  it('picks the relation a new link starts with', () => {
    expect(defaultRelation('actor', 'use')).toBe('operates')
    expect(defaultRelation('actor', 'actor')).toBe('cooperates')
    expect(defaultRelation('use', 'use')).toBe('synergy')
    expect(defaultRelation('use', 'actor')).toBe('supports')
    expect(defaultRelation('phase', 'zone')).toBe('supports')
  })
})

describe('drawnBox', () => {
  it('is the dragged rectangle, from either corner, at least the smallest size', () => {
    expect(drawnBox('zone', { x: 500, y: 400 }, { x: 100.4, y: 150 })).toEqual({ x: 100, y: 150, w: 400, h: 250 })
    expect(drawnBox('frame', { x: 0, y: 0 }, { x: 30, y: 20 })).toEqual({ x: 0, y: 0, w: 120, h: 80 })
  })

  it('snaps a phase to the months it covers on the board’s timeline', () => {
    const timeline = createTimeline('2030-01')
    const box = drawnBox('phase', { x: 50, y: 10 }, { x: 50 + 5 * MONTH_WIDTH_PX + 7, y: 90 }, timeline)
    expect(box).toEqual({ x: 2 * MONTH_WIDTH_PX, y: 10, w: 5 * MONTH_WIDTH_PX, h: 80 })
    const phase = newElementIn('phase', box, 'Pilot', timeline)
    expect(phase).toMatchObject({ start: '2030-03', end: '2030-07' })
  })

  it('tells a start month in the past from this month and later ones', () => {
    const today = new Date(2027, 4, 20)
    expect(startsBeforeMonth('2027-04', today)).toBe(true)
    expect(startsBeforeMonth('2027-05', today)).toBe(false)
    expect(startsBeforeMonth('2028-01', today)).toBe(false)
  })
})
