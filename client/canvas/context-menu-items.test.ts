import { describe, expect, it } from 'vitest'
import type { Role } from '../../shared/schema/roles.ts'
import { canvasActions } from './actions/registry.ts'
import type { ActionContext, ActionEditor } from './actions/types.ts'
import { applicable, canvasEntries, elementEntries } from './context-menu-items.ts'

const elements = {
  a1: { id: 'a1', kind: 'actor', x: 0, y: 0, w: 100, h: 50, label: 'A' },
  n1: { id: 'n1', kind: 'note', x: 10, y: 10, w: 100, h: 100, label: 'N', locked: true },
}

function menuOf(role: Role, selection: string[], entries = elementEntries) {
  const editor = { elements: () => elements, canUndo: () => false, canRedo: () => false } as unknown as ActionEditor
  const context: ActionContext = { role, selection, editor }
  return applicable({ actions: canvasActions, actionContext: () => context }, entries).map((item) =>
    item === 'separator' ? '|' : item.name,
  )
}

describe('context menu items', () => {
  it('lists what applies to an element an editor may change, in groups', () => {
    expect(menuOf('editor', ['a1'])).toEqual([
      'editText',
      'linkTo',
      'duplicate',
      'copy',
      'cut',
      'paste',
      '|',
      'bringToFront',
      'bringForward',
      'sendBackward',
      'sendToBack',
      '|',
      'zoomToSelection',
      '|',
      'deleteSelection',
    ])
  })

  it('leaves out what a lock or a role forbids, and the separators around nothing', () => {
    expect(menuOf('editor', ['n1'])).toEqual(['duplicate', 'copy', 'paste', '|', 'zoomToSelection'])
    expect(menuOf('viewer', ['a1'])).toEqual(['copy', '|', 'zoomToSelection'])
  })

  it('offers the board on empty canvas', () => {
    expect(menuOf('editor', [], canvasEntries)).toEqual(['paste', 'selectAll', '|', 'zoomToFit', 'resetZoom', 'toggleMinimap'])
    expect(menuOf('viewer', [], canvasEntries)).toEqual(['selectAll', '|', 'zoomToFit', 'resetZoom', 'toggleMinimap'])
  })
})
