import { describe, expect, it } from 'vitest'
import { type Element, parseElement } from '../../../shared/schema/elements.ts'
import { indexRectOf } from './bounds.ts'
import { changedAspects, dependencyRules, kindsReadingSettings, referencesOf } from './dependency-rules.ts'
import { ElementIndex } from './element-index.ts'

function element(fields: Record<string, unknown>): Element {
  const parsed = parseElement(fields)
  if (!parsed.ok) throw new Error(`${String(fields.id)}: ${parsed.error.message}`)
  return parsed.value
}

const box = { w: 180, h: 90 }
const zone = (id: string, x: number, label = id) => element({ id, kind: 'zone', x, y: 0, w: 600, h: 400, label })
const use = (id: string, x: number, fields: Record<string, unknown> = {}) =>
  element({ id, kind: 'use', x, y: 40, ...box, label: id, category: 'studio', ...fields })
const note = (id: string, x: number, y = 0) => element({ id, kind: 'note', x, y, ...box, label: id })
const link = (id: string, from: string, to: string) => element({ id, kind: 'link', from, to, relation: 'supports' })
const phase = (id: string, refs: string[]) =>
  element({ id, kind: 'phase', x: 0, y: 900, w: 144, h: 60, label: id, stage: 'pilot', start: '2027-01', end: '2027-06', refs })

/** An index over `elements`, settled: nothing dirty, every rect placed. */
function indexOf(elements: Element[]) {
  const removed: string[] = []
  const index: ElementIndex = new ElementIndex({
    effective: (id) => index.get(id)?.element,
    indexRectOf: (id) => indexRectOf(index.get(id)?.element, (other) => index.get(other)?.element),
    onRemoved: (id) => removed.push(id),
  })
  for (const each of elements) index.apply(each.id, each)
  settle(index)
  return { index, removed }
}

function settle(index: ElementIndex): void {
  index.refreshRects()
  for (const entry of index.entries.values()) entry.dirty = false
  index.takeChanged()
}

/** The ids a change marked for redrawing. */
function redrawn(index: ElementIndex, change: () => void): string[] {
  settle(index)
  change()
  return [...index.entries]
    .filter(([, entry]) => entry.dirty)
    .map(([id]) => id)
    .sort()
}

describe('dependency rules (data)', () => {
  it('name the fields that refer to other elements, per kind', () => {
    expect(referencesOf(link('l', 'a', 'b'))).toEqual(['a', 'b'])
    expect(referencesOf(use('u', 0, { zone: 'z' }))).toEqual(['z'])
    expect(referencesOf(use('u', 0))).toEqual([])
    expect(referencesOf(phase('p', ['u1', 'u2']))).toEqual(['u1', 'u2'])
    expect(referencesOf(note('n', 0))).toEqual([])
  })

  it('say which kinds read which settings', () => {
    expect([...kindsReadingSettings(new Set(['timelineOrigin']))]).toEqual(['phase'])
    expect(kindsReadingSettings(new Set(['commitmentWeights'])).size).toBe(0)
    expect(dependencyRules.link?.reads).toEqual(['geometry'])
  })

  it('tell the aspects in which two versions differ', () => {
    expect([...changedAspects(note('n', 0), note('n', 10))]).toEqual(['geometry'])
    expect([...changedAspects(use('u', 0), use('u', 0, { label: 'Other' }))]).toEqual(['label'])
    expect([...changedAspects(use('u', 0), use('u', 0, { areaM2: 20 }))]).toEqual(['area'])
    expect(changedAspects(link('l', 'a', 'b'), link('l', 'a', 'c')).size).toBe(0)
  })
})

describe('ElementIndex: what a change redraws', () => {
  it('moving an endpoint redraws its link, and renaming it does not', () => {
    const { index } = indexOf([note('a', 0), note('b', 2000), link('l', 'a', 'b')])
    expect(redrawn(index, () => index.apply('a', note('a', 0, 300)))).toEqual(['a', 'l'])
    expect(redrawn(index, () => index.apply('b', element({ ...note('b', 2000), label: 'B' })))).toEqual(['b'])
  })

  it('a preview moving an endpoint redraws its link too', () => {
    const { index } = indexOf([note('a', 0), note('b', 2000), link('l', 'a', 'b')])
    expect(redrawn(index, () => index.moved('b'))).toEqual(['b', 'l'])
  })

  it('a card moved near a link redraws it (its label keeps clear of cards); one far away does not', () => {
    const { index } = indexOf([note('a', 0), note('b', 2000), link('l', 'a', 'b'), note('c', 900, 3000)])
    expect(redrawn(index, () => index.apply('c', note('c', 900, 3100)))).toEqual(['c'])
    expect(redrawn(index, () => index.apply('c', note('c', 900, 0)))).toEqual(['c', 'l'])
  })

  it('renaming a zone redraws the uses in it; moving it does not (a use shows its zone by name)', () => {
    const { index } = indexOf([zone('z', 0), use('u1', 20, { zone: 'z' }), use('u2', 300, { zone: 'z' }), use('u3', 5000)])
    expect(redrawn(index, () => index.apply('z', zone('z', 0, 'Hall A')))).toEqual(['u1', 'u2', 'z'])
    expect(redrawn(index, () => index.apply('z', zone('z', 4000, 'Hall A')))).toEqual(['z'])
  })

  it('a use that changes its area, its zone, comes or goes redraws the zones it is in (planned area)', () => {
    const { index, removed } = indexOf([zone('z1', 0), zone('z2', 2000), use('u', 20, { zone: 'z1', areaM2: 100 })])
    expect(index.referrersOf('z1')).toEqual(new Set(['u']))
    expect(redrawn(index, () => index.apply('u', use('u', 20, { zone: 'z1', areaM2: 150 })))).toEqual(['u', 'z1'])
    expect(redrawn(index, () => index.apply('u', use('u', 20, { zone: 'z2', areaM2: 150 })))).toEqual(['u', 'z1', 'z2'])
    expect(redrawn(index, () => index.apply('u', use('u', 60, { zone: 'z2', areaM2: 150 })))).toEqual(['u'])
    expect(redrawn(index, () => index.apply('u', undefined))).toEqual(['z2'])
    expect(removed).toEqual(['u'])
    expect(redrawn(index, () => index.apply('u', use('u', 20, { zone: 'z1' })))).toEqual(['u', 'z1'])
  })

  it('renaming an element a phase schedules redraws the phase', () => {
    const { index } = indexOf([use('u', 0), note('n', 400), phase('p', ['u'])])
    expect(redrawn(index, () => index.apply('u', use('u', 0, { label: 'Café' })))).toEqual(['p', 'u'])
    expect(redrawn(index, () => index.apply('n', element({ ...note('n', 400), label: 'N' })))).toEqual(['n'])
  })

  it('changing the timeline origin redraws the phases, and nothing else', () => {
    const { index } = indexOf([use('u', 0), phase('p1', []), phase('p2', ['u'])])
    let read = false
    expect(redrawn(index, () => (read = index.settingsChanged(new Set(['timelineOrigin']))))).toEqual(['p1', 'p2'])
    expect(read).toBe(true)
    expect(redrawn(index, () => (read = index.settingsChanged(new Set(['commitmentWeights']))))).toEqual([])
    expect(read).toBe(false)
  })

  it('deleting an endpoint redraws its link (now dangling); an element of another kind under the same id replaces it', () => {
    const { index, removed } = indexOf([note('a', 0), note('b', 2000), link('l', 'a', 'b')])
    expect(redrawn(index, () => index.apply('a', undefined))).toEqual(['l'])
    expect(index.get('a')).toBeUndefined()
    expect(index.rectOf('a')).toBeUndefined()
    expect(redrawn(index, () => index.apply('b', use('b', 2000)))).toEqual(['b', 'l'])
    expect(removed).toEqual(['a', 'b'])
    expect(index.get('b')?.element.kind).toBe('use')
  })

  it('keeps the draw order: containers under cards, links between them', () => {
    const { index } = indexOf([note('a', 0), zone('z', 0), note('b', 2000), link('l', 'a', 'b')])
    expect(index.applyOrder()).toBe(true)
    expect(index.ordered).toEqual(['z', 'l', 'a', 'b'])
    expect(index.orderOf('a')).toBe(2)
    expect(index.sortByOrder(['b', 'z', 'a'])).toEqual(['z', 'a', 'b'])
    expect(index.applyOrder()).toBe(false)
  })
})
