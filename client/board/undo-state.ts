import { type Accessor, createSignal, getOwner, onCleanup } from 'solid-js'
import type * as Y from 'yjs'
import { getElements } from '../../shared/schema/layout.ts'
import type { Selection } from './selection.ts'

const SELECTION_META = 'selection'

type StackEvent = { stackItem: { meta: Map<unknown, unknown> }; type: 'undo' | 'redo' }

/**
 * Undo/redo as the toolbar sees it: whether each is possible (from the undo manager's stack
 * events, so the buttons follow every change, including undo by shortcut) and the selection
 * each step had. After an undo or redo the selection is what it was when the step was made,
 * minus elements that no longer exist — never a selection of deleted elements.
 */
export interface UndoState {
  readonly canUndo: Accessor<boolean>
  readonly canRedo: Accessor<boolean>
  undo(): void
  redo(): void
}

export function createUndoState(doc: Y.Doc, undoManager: Y.UndoManager, selection: Selection): UndoState {
  const [canUndo, setCanUndo] = createSignal(undoManager.canUndo())
  const [canRedo, setCanRedo] = createSignal(undoManager.canRedo())
  const refresh = () => {
    setCanUndo(undoManager.canUndo())
    setCanRedo(undoManager.canRedo())
  }
  const existing = (ids: readonly string[]) => {
    const elements = getElements(doc)
    return ids.filter((id) => elements.has(id))
  }
  const onAdded = (event: StackEvent) => {
    if (!event.stackItem.meta.has(SELECTION_META)) event.stackItem.meta.set(SELECTION_META, [...selection.ids()])
    refresh()
  }
  const onPopped = (event: StackEvent) => {
    const remembered = event.stackItem.meta.get(SELECTION_META)
    const wanted = Array.isArray(remembered) ? (remembered as string[]) : selection.ids()
    // The step that is popped goes to the other stack: there it remembers the selection of now.
    selection.set(existing(wanted))
    refresh()
  }
  undoManager.on('stack-item-added', onAdded)
  undoManager.on('stack-item-popped', onPopped)
  undoManager.on('stack-cleared', refresh)
  undoManager.on('stack-item-updated', refresh)
  if (getOwner())
    onCleanup(() => {
      undoManager.off('stack-item-added', onAdded)
      undoManager.off('stack-item-popped', onPopped)
      undoManager.off('stack-cleared', refresh)
      undoManager.off('stack-item-updated', refresh)
    })
  return {
    canUndo,
    canRedo,
    undo: () => {
      undoManager.undo()
      refresh()
    },
    redo: () => {
      undoManager.redo()
      refresh()
    },
  }
}
