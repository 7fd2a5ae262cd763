import { describe, expect, it } from 'vitest'
import { denialKind, peersFromStates, syncServerUrl } from './connection.ts'
import { colorForUser, initialsOf, presenceColors } from './user-color.ts'

describe('peersFromStates', () => {
  const user = (id: string, name: string) => ({ user: { id, name, color: '#0b6e69', role: 'editor' } })

  it('lists one entry per person, you first, then by name', () => {
    const states = new Map<number, unknown>([
      [3, user('u-zora', 'Zora')],
      [1, user('u-me', 'Me')],
      [2, user('u-ana', 'Ana')],
      [4, user('u-ana', 'Ana')], // a second tab
      [5, {}], // a client without presence yet
    ])
    const peers = peersFromStates(states, 1, 'u-me')
    expect(peers.map((p) => [p.name, p.isSelf])).toEqual([
      ['Me', true],
      ['Ana', false],
      ['Zora', false],
    ])
  })

  it('replaces a malformed colour by the user’s own', () => {
    const states = new Map<number, unknown>([[7, { user: { id: 'u1', name: 'X', color: 'red;}', role: 'viewer' } }]])
    expect(peersFromStates(states, 1, 'me')[0]?.color).toBe(colorForUser('u1'))
  })
})

describe('user colours and initials', () => {
  it('gives a user the same colour every time, from the palette', () => {
    expect(colorForUser('user-123')).toBe(colorForUser('user-123'))
    expect(presenceColors).toContain(colorForUser('user-123'))
    const spread = new Set(Array.from({ length: 50 }, (_, i) => colorForUser(`user-${i}`)))
    expect(spread.size).toBeGreaterThan(6)
  })

  it('takes up to two initials, with diacritics', () => {
    expect(initialsOf('Ana Novak')).toBe('AN')
    expect(initialsOf('  Črt  ')).toBe('Č')
    expect(initialsOf('Łukasz Ó Ńowak-Żak')).toBe('ŁŃ')
  })
})

describe('syncServerUrl', () => {
  it('uses ws on http and wss on https, on the page’s own host', () => {
    expect(syncServerUrl({ protocol: 'http:', host: 'localhost:8787' })).toBe('ws://localhost:8787/sync')
    expect(syncServerUrl({ protocol: 'https:', host: 'board.example.org' })).toBe('wss://board.example.org/sync')
  })
})

describe('denialKind', () => {
  it('tells a locked element from a read-only role in the server’s refusal', () => {
    expect(denialKind('element a1 is locked')).toBe('locked')
    expect(denialKind('only facilitators may lock or unlock (element a1)')).toBe('locked')
    expect(denialKind('read-only: viewers cannot change the board')).toBe('read_only')
    expect(denialKind('something else')).toBe('other')
  })
})
