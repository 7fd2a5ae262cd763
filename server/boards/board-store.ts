import type { Storage } from 'unstorage'
import { z } from 'zod'
import { Role } from '../../shared/schema/roles.ts'
import { Site } from '../../shared/schema/site.ts'
import { isUrlSafeId } from '../auth/ids.ts'
import { KeyedLock } from '../auth/keyed-lock.ts'
import { type BoardWarning, boardWarnings, QUARANTINE_PREFIX } from '../storage/quarantine.ts'

export const BoardRecord = z.object({
  id: z.string(),
  title: z.string(),
  ownerId: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** the site profile; `{}` when nothing is known yet */
  site: Site,
  /** the template the board was made from (`POST /api/boards {template}`), kept by a duplicate */
  template: z.string().optional(),
  /** every signed-in account (not guests) may open it as a viewer without being a member: the demo */
  publicRead: z.boolean().optional(),
})
export type BoardRecord = z.infer<typeof BoardRecord>

const Membership = z.object({ role: Role, since: z.string() })

const boardKey = (id: string) => `boards:${id}`
/** when the board's content last changed (server/boards/last-change.ts) */
const changedKey = (id: string) => `changed:${id}`
const membersBase = (boardId: string) => `members:${boardId}`
const memberKey = (boardId: string, userId: string) => `${membersBase(boardId)}:${userId}`
/** Per-user index of boards, for listing without scanning every board. */
const userBoardsBase = (userId: string) => `userboards:${userId}`
const userBoardKey = (userId: string, boardId: string) => `${userBoardsBase(userId)}:${boardId}`

const lastSegment = (key: string) => key.slice(key.lastIndexOf(':') + 1)

/**
 * Board records and memberships in unstorage: `boards:<id>`, `members:<boardId>:<userId>` →
 * `{role}`, `userboards:<userId>:<boardId>`. Ids are checked before they reach a key.
 * A record is read, changed and written back only inside `exclusive(boardId, …)`.
 */
export class BoardStore {
  readonly #lock = new KeyedLock()

  constructor(private readonly storage: Storage) {}

  /**
   * Runs `task` alone among the tasks of this board (in this process): every read-modify-write
   * of a board's record (PATCH, snapshot restore, delete) goes through here, so two at once
   * both land instead of one undoing the other. Not re-entrant.
   */
  exclusive<T>(boardId: string, task: () => Promise<T>): Promise<T> {
    return this.#lock.run(boardId, task)
  }

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
    await this.storage.removeItem(changedKey(id))
  }

  /** When the board's content last changed (ISO time), or null when nothing was noted. */
  async lastChange(id: string): Promise<string | null> {
    if (!isUrlSafeId(id)) return null
    const value = await this.storage.getItem(changedKey(id))
    return typeof value === 'string' ? value : null
  }

  async setLastChange(id: string, at: string): Promise<void> {
    if (isUrlSafeId(id)) await this.storage.setItem(changedKey(id), at)
  }

  async hasAny(): Promise<boolean> {
    return (await this.storage.getKeys('boards')).length > 0
  }

  /** True when a damaged record of this board was moved to quarantine (now or before a restart). */
  async hasQuarantinedRecord(id: string): Promise<boolean> {
    if (!isUrlSafeId(id)) return false
    return (await this.storage.getKeys(`${QUARANTINE_PREFIX}:${boardKey(id)}`)).length > 0
  }

  /** What the board's owner and facilitators are told about its quarantined data. */
  async warnings(id: string): Promise<BoardWarning[]> {
    return isUrlSafeId(id) ? boardWarnings(this.storage, id) : []
  }

  async ownerOf(boardId: string): Promise<string | null> {
    for (const userId of await this.memberIds(boardId)) if ((await this.roleOf(boardId, userId)) === 'owner') return userId
    return null
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
