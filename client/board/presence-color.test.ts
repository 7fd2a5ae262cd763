import { describe, expect, it } from 'vitest'
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { keepPresenceColorDistinct } from './presence-color.ts'
import { colorDistance, colorForUser, NEAR_IDENTICAL_DISTANCE } from './user-color.ts'

/** Two awareness instances that relay every change to each other, as the server would. */
function pairedAwareness(): [Awareness, Awareness] {
  const a = new Awareness(new Y.Doc())
  const b = new Awareness(new Y.Doc())
  const relay = (from: Awareness, to: Awareness) =>
    from.on('update', ({ added, updated }: { added: number[]; updated: number[] }) => {
      const changed = [...added, ...updated].filter((id) => id === from.clientID)
      if (changed.length > 0) applyAwarenessUpdate(to, encodeAwarenessUpdate(from, changed), 'remote')
    })
  relay(a, b)
  relay(b, a)
  return [a, b]
}

const colorOf = (awareness: Awareness, clientId: number) =>
  (awareness.getStates().get(clientId) as { user: { color: string } }).user.color

describe('keepPresenceColorDistinct', () => {
  it('moves exactly one of two people who arrive with the same colour, the later client id', async () => {
    const [a, b] = pairedAwareness()
    const shared = colorForUser('someone')
    a.setLocalStateField('user', { id: 'ana', name: 'Ana', color: shared })
    b.setLocalStateField('user', { id: 'gabor', name: 'Gábor', color: shared })
    const stops = [
      keepPresenceColorDistinct(a, 'ana', Promise.resolve()),
      keepPresenceColorDistinct(b, 'gabor', Promise.resolve()),
    ]
    await Promise.resolve()
    await Promise.resolve()
    expect(colorDistance(colorOf(a, a.clientID), colorOf(a, b.clientID))).toBeGreaterThan(NEAR_IDENTICAL_DISTANCE)
    // both see the same two colours
    expect(colorOf(b, a.clientID)).toBe(colorOf(a, a.clientID))
    expect(colorOf(a, b.clientID)).toBe(colorOf(b, b.clientID))
    for (const stop of stops) stop()
  })

  it('leaves the colour alone of someone alone in the room, and of the same person’s other tab', async () => {
    const [a, b] = pairedAwareness()
    const own = colorForUser('ana')
    a.setLocalStateField('user', { id: 'ana', name: 'Ana', color: own })
    b.setLocalStateField('user', { id: 'ana', name: 'Ana', color: own })
    const stops = [keepPresenceColorDistinct(a, 'ana', Promise.resolve()), keepPresenceColorDistinct(b, 'ana', Promise.resolve())]
    await Promise.resolve()
    await Promise.resolve()
    expect(colorOf(a, a.clientID)).toBe(own)
    expect(colorOf(b, b.clientID)).toBe(own)
    for (const stop of stops) stop()
  })
})
