import { describe, expect, it } from 'vitest'
import { t } from '../../../shared/i18n/index.ts'
import { formatIndicator, sparkline, trendSeries } from './trend-data.ts'

const words = {
  t,
  enumLabel: (_: string, value: string) => value,
  formatNumber: (value: number) => new Intl.NumberFormat('en').format(value),
  formatPercent: (value: number) => new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 1 }).format(value),
}

const snap = (id: string, createdAt: string, indicators: Record<string, number | null> | null) => ({
  id,
  label: `Round ${id}`,
  createdAt,
  indicators,
})

describe('trendSeries', () => {
  it('orders the points oldest first and keeps missing values as gaps', () => {
    const list = [
      snap('3', '2027-03-03T10:00:00.000Z', { actors: 9, occupancy: 0.7 }),
      snap('2', '2027-03-02T10:00:00.000Z', null),
      snap('1', '2027-03-01T10:00:00.000Z', { actors: 4, occupancy: null }),
    ]
    const [actors, occupancy] = trendSeries(list, ['actors', 'occupancy'])
    expect(actors?.points.map((point) => [point.snapshotId, point.value])).toEqual([
      ['1', 4],
      ['2', null],
      ['3', 9],
    ])
    expect(actors).toMatchObject({ key: 'actors', first: 4, last: 9, min: 4, max: 9 })
    expect(occupancy).toMatchObject({ first: 0.7, last: 0.7 })
  })
})

describe('sparkline', () => {
  it('spreads the points over the width and maps min to the bottom, max to the top', () => {
    const { path, dots } = sparkline([1, 3, 2], 100, 50, 5)
    expect(dots.map((dot) => [dot.x, dot.y])).toEqual([
      [5, 45],
      [50, 5],
      [95, 25],
    ])
    expect(path).toBe('M5 45 L50 5 L95 25')
  })

  it('breaks the line at gaps and centres a flat series', () => {
    expect(sparkline([2, null, 2], 100, 40, 0).path).toBe('M0 20 M100 20')
    expect(sparkline([null, null], 100, 40).dots).toEqual([])
  })
})

describe('formatIndicator', () => {
  it('writes ratios as percent, areas in m², evenness with two decimals, counts plainly, null as n/a', () => {
    expect(formatIndicator('occupancy', 0.606, words)).toBe('60.6%')
    expect(formatIndicator('plannedM2', 1500, words)).toBe('1,500 m²')
    expect(formatIndicator('mixEvenness', 0.8712, words)).toBe('0.87')
    expect(formatIndicator('actors', 17, words)).toBe('17')
    expect(formatIndicator('stakeholderHealth', null, words)).toBe('n/a')
  })
})
