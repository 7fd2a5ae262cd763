import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { Role } from '../../../shared/schema/roles.ts'
import { applyCompensated } from './compensate.ts'
import { guardUpdate, underAny, type Verdict } from './guard.ts'

/** A y-websocket-free model of the server: guard, then apply / compensate, as protocol.ts does. */
function serve(server: Y.Doc, role: Role, update: Uint8Array, foreign: (client: number) => boolean = () => false): Verdict {
  const { verdict } = guardUpdate({
    doc: server,
    role,
    userId: 'attacker',
    now: 0,
    decoded: Y.decodeUpdate(update),
    isForeignWriter: foreign,
  })
  if (verdict.kind === 'apply') Y.applyUpdate(server, update, {})
  else if (verdict.kind === 'compensate') applyCompensated(server, update, {}, underAny(verdict.refusals))
  return verdict
}

const element = (fields: Record<string, unknown>) => {
  const m = new Y.Map<unknown>()
  for (const [k, v] of Object.entries(fields)) m.set(k, v)
  return m
}

/** A server doc (gc on, as the room's) holding an unlocked a1, a locked u1, a site profile and a writers' register. */
function board() {
  const server = new Y.Doc({ gc: true })
  server.transact(() => {
    const els = server.getMap('elements')
    els.set('a1', element({ id: 'a1', kind: 'actor', label: 'Makers', x: 0, y: 0, w: 180, h: 90 }))
    els.set('u1', element({ id: 'u1', kind: 'use', label: 'Hall', x: 0, y: 0, w: 180, h: 90, locked: true }))
    server.getMap('site').set('name', 'Mill')
    server.getMap('writers').set('4242', 'victim')
  })
  return server
}

const u1 = (doc: Y.Doc) => (doc.getMap('elements').get('u1') as Y.Map<unknown> | undefined)?.toJSON()
const lockedU1 = { id: 'u1', kind: 'use', label: 'Hall', x: 0, y: 0, w: 180, h: 90, locked: true }

/** The item a map holds under `key` (the current value's struct). */
function itemOf(map: Y.Map<unknown>, key: string): Y.Item {
  const item = (map as unknown as { _map: Map<string, Y.Item> })._map.get(key)
  if (!item) throw new Error(`no item under ${key}`)
  return item
}

/**
 * A hand-made v1 update of one struct: an item of `client` at `clock` holding ContentDeleted of
 * `len`, whose left origin is `origin` (no parent info: Yjs takes the origin's parent and key).
 * No delete set. What a client's encoder writes for a value it set and deleted before sending.
 */
function deletedItemAfter(client: number, clock: number, origin: Y.ID, len = 1): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, 1) // one client
  encoding.writeVarUint(e, 1) // one struct
  encoding.writeVarUint(e, client)
  encoding.writeVarUint(e, clock)
  encoding.writeUint8(e, 1 | 0x80) // ContentDeleted (ref 1), origin present
  encoding.writeVarUint(e, origin.client)
  encoding.writeVarUint(e, origin.clock)
  encoding.writeVarUint(e, len)
  encoding.writeVarUint(e, 0) // empty delete set
  return encoding.toUint8Array(e)
}

const ATTACKER = 777_001

describe('attack: a deleted-content item "set after" a value the editor may not touch', () => {
  // A struct whose content is ContentDeleted is skipped by describeUpdate, but Yjs still
  // integrates it as the newest value of its key: the map's previous value (its left
  // origin) is deleted by the integration itself, with no delete set in the update.
  it("deletes a locked element's `locked` field (the element is unlocked) — the guard lets it through", () => {
    const server = board()
    const lockedItem = itemOf(server.getMap('elements').get('u1') as Y.Map<unknown>, 'locked')
    serve(server, 'editor', deletedItemAfter(ATTACKER, 0, lockedItem.lastId))
    expect(u1(server)).toEqual(lockedU1)
  })

  it('deletes a whole locked element', () => {
    const server = board()
    const u1Item = itemOf(server.getMap('elements'), 'u1')
    serve(server, 'editor', deletedItemAfter(ATTACKER, 0, u1Item.lastId))
    expect(u1(server)).toEqual(lockedU1)
  })

  it("deletes a site field (facilitators only) and another account's entry in the writers' register", () => {
    const server = board()
    serve(server, 'editor', deletedItemAfter(ATTACKER, 0, itemOf(server.getMap('site'), 'name').lastId))
    serve(server, 'editor', deletedItemAfter(ATTACKER, 1, itemOf(server.getMap('writers'), '4242').lastId))
    expect(server.getMap('site').get('name')).toBe('Mill')
    expect(server.getMap('writers').get('4242')).toBe('victim')
  })
})
