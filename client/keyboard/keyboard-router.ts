import { type Accessor, createSignal } from 'solid-js'
import type { MessageKey } from '../../shared/i18n/index.ts'
import type { ShortcutGroup } from '../canvas/actions/types.ts'
import { isCharacterKey, type KeyBinding, matchesKey } from './key-binding.ts'
import { type KeyFocus, keyFocusOf } from './key-focus.ts'

/** One thing a key can do: a canvas action, the image picker, the shortcuts sheet. */
export interface KeyCommand {
  readonly id: string
  readonly label: MessageKey
  readonly group: ShortcutGroup
  readonly keys: readonly KeyBinding[]
  enabled(): boolean
  run(event: KeyboardEvent): void
}

/**
 * A part of the UI that takes keys: the canvas, the workspace, a snapshot shown over the board.
 * Scopes are asked in priority order (highest first); the first command that takes a key runs.
 */
export interface KeyScope {
  readonly id: string
  readonly priority: number
  /** its commands, in the order they are tried (and listed) */
  commands(): readonly KeyCommand[]
  /** keys the scope handles itself before its commands (Escape ending a drag, Space held to pan); true when it took it */
  handleKey?(event: KeyboardEvent, focus: KeyFocus): boolean
  handleKeyUp?(event: KeyboardEvent): void
  /** scopes below get no keys while this one is registered (a snapshot hides the live board) */
  readonly modal?: boolean
}

export interface KeyboardRouter {
  /** adds a scope; returns its remover */
  register(scope: KeyScope): () => void
  /** every registered command with its keys, highest scope first (the shortcuts sheet); reactive */
  table(): readonly KeyCommand[]
  /** routes one key press; returns what took it */
  dispatch(event: KeyboardEvent): KeyCommand | 'scope' | null
  keyUp(event: KeyboardEvent): void
  /** character keys alone (N, ?, +) fire shortcuts; off for speech input and people who hit keys by accident */
  readonly singleKeys: Accessor<boolean>
}

/**
 * The one place keys are read (issue 12: three `document` handlers could not know that an
 * editor had focus). A key first meets the focus rules (`keyFocusOf`): typing and dialogs get
 * every key to themselves; then the scopes. `target`, when given, gets the listeners while at
 * least one scope is registered.
 */
export function createKeyboardRouter(options: { singleKeys: Accessor<boolean>; target?: Document }): KeyboardRouter {
  const [scopes, setScopes] = createSignal<readonly KeyScope[]>([])
  const byPriority = (list: readonly KeyScope[]) => [...list].sort((a, b) => b.priority - a.priority)

  const dispatch = (event: KeyboardEvent): KeyCommand | 'scope' | null => {
    if (event.defaultPrevented || event.isComposing) return null
    const focus = keyFocusOf(event.target)
    if (focus === 'typing' || focus === 'dialog') return null
    // Enter and Space press the focused button
    if (focus === 'control' && (event.key === 'Enter' || event.key === ' ')) return null
    const list = scopes()
    for (const [index, scope] of list.entries()) {
      if (scope.handleKey?.(event, focus)) return 'scope'
      for (const command of scope.commands()) {
        const binding = command.keys.find((b) => matchesKey(b, event))
        if (!binding || (!options.singleKeys() && isCharacterKey(binding))) continue
        if (!command.enabled()) continue
        event.preventDefault()
        command.run(event)
        return command
      }
      if (scope.modal) {
        // a key the hidden board would take is still held from the browser (Ctrl+D would bookmark, Ctrl+A select the page)
        const below = list.slice(index + 1).flatMap((s) => s.commands())
        if (below.some((command) => command.keys.some((b) => matchesKey(b, event)))) event.preventDefault()
        return null
      }
    }
    return null
  }
  const keyUp = (event: KeyboardEvent) => {
    for (const scope of scopes()) scope.handleKeyUp?.(event)
  }

  const onKeyDown = (event: KeyboardEvent) => {
    dispatch(event)
  }
  const listen = (on: boolean) => {
    const target = options.target
    if (!target) return
    if (on) {
      target.addEventListener('keydown', onKeyDown)
      target.addEventListener('keyup', keyUp)
    } else {
      target.removeEventListener('keydown', onKeyDown)
      target.removeEventListener('keyup', keyUp)
    }
  }

  return {
    register(scope) {
      if (scopes().length === 0) listen(true)
      setScopes((list) => byPriority([...list, scope]))
      return () => {
        setScopes((list) => list.filter((s) => s !== scope))
        if (scopes().length === 0) listen(false)
      }
    },
    table: () => {
      const seen = new Set<string>()
      const rows: KeyCommand[] = []
      for (const scope of scopes())
        for (const command of scope.commands()) {
          if (command.keys.length === 0 || seen.has(command.id)) continue
          seen.add(command.id)
          rows.push(command)
        }
      return rows
    },
    dispatch,
    keyUp,
    singleKeys: options.singleKeys,
  }
}
