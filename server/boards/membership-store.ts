import type { Storage } from 'unstorage'
import { z } from 'zod'
import { Role } from '../../shared/schema/roles.ts'
import { isUrlSafeId } from '../auth/ids.ts'

const Membership = z.object({ role: Role, since: z.string() })

const lastSegment = (key: string) => key.slice(key.lastIndexOf(':') + 1)

/**
 * Who has which role on a thing (a board, a collection) in unstorage:
 * `<members>:<thingId>:<userId>` → `{role, since}` and the per-user index
 * `<index>:<userId>:<thingId>` → 1, for listing a person's things without scanning them all.
 * Boards use `members` / `userboards`, collections `collectionmembers` / `usercollections`.
 */
export class MembershipStore {
  constructor(
    private readonly storage: Storage,
    private readonly prefixes: { members: string; index: string },
  ) {}

  #base(thingId: string) {
    return `${this.prefixes.members}:${thingId}`
  }
  #key(thingId: string, userId: string) {
    return `${this.#base(thingId)}:${userId}`
  }
  #indexBase(userId: string) {
    return `${this.prefixes.index}:${userId}`
  }

  async roleOf(thingId: string, userId: string): Promise<Role | null> {
    if (!isUrlSafeId(thingId) || !isUrlSafeId(userId)) return null
    const parsed = Membership.safeParse(await this.storage.getItem(this.#key(thingId, userId)))
    return parsed.success ? parsed.data.role : null
  }

  async setRole(thingId: string, userId: string, role: Role, now: Date): Promise<void> {
    await this.storage.setItem(this.#key(thingId, userId), { role, since: now.toISOString() })
    await this.storage.setItem(`${this.#indexBase(userId)}:${thingId}`, 1)
  }

  async removeMember(thingId: string, userId: string): Promise<void> {
    await this.storage.removeItem(this.#key(thingId, userId))
    await this.storage.removeItem(`${this.#indexBase(userId)}:${thingId}`)
  }

  async memberIds(thingId: string): Promise<string[]> {
    if (!isUrlSafeId(thingId)) return []
    return (await this.storage.getKeys(this.#base(thingId))).map(lastSegment)
  }

  async ownerOf(thingId: string): Promise<string | null> {
    for (const userId of await this.memberIds(thingId)) if ((await this.roleOf(thingId, userId)) === 'owner') return userId
    return null
  }

  /** The things the user has a role on. */
  async idsOf(userId: string): Promise<string[]> {
    if (!isUrlSafeId(userId)) return []
    return (await this.storage.getKeys(this.#indexBase(userId))).map(lastSegment)
  }
}
