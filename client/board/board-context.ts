import { createContext, createEffect, getOwner, onCleanup, useContext } from 'solid-js'
import type { Role } from '../../shared/schema/roles.ts'
import type { Board, User } from '../api.ts'
import { type BoardStore, createBoardStore } from './board-store.ts'
import { type CanvasSlot, createCanvasSlot } from './canvas-api.ts'
import { type BoardConnection, type ConnectionOptions, createBoardConnection } from './connection.ts'
import { type LocalWrites, createLocalWrites } from './local-writes.ts'
import { createPresencePublisher, type PresencePublisher } from './presence-publisher.ts'
import { type Selection, createSelection } from './selection.ts'
import { createUndoState, type UndoState } from './undo-state.ts'
import { colorForUser } from './user-color.ts'

/**
 * Everything a view of one open board reads: the REST metadata, who you are, the live
 * connection (doc, awareness, status, presence) and the Solid store bound to the doc. The
 * header, side panels and — next — the canvas all take it from here, so none of them opens
 * its own connection or keeps its own copy of board data.
 */
export interface BoardSession {
  readonly board: Board
  readonly me: User
  readonly role: Role
  readonly color: string
  readonly connection: BoardConnection
  readonly store: BoardStore
  /** the one way this person writes: typed operations with a local origin, undoable */
  readonly writes: LocalWrites
  readonly selection: Selection
  /** undo/redo of this person's own changes, with enabled states for the buttons */
  readonly undo: UndoState
  /** this person's cursor, selection and drag for the others (throttled awareness) */
  readonly publish: PresencePublisher
  /** the canvas announces itself here; toolbar, zoom controls and cursors read it */
  readonly canvas: CanvasSlot
}

/** What browser tests and the console may read (`window.__refreshBoard`); never written by the app. */
export interface BoardDebugHook {
  readonly boardId: string
  readonly doc: BoardSession['connection']['doc']
  readonly awareness: BoardSession['connection']['provider']['awareness']
  readonly provider: BoardSession['connection']['provider']
  selection(): readonly string[]
  canvas(): ReturnType<CanvasSlot['api']>
}

type DebugWindow = { __refreshBoard?: Partial<BoardDebugHook> & Record<string, unknown> }

/** Opens the board; call inside a reactive owner (the board screen): closing it closes the board. */
export function createBoardSession(board: Board, me: User, options?: ConnectionOptions): BoardSession {
  const color = colorForUser(me.id)
  const connection = createBoardConnection(board.id, { id: me.id, name: me.displayName, color, role: board.role }, options)
  const store = createBoardStore(connection.doc)
  const writes = createLocalWrites(connection.doc)
  const selection = createSelection()
  const undo = createUndoState(connection.doc, writes.undoManager, selection)
  const publish = createPresencePublisher(connection.provider.awareness)
  const canvas = createCanvasSlot()
  const session: BoardSession = { board, me, role: board.role, color, connection, store, writes, selection, undo, publish, canvas }
  if (getOwner()) {
    createEffect(() => publish.selection(selection.ids()))
    exposeDebugHook(session)
  }
  return session
}

/**
 * Read-only handles for tests and support (the doc, awareness, selection, canvas). Another
 * module (the canvas) may add its own keys to the same object; they are kept.
 */
function exposeDebugHook(session: BoardSession): void {
  if (typeof window === 'undefined') return
  const hook: BoardDebugHook = {
    boardId: session.board.id,
    doc: session.connection.doc,
    awareness: session.connection.provider.awareness,
    provider: session.connection.provider,
    selection: () => session.selection.ids(),
    canvas: () => session.canvas.api(),
  }
  const target = window as unknown as DebugWindow
  const existing = target.__refreshBoard
  target.__refreshBoard = Object.assign(existing && (!existing.doc || existing.doc === hook.doc) ? existing : {}, hook)
  onCleanup(() => {
    if (target.__refreshBoard?.doc === session.connection.doc) delete target.__refreshBoard
  })
}

export const BoardContext = createContext<BoardSession>()

export function useBoard(): BoardSession {
  const session = useContext(BoardContext)
  if (!session) throw new Error('useBoard outside <BoardContext.Provider>')
  return session
}
