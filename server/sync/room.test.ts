import * as decoding from 'lib0/decoding'
import { describe, expect, it } from 'vitest'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import { createLogger } from '../logger.ts'
import type { Conn } from './connection.ts'
import { localFanout } from './fanout.ts'
import { isFreshSyncStep1 } from './messages.ts'
import { Room } from './room.ts'

const logger = createLogger('error')
const newRoom = () => new Room({ boardId: 'b', logger, fanout: localFanout, onUpdate: () => {} })
const storedBoard = (entries: Record<string, string>): Uint8Array => {
  const doc = new Y.Doc()
  for (const [k, v] of Object.entries(entries)) doc.getMap('elements').set(k, v)
  return Y.encodeStateAsUpdate(doc)
}
const recorder = () => {
  const sent: Uint8Array[] = []
  const conn = { id: 'c', send: (m: Uint8Array) => sent.push(m), close: () => {} } as unknown as Conn
  return { conn, sent }
}
/** The update inside a sync step 2 or update message. */
const payloadOf = (message: Uint8Array): Uint8Array => {
  const decoder = decoding.createDecoder(message)
  decoding.readVarUint(decoder)
  decoding.readVarUint(decoder)
  return decoding.readVarUint8Array(decoder)
}
const empty = Y.encodeStateVector(new Y.Doc())

describe('Room', () => {
  it('answers a client with nothing yet with the stored bytes, until the document changes', () => {
    const room = newRoom()
    const stored = storedBoard({ a1: 'Mill association' })
    room.loadStored(stored)
    const first = room.syncStep2For(empty)
    expect([...payloadOf(first)]).toEqual([...stored])
    expect(room.syncStep2For(empty)).toBe(first) // cached, not encoded again

    room.doc.getMap('elements').set('u1', 'Makerspace')
    const after = room.syncStep2For(empty)
    expect(after).not.toBe(first)
    const client = new Y.Doc()
    Y.applyUpdate(client, payloadOf(after))
    expect(client.getMap('elements').toJSON()).toEqual({ a1: 'Mill association', u1: 'Makerspace' })
  })

  it('answers a client that has part of the board with only what it lacks', () => {
    const room = newRoom()
    room.loadStored(storedBoard({ a1: 'x' }))
    const client = new Y.Doc()
    Y.applyUpdate(client, payloadOf(room.syncStep2For(empty)))
    room.doc.getMap('elements').set('u1', 'Café')
    const diff = payloadOf(room.syncStep2For(Y.encodeStateVector(client)))
    expect(diff.byteLength).toBeLessThan(Y.encodeStateAsUpdate(room.doc).byteLength)
    Y.applyUpdate(client, diff)
    expect(client.getMap('elements').toJSON()).toEqual(room.doc.getMap('elements').toJSON())
  })

  it('sends a connection answered from storage what changed while the room loaded — and nothing when nothing did', () => {
    const room = newRoom()
    room.loadStored(storedBoard({ a1: 'x' }))
    const quiet = recorder()
    room.sendChangesSinceLoad(quiet.conn)
    expect(quiet.sent).toHaveLength(0)

    room.doc.getMap('settings').set('schemaVersion', 3) // e.g. a migration
    const answered = recorder()
    room.sendChangesSinceLoad(answered.conn)
    expect(answered.sent).toHaveLength(1)
    const client = new Y.Doc()
    Y.applyUpdate(client, storedBoard({ a1: 'x' }))
    Y.applyUpdate(client, payloadOf(answered.sent[0] as Uint8Array))
    expect(client.getMap('settings').get('schemaVersion')).toBe(3)
  })

  it('relays the updates of one task as one message per connection, never back to their sender', async () => {
    const room = newRoom()
    const [a, b, c] = [recorder(), recorder(), recorder()]
    for (const { conn } of [a, b, c]) room.join(conn)
    for (const r of [a, b, c]) r.sent.length = 0 // sync step 1 of the join
    const writer = new Y.Doc()
    const updates: Uint8Array[] = []
    writer.on('update', (u: Uint8Array) => updates.push(u))
    for (let i = 0; i < 3; i++) writer.getMap('elements').set(`a${i}`, i)
    const other = new Y.Doc()
    other.on('update', (u: Uint8Array) => updates.push(u))
    other.getMap('elements').set('b0', 'from b')
    // three from a and one from b in one task (as ws delivers the frames of one socket read)
    for (const update of updates.slice(0, 3)) Y.applyUpdate(room.doc, update, a.conn)
    Y.applyUpdate(room.doc, updates[3] as Uint8Array, b.conn)
    expect(c.sent).toHaveLength(0)
    await Promise.resolve()
    expect([a.sent.length, b.sent.length, c.sent.length]).toEqual([1, 1, 1])
    const seenBy = (message: Uint8Array) => {
      const doc = new Y.Doc()
      Y.applyUpdate(doc, payloadOf(message))
      return Object.keys(doc.getMap('elements').toJSON()).sort()
    }
    expect(seenBy(c.sent[0] as Uint8Array)).toEqual(['a0', 'a1', 'a2', 'b0'])
    expect(seenBy(a.sent[0] as Uint8Array)).toEqual(['b0'])
    expect(seenBy(b.sent[0] as Uint8Array)).toEqual(['a0', 'a1', 'a2'])

    // a lone update goes out as it is
    writer.getMap('elements').set('a3', 3)
    Y.applyUpdate(room.doc, updates[4] as Uint8Array, a.conn)
    await Promise.resolve()
    expect([...payloadOf(c.sent[1] as Uint8Array)]).toEqual([...(updates[4] as Uint8Array)])
    expect(a.sent).toHaveLength(1)
  })

  it('relays the presence changes of a tick as one awareness message, after the document updates of that tick', async () => {
    const room = newRoom()
    room.loadStored(null)
    const [a, b, c] = [recorder(), recorder(), recorder()]
    for (const r of [a, b, c]) room.join(r.conn)
    for (const r of [a, b, c]) r.sent.length = 0 // sync step 1
    const awarenessMessages = (sent: Uint8Array[]) => sent.filter((m) => m[0] === 1)
    /** a stock y-protocols awareness that has read the messages */
    const readBy = (sent: Uint8Array[]) => {
      const seen = new awarenessProtocol.Awareness(new Y.Doc())
      for (const m of awarenessMessages(sent)) {
        const decoder = decoding.createDecoder(m)
        decoding.readVarUint(decoder)
        awarenessProtocol.applyAwarenessUpdate(seen, decoding.readVarUint8Array(decoder), 'test')
      }
      return seen
    }
    const until = async (done: () => boolean) => {
      for (let i = 0; i < 1000 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 2))
      expect(done()).toBe(true)
    }
    const peer = () => new awarenessProtocol.Awareness(new Y.Doc())
    const [pa, pb] = [peer(), peer()]
    const move = (p: awarenessProtocol.Awareness, conn: Conn, x: number) => {
      p.setLocalStateField('cursor', { x })
      awarenessProtocol.applyAwarenessUpdate(room.awareness, awarenessProtocol.encodeAwarenessUpdate(p, [p.clientID]), conn)
    }
    // a moves three times and b once, and a writes, all in one task
    move(pa, a.conn, 1)
    move(pa, a.conn, 2)
    move(pb, b.conn, 7)
    const writer = new Y.Doc()
    writer.on('update', (u: Uint8Array) => Y.applyUpdate(room.doc, u, a.conn))
    writer.getMap('elements').set('e1', 'Kiln')
    move(pa, a.conn, 3)
    await Promise.resolve()
    // the document update went out at once; presence waits for the end of the event-loop turn
    expect(c.sent.map((m) => m[0])).toEqual([0])
    await until(() => awarenessMessages(c.sent).length > 0)
    // one message for the tick: the latest state of everyone who moved, the same bytes to all
    expect(awarenessMessages(c.sent)).toHaveLength(1)
    const seen = readBy(c.sent)
    expect(seen.getStates().get(pa.clientID)?.cursor).toEqual({ x: 3 })
    expect(seen.getStates().get(pb.clientID)?.cursor).toEqual({ x: 7 })
    expect(awarenessMessages(a.sent)).toEqual(awarenessMessages(c.sent))
    expect(awarenessMessages(b.sent)).toEqual(awarenessMessages(c.sent))

    // a lone mover does not get its own state back; a leaving one's removal reaches everyone
    move(pb, b.conn, 8)
    await until(() => awarenessMessages(c.sent).length > 1)
    expect(readBy(c.sent).getStates().get(pb.clientID)?.cursor).toEqual({ x: 8 })
    expect(awarenessMessages(b.sent)).toHaveLength(1)
    room.leave(a.conn)
    await until(() => awarenessMessages(c.sent).length > 2)
    expect(readBy(c.sent).getStates().has(pa.clientID)).toBe(false)
    expect(readBy(b.sent).getStates().has(pa.clientID)).toBe(false)
    await room.destroy()
  })

  it('recognises the sync step 1 of a client whose document is empty', () => {
    const fresh = new Uint8Array([0, 0, 1, 0])
    expect(isFreshSyncStep1(fresh)).toBe(true)
    const withState = new Y.Doc()
    withState.getMap('m').set('k', 1)
    const sv = Y.encodeStateVector(withState)
    expect(isFreshSyncStep1(new Uint8Array([0, 0, sv.byteLength, ...sv]))).toBe(false)
    expect(isFreshSyncStep1(new Uint8Array([1, 0, 1, 0]))).toBe(false)
  })
})
