import type * as Y from 'yjs'
import type { OperationInput } from '../../shared/operations/operation.ts'
import type { OperationResult } from '../../shared/operations/operation-error.ts'
import type { BoardDocument } from '../../shared/schema/document.ts'
import type { Role } from '../../shared/schema/roles.ts'
import type { LiveAccess } from '../access.ts'

/**
 * The live content of boards (their Y.Docs), as the REST layer sees it. Implemented by the
 * sync room manager, so that a REST write (create from content, site change, restore) reaches
 * every connected client as an ordinary update and is persisted like one; and the live side of
 * access changes (a member's new role, a removed member, an ended session).
 */
export interface BoardContent extends LiveAccess {
  /** Writes the initial state of a new board (empty, from a template or an imported document). */
  initialize(boardId: string, document: BoardDocument): Promise<void>
  /** The board as the contract's JSON document (`board` carries the given id and title). */
  exportDocument(boardId: string, board: { id: string; title: string }): Promise<BoardDocument>
  /**
   * Applies an operation on someone's behalf, as one server-origin transaction, if their role
   * allows it (`applyOperationAs`): the only way REST, restore and commands write a board.
   */
  apply(boardId: string, op: OperationInput, actor: { role: Role }): Promise<OperationResult>
  /** Reads the board's live document (nothing written). */
  read<T>(boardId: string, reader: (doc: Y.Doc) => T): Promise<T>
  /** Closes the board's connections (4404) and deletes its stored content. */
  destroy(boardId: string): Promise<void>
}
