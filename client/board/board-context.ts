import { type Accessor, createContext, onCleanup, useContext } from 'solid-js'
import type { Role } from '../../shared/schema/roles.ts'
import type { Board, User } from '../api.ts'
import { createFacilitation, type Facilitation } from '../facilitation/facilitation-store.ts'
import { type BoardStore, createBoardStore } from './board-store.ts'
import { type BoardConnection, type ConnectionOptions, createBoardConnection } from './connection.ts'
import { createDocumentBinding, type DocumentBinding } from './document-binding.ts'
import { createLocalWrites, type LocalWrites } from './local-writes.ts'
import { createSelection, type Selection } from './selection.ts'
import { createStakeholderSync } from './stakeholder-sync.ts'
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
  /**
   * This person's role now: the one the server stamps on their presence (it follows a change a
   * facilitator makes while they are connected), else the role the board was opened with.
   * Read it inside reactive scopes so the UI follows a change without a reload.
   */
  readonly role: Accessor<Role>
  readonly color: string
  readonly connection: BoardConnection
  /**
   * The doc's elements, validated, and their changes: the one `elements` observer of this board.
   * The store and the canvas renderer both draw from it, so they see the same elements.
   */
  readonly binding: DocumentBinding
  readonly store: BoardStore
  /** the one way this person writes: typed operations with a local origin, undoable */
  readonly writes: LocalWrites
  readonly selection: Selection
  /** undo/redo of this person's own changes, with enabled states for the buttons */
  readonly undo: UndoState
  /** the live workshop: agenda, timer, vote, presenter … (server-written) and its commands */
  readonly facilitation: Facilitation
}

/** Opens the board; call inside a reactive owner (the board screen): closing it closes the board. */
export function createBoardSession(board: Board, me: User, options?: ConnectionOptions): BoardSession {
  const color = colorForUser(me.id)
  const connection = createBoardConnection(board.id, { id: me.id, name: me.displayName, color, role: board.role }, options)
  const binding = createDocumentBinding(connection.doc)
  onCleanup(() => binding.destroy())
  const store = createBoardStore(connection.doc, binding)
  const writes = createLocalWrites(connection.doc)
  createStakeholderSync(connection.doc, writes) // the influence/interest grid follows this person's edits
  const selection = createSelection()
  const undo = createUndoState(connection.doc, writes.undoManager, selection)
  const facilitation = createFacilitation(connection.doc, board.id)
  return { board, me, role: connection.role, color, connection, binding, store, writes, selection, undo, facilitation }
}

export const BoardContext = createContext<BoardSession>()

export function useBoard(): BoardSession {
  const session = useContext(BoardContext)
  if (!session) throw new Error('useBoard outside <BoardContext.Provider>')
  return session
}
