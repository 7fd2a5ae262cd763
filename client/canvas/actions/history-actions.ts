import { canEdit } from '../../../shared/schema/roles.ts'
import { defineAction, isMod } from './types.ts'

/** Undo and redo take back only this person's changes (the UndoManager tracks the local origin). */
export const undo = defineAction({
  name: 'undo',
  label: 'action.undo',
  shortcut: 'shortcut.undo',
  enabled: ({ role, editor }) => canEdit(role) && editor.canUndo(),
  keyTest: (e) => isMod(e) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'z',
  perform: ({ editor }) => editor.undo(),
})

export const redo = defineAction({
  name: 'redo',
  label: 'action.redo',
  shortcut: 'shortcut.redo',
  enabled: ({ role, editor }) => canEdit(role) && editor.canRedo(),
  keyTest: (e) =>
    isMod(e) && !e.altKey && ((e.shiftKey && e.key.toLowerCase() === 'z') || (!e.shiftKey && e.key.toLowerCase() === 'y')),
  perform: ({ editor }) => editor.redo(),
})
