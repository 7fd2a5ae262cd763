import { ZOOM_STEP } from '../viewport.ts'
import { defineAction, isMod, isPlain } from './types.ts'

export const zoomIn = defineAction({
  name: 'zoomIn',
  label: 'action.zoomIn',
  shortcut: 'shortcut.zoomIn',
  enabled: () => true,
  keyTest: (e) => !e.altKey && (e.key === '+' || (e.key === '=' && (isMod(e) || !e.shiftKey))),
  perform: ({ editor }) => editor.canvas.zoomBy(ZOOM_STEP),
})

export const zoomOut = defineAction({
  name: 'zoomOut',
  label: 'action.zoomOut',
  shortcut: 'shortcut.zoomOut',
  enabled: () => true,
  keyTest: (e) => !e.altKey && !e.shiftKey && (e.key === '-' || e.key === '−' || e.key === '_'),
  perform: ({ editor }) => editor.canvas.zoomBy(1 / ZOOM_STEP),
})

export const zoomToFit = defineAction({
  name: 'zoomToFit',
  label: 'action.zoomToFit',
  shortcut: 'shortcut.zoomToFit',
  enabled: () => true,
  keyTest: (e) => !isMod(e) && !e.altKey && e.shiftKey && (e.code === 'Digit1' || e.key === '!'),
  perform: ({ editor }) => editor.canvas.zoomToFit(),
})

export const zoomToSelection = defineAction({
  name: 'zoomToSelection',
  label: 'action.zoomToSelection',
  shortcut: 'shortcut.zoomToSelection',
  enabled: ({ selection }) => selection.length > 0,
  keyTest: (e) => !isMod(e) && !e.altKey && e.shiftKey && (e.code === 'Digit2' || e.key === '@'),
  perform: ({ editor }) => editor.canvas.zoomToSelection(),
})

export const resetZoom = defineAction({
  name: 'resetZoom',
  label: 'action.resetZoom',
  shortcut: 'shortcut.resetZoom',
  enabled: () => true,
  keyTest: (e) => !isMod(e) && !e.altKey && e.shiftKey && (e.code === 'Digit0' || e.key === ')'),
  perform: ({ editor }) => editor.canvas.setScale(1),
})

export const toggleMinimap = defineAction({
  name: 'toggleMinimap',
  label: 'action.toggleMinimap',
  shortcut: 'shortcut.toggleMinimap',
  enabled: () => true,
  keyTest: (e) => isPlain(e) && !e.shiftKey && e.key.toLowerCase() === 'm',
  perform: ({ editor }) => editor.toggleMinimap(),
})
