import type { Storage } from 'unstorage'
import { z } from 'zod'
import { isUrlSafeId } from '../auth/ids.ts'
import { redisUnder } from '../storage/compaction-lock.ts'

export const InviteRole = z.enum(['facilitator', 'editor', 'reviewer', 'viewer'])
export type InviteRole = z.infer<typeof InviteRole>

/**
 * An invite to a board (`boardId`) or, since issue 17, to a collection (`collectionId` and no
 * `boardId`). Board invites are stored exactly as before.
 */
export const InviteRecord = z.object({
  token: z.string(),
  boardId: z.string().optional(),
  collectionId: z.string().optional(),
  role: InviteRole,
  createdBy: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  /** null: unlimited */
  maxUses: z.number().int().nullable(),
  uses: z.number().int(),
  /** Revoked links stay stored so that they answer 410, not 404. */
  revokedAt: z.string().nullable(),
})
export type InviteRecord = z.infer<typeof InviteRecord>

const inviteKey = (token: string) => `invites:${token}`
/** What an invite admits to: a board (its id) or a collection. */
export type InviteTarget = string | { collectionId: string }

/** The per-target index: `boardinvites:<boardId>` or `collectioninvites:<collectionId>`. */
const invitesBase = (target: InviteTarget) =>
  typeof target === 'string' ? `boardinvites:${target}` : `collectioninvites:${target.collectionId}`
const targetId = (target: InviteTarget) => (typeof target === 'string' ? target : target.collectionId)

/** The target of a stored invite. */
export const targetOf = (invite: InviteRecord): InviteTarget =>
  invite.collectionId !== undefined ? { collectionId: invite.collectionId } : (invite.boardId ?? '')

/** True when the invite admits to this target. */
export const isInviteFor = (invite: InviteRecord, target: InviteTarget): boolean =>
  typeof target === 'string'
    ? invite.collectionId === undefined && invite.boardId === target
    : invite.collectionId === target.collectionId

/**
 * Counts one use atomically in Redis: the counter starts at the record's `uses`, and a use past
 * `maxUses` is taken back and refused (-1). Several instances share one count.
 */
const CLAIM_USE = `
if redis.call('exists', KEYS[1]) == 0 then redis.call('set', KEYS[1], ARGV[2]) end
local n = redis.call('incr', KEYS[1])
if ARGV[1] ~= '' and n > tonumber(ARGV[1]) then redis.call('decr', KEYS[1]) return -1 end
return n`

/**
 * Invites in unstorage: `invites:<token>` and the per-board index `boardinvites:<boardId>:<token>`
 * (a collection's: `collectioninvites:<collectionId>:<token>`).
 */
export class InviteStore {
  /** the Redis client under the invites, when storage is Redis (built once: it waits for the first connection) */
  readonly #redis: ReturnType<typeof redisUnder>

  constructor(private readonly storage: Storage) {
    this.#redis = redisUnder(storage, 'invites:')
  }

  /**
   * Counts one use of the invite: the new count, or null when it is used up. With Redis storage
   * the count is one atomic counter for every instance (`rb:invite-uses:<token>`); otherwise the
   * record's own, under the caller's per-token lock.
   */
  async claimUse(invite: InviteRecord): Promise<number | null> {
    const redis = this.#redis
    if (!redis) return invite.maxUses !== null && invite.uses >= invite.maxUses ? null : invite.uses + 1
    const n = Number(
      await redis.eval(
        CLAIM_USE,
        1,
        `rb:invite-uses:${invite.token}`,
        invite.maxUses === null ? '' : String(invite.maxUses),
        String(invite.uses),
      ),
    )
    return n < 0 ? null : n
  }

  async get(token: string): Promise<InviteRecord | null> {
    if (!isUrlSafeId(token)) return null
    const parsed = InviteRecord.safeParse(await this.storage.getItem(inviteKey(token)))
    return parsed.success ? parsed.data : null
  }

  async put(invite: InviteRecord): Promise<void> {
    await this.storage.setItem(inviteKey(invite.token), invite)
    await this.storage.setItem(`${invitesBase(targetOf(invite))}:${invite.token}`, 1)
  }

  /** The invites of a board (its id) or of a collection. */
  async listOf(target: InviteTarget): Promise<InviteRecord[]> {
    if (!isUrlSafeId(targetId(target))) return []
    const keys = await this.storage.getKeys(invitesBase(target))
    const invites = await Promise.all(keys.map((k) => this.get(k.slice(k.lastIndexOf(':') + 1))))
    return invites.filter((i): i is InviteRecord => i !== null && isInviteFor(i, target))
  }

  async deleteAllOf(target: InviteTarget): Promise<void> {
    for (const invite of await this.listOf(target)) {
      await this.storage.removeItem(inviteKey(invite.token))
      await this.storage.removeItem(`${invitesBase(target)}:${invite.token}`)
      // the Redis use counter (`rb:invite-uses:<token>`), when there is one
      await this.storage.removeItem(`invite-uses:${invite.token}`)
    }
  }
}
