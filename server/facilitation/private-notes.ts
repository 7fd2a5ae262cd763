import type { Storage } from 'unstorage'
import { z } from 'zod'
import { NoteColor } from '../../shared/schema/enums.ts'
import { ElementId, finiteNumber, text } from '../../shared/schema/fields.ts'

/** What a participant writes during a private brainstorm (`PUT /api/boards/:id/private-notes/:noteId`). */
export const PrivateNoteBody = z.object({
  label: text(500),
  color: NoteColor.optional(),
  /** where the author put it on the board; revealed notes without one are laid out in a grid */
  x: finiteNumber().optional(),
  y: finiteNumber().optional(),
})
export type PrivateNoteBody = z.infer<typeof PrivateNoteBody>

export const PrivateNote = PrivateNoteBody.extend({
  id: ElementId,
  author: z.object({ userId: z.string(), name: z.string() }),
  updatedAt: z.number(),
})
export type PrivateNote = z.infer<typeof PrivateNote>

/** A person writes at most this many private notes in one brainstorm. */
export const MAX_PRIVATE_NOTES = 200

const base = (boardId: string) => `private:${boardId}`
const authorBase = (boardId: string, userId: string) => `${base(boardId)}:${userId}`
const key = (boardId: string, userId: string, noteId: string) => `${authorBase(boardId, userId)}:${noteId}`

/**
 * The notes of a running private brainstorm, held by the server alone until the facilitator
 * reveals them: `private:<boardId>:<userId>:<noteId>`. Never in a board document, snapshot or
 * export before the reveal; each author reads their own (the facilitator all of them, when the
 * brainstorm was started so). Deleted once revealed.
 */
export class PrivateNoteStore {
  constructor(private readonly storage: Storage) {}

  async put(boardId: string, note: PrivateNote): Promise<void> {
    await this.storage.setItem(key(boardId, note.author.userId, note.id), note)
  }

  async remove(boardId: string, userId: string, noteId: string): Promise<boolean> {
    const k = key(boardId, userId, noteId)
    if (!(await this.storage.hasItem(k))) return false
    await this.storage.removeItem(k)
    return true
  }

  has(boardId: string, userId: string, noteId: string): Promise<boolean> {
    return this.storage.hasItem(key(boardId, userId, noteId))
  }

  async count(boardId: string, userId: string): Promise<number> {
    return (await this.storage.getKeys(authorBase(boardId, userId))).length
  }

  /** One author's notes (null: everyone's), oldest change first. */
  async list(boardId: string, userId: string | null): Promise<PrivateNote[]> {
    const keys = await this.storage.getKeys(userId === null ? base(boardId) : authorBase(boardId, userId))
    const values = await Promise.all(keys.map((k) => this.storage.getItem(k)))
    return values
      .flatMap((value) => {
        const parsed = PrivateNote.safeParse(value)
        return parsed.success ? [parsed.data] : []
      })
      .sort((a, b) => a.updatedAt - b.updatedAt)
  }

  async clear(boardId: string): Promise<void> {
    const keys = await this.storage.getKeys(base(boardId))
    await Promise.all(keys.map((k) => this.storage.removeItem(k)))
  }
}
