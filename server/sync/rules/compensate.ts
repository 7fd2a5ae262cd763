import * as Y from 'yjs'

/**
 * Applies an update and, in the same task, a compensating update that undoes its effect on
 * the refused paths (docs/architecture.md, "Refusals"). Why not drop a refused update: the
 * sender's later updates carry higher clocks of the same Yjs client and depend on it, so the
 * server would hold them as pending forever while still applying their deletions. Applied and
 * compensated, the update's structs are known to everyone, the sender's later edits integrate
 * as usual, and the refused change is gone again before anyone can observe it: the room relays
 * the two updates of one task merged into one message, and stores them together.
 *
 * The compensation is a server-side `UndoManager` capturing exactly this one transaction:
 * what the update inserted on a refused path is deleted, what it deleted there is redone (as
 * new items with the same content). Changes on other paths stay applied.
 *
 * `pathOf` gives an integrated item's path (see `integratedPath`); `refused(path)` tells
 * whether a path lies under a refused one.
 */
export function applyCompensated(
  doc: Y.Doc,
  update: Uint8Array,
  origin: object,
  refused: (path: readonly string[]) => boolean,
): void {
  const undo = new Y.UndoManager(doc, {
    trackedOrigins: new Set([origin]),
    captureTimeout: 0,
    // only what the update inserted on a refused path is deleted again
    deleteFilter: (item) => refusedHere(item),
  })
  let allRefused = false
  const refusedHere = (item: Y.Item) => allRefused || refused(integratedPath(item))
  try {
    try {
      Y.applyUpdate(doc, update, origin)
    } catch (error) {
      // Yjs threw half-way (the guard refuses every such update it knows of): what was
      // integrated before the throw is captured all the same, and all of it is undone
      allRefused = true
      undo.undo()
      throw error
    }
    const captured = undo.undoStack[undo.undoStack.length - 1]
    if (!captured) return
    // only what the update deleted on a refused path is redone
    captured.deletions = filterDeleteSet(doc, captured.deletions, refusedHere)
    undo.undo()
  } finally {
    undo.clear()
    undo.destroy()
  }
}

/** The path of an item that is part of the document: `elements/<id>/<field>`, `<map>/<key>`, … */
export function integratedPath(item: Y.Item): string[] {
  const path: string[] = []
  let current: Y.Item | null = item
  for (let depth = 0; current && depth < 1000; depth++) {
    path.push(current.parentSub ?? '#')
    const parent = current.parent as Y.AbstractType<unknown> | null
    if (!parent) break
    if (parent._item === null) {
      path.push(Y.findRootTypeKey(parent))
      break
    }
    current = parent._item
  }
  return path.reverse()
}

type DeleteSet = ReturnType<typeof Y.createDeleteSet>
type DeleteRange = NonNullable<ReturnType<DeleteSet['clients']['get']>>[number]

/** The ranges of `ds` whose items pass `keep` (one range per kept item). */
function filterDeleteSet(doc: Y.Doc, ds: DeleteSet, keep: (item: Y.Item) => boolean): DeleteSet {
  const kept = Y.createDeleteSet()
  doc.transact((transaction) => {
    Y.iterateDeletedStructs(transaction, ds, (struct) => {
      if (!(struct instanceof Y.Item) || !keep(struct)) return
      const range = { clock: struct.id.clock, len: struct.length } as DeleteRange
      const ranges = kept.clients.get(struct.id.client)
      if (ranges) ranges.push(range)
      else kept.clients.set(struct.id.client, [range])
    })
  })
  return kept
}
