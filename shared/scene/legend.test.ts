import { describe, expect, it } from 'vitest'
import { translatorFor } from '../i18n/index.ts'
import { relations, sectors, useCategories } from '../schema/enums.ts'
import { buildElementScene } from './build.ts'
import { buildLegend } from './legend.ts'
import { sectorColors } from './palette.ts'
import { allNodes, contextFor, element, findByKey } from './test-helpers.ts'
import type { SceneTranslate } from './types.ts'

const legend = buildLegend(translatorFor('en') as unknown as SceneTranslate)
const section = (key: string) => legend.find((s) => s.key === key)

describe('buildLegend', () => {
  it('names every sector, use category and relation', () => {
    expect(section('sectors')?.entries.map((e) => e.value)).toEqual([...sectors])
    expect(section('categories')?.entries.map((e) => e.value)).toEqual([...useCategories])
    expect(section('relations')?.entries.map((e) => e.value)).toEqual([...relations])
    expect(section('sectors')?.entries[0]?.name).toBe('Creative industries')
  })

  it('draws its swatches with the cards’ own parts', () => {
    const use = element({ id: 'u', kind: 'use', x: 0, y: 0, w: 200, h: 40, label: 'Hall', category: 'events' })
    const card = buildElementScene(use, contextFor([use]))
    const swatch = section('categories')?.entries.find((e) => e.value === 'events')?.swatch
    expect(swatch && findByKey(swatch, 'pattern')?.attrs).toEqual(findByKey(card, 'pattern')?.attrs)
    expect(swatch && findByKey(swatch, 'badge')?.attrs.fill).toBe(findByKey(card, 'badge')?.attrs.fill)

    const actor = element({
      id: 'a',
      kind: 'actor',
      x: 0,
      y: 0,
      w: 220,
      h: 100,
      label: 'Makers',
      sector: 'creative',
      commitment: 'loi',
      stance: 'critic',
    })
    const actorCard = buildElementScene(actor, contextFor([actor]))
    const meter = section('commitment')?.entries.find((e) => e.value === 'loi')?.swatch
    const fills = (node: Parameters<typeof allNodes>[0]) =>
      allNodes(node)
        .filter((n) => n.key.startsWith('meter'))
        .map((n) => n.attrs.fill)
    expect(meter && fills(meter)).toEqual(fills(actorCard))
    const stance = section('stance')?.entries.find((e) => e.value === 'critic')?.swatch
    expect(stance && findByKey(stance, 'stance')?.attrs.fill).toBe(findByKey(actorCard, 'stance')?.attrs.fill)
    expect(findByKey(section('sectors')?.entries[0]?.swatch ?? card, 'band')?.attrs.fill).toBe(sectorColors.creative)
  })

  it('shows conflicts dashed and both-way relations with two heads', () => {
    const arrow = (relation: string) =>
      findByKey(
        section('relations')?.entries.find((e) => e.value === relation)?.swatch ?? {
          type: 'group' as const,
          key: 'none',
          attrs: {},
        },
        'arrow',
      )
    expect(arrow('conflicts')?.attrs.dash).toBeDefined()
    expect(arrow('cooperates')?.attrs.pointerAtBeginning).toBe(true)
    expect(arrow('funds')?.attrs.pointerAtBeginning).toBe(false)
  })
})
