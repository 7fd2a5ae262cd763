import { canEdit } from '../../../shared/schema/roles.ts'
import { defineAction } from './types.ts'

/** Undo and redo take back only this person's changes (the UndoManager tracks the local origin). */
export const undo = defineAction({
  name: 'undo',
  label: 'action.undo',
  group: 'edit',
  keys: [{ key: 'z', mod: true }],
  enabled: ({ role, editor }) => canEdit(role) && editor.canUndo(),
  perform: ({ editor }) => editor.undo(),
})

export const redo = defineAction({
  name: 'redo',
  label: 'action.redo',
  group: 'edit',
  keys: [
    { key: 'z', mod: true, shift: true },
    { key: 'y', mod: true },
  ],
  enabled: ({ role, editor }) => canEdit(role) && editor.canRedo(),
  perform: ({ editor }) => editor.redo(),
})
