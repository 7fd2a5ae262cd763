import type { Message } from './types.ts'

/** English strings of the keyboard: key names, the shortcuts sheet, the context menu; spread into the catalog by en.ts. */
export const enKeyboard = {
  // Key caps
  'key.ctrl': 'Ctrl',
  'key.shift': 'Shift',
  'key.delete': 'Delete',
  'key.backspace': 'Backspace',
  'key.escape': 'Esc',
  'key.enter': 'Enter',
  'key.space': 'Space',
  'key.left': '←',
  'key.right': '→',
  'key.up': '↑',
  'key.down': '↓',
  'key.menu': 'Menu',

  // The shortcuts sheet
  'shortcuts.open': 'Keyboard shortcuts',
  'shortcuts.title': 'Keyboard shortcuts',
  'shortcuts.intro':
    'Shortcuts work on the board. While you type in a field or a card, or a dialog is open, keys stay with what you type.',
  'shortcuts.or': 'or',
  'shortcuts.group.tools': 'Tools',
  'shortcuts.group.edit': 'Edit',
  'shortcuts.group.arrange': 'Arrange',
  'shortcuts.group.view': 'View',
  'shortcuts.group.help': 'Help',
  'shortcuts.singleKeys': 'Single-key shortcuts',
  'shortcuts.singleKeysHint':
    'Letters, digits and symbols alone (such as N, ? or +). Turn them off if you use speech input or keys fire by accident; the toolbar and this button still work.',
  'shortcuts.announceRemote': 'Announce other people’s changes to screen readers',
  'shortcuts.off': 'off',
  'shortcuts.hold': 'Hold Space and drag to pan',
  'shortcuts.nudgeBig': 'Shift with an arrow moves 50 px',
  'shortcuts.walk': 'Tab or Alt with an arrow goes to the next or previous element on the board',
  'shortcuts.place':
    'A creation key (such as A, U or N), then Enter, places the element beside the selected one, or in the middle of the view',
  'shortcuts.editInInspector': 'Edit the fields in the inspector',
  'shortcuts.toolTooltip': '{name} — {hint}',

  // The context menu
  'contextMenu.label': 'Actions',
  'contextMenu.open': 'Open the context menu',
} as const satisfies Record<string, Message>
