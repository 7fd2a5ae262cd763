import type { Storage } from 'unstorage'
import { z } from 'zod'
import type { Role } from '../../shared/schema/roles.ts'
import { Site } from '../../shared/schema/site.ts'
import { isUrlSafeId } from '../auth/ids.ts'
import { KeyedLock } from '../auth/keyed-lock.ts'
import { type BoardWarning, boardWarnings, QUARANTINE_PREFIX } from '../storage/quarantine.ts'
import { MembershipStore } from './membership-store.ts'

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

const boardKey = (id: string) => `boards:${id}`
/** when the board's content last changed (server/boards/last-change.ts) */
const changedKey = (id: string) => `changed:${id}`

/**
 * Board records and memberships in unstorage: `boards:<id>`, `members:<boardId>:<userId>` →
 * `{role}`, `userboards:<userId>:<boardId>`. Ids are checked before they reach a key.
 * A record is read, changed and written back only inside `exclusive(boardId, …)`.
 */
export class BoardStore {
  readonly #lock = new KeyedLock()
  readonly #members: MembershipStore

  constructor(private readonly storage: Storage) {
    this.#members = new MembershipStore(storage, { members: 'members', index: 'userboards' })
  }

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
    return this.#members.ownerOf(boardId)
  }

  roleOf(boardId: string, userId: string): Promise<Role | null> {
    return this.#members.roleOf(boardId, userId)
  }

  setRole(boardId: string, userId: string, role: Role, now: Date): Promise<void> {
    return this.#members.setRole(boardId, userId, role, now)
  }

  removeMember(boardId: string, userId: string): Promise<void> {
    return this.#members.removeMember(boardId, userId)
  }

  memberIds(boardId: string): Promise<string[]> {
    return this.#members.memberIds(boardId)
  }

  boardIdsOf(userId: string): Promise<string[]> {
    return this.#members.idsOf(userId)
  }
}
