import { describe, expect, it } from 'vitest'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import { type PresenceIdentity, stampPresenceIdentity } from './presence-identity.ts'

const me: PresenceIdentity = { id: 'u-ana', name: 'Ana Novak', role: 'editor' }

/** An awareness update of a client whose local state is `state`, and the states it decodes to once stamped. */
function roundTrip(state: Record<string, unknown> | null): Map<number, unknown> {
  const sender = new awarenessProtocol.Awareness(new Y.Doc())
  sender.setLocalState(state)
  const update = awarenessProtocol.encodeAwarenessUpdate(sender, [sender.clientID])
  const receiver = new awarenessProtocol.Awareness(new Y.Doc())
  awarenessProtocol.applyAwarenessUpdate(receiver, stampPresenceIdentity(update, me), 'test')
  sender.destroy()
  const states = new Map(receiver.getStates())
  states.delete(receiver.clientID)
  receiver.destroy()
  return states
}

describe('stampPresenceIdentity', () => {
  it('replaces the id, name and role a client claims, and keeps the rest of its presence', () => {
    const [state] = roundTrip({
      user: { id: 'u-mayor', name: 'The Mayor', role: 'owner', color: '#1d4ed8' },
      cursor: { x: 10, y: 20 },
    }).values()
    expect(state).toEqual({
      user: { id: 'u-ana', name: 'Ana Novak', role: 'editor', color: '#1d4ed8' },
      cursor: { x: 10, y: 20 },
    })
  })

  it('names a presence that carries no user at all', () => {
    const [state] = roundTrip({ cursor: { x: 1, y: 2 } }).values()
    expect(state).toEqual({ cursor: { x: 1, y: 2 }, user: { id: 'u-ana', name: 'Ana Novak', role: 'editor' } })
  })

  it('leaves a removed presence removed', () => {
    expect(roundTrip(null).size).toBe(0)
  })

  it('refuses an update that does not decode', () => {
    expect(() => stampPresenceIdentity(new Uint8Array([1, 5, 1, 3, 0x7b]), me)).toThrow()
  })
})
