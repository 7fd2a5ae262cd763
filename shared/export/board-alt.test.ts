import { describe, expect, it } from 'vitest'
import { translatorFor } from '../i18n/index.ts'
import type { BoardDocument } from '../schema/document.ts'
import type { Element } from '../schema/elements.ts'
import { boardAltText } from './board-alt.ts'
import { briefWords } from './markdown-text.ts'

const element = (fields: Record<string, unknown>) => ({ w: 10, h: 10, ...fields }) as unknown as Element

const document = {
  board: { title: 'Mill' },
  site: { name: 'Mill' },
  elements: [
    element({ id: 'f1', kind: 'frame', x: 0, y: 0, label: 'Ground floor' }),
    // actors in reading order: top to bottom, then left to right — not in the array's order
    element({ id: 'a4', kind: 'actor', x: 0, y: 300, label: 'Fourth' }),
    element({ id: 'a2', kind: 'actor', x: 200, y: 100, label: 'Second' }),
    element({ id: 'a1', kind: 'actor', x: 0, y: 100, label: 'Kulturno društvo Šivalnica' }),
    element({ id: 'a3', kind: 'actor', x: 0, y: 200, label: 'Third' }),
    element({ id: 'u1', kind: 'use', x: 0, y: 400, label: '' }),
    element({ id: 'n1', kind: 'note', x: 0, y: 500, label: 'The roof leaks: a private thought, no name' }),
    { id: 'l1', kind: 'link', from: 'a1', to: 'u1', relation: 'operates' } as unknown as Element,
  ],
} as unknown as BoardDocument

describe('the board picture’s alternative text', () => {
  it('counts every kind in the outline’s order and names the first three in reading order', () => {
    expect(boardAltText(document, briefWords('en'))).toBe(
      'Picture of the board. Frames: 1 ("Ground floor"); Actors: 4 ("Kulturno društvo Šivalnica", "Second", "Third", …); ' +
        'Uses: 1; Notes: 1; Links: 1.',
    )
  })

  it('is written in the export’s language', () => {
    const de = translatorFor('de')
    const text = boardAltText(document, briefWords('de'))
    expect(text.startsWith(de('export.pdf.boardAlt', { contents: '' }).trim())).toBe(true)
    expect(text).toContain(`${de('enum.elementKindPlural.actor')}: 4 ("Kulturno društvo Šivalnica", "Second", "Third", …)`)
    expect(text).not.toContain('Actors')
  })

  it('says the board is empty by the sentence alone', () => {
    expect(boardAltText({ ...document, elements: [] }, briefWords('en'))).toBe('Picture of the board.')
  })
})
