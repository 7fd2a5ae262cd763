import { describe, expect, it } from 'vitest'
import { analyse } from '../analysis/analyse.ts'
import type { Analysis } from '../analysis/types.ts'
import type { BoardDocument } from '../schema/document.ts'
import { keyIndicators } from './analysis-view.ts'

const at = { x: 0, y: 0, w: 180, h: 90 }
const board = {
  format: 'refresh-board',
  version: 1,
  board: { id: 'b', title: 'Brewery' },
  site: { name: 'Brewery', areaM2: 2000 },
  elements: [
    { id: 'a1', kind: 'actor', ...at, label: 'Print studio', sector: 'creative', commitment: 'signed' },
    { id: 'a2', kind: 'actor', ...at, label: 'Theatre', sector: 'culture', commitment: 'interested' },
    { id: 'a3', kind: 'actor', ...at, label: 'Potter', sector: 'creative', commitment: 'interested' },
    { id: 'a4', kind: 'actor', ...at, label: 'Bakery', sector: 'gastronomy', commitment: 'interested' },
    { id: 'a5', kind: 'actor', ...at, label: 'Band', sector: 'creative', commitment: 'idea' },
  ],
} as unknown as BoardDocument

describe('keyIndicators (stored with every snapshot)', () => {
  it('keeps committed and merely interested creative actors apart, as the critical mass does', () => {
    const key = keyIndicators(analyse(board))
    // the bakery's interest is not the creative scene's
    expect(key).toMatchObject({ creativeActors: 4, creativeCommitted: 1, creativeInterested: 2 })
  })

  it('is null for the interested of an analysis stored before they were counted', () => {
    const stored = structuredClone(analyse(board)) as Analysis
    delete (stored.indicators.creative as { interested?: number }).interested
    expect(keyIndicators(stored).creativeInterested).toBeNull()
    expect(keyIndicators(stored).creativeCommitted).toBe(1)
  })
})
