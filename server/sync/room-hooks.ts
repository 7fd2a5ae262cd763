import type * as Y from 'yjs'

/**
 * Where rooms keep their boards: the hook the room manager calls at each point of a room's
 * life, as Hocuspocus's extensions are called (onLoadDocument, onChange, onStoreDocument,
 * afterUnloadDocument). The room manager knows nothing of how or where boards are stored;
 * server/storage/log-persistence.ts implements this over the update log.
 */
export interface RoomPersistence {
  /** The board's stored state, merged into one update (null: nothing stored), and what reading it found. */
  read(boardId: string): Promise<{ update: Uint8Array | null; stats: Record<string, unknown> }>
  /** An update this instance applied from its own client or a server write: store it (queued; never throws). */
  append(boardId: string, update: Uint8Array, doc: Y.Doc): void
  /** Resolves once everything appended so far is stored. */
  flush(boardId: string): Promise<void>
  /**
   * Stores the room's whole state and drops the pieces it covers (the room is unloading or the
   * server stops). `waitForStorage`: while storage is away, wait for it (and for the updates kept
   * meanwhile to be written) and try again, instead of giving up.
   */
  compact(boardId: string, doc: Y.Doc, options?: { waitForStorage?: boolean }): Promise<void>
  /** The room is gone from this instance: forget what is kept for it in memory. */
  release(boardId: string): void
  /** Deletes everything stored for the board. */
  destroy(boardId: string): Promise<void>
}
