import type { Action, ActionName } from './actions/types.ts'
import type { CanvasApi } from './canvas-api.ts'

export type Entry = ActionName | 'separator'

/** What a right-click offers, in this order; only the actions that apply (enabled) are shown. */
export const elementEntries: readonly Entry[] = [
  'editText',
  'linkTo',
  'duplicate',
  'copy',
  'cut',
  'paste',
  'separator',
  'bringToFront',
  'bringForward',
  'sendBackward',
  'sendToBack',
  'separator',
  'zoomToSelection',
  'separator',
  'deleteSelection',
]
export const canvasEntries: readonly Entry[] = ['paste', 'selectAll', 'separator', 'zoomToFit', 'resetZoom', 'toggleMinimap']

/** The enabled actions of `entries`, with separators only between groups that are shown. */
export function applicable(
  canvas: Pick<CanvasApi, 'actions' | 'actionContext'>,
  entries: readonly Entry[],
): (Action | 'separator')[] {
  const context = canvas.actionContext()
  const items: (Action | 'separator')[] = []
  for (const entry of entries) {
    if (entry === 'separator') {
      if (items.length > 0 && items[items.length - 1] !== 'separator') items.push('separator')
      continue
    }
    const action = canvas.actions.get(entry)
    if (action?.enabled(context)) items.push(action)
  }
  if (items[items.length - 1] === 'separator') items.pop()
  return items
}
