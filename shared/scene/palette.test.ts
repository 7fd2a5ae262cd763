import { describe, expect, it } from 'vitest'
import { noteColors as noteColorNames, sectors, stages, useCategories } from '../schema/enums.ts'
import { categoryIcons, sectorIcons } from './icons.ts'
import {
  categoryColors,
  categoryGroupOf,
  categoryTint,
  conflictColor,
  contrastRatio,
  ink,
  inkMuted,
  linkColor,
  noteColors,
  sectorColors,
  stageColors,
  textOn,
  white,
} from './palette.ts'
import { categoryPatterns, stagePatterns } from './patterns.ts'

const AA = 4.5

describe('palette', () => {
  it('computes WCAG contrast ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5)
    expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 5)
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 1)
  })

  it.each(sectors)('sector %s: a colour that carries white text (AA) and an icon', (sector) => {
    expect(contrastRatio(sectorColors[sector], white)).toBeGreaterThanOrEqual(AA)
    expect(textOn(sectorColors[sector])).toBe(white)
    expect(sectorIcons[sector]).toMatch(/^M/)
  })

  it.each(useCategories)('use category %s: badge colour for white, tint for ink text, an icon and a pattern', (category) => {
    expect(contrastRatio(categoryColors[category], white)).toBeGreaterThanOrEqual(AA)
    expect(contrastRatio(categoryTint(category), ink)).toBeGreaterThanOrEqual(AA)
    expect(contrastRatio(categoryTint(category), inkMuted)).toBeGreaterThanOrEqual(AA)
    expect(categoryIcons[category]).toMatch(/^M/)
    expect(categoryPatterns[categoryGroupOf(category)]).toBeDefined()
  })

  it.each(stages)('stage %s: a bar colour that carries white text (AA) and a pattern', (stage) => {
    expect(contrastRatio(stageColors[stage], white)).toBeGreaterThanOrEqual(AA)
    expect(stagePatterns[stage]).toBeDefined()
  })

  it('gives stages distinct patterns and category groups distinct patterns (never colour alone)', () => {
    expect(new Set(Object.values(stagePatterns)).size).toBe(stages.length)
    expect(new Set(Object.values(categoryPatterns)).size).toBe(Object.keys(categoryPatterns).length)
  })

  it('gives every sector and category its own icon', () => {
    expect(new Set(Object.values(sectorIcons)).size).toBe(sectors.length)
    // services appears as a sector and a category with the same briefcase: categories differ among themselves
    expect(new Set(Object.values(categoryIcons)).size).toBe(useCategories.length)
  })

  it.each(noteColorNames)('note %s: ink text reads on the paper', (color) => {
    expect(contrastRatio(noteColors[color].paper, ink)).toBeGreaterThanOrEqual(7)
  })

  it('draws links and conflicts with enough contrast on a light board', () => {
    expect(contrastRatio(linkColor, '#f5f6f8')).toBeGreaterThanOrEqual(3)
    expect(contrastRatio(conflictColor, white)).toBeGreaterThanOrEqual(AA)
  })
})
