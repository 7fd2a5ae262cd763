import type { Message } from './types.ts'

/** English strings of the canvas part of the board UI; spread into the catalog by en.ts. */
export const enCanvas = {
  'canvas.label': 'Board canvas',
  'canvas.mirror': 'Elements on the board, in reading order',
  'canvas.description':
    'Drag to select, drag elements to move them. Scroll or pinch to zoom, hold Space and drag to pan. Press Shift+1 to see everything.',
  'canvas.readOnly': 'View only: you can look around and select, not change.',
  'canvas.minimap': 'Minimap',
  'canvas.minimapHide': 'Hide minimap',
  'canvas.minimapShow': 'Show minimap',
  'canvas.zoomLevel': 'Zoom {percent} %',
  'canvas.editText': 'Edit text',
  'canvas.editTextHint': 'Ctrl+Enter to save, Escape to cancel',
  'canvas.connect': 'Drag to link',

  // Defaults of new elements
  'canvas.new.actor': 'New actor',
  'canvas.new.use': 'New use',
  'canvas.new.zone': 'New zone',
  'canvas.new.frame': 'Frame',
  'canvas.new.phase': 'New phase',
  'canvas.phase.inPast':
    'This phase starts in {start}, before this month: its place on the timeline is in the past. Drag it to the right for later months.',

  // Tools
  'tool.select': 'Select',
  'tool.pan': 'Hand (pan)',
  'tool.actor': 'Actor',
  'tool.use': 'Use',
  'tool.note': 'Note',
  'tool.zone': 'Zone',
  'tool.frame': 'Frame',
  'tool.phase': 'Phase',
  'tool.link': 'Link',

  // Actions
  'action.selectAll': 'Select all',
  'action.clearSelection': 'Clear selection',
  'action.deleteSelection': 'Delete',
  'action.duplicate': 'Duplicate',
  'action.copy': 'Copy',
  'action.cut': 'Cut',
  'action.paste': 'Paste',
  'action.bringForward': 'Bring forward',
  'action.sendBackward': 'Send backward',
  'action.bringToFront': 'Bring to front',
  'action.sendToBack': 'Send to back',
  'action.undo': 'Undo',
  'action.redo': 'Redo',
  'action.zoomIn': 'Zoom in',
  'action.zoomOut': 'Zoom out',
  'action.zoomToFit': 'Zoom to fit',
  'action.zoomToSelection': 'Zoom to selection',
  'action.resetZoom': 'Zoom to 100 %',
  'action.nudgeLeft': 'Move left',
  'action.nudgeRight': 'Move right',
  'action.nudgeUp': 'Move up',
  'action.nudgeDown': 'Move down',
  'action.resizeByKeys': 'Resize (wider, narrower, taller, shorter)',
  'action.linkTo': 'Link to…',
  'linkDialog.filter': 'Filter',
  'linkDialog.target': 'Element to link to',
  'action.editText': 'Edit text',
  'action.toggleMinimap': 'Show or hide the minimap',
} as const satisfies Record<string, Message>
