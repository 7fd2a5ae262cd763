import { describe, expect, it } from 'vitest'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import { stampPresenceIdentity } from '../../../server/sync/presence-identity.ts'
import type { Summon } from '../../../shared/facilitation/state.ts'
import { visibleRect } from '../../canvas/viewport.ts'
import { answersSummon } from './attention.ts'
import { leaderView, readAttentionPeers, readReaction } from './peer-attention.ts'
import { readViewRect, sameViewport, viewportShowing } from './view-geometry.ts'

describe('following a view', () => {
  it('shows the whole leader rect, centred, as large as it fits', () => {
    const rect = { x: 100, y: 50, w: 800, h: 400 }
    // same screen shape: exactly the rect
    const same = viewportShowing(rect, { width: 1600, height: 800 })
    const shown = visibleRect(same, { width: 1600, height: 800 })
    expect(shown.x).toBeCloseTo(100)
    expect(shown.y).toBeCloseTo(50)
    expect(shown.width).toBeCloseTo(800)
    expect(shown.height).toBeCloseTo(400)
    // a taller screen: the whole width, more above and below, the same centre
    const tall = visibleRect(viewportShowing(rect, { width: 800, height: 800 }), { width: 800, height: 800 })
    expect(tall.width).toBeCloseTo(800)
    expect(tall.height).toBeCloseTo(800)
    expect(tall.x + tall.width / 2).toBeCloseTo(500)
    expect(tall.y + tall.height / 2).toBeCloseTo(250)
  })

  it('keeps the zoom within the canvas limits', () => {
    expect(viewportShowing({ x: 0, y: 0, w: 1, h: 1 }, { width: 1000, height: 1000 }).scale).toBe(4)
    expect(viewportShowing({ x: 0, y: 0, w: 1e9, h: 1e9 }, { width: 1000, height: 1000 }).scale).toBe(0.05)
  })

  it('reads only well-formed rects', () => {
    expect(readViewRect({ x: 1, y: 2, w: 3, h: 4 })).toEqual({ x: 1, y: 2, w: 3, h: 4 })
    for (const bad of [null, 'x', { x: 1, y: 2, w: 0, h: 4 }, { x: 1, y: 2, w: 3 }, { x: Number.NaN, y: 2, w: 3, h: 4 }])
      expect(readViewRect(bad)).toBeNull()
  })

  it('tells the same viewport within half a pixel', () => {
    expect(sameViewport({ x: 10, y: 10, scale: 1 }, { x: 10.3, y: 9.8, scale: 1.0005 })).toBe(true)
    expect(sameViewport({ x: 10, y: 10, scale: 1 }, { x: 11, y: 10, scale: 1 })).toBe(false)
  })
})

describe('attention in awareness', () => {
  it('reads reactions of the known emoji only', () => {
    expect(readReaction({ id: 'r1', emoji: '👍', x: 1, y: 2, at: 3 })).toEqual({ id: 'r1', emoji: '👍', x: 1, y: 2, at: 3 })
    expect(readReaction({ id: 'r1', emoji: '💣', x: 1, y: 2, at: 3 })).toBeNull()
    expect(readReaction({ id: '', emoji: '👍', x: 1, y: 2, at: 3 })).toBeNull()
  })

  it('view, laser and reaction pass the server’s identity stamp untouched; the user is the server’s', () => {
    const sender = new awarenessProtocol.Awareness(new Y.Doc())
    const attention = { view: { x: 1, y: 2, w: 300, h: 200 }, laser: true, reaction: { id: 'r', emoji: '👏', x: 5, y: 6, at: 7 } }
    sender.setLocalState({ user: { id: 'forged', name: 'Mayor', role: 'owner', color: '#112233' }, ...attention })
    const update = awarenessProtocol.encodeAwarenessUpdate(sender, [sender.clientID])
    const receiver = new awarenessProtocol.Awareness(new Y.Doc())
    awarenessProtocol.applyAwarenessUpdate(
      receiver,
      stampPresenceIdentity(update, { id: 'u-anna', name: 'Anna', role: 'editor' }),
      'test',
    )
    expect(receiver.getStates().get(sender.clientID)).toEqual({
      user: { id: 'u-anna', name: 'Anna', role: 'editor', color: '#112233' },
      ...attention,
    })
    const peers = readAttentionPeers(receiver)
    expect(peers.find((p) => p.clientId === sender.clientID)?.reaction?.emoji).toBe('👏')
    expect(leaderView(peers, 'u-anna', receiver.clientID)).toEqual(attention.view)
    expect(leaderView(peers, 'u-somebody-else', receiver.clientID)).toBeNull()
  })
})

describe('summon', () => {
  const summon: Summon = { id: 's1', by: { userId: 'u-fac', name: 'Fatima' }, rect: { x: 0, y: 0, w: 10, h: 10 }, at: 100_000 }
  it('moves everyone but the summoner, once, while it is fresh', () => {
    expect(answersSummon(summon, null, 'u-anna', 100_500)).toBe(true)
    expect(answersSummon(summon, null, 'u-fac', 100_500)).toBe(false)
    expect(answersSummon(summon, 's1', 'u-anna', 100_500)).toBe(false)
    expect(answersSummon(null, null, 'u-anna', 100_500)).toBe(false)
  })
  it('leaves a late joiner or a reload more than 10 s later where it is', () => {
    expect(answersSummon(summon, null, 'u-anna', 109_999)).toBe(true)
    expect(answersSummon(summon, null, 'u-anna', 110_001)).toBe(false)
  })
})
