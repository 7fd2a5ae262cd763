import { describe, expect, it } from 'vitest'
import { buildElementScene } from './build.ts'
import { contextFor, element, findByKey, texts } from './test-helpers.ts'
import { displayLabel, secondaryLabel } from './text.ts'
import type { SceneContext } from './types.ts'

// Piran, bilingual: names written in Slovenian, with Italian translations
const piran = { languages: ['sl', 'it'], showBothLanguages: true } as const
const ctx = (lang: string, extra: Partial<SceneContext> = {}) => contextFor([], { lang, ...piran, ...extra })
const salt = { label: 'Solinarski muzej', labels: { it: 'Museo delle saline' } }

describe('secondaryLabel', () => {
  it('gives the other working language’s name beneath the viewer’s own', () => {
    expect(displayLabel(salt, ctx('sl'))).toBe('Solinarski muzej')
    expect(secondaryLabel(salt, ctx('sl'))).toBe('Museo delle saline')
    // an Italian viewer reads the translation, and the original (Slovenian) beneath it
    expect(displayLabel(salt, ctx('it'))).toBe('Museo delle saline')
    expect(secondaryLabel(salt, ctx('it'))).toBe('Solinarski muzej')
  })

  it('prefers a translation in the other working language over the original', () => {
    const both = { label: 'Salt museum', labels: { sl: 'Solinarski muzej', it: 'Museo delle saline' } }
    expect(secondaryLabel(both, ctx('sl'))).toBe('Museo delle saline')
    expect(secondaryLabel(both, ctx('it'))).toBe('Solinarski muzej')
    // a viewer in neither language sees the original and the first working language’s name
    expect(displayLabel(both, ctx('de'))).toBe('Salt museum')
    expect(secondaryLabel(both, ctx('de'))).toBe('Solinarski muzej')
  })

  it('is undefined when the board does not show both, has no working languages, or nothing differs', () => {
    expect(secondaryLabel(salt, ctx('sl', { showBothLanguages: false }))).toBeUndefined()
    expect(secondaryLabel(salt, ctx('sl', { languages: [] }))).toBeUndefined()
    expect(secondaryLabel(salt, contextFor([], { lang: 'sl' }))).toBeUndefined()
    expect(secondaryLabel({ label: 'Solinarski muzej' }, ctx('sl'))).toBeUndefined()
    expect(secondaryLabel({ label: 'Solinarski muzej', labels: { it: '  ' } }, ctx('sl'))).toBeUndefined()
    expect(secondaryLabel({ label: 'Kavarna', labels: { it: 'Kavarna' } }, ctx('sl'))).toBeUndefined()
  })
})

describe('a bilingual board’s cards', () => {
  const box = { x: 0, y: 0, w: 200, h: 100 }
  const cards = [
    element({ id: 'a1', kind: 'actor', ...box, h: 90, ...salt, sector: 'culture', commitment: 'loi' }),
    element({ id: 'u1', kind: 'use', ...box, h: 90, ...salt, category: 'exhibition' }),
    element({ id: 'n1', kind: 'note', ...box, w: 180, h: 180, ...salt }),
    element({ id: 'z1', kind: 'zone', ...box, w: 400, h: 300, ...salt }),
    element({ id: 'f1', kind: 'frame', ...box, w: 600, h: 400, ...salt }),
  ]

  it.each(cards.map((card) => [card.kind, card] as const))('%s: both names, the second beneath, smaller, inside', (_, card) => {
    const scene = buildElementScene(card, contextFor(cards, { lang: 'it', ...piran }))
    const shown = texts(scene)
    expect(shown).toContain('Museo delle saline')
    expect(shown).toContain('Solinarski muzej')
    const second = findByKey(scene, 'secondary')
    expect(second?.attrs.text).toBe('Solinarski muzej')
    const primary = (scene.children ?? []).find((node) => node.type === 'text' && node.attrs.text === 'Museo delle saline')
    expect(primary).toBeDefined()
    expect(second?.attrs.fontSize ?? 0).toBeLessThan(primary?.attrs.fontSize ?? 0)
    // beneath the name (a zone's and a frame's name is on a tab above the box) and inside the card
    const { x = 0, y = 0, width = 0, height = 0 } = second?.attrs ?? {}
    expect(y).toBeGreaterThanOrEqual((primary?.attrs.y ?? 0) + (card.kind === 'zone' || card.kind === 'frame' ? 0 : 1))
    expect(x).toBeGreaterThanOrEqual(0)
    expect(y).toBeGreaterThanOrEqual(0)
    expect(x + width).toBeLessThanOrEqual(card.w)
    expect(y + height).toBeLessThanOrEqual(card.h)
  })

  it('shows one line when the board does not show both', () => {
    for (const card of cards) {
      const scene = buildElementScene(card, contextFor(cards, { lang: 'it', languages: ['sl', 'it'] }))
      expect(findByKey(scene, 'secondary')).toBeUndefined()
      expect(texts(scene)).not.toContain('Solinarski muzej')
    }
  })
})
