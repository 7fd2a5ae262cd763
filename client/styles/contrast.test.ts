import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  boardBackground,
  categoryColors,
  categoryTint,
  conflictColor,
  contrastRatio,
  frameColors,
  highlightColors,
  ink,
  inkMuted,
  linkColor,
  meterColors,
  noteColors,
  sectorColors,
  stageColors,
  stanceColors,
  voteColors,
  white,
  zoneColors,
} from '../../shared/scene/palette.ts'
import { presenceColors } from '../board/user-color.ts'
import { GUIDE_COLOR, LINK_COLOR, SELECTION_COLOR } from '../canvas/layers/overlay-layer.ts'
import { LASER_COLOR } from '../workspace/peer-layer.ts'

/**
 * WCAG 2.1 AA contrast of every colour pair that carries meaning (issue 15, item 4): text
 * 4.5:1 (1.4.3), and 3:1 for the strokes, bands, marks and controls that tell what something
 * is or which state it is in (1.4.11) — on the canvas (shared/scene/palette.ts and the layers'
 * own colours) and in the stylesheet's tokens, the default ones and those of
 * `prefers-contrast: more`. Decorative edges (a card's light outline, a note's edge, the grid)
 * carry nothing and are left out; DOM text on hard-coded colours is axe's job in the browser
 * tests.
 */

const TEXT = 4.5
const GRAPHIC = 3

type Pair = readonly [what: string, foreground: string, background: string, minimum: number]

const canvasPairs = (): Pair[] => {
  const pairs: Pair[] = []
  const add = (what: string, fg: string, bg: string, min: number) => pairs.push([what, fg, bg, min])
  for (const [sector, colour] of Object.entries(sectorColors)) {
    add(`sector ${sector}: white name on the band`, white, colour, TEXT)
    add(`sector ${sector}: band on the white card`, colour, white, GRAPHIC)
  }
  for (const [category, colour] of Object.entries(categoryColors)) {
    const tinted = categoryTint(category as keyof typeof categoryColors)
    add(`category ${category}: ink label on the tint`, ink, tinted, TEXT)
    add(`category ${category}: muted text on the tint`, inkMuted, tinted, TEXT)
    add(`category ${category}: edge and badge on the tint`, colour, tinted, GRAPHIC)
    add(`category ${category}: edge on the board`, colour, boardBackground, GRAPHIC)
  }
  for (const [stance, colour] of Object.entries(stanceColors))
    add(`stance ${stance}: sign on its white pill`, colour, white, TEXT)
  for (const [stage, colour] of Object.entries(stageColors)) {
    add(`stage ${stage}: white text on the bar`, white, colour, TEXT)
    add(`stage ${stage}: bar on the board`, colour, boardBackground, GRAPHIC)
  }
  for (const [name, note] of Object.entries(noteColors)) add(`note ${name}: ink on the paper`, ink, note.paper, TEXT)
  add('commitment meter: a step reached', meterColors.filled, white, GRAPHIC)
  add('commitment meter: a step not reached (outline)', meterColors.emptyStroke, white, GRAPHIC)
  add('frame: edge on the board', frameColors.stroke, boardBackground, GRAPHIC)
  add('frame: edge on its own fill', frameColors.stroke, frameColors.fill, GRAPHIC)
  add('frame: title on its tab', frameColors.title, frameColors.tab, TEXT)
  add('zone: edge on the board', zoneColors.stroke, boardBackground, GRAPHIC)
  add('zone: edge on its fill', zoneColors.stroke, zoneColors.fill, GRAPHIC)
  add('zone: "over-planned" on its white plate', zoneColors.overplanned, white, TEXT)
  add('link: line on the board', linkColor, boardBackground, GRAPHIC)
  add('conflict link: line and label on the board', conflictColor, boardBackground, TEXT)
  add('lock badge: glyph on its white disc', ink, white, GRAPHIC)
  for (const [kind, colour] of Object.entries(highlightColors))
    add(`highlight ${kind}: outline on the board`, colour, boardBackground, GRAPHIC)
  for (const kind of ['diff-added', 'diff-removed', 'diff-changed'] as const)
    add(`snapshot badge ${kind}: white symbol on the badge`, white, highlightColors[kind], TEXT)
  add('selection: outline on the board', SELECTION_COLOR, boardBackground, GRAPHIC)
  add('selection: white caption on its tag', white, SELECTION_COLOR, TEXT)
  add('snap guide on the board', GUIDE_COLOR, boardBackground, GRAPHIC)
  add('link being drawn on the board', LINK_COLOR, boardBackground, GRAPHIC)
  add('vote: a dot on its white pill', voteColors.dot, white, GRAPHIC)
  add('vote: "+n" beside the dots on the pill', voteColors.dot, white, TEXT)
  add('vote: white total on a result badge', white, voteColors.dot, TEXT)
  add('vote: the empty slot (plus) on the pill', voteColors.slot, white, GRAPHIC)
  add('vote: the winner’s total on gold', voteColors.firstText, voteColors.first, TEXT)
  add('laser pointer on the board', LASER_COLOR, boardBackground, GRAPHIC)
  for (const colour of presenceColors) {
    add(`presence ${colour}: white name tag and initials`, white, colour, TEXT)
    add(`presence ${colour}: cursor and selection outline on the board`, colour, boardBackground, GRAPHIC)
  }
  return pairs
}

const stylesheet = readFileSync(path.resolve(import.meta.dirname, 'app.css'), 'utf8')

/** The `--name: #hex` custom properties of the first `:root { … }` at or after `from`. */
function tokensAfter(from: number): Record<string, string> {
  const start = stylesheet.indexOf(':root {', from)
  const block = stylesheet.slice(start, stylesheet.indexOf('}', start))
  const tokens: Record<string, string> = {}
  for (const match of block.matchAll(/--([\w-]+):\s*(#[0-9a-fA-F]{3,6})\s*;/g)) tokens[match[1] as string] = match[2] as string
  return tokens
}

const baseTokens = tokensAfter(0)
const moreContrastAt = stylesheet.indexOf('@media (prefers-contrast: more)')
const moreTokens = { ...baseTokens, ...tokensAfter(moreContrastAt) }

const tokenPairs = (tokens: Record<string, string>): Pair[] => {
  const pairs: [string, string, number][] = [
    ['text', 'bg', TEXT],
    ['text', 'surface', TEXT],
    ['text', 'surface-muted', TEXT],
    ['text-muted', 'bg', TEXT],
    ['text-muted', 'surface', TEXT],
    ['text-muted', 'surface-muted', TEXT],
    ['text-muted', 'accent-soft', TEXT],
    ['text-muted', 'info-soft', TEXT],
    ['accent', 'bg', TEXT],
    ['accent', 'surface', TEXT],
    ['accent', 'accent-soft', TEXT],
    ['accent-text', 'accent', TEXT],
    ['accent-text', 'accent-hover', TEXT],
    ['success', 'success-soft', TEXT],
    ['success', 'surface', TEXT],
    ['warning', 'warning-soft', TEXT],
    ['warning', 'surface', TEXT],
    ['danger', 'danger-soft', TEXT],
    ['danger', 'surface', TEXT],
    ['info', 'info-soft', TEXT],
    ['info', 'surface', TEXT],
    ['focus', 'bg', GRAPHIC],
    ['focus', 'surface', GRAPHIC],
    // the edges of inputs, selects and outlined buttons
    ['border-strong', 'surface', GRAPHIC],
    ['border-strong', 'bg', GRAPHIC],
  ]
  return pairs.map(([fg, bg, min]) => {
    const [foreground, background] = [tokens[fg], tokens[bg]]
    if (!foreground || !background) throw new Error(`no --${fg} or --${bg} in app.css`)
    return [`--${fg} on --${bg}`, foreground, background, min] as const
  })
}

/** `#fff` → `#ffffff`; a `var(--token)` from app.css's tokens. */
const resolveColour = (value: string, tokens: Record<string, string>): string => {
  const token = /^var\(--([\w-]+)\)$/.exec(value)?.[1]
  const colour = token ? tokens[token] : value
  if (!colour?.startsWith('#')) throw new Error(`cannot measure the colour ${value}`)
  return colour.length === 4 ? `#${[...colour.slice(1)].map((digit) => digit + digit).join('')}` : colour
}

/**
 * The heat maps' shades with the text drawn on each, as their stylesheets pair them: the
 * analysis panel's combination matrix and the collection page's heat tables. A level's rule
 * without its own `color` has the text colour it inherits (`inherited`, or none: then it must
 * declare one).
 */
const heatPairs = (tokens: Record<string, string>): Pair[] => {
  const maps = [
    { file: '../workspace/analysis/analysis.css', shade: 'an-heat', rule: '.an-heat__button', inherited: null },
    { file: '../screens/collection/collection.css', shade: 'co-heat', rule: '.heat-table__cell', inherited: 'var(--text)' },
  ]
  const pairs: Pair[] = []
  for (const { file, shade, rule, inherited } of maps) {
    const css = readFileSync(path.resolve(import.meta.dirname, file), 'utf8')
    for (const level of [1, 2, 3, 4]) {
      const background = new RegExp(`--${shade}-${level}:\\s*(#[0-9a-fA-F]{3,6})\\s*;`).exec(css)?.[1]
      const block = css.split(`${rule}[data-level="${level}"] {`)[1]?.split('}')[0]
      if (!background || block === undefined) throw new Error(`no level ${level} in ${file}`)
      const declared = /(?:^|[;\s])color:\s*([^;]+);/.exec(block)?.[1]?.trim() ?? inherited
      if (!declared) throw new Error(`${rule}[data-level="${level}"] in ${file} declares no text colour`)
      pairs.push([`${file} level ${level}: the number on its shade`, resolveColour(declared, tokens), background, TEXT])
    }
  }
  return pairs
}

const failing = (pairs: Pair[]) =>
  pairs
    .map(([what, fg, bg, min]) => ({ what, fg, bg, min, ratio: Math.round(contrastRatio(fg, bg) * 100) / 100 }))
    .filter(({ ratio, min }) => ratio < min)

describe('contrast of every colour that carries meaning (WCAG 1.4.3, 1.4.11)', () => {
  it('measures like WCAG: black on white 21, #767676 on white 4.54, and a failing pair is caught', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5)
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2)
    expect(failing([['pale grey text', '#aaaaaa', '#ffffff', TEXT]])).toHaveLength(1)
  })

  it('on the canvas: sectors, categories, stages, notes, marks, highlights, votes and presence', () => {
    const pairs = canvasPairs()
    expect(pairs.length).toBeGreaterThan(100)
    expect(failing(pairs)).toEqual([])
  })

  it('in the stylesheet’s tokens', () => {
    expect(Object.keys(baseTokens).length).toBeGreaterThan(15)
    expect(failing(tokenPairs(baseTokens))).toEqual([])
  })

  it('in the heat maps: the number on every shade of the analysis matrix and the collection’s heat tables', () => {
    const pairs = heatPairs(baseTokens)
    expect(pairs).toHaveLength(8)
    expect(failing(pairs)).toEqual([])
    expect(failing(heatPairs(moreTokens))).toEqual([])
  })

  it('with prefers-contrast: more, and there every border is at least 3:1 and muted text at least 7:1', () => {
    expect(moreContrastAt).toBeGreaterThan(0)
    expect(moreTokens.border).not.toBe(baseTokens.border)
    expect(failing(tokenPairs(moreTokens))).toEqual([])
    const stronger: Pair[] = [
      ['--border on --surface', moreTokens.border as string, moreTokens.surface as string, GRAPHIC],
      ['--border on --bg', moreTokens.border as string, moreTokens.bg as string, GRAPHIC],
      ['--text-muted on --bg', moreTokens['text-muted'] as string, moreTokens.bg as string, 7],
      ['--text-muted on --surface-muted', moreTokens['text-muted'] as string, moreTokens['surface-muted'] as string, 7],
    ]
    expect(failing(stronger)).toEqual([])
  })
})
