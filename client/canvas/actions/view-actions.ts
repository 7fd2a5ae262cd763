import { ZOOM_STEP } from '../viewport.ts'
import { defineAction } from './types.ts'

export const zoomIn = defineAction({
  name: 'zoomIn',
  label: 'action.zoomIn',
  group: 'view',
  // `+` is shifted on some layouts, `=` is the key without Shift on others
  keys: [
    { key: '+', shift: 'any' },
    { key: '+', mod: true, shift: 'any', listed: false },
    { key: '=', listed: false },
    { key: '=', mod: true, shift: 'any', listed: false },
  ],
  enabled: () => true,
  perform: ({ editor }) => editor.canvas.zoomBy(ZOOM_STEP),
})

export const zoomOut = defineAction({
  name: 'zoomOut',
  label: 'action.zoomOut',
  group: 'view',
  keys: [{ key: '-' }, { key: '-', mod: true, listed: false }, { key: '−', listed: false }],
  enabled: () => true,
  perform: ({ editor }) => editor.canvas.zoomBy(1 / ZOOM_STEP),
})

export const zoomToFit = defineAction({
  name: 'zoomToFit',
  label: 'action.zoomToFit',
  group: 'view',
  keys: [{ key: '!', code: 'Digit1', shift: true }],
  enabled: () => true,
  perform: ({ editor }) => editor.canvas.zoomToFit(),
})

export const zoomToSelection = defineAction({
  name: 'zoomToSelection',
  label: 'action.zoomToSelection',
  group: 'view',
  keys: [{ key: '@', code: 'Digit2', shift: true }],
  enabled: ({ selection }) => selection.length > 0,
  perform: ({ editor }) => editor.canvas.zoomToSelection(),
})

export const resetZoom = defineAction({
  name: 'resetZoom',
  label: 'action.resetZoom',
  group: 'view',
  keys: [{ key: ')', code: 'Digit0', shift: true }],
  enabled: () => true,
  perform: ({ editor }) => editor.canvas.setScale(1),
})

export const toggleMinimap = defineAction({
  name: 'toggleMinimap',
  label: 'action.toggleMinimap',
  group: 'view',
  keys: [{ key: 'm' }],
  enabled: () => true,
  perform: ({ editor }) => editor.toggleMinimap(),
})
