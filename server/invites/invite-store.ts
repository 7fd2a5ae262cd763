import type { Storage } from 'unstorage'
import { z } from 'zod'
import { isUrlSafeId } from '../auth/ids.ts'
import { redisUnder } from '../storage/compaction-lock.ts'

export const InviteRole = z.enum(['facilitator', 'editor', 'reviewer', 'viewer'])
export type InviteRole = z.infer<typeof InviteRole>

export const InviteRecord = z.object({
  token: z.string(),
  boardId: z.string(),
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
const boardInvitesBase = (boardId: string) => `boardinvites:${boardId}`
const boardInviteKey = (boardId: string, token: string) => `${boardInvitesBase(boardId)}:${token}`

/**
 * Counts one use atomically in Redis: the counter starts at the record's `uses`, and a use past
 * `maxUses` is taken back and refused (-1). Several instances share one count.
 */
const CLAIM_USE = `
if redis.call('exists', KEYS[1]) == 0 then redis.call('set', KEYS[1], ARGV[2]) end
local n = redis.call('incr', KEYS[1])
if ARGV[1] ~= '' and n > tonumber(ARGV[1]) then redis.call('decr', KEYS[1]) return -1 end
return n`

/** Invites in unstorage: `invites:<token>` and the per-board index `boardinvites:<boardId>:<token>`. */
export class InviteStore {
  constructor(private readonly storage: Storage) {}

  /**
   * Counts one use of the invite: the new count, or null when it is used up. With Redis storage
   * the count is one atomic counter for every instance (`rb:invite-uses:<token>`); otherwise the
   * record's own, under the caller's per-token lock.
   */
  async claimUse(invite: InviteRecord): Promise<number | null> {
    const redis = redisUnder(this.storage, inviteKey(invite.token))
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
    await this.storage.setItem(boardInviteKey(invite.boardId, invite.token), 1)
  }

  async listOf(boardId: string): Promise<InviteRecord[]> {
    if (!isUrlSafeId(boardId)) return []
    const keys = await this.storage.getKeys(boardInvitesBase(boardId))
    const invites = await Promise.all(keys.map((k) => this.get(k.slice(k.lastIndexOf(':') + 1))))
    return invites.filter((i): i is InviteRecord => i !== null)
  }

  async deleteAllOf(boardId: string): Promise<void> {
    for (const invite of await this.listOf(boardId)) {
      await this.storage.removeItem(inviteKey(invite.token))
      await this.storage.removeItem(boardInviteKey(boardId, invite.token))
      // the Redis use counter (`rb:invite-uses:<token>`), when there is one
      await this.storage.removeItem(`invite-uses:${invite.token}`)
    }
  }
}
