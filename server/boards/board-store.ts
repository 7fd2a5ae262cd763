import type { Storage } from 'unstorage'
import { z } from 'zod'
import { Role } from '../../shared/schema/roles.ts'
import { Site } from '../../shared/schema/site.ts'
import { isUrlSafeId } from '../auth/ids.ts'

export const BoardRecord = z.object({
  id: z.string(),
  title: z.string(),
  ownerId: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** the site profile; `{}` when nothing is known yet */
  site: Site,
})
export type BoardRecord = z.infer<typeof BoardRecord>

const Membership = z.object({ role: Role, since: z.string() })

const boardKey = (id: string) => `boards:${id}`
const membersBase = (boardId: string) => `members:${boardId}`
const memberKey = (boardId: string, userId: string) => `${membersBase(boardId)}:${userId}`
/** Per-user index of boards, for listing without scanning every board. */
const userBoardsBase = (userId: string) => `userboards:${userId}`
const userBoardKey = (userId: string, boardId: string) => `${userBoardsBase(userId)}:${boardId}`

const lastSegment = (key: string) => key.slice(key.lastIndexOf(':') + 1)

/**
 * Board records and memberships in unstorage: `boards:<id>`, `members:<boardId>:<userId>` →
 * `{role}`, `userboards:<userId>:<boardId>`. Ids are checked before they reach a key.
 */
export class BoardStore {
  constructor(private readonly storage: Storage) {}

  async get(id: string): Promise<BoardRecord | null> {
    if (!isUrlSafeId(id)) return null
    const parsed = BoardRecord.safeParse(await this.storage.getItem(boardKey(id)))
    return parsed.success ? parsed.data : null
  }

  async put(board: BoardRecord): Promise<void> {
    await this.storage.setItem(boardKey(board.id), board)
  }

  async delete(id: string): Promise<void> {
    await this.storage.removeItem(boardKey(id))
  }

  async hasAny(): Promise<boolean> {
    return (await this.storage.getKeys('boards')).length > 0
  }

  async roleOf(boardId: string, userId: string): Promise<Role | null> {
    if (!isUrlSafeId(boardId) || !isUrlSafeId(userId)) return null
    const parsed = Membership.safeParse(await this.storage.getItem(memberKey(boardId, userId)))
    return parsed.success ? parsed.data.role : null
  }

  async setRole(boardId: string, userId: string, role: Role, now: Date): Promise<void> {
    await this.storage.setItem(memberKey(boardId, userId), { role, since: now.toISOString() })
    await this.storage.setItem(userBoardKey(userId, boardId), 1)
  }

  async removeMember(boardId: string, userId: string): Promise<void> {
    await this.storage.removeItem(memberKey(boardId, userId))
    await this.storage.removeItem(userBoardKey(userId, boardId))
  }

  async memberIds(boardId: string): Promise<string[]> {
    return (await this.storage.getKeys(membersBase(boardId))).map(lastSegment)
  }

  async boardIdsOf(userId: string): Promise<string[]> {
    if (!isUrlSafeId(userId)) return []
    return (await this.storage.getKeys(userBoardsBase(userId))).map(lastSegment)
  }
}
