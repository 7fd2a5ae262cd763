import { describe, expect, it } from 'vitest'
import { diffDocuments } from '../../../shared/diff/diff-documents.ts'
import { t } from '../../../shared/i18n/index.ts'
import type { BoardDocument } from '../../../shared/schema/document.ts'
import type { Element } from '../../../shared/schema/elements.ts'
import { describeDiff, type Words } from './diff-sentences.ts'

const words: Words = {
  t,
  enumLabel: (enumeration, value) => {
    const key = `enum.${enumeration}.${value}` as Parameters<typeof t>[0]
    return t.has(key) ? t(key) : value
  },
  formatNumber: (value) => new Intl.NumberFormat('en').format(value),
}

const doc = (elements: unknown[], site: Record<string, unknown> = {}): BoardDocument =>
  ({
    format: 'refresh-board',
    version: 1,
    board: { id: 'b', title: 'Board' },
    site,
    elements: elements as Element[],
  }) as BoardDocument

const box = { x: 0, y: 0, w: 180, h: 90 }
const cafe = { id: 'u1', kind: 'use', ...box, label: 'Café', category: 'gastronomy', areaM2: 120 }
const hall = { id: 'z1', kind: 'zone', ...box, label: 'Hall B', areaM2: 1500 }
const makers = {
  id: 'a1',
  kind: 'actor',
  ...box,
  label: 'Makers e.V.',
  sector: 'creative',
  commitment: 'interested',
}

describe('describeDiff', () => {
  it('says what was added, removed and changed, with names, kinds, units and enumeration labels', () => {
    const before = doc([cafe, hall, { id: 'n1', kind: 'note', ...box, label: 'Heating?' }])
    const after = doc([{ ...cafe, areaM2: 180, zone: 'z1' }, hall, { ...makers, commitment: 'signed' }])
    const items = describeDiff(diffDocuments(before, after), { from: before, to: after }, words)
    expect(items.map((item) => [item.kind, item.elementId, item.text])).toEqual([
      ['added', 'a1', 'Added actor “Makers e.V.”'],
      ['removed', 'n1', 'Removed note “Heating?”'],
      ['changed', 'u1', 'Changed use “Café”: area 120 m² → 180 m²; zone set to “Hall B”'],
    ])
  })

  it('folds geometry into "moved" and "resized" and names enumeration values in words', () => {
    const before = doc([makers])
    const after = doc([{ ...makers, x: 40, y: 10, w: 200, commitment: 'loi', stance: 'champion' }])
    const [item] = describeDiff(diffDocuments(before, after), { from: before, to: after }, words)
    expect(item?.text).toBe(
      'Changed actor “Makers e.V.”: moved; resized; commitment Interested → Letter of intent; stance set to Champion',
    )
  })

  it('names an unlabelled link by its ends and reports site and settings changes', () => {
    const link = { id: 'l1', kind: 'link', from: 'a1', to: 'u1', relation: 'operates' }
    const before = doc([makers, cafe, link], { name: 'Old mill', areaM2: 12400 })
    const after = doc([makers, cafe], { name: 'Old mill', areaM2: 13000 })
    const items = describeDiff(diffDocuments(before, after), { from: before, to: after }, words)
    expect(items.map((item) => item.text)).toEqual([
      'Site profile: area 12,400 m² → 13,000 m²',
      'Removed link “Makers e.V. → Café”',
    ])
    expect(items[0]?.elementId).toBeNull()
  })

  it('says when a field was cleared, and works without the documents (names from the diff)', () => {
    const before = doc([{ ...cafe, areaM2: 400 }])
    const after = doc([{ ...cafe, areaM2: undefined }])
    const diff = diffDocuments(before, after)
    expect(describeDiff(diff, {}, words).map((item) => item.text)).toEqual(['Changed element “u1”: area cleared (was 400 m²)'])
    expect(describeDiff(diff, { to: after }, words)[0]?.text).toBe('Changed use “Café”: area cleared (was 400 m²)')
  })

  it('is empty for identical documents', () => {
    const same = doc([cafe])
    expect(describeDiff(diffDocuments(same, same), { from: same, to: same }, words)).toEqual([])
  })
})
