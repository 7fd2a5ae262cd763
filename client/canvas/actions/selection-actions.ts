import { defineAction } from './types.ts'

export const selectAll = defineAction({
  name: 'selectAll',
  label: 'action.selectAll',
  group: 'edit',
  keys: [{ key: 'a', mod: true }],
  enabled: () => true,
  perform: ({ editor }) => editor.select(Object.keys(editor.elements())),
})

export const clearSelection = defineAction({
  name: 'clearSelection',
  label: 'action.clearSelection',
  group: 'edit',
  keys: [{ key: 'Escape' }],
  enabled: ({ selection }) => selection.length > 0,
  perform: ({ editor }) => editor.select([]),
})
