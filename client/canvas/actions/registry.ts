import { copy, cut, paste } from './clipboard-actions.ts'
import {
  deleteSelection,
  duplicate,
  editText,
  linkTo,
  nudgeDown,
  nudgeLeft,
  nudgeRight,
  nudgeUp,
  resizeByKeys,
} from './edit-actions.ts'
import { redo, undo } from './history-actions.ts'
import { bringForward, bringToFront, sendBackward, sendToBack } from './order-actions.ts'
import { clearSelection, selectAll } from './selection-actions.ts'
import { toolActions } from './tool-actions.ts'
import type { Action, ActionContext, ActionInvocation, ActionName } from './types.ts'
import { resetZoom, toggleMinimap, zoomIn, zoomOut, zoomToFit, zoomToSelection } from './view-actions.ts'

/** Every canvas action, by name. Order matters for key dispatch: the first enabled match wins. */
export interface ActionRegistry {
  readonly all: readonly Action[]
  get(name: ActionName): Action | undefined
}

export function createActionRegistry(actions: readonly Action[]): ActionRegistry {
  const byName = new Map<ActionName, Action>()
  for (const action of actions) {
    if (byName.has(action.name)) throw new Error(`duplicate action ${action.name}`)
    byName.set(action.name, action)
  }
  return { all: actions, get: (name) => byName.get(name) }
}

/** The canvas's actions: shortcuts, the toolbar and a context menu all run these. */
export const canvasActions: ActionRegistry = createActionRegistry([
  undo,
  redo,
  selectAll,
  clearSelection,
  deleteSelection,
  duplicate,
  copy,
  cut,
  paste,
  bringToFront,
  sendToBack,
  bringForward,
  sendBackward,
  zoomToFit,
  zoomToSelection,
  resetZoom,
  zoomIn,
  zoomOut,
  nudgeLeft,
  nudgeRight,
  nudgeUp,
  nudgeDown,
  resizeByKeys,
  linkTo,
  editText,
  toggleMinimap,
  ...toolActions,
])

/** Runs an action if it is enabled; errors of async actions (clipboard) are reported, not thrown. */
export function runAction(action: Action, context: ActionContext, invocation: ActionInvocation): boolean {
  if (!action.enabled(context)) return false
  const result = action.perform(context, invocation)
  if (result instanceof Promise) result.catch((error: unknown) => console.warn(`action ${action.name} failed`, error))
  return true
}
