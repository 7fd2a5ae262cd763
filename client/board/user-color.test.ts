import { describe, expect, it } from 'vitest'
import {
  colorDistance,
  colorForUser,
  initialsOf,
  NEAR_IDENTICAL_DISTANCE,
  pickPresenceColor,
  presenceColors,
} from './user-color.ts'

describe('initialsOf', () => {
  it('takes the first letters of the first and last words', () => {
    expect(initialsOf('Ana Novak')).toBe('AN')
    expect(initialsOf('Gábor Kovács')).toBe('GK')
    expect(initialsOf('  émile ')).toBe('É')
    expect(initialsOf('Maria de la Cruz')).toBe('MC')
    expect(initialsOf('Ana Novak-Kos')).toBe('AN')
  })

  it('ignores notes in parentheses and brackets, and punctuation', () => {
    expect(initialsOf('Klemen Potočnik (brewery)')).toBe('KP')
    expect(initialsOf('Klemen Potočnik (brewery')).toBe('KP')
    expect(initialsOf('(municipality) Jana Horvat')).toBe('JH')
    expect(initialsOf('Jana [facilitator] Horvat')).toBe('JH')
    expect(initialsOf('Jana Horvat, PhD')).toBe('JP')
    expect(initialsOf('"Žiga" Zupan')).toBe('ŽZ')
  })

  it('falls back to the note when the name is nothing else', () => {
    expect(initialsOf('(brewery)')).toBe('B')
    expect(initialsOf('')).toBe('')
  })
})

describe('presence colours', () => {
  it('are pairwise far apart in OKLab and readable under white initials', () => {
    for (const [i, a] of presenceColors.entries()) {
      for (const b of presenceColors.slice(i + 1)) expect(colorDistance(a, b)).toBeGreaterThanOrEqual(0.1)
    }
    const luminance = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => {
        const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255
        return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
      }) as [number, number, number]
      return 0.2126 * r + 0.7152 * g + 0.0722 * b
    }
    for (const color of presenceColors) expect(1.05 / (luminance(color) + 0.05)).toBeGreaterThanOrEqual(4.5)
  })

  it('measures distance perceptually: identical 0, near shades small, different hues large', () => {
    expect(colorDistance('#1d4ed8', '#1d4ed8')).toBe(0)
    expect(colorDistance('#7c3aed', '#6d28d9')).toBeLessThan(NEAR_IDENTICAL_DISTANCE)
    expect(colorDistance('#c42b1c', '#0b6e69')).toBeGreaterThan(0.2)
  })

  it('keeps the own colour in an empty room', () => {
    expect(pickPresenceColor('user-1', [])).toBe(colorForUser('user-1'))
  })

  it('never gives a newcomer a colour near one present, and maximises the nearest distance', () => {
    for (const userId of ['a', 'b', 'c', 'd', 'e', 'f']) {
      const taken = [colorForUser(userId)]
      const picked = pickPresenceColor(userId, taken)
      expect(colorDistance(picked, taken[0] ?? '')).toBeGreaterThan(NEAR_IDENTICAL_DISTANCE)
    }
    const taken = ['#c42b1c', '#1d4ed8']
    const picked = pickPresenceColor('someone', taken)
    const nearest = (c: string) => Math.min(...taken.map((t) => colorDistance(c, t)))
    for (const color of presenceColors) expect(nearest(picked)).toBeGreaterThanOrEqual(nearest(color) - 1e-9)
  })

  it('gives a room of as many people as colours all different colours', () => {
    const taken: string[] = []
    for (let i = 0; i < presenceColors.length; i++) taken.push(pickPresenceColor(`person-${i}`, taken))
    expect(new Set(taken).size).toBe(presenceColors.length)
  })
})
