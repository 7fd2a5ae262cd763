import type { KeyCommand, KeyScope } from '../keyboard/keyboard-router.ts'
import { type ActionRegistry, runAction } from './actions/registry.ts'
import type { ActionContext } from './actions/types.ts'

/** What the canvas's keys need besides the actions: the gestures in progress. */
export interface CanvasKeyState {
  /** the element whose text is being edited (its editor has every key) */
  editing(): string | null
  /** Escape: drops a drag, marquee or link in progress; true if there was one */
  cancelGesture(): boolean
  setSpaceHeld(held: boolean): void
}

/** The canvas's actions as a keyboard scope: the keys of the actions registry, plus Escape and Space held to pan. */
export function canvasKeyScope(actions: ActionRegistry, context: () => ActionContext, state: CanvasKeyState): KeyScope {
  const commands: KeyCommand[] = actions.all.flatMap((action) =>
    action.keys
      ? [
          {
            id: action.name,
            label: action.label,
            group: action.group,
            keys: action.keys,
            enabled: () => state.editing() === null && action.enabled(context()),
            run: (event: KeyboardEvent) => runAction(action, context(), { source: 'keyboard', event }),
          },
        ]
      : [],
  )
  return {
    id: 'canvas',
    priority: 0,
    commands: () => commands,
    handleKey(event, focus) {
      if (state.editing() !== null) return false
      if (event.key === 'Escape' && state.cancelGesture()) {
        event.preventDefault()
        return true
      }
      if (event.key === ' ' && focus === 'free' && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault()
        state.setSpaceHeld(true)
        return true
      }
      return false
    },
    handleKeyUp(event) {
      if (event.key === ' ') state.setSpaceHeld(false)
    },
  }
}
