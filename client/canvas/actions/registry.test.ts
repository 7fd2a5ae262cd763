import { createSignal } from 'solid-js'
import { describe, expect, it, vi } from 'vitest'
import { createKeyboardRouter } from '../../keyboard/keyboard-router.ts'
import type { CanvasApi } from '../canvas-api.ts'
import { canvasKeyScope } from '../canvas-keys.ts'
import { tools } from '../tools.ts'
import { canvasActions, createActionRegistry } from './registry.ts'
import type { ActionContext, ActionEditor, ActionName } from './types.ts'
import { commandNames, defineAction } from './types.ts'

/** A key press through the keyboard router and the canvas's scope, as the page does it; the action run, if any. */
function dispatchKey(registry: typeof canvasActions, event: KeyboardEvent, context: ActionContext) {
  const router = createKeyboardRouter({ singleKeys: createSignal(true)[0] })
  router.register(
    canvasKeyScope(registry, () => context, {
      editing: () => null,
      cancelGesture: () => false,
      setSpaceHeld: () => {},
      isCanvas: () => false,
    }),
  )
  const taken = router.dispatch(event)
  return taken && taken !== 'scope' ? (registry.get(taken.id as ActionName) ?? null) : null
}

function key(init: KeyboardEventInit & { target?: EventTarget }): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { cancelable: true, ...init })
  if (init.target) Object.defineProperty(event, 'target', { value: init.target })
  return event
}

function fakeContext(role: ActionContext['role'], selection: string[] = []) {
  const elements: Record<string, { id: string; kind: string } & Record<string, unknown>> = {
    a1: { id: 'a1', kind: 'actor', x: 0, y: 0, w: 100, h: 50, label: 'A', sector: 'creative', commitment: 'idea' },
    n1: { id: 'n1', kind: 'note', x: 10, y: 10, w: 100, h: 100, label: 'N', locked: true },
  }
  const apply = vi.fn(() => ({ ok: true as const }))
  const canvas = {
    setTool: vi.fn(),
    zoomBy: vi.fn(),
    zoomToFit: vi.fn(),
    zoomToSelection: vi.fn(),
    setScale: vi.fn(),
    centre: () => ({ x: 0, y: 0 }),
  }
  const editor: ActionEditor = {
    board: { id: 'b', title: 'B' },
    elements: () => elements,
    apply,
    applyAll: apply,
    select: vi.fn(),
    undo: vi.fn(),
    redo: vi.fn(),
    canUndo: () => true,
    canRedo: () => true,
    pointer: () => null,
    canvas: canvas as unknown as CanvasApi,
    clipboard: { write: vi.fn(async () => {}), read: vi.fn(async () => null) },
    editText: vi.fn(),
    toggleMinimap: vi.fn(),
  }
  const context: ActionContext = { role, selection, editor }
  return { context, editor, apply, canvas }
}

describe('action registry', () => {
  it('has unique names, one action for every name of the closed union, and a label key for every action', () => {
    const names = canvasActions.all.map((a) => a.name)
    expect(new Set(names).size).toBe(names.length)
    expect([...names].sort()).toEqual([...commandNames, ...tools.map((tool) => `tool.${tool}`)].sort())
    for (const action of canvasActions.all) expect(action.label).toMatch(/^(action|tool)\./)
  })

  it('refuses duplicate names', () => {
    const a = defineAction({ name: 'copy', label: 'action.copy', group: 'edit', enabled: () => true, perform: () => {} })
    expect(() => createActionRegistry([a, a])).toThrow(/duplicate/)
  })

  it('dispatches Delete to deleteSelection with links, and prevents the default', () => {
    const { context, apply } = fakeContext('editor', ['a1'])
    const event = key({ key: 'Delete' })
    expect(dispatchKey(canvasActions, event, context)?.name).toBe('deleteSelection')
    expect(event.defaultPrevented).toBe(true)
    expect(apply).toHaveBeenCalledWith({ type: 'element.delete', ids: ['a1'], withLinks: true })
  })

  it('does not let an editor delete a locked element', () => {
    const { context, apply } = fakeContext('editor', ['n1'])
    expect(dispatchKey(canvasActions, key({ key: 'Delete' }), context)).toBeNull()
    expect(apply).not.toHaveBeenCalled()
    const facilitator = fakeContext('facilitator', ['n1'])
    expect(dispatchKey(canvasActions, key({ key: 'Backspace' }), facilitator.context)?.name).toBe('deleteSelection')
  })

  it('lets a viewer look around but not change anything', () => {
    const { context, apply, canvas } = fakeContext('viewer', ['a1'])
    for (const k of [
      { key: 'Delete' },
      { key: 'd', ctrlKey: true },
      { key: 'v', ctrlKey: true },
      { key: 'ArrowLeft' },
      { key: 'z', ctrlKey: true },
      { key: 'a' },
    ]) {
      const action = dispatchKey(canvasActions, key(k), context)
      expect(action, JSON.stringify(k)).toBeNull()
    }
    expect(apply).not.toHaveBeenCalled()
    expect(dispatchKey(canvasActions, key({ key: '!', code: 'Digit1', shiftKey: true }), context)?.name).toBe('zoomToFit')
    expect(canvas.zoomToFit).toHaveBeenCalled()
    expect(dispatchKey(canvasActions, key({ key: 'h' }), context)?.name).toBe('tool.pan')
  })

  it('maps the shortcuts to their actions', () => {
    const { context } = fakeContext('owner', ['a1'])
    const cases: [KeyboardEventInit, string][] = [
      [{ key: 'z', ctrlKey: true }, 'undo'],
      [{ key: 'Z', ctrlKey: true, shiftKey: true }, 'redo'],
      [{ key: 'y', ctrlKey: true }, 'redo'],
      [{ key: 'a', metaKey: true }, 'selectAll'],
      [{ key: 'd', ctrlKey: true }, 'duplicate'],
      [{ key: ']', code: 'BracketRight', ctrlKey: true }, 'bringForward'],
      [{ key: '}', code: 'BracketRight', ctrlKey: true, shiftKey: true }, 'bringToFront'],
      [{ key: '[', code: 'BracketLeft', ctrlKey: true }, 'sendBackward'],
      [{ key: '{', code: 'BracketLeft', ctrlKey: true, shiftKey: true }, 'sendToBack'],
      [{ key: '=', ctrlKey: true }, 'zoomIn'],
      [{ key: '+', shiftKey: true }, 'zoomIn'],
      [{ key: '-', ctrlKey: true }, 'zoomOut'],
      [{ key: ')', code: 'Digit0', shiftKey: true }, 'resetZoom'],
      [{ key: '@', code: 'Digit2', shiftKey: true }, 'zoomToSelection'],
      [{ key: 'ArrowRight', shiftKey: true }, 'nudgeRight'],
      [{ key: 'a' }, 'tool.actor'],
      [{ key: 'Escape' }, 'clearSelection'],
    ]
    for (const [init, name] of cases)
      expect(dispatchKey(canvasActions, key(init), context)?.name, JSON.stringify(init)).toBe(name)
  })

  it('nudges by 10 px, 50 px with Shift, as one move each', () => {
    const { context, apply } = fakeContext('editor', ['a1'])
    dispatchKey(canvasActions, key({ key: 'ArrowRight' }), context)
    dispatchKey(canvasActions, key({ key: 'ArrowDown', shiftKey: true }), context)
    expect(apply).toHaveBeenNthCalledWith(1, { type: 'element.move', moves: [{ id: 'a1', x: 10, y: 0 }] })
    expect(apply).toHaveBeenNthCalledWith(2, { type: 'element.move', moves: [{ id: 'a1', x: 0, y: 50 }] })
  })

  it('resizes the selected box with Ctrl+arrows by 10 px (Shift 50), never below 20 px', () => {
    const { context, apply } = fakeContext('editor', ['a1'])
    dispatchKey(canvasActions, key({ key: 'ArrowRight', ctrlKey: true }), context)
    dispatchKey(canvasActions, key({ key: 'ArrowUp', ctrlKey: true, shiftKey: true }), context)
    expect(apply).toHaveBeenNthCalledWith(1, { type: 'element.resize', id: 'a1', w: 110, h: 50 })
    expect(apply).toHaveBeenNthCalledWith(2, { type: 'element.resize', id: 'a1', w: 100, h: 20 })
  })

  it('ignores keys typed into fields', () => {
    const { context, apply } = fakeContext('editor', ['a1'])
    const input = document.createElement('input')
    expect(dispatchKey(canvasActions, key({ key: 'Delete', target: input }), context)).toBeNull()
    expect(apply).not.toHaveBeenCalled()
  })
})
