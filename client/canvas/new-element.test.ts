import { describe, expect, it } from 'vitest'
import { MONTH_WIDTH_PX } from '../../shared/scene/timeline.ts'
import { parseElement } from '../../shared/schema/elements.ts'
import { defaultRelation } from './board-geometry.ts'
import { newElementAt } from './new-element.ts'
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
