import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createLocalWrites } from './local-writes.ts'

/**
 * What a refusal leaves on this person's undo stack. The server applies a refused update and at
 * once undoes the refused part (CONTRACT.md, "Refused updates"): its undo reaches us as a remote
 * change. Our undo stack still holds the step; undoing it must neither bring the refused change
 * back nor lose the undo of the edits the server kept.
 */

const box = (id: string, x: number, extra: Record<string, unknown> = {}) => ({
  id,
  kind: 'note' as const,
  x,
  y: 0,
  w: 100,
  h: 100,
  label: id,
  ...extra,
})

const fieldOf = (doc: Y.Doc, id: string, field: string) =>
  (doc.getMap('elements').get(id) as Y.Map<unknown> | undefined)?.get(field)

/** The server: applies a client's update, then undoes what it wrote under `elements/<refusedId>` (a server-side undo, as the room does). */
function applyRefusing(server: Y.Doc, update: Uint8Array, refusedId: string): void {
  const origin = { name: 'client' }
  const isRefused = (item: Y.Item) => {
    let current: Y.Item | null = item
    while (current && (current.parent as Y.AbstractType<unknown>)._item)
      current = (current.parent as Y.AbstractType<unknown>)._item
    return current?.parentSub === refusedId
  }
  const undo = new Y.UndoManager(server.getMap('elements'), {
    trackedOrigins: new Set([origin]),
    captureTimeout: 0,
    deleteFilter: isRefused,
  })
  Y.applyUpdate(server, update, origin)
  const step = undo.undoStack.at(-1)
  if (step) {
    // only what the update deleted under the refused element comes back
    const kept = Y.createDeleteSet()
    server.transact((tr) =>
      Y.iterateDeletedStructs(tr, step.deletions, (struct) => {
        if (!(struct instanceof Y.Item) || !isRefused(struct)) return
        const ranges = kept.clients.get(struct.id.client) ?? []
        ranges.push({ clock: struct.id.clock, len: struct.length } as (typeof ranges)[number])
        kept.clients.set(struct.id.client, ranges)
      }),
    )
    step.deletions = kept
  }
  undo.undo()
  undo.destroy()
}

function setup() {
  const server = new Y.Doc()
  const facilitator = createLocalWrites(server)
  facilitator.apply({ type: 'element.add', elements: [box('locked-one', 0), box('free', 200)] })
  const client = new Y.Doc()
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server), 'server')
  const writes = createLocalWrites(client)
  return { server, client, writes }
}

describe('undo after a refused change', () => {
  it('keeps the server’s value of the refused field and still undoes the kept edits', () => {
    const { server, client, writes } = setup()
    // one step that moves a locked element and a free one (a multi-selection drag)
    const before = Y.encodeStateVector(server)
    writes.apply({
      type: 'element.move',
      moves: [
        { id: 'locked-one', x: 50, y: 50 },
        { id: 'free', x: 250, y: 50 },
      ],
    })
    writes.undoManager.stopCapturing()
    applyRefusing(server, Y.encodeStateAsUpdate(client, before), 'locked-one')
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server, Y.encodeStateVector(client)), 'server')
    expect([fieldOf(client, 'locked-one', 'x'), fieldOf(client, 'free', 'x')]).toEqual([0, 250])

    // a later edit of this person
    writes.apply({ type: 'element.add', elements: [box('n-new', 400)] })
    writes.undoManager.stopCapturing()

    writes.undoManager.undo() // the new note goes
    expect(fieldOf(client, 'n-new', 'x')).toBeUndefined()
    writes.undoManager.undo() // the drag: the free element goes back, the locked one does not move
    expect([fieldOf(client, 'locked-one', 'x'), fieldOf(client, 'free', 'x')]).toEqual([0, 200])
    writes.undoManager.redo()
    expect([fieldOf(client, 'locked-one', 'x'), fieldOf(client, 'free', 'x')]).toEqual([0, 250])
  })

  it('a refused deletion is not deleted again by redo, nor undone twice', () => {
    const { server, client, writes } = setup()
    const before = Y.encodeStateVector(server)
    writes.apply({ type: 'element.delete', ids: ['locked-one'], withLinks: false })
    writes.undoManager.stopCapturing()
    applyRefusing(server, Y.encodeStateAsUpdate(client, before), 'locked-one')
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server, Y.encodeStateVector(client)), 'server')
    expect(fieldOf(client, 'locked-one', 'label')).toBe('locked-one')

    writes.undoManager.undo()
    expect([...client.getMap('elements').keys()].filter((id) => id === 'locked-one')).toHaveLength(1)
    expect(fieldOf(client, 'locked-one', 'label')).toBe('locked-one')
    writes.undoManager.redo()
    expect(fieldOf(client, 'locked-one', 'label')).toBe('locked-one')
  })
})
