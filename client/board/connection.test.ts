import { describe, expect, it } from 'vitest'
import { CloseCode, finalStatusOfClose, peersFromStates, stampedRole, syncServerUrl } from './connection.ts'
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

describe('stampedRole', () => {
  it('reads the role the server stamped on a presence state', () => {
    expect(stampedRole({ user: { id: 'u1', name: 'Ana', role: 'viewer' } })).toBe('viewer')
    expect(stampedRole({ user: { id: 'u1', name: 'Ana', role: 'reviewer' } })).toBe('reviewer')
  })

  it('ignores a missing or unknown role', () => {
    expect(stampedRole(undefined)).toBeNull()
    expect(stampedRole({ cursor: { x: 1, y: 2 } })).toBeNull()
    expect(stampedRole({ user: { id: 'u1', name: 'Ana' } })).toBeNull()
    expect(stampedRole({ user: { id: 'u1', name: 'Ana', role: 'superuser' } })).toBeNull()
  })
})

describe('finalStatusOfClose', () => {
  it('ends the connection on the contract’s close codes, and only on those', () => {
    expect(finalStatusOfClose(CloseCode.forgery)).toBe('rejected')
    expect(finalStatusOfClose(CloseCode.unauthorized)).toBe('unauthorized')
    expect(finalStatusOfClose(CloseCode.removed)).toBe('removed')
    expect(finalStatusOfClose(CloseCode.noAccess)).toBe('no_access')
    for (const transient of [1000, 1001, 1006, 1009, 1013, 4500]) expect(finalStatusOfClose(transient)).toBeNull()
  })
})
