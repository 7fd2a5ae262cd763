import { unwrap } from 'solid-js/store'
import type { KeyCommand, KeyScope } from '../keyboard/keyboard-router.ts'
import { type ActionRegistry, runAction } from './actions/registry.ts'
import type { ActionContext } from './actions/types.ts'
import { boxOf } from './board-geometry.ts'
import { readingOrder, viewShowing, walkFrom } from './keyboard-walk.ts'
import { isCreationTool } from './tools.ts'

/** What the canvas's keys need besides the actions: the gestures in progress. */
export interface CanvasKeyState {
  /** the element whose text is being edited (its editor has every key) */
  editing(): string | null
  /** Escape: drops a drag, marquee or link in progress; true if there was one */
  cancelGesture(): boolean
  setSpaceHeld(held: boolean): void
  /** true when a key press comes from the canvas itself (not a button or the page around it) */
  isCanvas(target: EventTarget | null): boolean
}

/** Selects the next (or previous) element in reading order and brings it into view; false past either end. */
function walk(context: ActionContext, step: 1 | -1): boolean {
  const { editor, selection } = context
  // the plain objects: sorting through the store's proxies costs a read trap per field on a large board
  const elements = unwrap(editor.elements())
  const next = walkFrom(readingOrder(elements), selection, step)
  if (!next) return false
  editor.select([next])
  showInView(context, next)
  return true
}

function showInView({ editor }: ActionContext, id: string) {
  const box = boxOf(editor.elements()[id])
  const view = box && viewShowing(box, editor.canvas.viewport(), editor.canvas.size())
  if (view) editor.canvas.setView(view, { animate: false })
}

/** Where a keyboard-placed element goes: to the right of the selected element, else the centre of the view. */
function placeFor({ editor, selection }: ActionContext) {
  const box = boxOf(editor.elements()[selection[0] ?? ''])
  return box ? { x: box.x + box.width + 160, y: box.y + box.height / 2 } : undefined
}

const walkKeys: Readonly<Record<string, 1 | -1>> = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 }

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
      const plain = !event.ctrlKey && !event.metaKey
      // Tab / Shift+Tab on the canvas walk the elements; past the last one Tab leaves the canvas (no trap)
      if (event.key === 'Tab' && plain && !event.altKey && state.isCanvas(event.target)) {
        if (!walk(context(), event.shiftKey ? -1 : 1)) return false
        event.preventDefault()
        return true
      }
      // Alt+arrows walk too (plain arrows move the selection)
      const direction = walkKeys[event.key]
      if (direction && event.altKey && plain && !event.shiftKey && state.isCanvas(event.target)) {
        event.preventDefault()
        walk(context(), direction)
        return true
      }
      // a creation key (A, U, N …) then Enter places the element without the mouse
      if (event.key === 'Enter' && plain && !event.altKey && !event.shiftKey && state.isCanvas(event.target)) {
        const ctx = context()
        const tool = ctx.editor.canvas.tool()
        if (isCreationTool(tool)) {
          event.preventDefault()
          const id = ctx.editor.canvas.createElement(tool, placeFor(ctx))
          if (id) showInView(ctx, id)
          return true
        }
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
