import type { MessageKey } from '../../../shared/i18n/index.ts'
import type { OperationInput } from '../../../shared/operations/operation.ts'
import type { OperationResult } from '../../../shared/operations/operation-error.ts'
import type { Role } from '../../../shared/schema/roles.ts'
import type { KeyBinding } from '../../keyboard/key-binding.ts'
import type { ElementLike } from '../board-geometry.ts'
import type { CanvasApi } from '../canvas-api.ts'
import type { Tool } from '../tools.ts'
import type { Point } from '../viewport.ts'

/** Every canvas action's name: a closed union, so a toolbar, menu or test cannot name one that is not there. */
export const commandNames = [
  'undo',
  'redo',
  'selectAll',
  'clearSelection',
  'deleteSelection',
  'duplicate',
  'copy',
  'cut',
  'paste',
  'bringToFront',
  'sendToBack',
  'bringForward',
  'sendBackward',
  'zoomToFit',
  'zoomToSelection',
  'resetZoom',
  'zoomIn',
  'zoomOut',
  'nudgeLeft',
  'nudgeRight',
  'nudgeUp',
  'nudgeDown',
  'resizeByKeys',
  'linkTo',
  'editText',
  'toggleMinimap',
] as const
export type ActionName = (typeof commandNames)[number] | `tool.${Tool}`

/** Where the shortcuts sheet lists an action. */
export type ShortcutGroup = 'tools' | 'edit' | 'arrange' | 'view' | 'help'

/** What an action may touch. The canvas builds it; a toolbar or menu gets it from the canvas. */
export interface ActionEditor {
  readonly board: { id: string; title: string }
  /** the live elements (the board store's state) */
  elements(): Readonly<Record<string, ElementLike>>
  apply(op: OperationInput): OperationResult
  /** several operations as one transaction, one undo step */
  applyAll(ops: readonly OperationInput[]): OperationResult
  select(ids: readonly string[]): void
  undo(): void
  redo(): void
  canUndo(): boolean
  canRedo(): boolean
  /** the pointer over the canvas (board coordinates), or null when it is elsewhere */
  pointer(): Point | null
  readonly canvas: CanvasApi
  readonly clipboard: ClipboardStore
  editText(id: string): void
  toggleMinimap(): void
}

/** The system clipboard through the async Clipboard API, with an in-memory fallback. */
export interface ClipboardStore {
  write(text: string): Promise<void>
  /** the clipboard's text; the in-memory copy when the system clipboard cannot be read */
  read(): Promise<string | null>
}

export interface ActionContext {
  readonly role: Role
  readonly selection: readonly string[]
  readonly editor: ActionEditor
}

export type ActionSource = 'keyboard' | 'toolbar' | 'menu' | 'api'

/** How an action was started: the key press, when it was one. */
export interface ActionInvocation {
  readonly source: ActionSource
  readonly event?: KeyboardEvent
}

/** One user command, shared by keyboard shortcut, toolbar, menu and API (STYLE.md, Excalidraw). */
export interface Action {
  readonly name: ActionName
  /** catalog key of the label (and tooltip) */
  readonly label: MessageKey
  readonly group: ShortcutGroup
  /** its keys, as data: the keyboard router matches them, the shortcuts sheet and menus show them */
  readonly keys?: readonly KeyBinding[]
  enabled(context: ActionContext): boolean
  perform(context: ActionContext, invocation: ActionInvocation): void | Promise<void>
}

export const defineAction = (action: Action): Action => action
