import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { Role } from '../../../shared/schema/roles.ts'
import { describeUpdate } from './changes.ts'
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

/** One hand-written struct of a v1 update. */
interface RawItem {
  clock: number
  origin?: Y.ID
  rightOrigin?: Y.ID
  /** parent info, written only when the item has no origins: a root name or the id of the holding item */
  parent?: string | Y.ID
  parentSub?: string
  /** ContentAny values, or the length of a ContentDeleted */
  values?: unknown[]
  deleted?: number
}

/** A v1 update written by hand: the structs of each client in the given order, and an optional delete set. */
function rawUpdate(clients: Array<[number, RawItem[]]>, ds: Array<[number, Array<[number, number]>]> = []): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, clients.length)
  for (const [client, items] of clients) {
    encoding.writeVarUint(e, items.length)
    encoding.writeVarUint(e, client)
    encoding.writeVarUint(e, items[0]?.clock ?? 0)
    for (const item of items) {
      const ref = item.deleted !== undefined ? 1 : 8
      const hasParentSub = !item.origin && !item.rightOrigin && item.parentSub !== undefined
      encoding.writeUint8(e, ref | (item.origin ? 0x80 : 0) | (item.rightOrigin ? 0x40 : 0) | (hasParentSub ? 0x20 : 0))
      if (item.origin) {
        encoding.writeVarUint(e, item.origin.client)
        encoding.writeVarUint(e, item.origin.clock)
      }
      if (item.rightOrigin) {
        encoding.writeVarUint(e, item.rightOrigin.client)
        encoding.writeVarUint(e, item.rightOrigin.clock)
      }
      if (!item.origin && !item.rightOrigin) {
        if (typeof item.parent === 'string') {
          encoding.writeVarUint(e, 1)
          encoding.writeVarString(e, item.parent)
        } else {
          const id = item.parent as Y.ID
          encoding.writeVarUint(e, 0)
          encoding.writeVarUint(e, id.client)
          encoding.writeVarUint(e, id.clock)
        }
        if (hasParentSub) encoding.writeVarString(e, item.parentSub as string)
      }
      if (item.deleted !== undefined) encoding.writeVarUint(e, item.deleted)
      else {
        encoding.writeVarUint(e, item.values?.length ?? 0)
        for (const v of item.values ?? []) encoding.writeAny(e, v as never)
      }
    }
  }
  encoding.writeVarUint(e, ds.length)
  for (const [client, ranges] of ds) {
    encoding.writeVarUint(e, client)
    encoding.writeVarUint(e, ranges.length)
    for (const [clock, len] of ranges) {
      encoding.writeVarUint(e, clock)
      encoding.writeVarUint(e, len)
    }
  }
  return encoding.toUint8Array(e)
}

describe('attack: an update that throws half-way through Y.applyUpdate', () => {
  // Yjs integrates clients from the highest id down. A later client's item whose origin is a
  // later clock of its own client (a forward reference: Yjs checks only other clients' ids for
  // missing dependencies) throws inside applyUpdate — after the earlier clients' items were
  // integrated. The UndoManager's undo never runs, so the refused part stays applied (and the
  // room relays it: the transaction still ends and emits its update).
  it('keeps a refused edit of a locked element when the compensated update throws after it', () => {
    const server = board()
    const label = itemOf(server.getMap('elements').get('u1') as Y.Map<unknown>, 'label')
    const update = rawUpdate([
      [900_000, [{ clock: 0, origin: label.lastId, values: ['hijacked'] }]],
      [
        100,
        [
          { clock: 0, origin: Y.createID(100, 1), values: ['p'] },
          { clock: 1, parent: 'elements', parentSub: 'zz', values: ['q'] },
        ],
      ],
    ])
    let verdict: Verdict | undefined
    try {
      verdict = serve(server, 'editor', update)
    } catch {
      // protocol.ts catches this and reports the message as malformed: no 4400, no compensation
    }
    expect(verdict?.kind ?? 'threw').not.toBe('apply')
    expect(u1(server)).toEqual(lockedU1)
  })
})

describe('attack: a struct that overlaps what the server holds (Yjs integrates it with an offset)', () => {
  // An item of the sender's own client that starts one clock before the server's state is cut by
  // Yjs: its remainder gets the sender's previous item as its left neighbour — whatever the
  // decoded origin said — and, as the newest value of its key, deletes that neighbour. The guard
  // judges the decoded origin's place only.
  it("deletes a field of a locked element that the editor's own last item holds", () => {
    const server = board()
    const attacker = new Y.Doc()
    attacker.clientID = ATTACKER
    Y.applyUpdate(attacker, Y.encodeStateAsUpdate(server))
    const before = Y.encodeStateVector(attacker)
    // the editor makes u2 before it was locked: its last item is u2's `h`
    attacker.getMap('elements').set('u2', element({ id: 'u2', kind: 'use', label: 'Yard', x: 0, y: 0, w: 180, h: 90 }))
    expect(serve(server, 'editor', Y.encodeStateAsUpdate(attacker, before)).kind).toBe('apply')
    // a facilitator locks it
    ;(server.getMap('elements').get('u2') as Y.Map<unknown>).set('locked', true)
    const u2Before = (server.getMap('elements').get('u2') as Y.Map<unknown>).toJSON()
    const state = Y.getState(server.store, ATTACKER)
    const a1Label = itemOf(server.getMap('elements').get('a1') as Y.Map<unknown>, 'label')
    // clocks state-1 .. state: two values "set after" a1's label
    const update = rawUpdate([[ATTACKER, [{ clock: state - 1, origin: a1Label.lastId, values: ['x', 'y'] }]]])
    serve(server, 'editor', update)
    expect((server.getMap('elements').get('u2') as Y.Map<unknown>).toJSON()).toEqual(u2Before)
    expect((server.getMap('elements').get('a1') as Y.Map<unknown>).get('label')).toBe('Makers')
  })
})

describe('false forgeries: honest updates the guard takes for forged (the client is closed with 4400)', () => {
  it('an edit of an element someone deleted meanwhile (its fields are GC structs on the server) is not a forgery', () => {
    const server = board()
    const editor = new Y.Doc()
    Y.applyUpdate(editor, Y.encodeStateAsUpdate(server))
    // a facilitator deletes a1 on the server (its fields are garbage-collected there)…
    server.getMap('elements').delete('a1')
    // …while the editor, not yet aware, relabels it
    const before = Y.encodeStateVector(editor)
    ;(editor.getMap('elements').get('a1') as Y.Map<unknown>).set('label', 'Makers e.V.')
    const v = serve(server, 'editor', Y.encodeStateAsUpdate(editor, before))
    expect(v.kind).not.toBe('forged')
  })

  it('a merged update whose items chain through more than 64 items of another client id is not a forgery', () => {
    const server = board()
    // an offline session under one client id: a new note relabelled 70 times (one item per edit)…
    const offline = new Y.Doc()
    offline.clientID = 1000
    Y.applyUpdate(offline, Y.encodeStateAsUpdate(server))
    const before = Y.encodeStateVector(offline)
    offline.getMap('elements').set('n1', element({ id: 'n1', kind: 'note', label: 'a', x: 0, y: 0, w: 10, h: 10 }))
    // (a move between relabels keeps each label item a struct of its own: deleted neighbours do not merge)
    for (let i = 0; i < 70; i++) {
      const n1 = offline.getMap('elements').get('n1') as Y.Map<unknown>
      offline.transact(() => n1.set('label', `v${i}`))
      offline.transact(() => n1.set('x', i))
    }
    // …continued under a new, higher client id (a reload of the offline copy), then synced as one
    const later = new Y.Doc()
    later.clientID = 2000
    Y.applyUpdate(later, Y.encodeStateAsUpdate(offline))
    ;(later.getMap('elements').get('n1') as Y.Map<unknown>).set('label', 'final')
    const v = serve(server, 'editor', Y.encodeStateAsUpdate(later, before))
    expect(v.kind).toBe('apply')
    expect((server.getMap('elements').get('n1') as Y.Map<unknown>).get('label')).toBe('final')
  })
})

describe('attack: CPU and memory within one message', () => {
  // describeUpdate walks every delete range as sent (Y.decodeUpdate neither sorts nor merges
  // them) and pushes one change per live item in it, for a viewer too (the role is checked
  // after). 50,000 copies of one whole-range deletion (~300 KB, well under MAX_MESSAGE_BYTES)
  // over a 2,000-element board run the server out of memory: the process dies. Here: 300 copies.
  it('a viewer cannot make the guard read one delete range per item many times over (repeated ranges)', () => {
    const server = new Y.Doc({ gc: true })
    // a board of 2,000 elements written by one client (an import): 8,000 live items
    server.transact(() => {
      for (let i = 0; i < 2000; i++) server.getMap('elements').set(`n${i}`, element({ id: `n${i}`, kind: 'note', label: 'x' }))
    })
    const client = server.clientID
    const state = Y.getState(server.store, client)
    const ranges: Array<[number, number]> = Array.from({ length: 300 }, () => [0, state])
    const update = rawUpdate([], [[client, ranges]])
    expect(update.byteLength).toBeLessThan(4096)
    const described = describeUpdate(server, Y.decodeUpdate(update))
    const verdict = guardUpdate({
      doc: server,
      role: 'viewer',
      userId: 'v',
      now: 0,
      decoded: Y.decodeUpdate(update),
      isForeignWriter: () => false,
    }).verdict
    expect(verdict.kind).toBe('drop')
    // each live item is deleted at most once, whatever the message repeats
    expect(described.changes.length).toBeLessThanOrEqual(8000)
  }, 120_000)
})
