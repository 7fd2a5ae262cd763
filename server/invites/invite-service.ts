import { hasRole } from '../../shared/schema/roles.ts'
import { isGuest, type LiveAccess, type SessionUser } from '../access.ts'
import type { AuthService, SignedIn } from '../auth/auth-service.ts'
import { randomId } from '../auth/ids.ts'
import { KeyedLock } from '../auth/keyed-lock.ts'
import type { AccessError, BoardService } from '../boards/board-service.ts'
import type { CollectionAccessError, CollectionService } from '../collections/collection-service.ts'
import { fail, ok, type Result } from '../http/result.ts'
import { type InviteRecord, type InviteRole, type InviteStore, type InviteTarget, isInviteFor, targetOf } from './invite-store.ts'

export const DEFAULT_INVITE_HOURS = 7 * 24

export interface CreateInviteInput {
  role: InviteRole
  expiresInHours?: number | undefined
  maxUses?: number | undefined
}

export type InviteStatus = 'active' | 'revoked' | 'expired' | 'used_up'

/** `GET /api/invites/:token`: what the join page shows (`collection` only for a collection's invite). */
export interface InviteDescription {
  board: { title: string } | null
  collection?: { title: string } | null
  invitedBy: string | null
  role: InviteRole
  expiresAt: string
  status: InviteStatus
}

export type JoinError = 'invite_not_found' | 'invite_gone' | 'validation_failed'

/** Why an invite no longer admits anyone, or null while it does. */
export function inviteGoneReason(invite: InviteRecord, now: Date): 'revoked' | 'expired' | 'used_up' | null {
  if (invite.revokedAt !== null) return 'revoked'
  if (new Date(invite.expiresAt).getTime() <= now.getTime()) return 'expired'
  if (invite.maxUses !== null && invite.uses >= invite.maxUses) return 'used_up'
  return null
}

/** Invite links: minted and revoked by owners and facilitators, redeemed by guests or accounts. */
export class InviteService {
  /** One redemption at a time per token on this instance; `InviteStore.claimUse` makes `maxUses` hold across instances. */
  private readonly lock = new KeyedLock()

  constructor(
    private readonly store: InviteStore,
    private readonly boards: BoardService,
    private readonly auth: AuthService,
    private readonly live: LiveAccess,
    private readonly now: () => Date = () => new Date(),
    private readonly collections: CollectionService | null = null,
  ) {}

  /** Owner or facilitator of the board or collection the invites are for. */
  async #mayManage(user: SessionUser, target: InviteTarget): Promise<Result<null, AccessError | CollectionAccessError>> {
    const access =
      typeof target === 'string'
        ? await this.boards.access(user, target, 'facilitator')
        : this.collections
          ? await this.collections.access(user, target.collectionId, 'facilitator')
          : fail('collection_not_found')
    return access.ok ? ok(null) : access
  }

  /** A board's invite (`target`: its id) or a collection's (`{collectionId}`). */
  async create(
    user: SessionUser,
    target: InviteTarget,
    input: CreateInviteInput,
  ): Promise<Result<InviteRecord, AccessError | CollectionAccessError>> {
    const access = await this.#mayManage(user, target)
    if (!access.ok) return access
    const created = this.now()
    const hours = input.expiresInHours ?? DEFAULT_INVITE_HOURS
    const invite: InviteRecord = {
      token: randomId(),
      // a board's invite keeps the stored shape it always had
      ...(typeof target === 'string' ? { boardId: target } : { collectionId: target.collectionId }),
      role: input.role,
      createdBy: user.id,
      createdAt: created.toISOString(),
      expiresAt: new Date(created.getTime() + hours * 3_600_000).toISOString(),
      maxUses: input.maxUses ?? null,
      uses: 0,
      revokedAt: null,
    }
    await this.store.put(invite)
    return ok(invite)
  }

  /** The board's or collection's invites that were not revoked, newest first. */
  async list(user: SessionUser, target: InviteTarget): Promise<Result<InviteRecord[], AccessError | CollectionAccessError>> {
    const access = await this.#mayManage(user, target)
    if (!access.ok) return access
    const invites = await this.store.listOf(target)
    return ok(invites.filter((i) => i.revokedAt === null).sort((a, b) => b.createdAt.localeCompare(a.createdAt)))
  }

  async revoke(
    user: SessionUser,
    target: InviteTarget,
    token: string,
  ): Promise<Result<null, AccessError | CollectionAccessError | 'invite_not_found'>> {
    const access = await this.#mayManage(user, target)
    if (!access.ok) return access
    return this.lock.run(token, async () => {
      const invite = await this.store.get(token)
      if (!invite || !isInviteFor(invite, target)) return fail('invite_not_found')
      if (invite.revokedAt === null) await this.store.put({ ...invite, revokedAt: this.now().toISOString() })
      return ok(null)
    })
  }

  /**
   * What the holder of a link may know before joining: the board's title, who invited and the
   * role, and whether the link still works. A revoked link names neither board nor inviter (it
   * may have been revoked because it went where it should not). Nothing else of the board.
   */
  async describe(token: string): Promise<Result<InviteDescription, 'invite_not_found'>> {
    const invite = await this.store.get(token)
    const target = invite ? await this.#targetTitle(invite) : null
    if (!invite || target === null) return fail('invite_not_found')
    const status = inviteGoneReason(invite, this.now()) ?? 'active'
    const inviter = status === 'revoked' ? null : await this.auth.users.get(invite.createdBy)
    const title = status === 'revoked' ? null : { title: target }
    return ok({
      ...(invite.collectionId !== undefined ? { board: null, collection: title } : { board: title }),
      invitedBy: inviter ? inviter.displayName : null,
      role: invite.role,
      expiresAt: invite.expiresAt,
      status,
    })
  }

  /** The title of the board or collection the invite is for; null when it is gone. */
  async #targetTitle(invite: InviteRecord): Promise<string | null> {
    const target = targetOf(invite)
    if (typeof target === 'string') return (await this.boards.store.get(target))?.title ?? null
    return (await this.collections?.store.get(target.collectionId))?.title ?? null
  }

  /**
   * Redeems an invite. A signed-in account gets the role on its own account (never lowered);
   * anyone else becomes a new guest of that board (or collection) only.
   */
  async join(
    token: string,
    displayName: string | undefined,
    current: { user: SessionUser; token: string } | null,
  ): Promise<Result<{ target: InviteTarget } & SignedIn, JoinError>> {
    return this.lock.run(token, async () => {
      const invite = await this.store.get(token)
      if (!invite || (await this.#targetTitle(invite)) === null) return fail('invite_not_found')
      const target = targetOf(invite)
      if (inviteGoneReason(invite, this.now())) return fail('invite_gone')
      const account = current && !isGuest(current.user) ? current : null
      if (!account && displayName === undefined)
        return fail('validation_failed', 'displayName: a name is required to join as a guest')
      // counted across instances (one atomic counter with Redis storage): maxUses holds everywhere
      const uses = await this.store.claimUse(invite)
      if (uses === null) return fail('invite_gone')
      const stored = await this.store.get(token)
      await this.store.put({ ...(stored ?? invite), uses: Math.max(uses, stored?.uses ?? 0) })
      if (typeof target !== 'string') {
        const collectionId = target.collectionId
        const signedIn = account ?? (await this.auth.createGuest(displayName ?? '', { collectionId }))
        const members = this.collections?.store.members
        const existing = await members?.roleOf(collectionId, signedIn.user.id)
        if (members && (!existing || !hasRole(existing, invite.role)))
          await members.setRole(collectionId, signedIn.user.id, invite.role, this.now())
        return ok({ target, ...signedIn })
      }
      const signedIn = account ?? (await this.auth.createGuest(displayName ?? '', target))
      const existing = await this.boards.store.roleOf(target, signedIn.user.id)
      if (!existing || !hasRole(existing, invite.role)) {
        await this.boards.store.setRole(target, signedIn.user.id, invite.role, this.now())
        // an account that was a member already may have sockets open with its old role
        if (existing) this.live.memberChanged(target, signedIn.user.id, invite.role)
      }
      return ok({ target, ...signedIn })
    })
  }
}
