import type { Storage } from 'unstorage'
import { z } from 'zod'
import { isUrlSafeId } from '../auth/ids.ts'

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

/** Invites in unstorage: `invites:<token>` and the per-board index `boardinvites:<boardId>:<token>`. */
export class InviteStore {
  constructor(private readonly storage: Storage) {}

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
    }
  }
}
