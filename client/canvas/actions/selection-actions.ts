import { defineAction, isMod, isPlain } from './types.ts'

export const selectAll = defineAction({
  name: 'selectAll',
  label: 'action.selectAll',
  shortcut: 'shortcut.selectAll',
  enabled: () => true,
  keyTest: (e) => isMod(e) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'a',
  perform: ({ editor }) => editor.select(Object.keys(editor.elements())),
})

export const clearSelection = defineAction({
  name: 'clearSelection',
  label: 'action.clearSelection',
  shortcut: 'shortcut.clearSelection',
  enabled: ({ selection }) => selection.length > 0,
  keyTest: (e) => isPlain(e) && e.key === 'Escape',
  perform: ({ editor }) => editor.select([]),
})
