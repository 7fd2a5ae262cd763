import { createRoot } from 'solid-js'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createLocalWrites } from './local-writes.ts'
import { createSelection } from './selection.ts'
import { createUndoState } from './undo-state.ts'

const note = (id: string) => ({ id, kind: 'note' as const, x: 0, y: 0, w: 100, h: 100, label: id })

function setup() {
  const doc = new Y.Doc()
  const writes = createLocalWrites(doc)
  const selection = createSelection()
  let undo!: ReturnType<typeof createUndoState>
  const dispose = createRoot((d) => {
    undo = createUndoState(doc, writes.undoManager, selection)
    return d
  })
  return { doc, writes, selection, undo, dispose }
}

describe('createUndoState', () => {
  it('follows the undo manager’s stacks, also when undo comes from elsewhere (a shortcut)', () => {
    const { writes, undo, dispose } = setup()
    expect([undo.canUndo(), undo.canRedo()]).toEqual([false, false])
    writes.apply({ type: 'element.add', elements: [note('n1')] })
    expect([undo.canUndo(), undo.canRedo()]).toEqual([true, false])
    writes.undoManager.undo()
    expect([undo.canUndo(), undo.canRedo()]).toEqual([false, true])
    undo.redo()
    expect([undo.canUndo(), undo.canRedo()]).toEqual([true, false])
    dispose()
  })

  it('never leaves deleted elements selected, and brings back the selection of the step', () => {
    const { writes, selection, undo, dispose } = setup()
    writes.apply({ type: 'element.add', elements: [note('n1')] })
    writes.undoManager.stopCapturing()
    selection.set(['n1'])
    writes.apply({ type: 'element.add', elements: [note('n2')] })
    selection.set(['n2'])
    undo.undo() // n2 goes: the selection of that step (n1) comes back
    expect(selection.ids()).toEqual(['n1'])
    undo.redo()
    expect(selection.ids()).toEqual(['n2'])
    undo.undo()
    undo.undo() // n1 goes too
    expect(selection.ids()).toEqual([])
    dispose()
  })

  it('does not undo someone else’s change', () => {
    const { doc, writes, undo, dispose } = setup()
    writes.apply({ type: 'element.add', elements: [note('mine')] })
    const remote = new Y.Doc()
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc))
    createLocalWrites(remote).apply({ type: 'element.add', elements: [note('theirs')] })
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote), 'remote')
    undo.undo()
    expect([...doc.getMap('elements').keys()]).toEqual(['theirs'])
    dispose()
  })
})
