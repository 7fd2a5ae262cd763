import { hasRole, type Role, roles } from '../../shared/schema/roles.ts'
import { isGuest, type LiveAccess, type SessionUser } from '../access.ts'
import type { AuthService } from '../auth/auth-service.ts'
import { KeyedLock } from '../auth/keyed-lock.ts'
import type { StoredUser } from '../auth/user-store.ts'
import type { ErrorCode } from '../http/errors.ts'
import { fail, ok, type Result } from '../http/result.ts'
import type { AccessError, BoardService } from './board-service.ts'
import type { MembershipStore } from './membership-store.ts'

/** A member as `GET /api/boards/:id/members` shows them. */
export interface MemberView {
  userId: string
  displayName: string
  role: Role
  guest: boolean
  /** has an open socket on this board (on this instance: see LiveAccess.connectedUserIds) */
  connected: boolean
}

export type MemberError<E extends ErrorCode = AccessError> = E | 'forbidden' | 'member_not_found'

/**
 * What members are members of: a board, or a collection (server/collections). `access` answers
 * 404/403 like the thing's own routes; `live` tells open connections (boards only).
 */
export interface MemberScope<E extends ErrorCode> {
  /** `board` or `collection`: the word the refusals use */
  noun: string
  access(user: SessionUser, id: string, min: Role): Promise<Result<{ role: Role }, E | 'forbidden'>>
  memberships: Pick<MembershipStore, 'roleOf' | 'setRole' | 'removeMember' | 'memberIds'>
  live: LiveAccess
  /** true when the stored user is a guest of this thing only (removing them ends their account) */
  isOwnGuest(user: StoredUser, id: string): boolean
}

/** Board members: the scope for `MemberService` over boards. */
export const boardMembers = (boards: BoardService, live: LiveAccess): MemberScope<AccessError> => ({
  noun: 'board',
  access: (user, id, min) => boards.access(user, id, min),
  memberships: boards.store,
  live,
  isOwnGuest: (user, id) => user.guestBoardId === id,
})

const roleOrder = (role: Role) => roles.indexOf(role)

/**
 * Who may change whom (docs/contract.md, "Members"): the caller must be owner or facilitator;
 * nobody is made owner and the owner's role never changes (so the owner cannot be removed);
 * the owner may change or remove anyone else; a facilitator only members below facilitator
 * (editors, reviewers, viewers), whom they may raise up to facilitator.
 */
function mayManage(callerRole: Role, targetRole: Role): boolean {
  if (targetRole === 'owner') return false
  return callerRole === 'owner' || !hasRole(targetRole, 'facilitator')
}

/** Members of a board or a collection: list, change a role, remove. Stores first, then tells the live side. */
export class MemberService<E extends ErrorCode = AccessError> {
  /** One change at a time per member of a board or collection (within this instance). */
  private readonly lock = new KeyedLock()
  private readonly live: LiveAccess

  constructor(
    private readonly scope: MemberScope<E>,
    private readonly auth: AuthService,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.live = scope.live
  }

  /** Any member: everyone with a role on the board, owner first, then by role and name. */
  async list(user: SessionUser, id: string): Promise<Result<MemberView[], E | 'forbidden'>> {
    const access = await this.scope.access(user, id, 'viewer')
    if (!access.ok) return access
    const connected = this.live.connectedUserIds(id)
    const ids = await this.scope.memberships.memberIds(id)
    const members = await Promise.all(ids.map((userId) => this.view(id, userId, connected)))
    return ok(
      members
        .filter((m): m is MemberView => m !== null)
        .sort((a, b) => roleOrder(a.role) - roleOrder(b.role) || a.displayName.localeCompare(b.displayName)),
    )
  }

  /** Owner/facilitator: gives a member another role (never owner); their open connections get it at once. */
  async changeRole(user: SessionUser, id: string, userId: string, role: Role): Promise<Result<MemberView, MemberError<E>>> {
    return this.lock.run(`${id}:${userId}`, async () => {
      const allowed = await this.checkManage(user, id, userId)
      if (!allowed.ok) return allowed
      if (role === 'owner') return fail('forbidden', `A ${this.scope.noun} has one owner; no one can be made owner.`)
      if (role !== allowed.value) {
        await this.scope.memberships.setRole(id, userId, role, this.now())
        this.live.memberChanged(id, userId, role)
      }
      const member = await this.view(id, userId, this.live.connectedUserIds(id))
      return member ? ok(member) : fail('member_not_found', `This person is not a member of this ${this.scope.noun}.`)
    })
  }

  /**
   * Owner/facilitator: ends a member's access to the board. Their sockets on it close (4403);
   * a guest of this board loses their account and sessions too (their sockets close, 4401).
   */
  async remove(user: SessionUser, id: string, userId: string): Promise<Result<null, MemberError<E>>> {
    return this.lock.run(`${id}:${userId}`, async () => {
      const allowed = await this.checkManage(user, id, userId)
      if (!allowed.ok) return allowed
      await this.scope.memberships.removeMember(id, userId)
      this.live.memberChanged(id, userId, null)
      const removed = await this.auth.users.get(userId)
      if (removed && this.scope.isOwnGuest(removed, id)) await this.auth.deleteGuest(userId)
      return ok(null)
    })
  }

  /** The target's current role when the caller may change it: 404 board/member, 403 role. */
  private async checkManage(user: SessionUser, id: string, userId: string): Promise<Result<Role, MemberError<E>>> {
    const access = await this.scope.access(user, id, 'facilitator')
    if (!access.ok) return access
    const targetRole = await this.scope.memberships.roleOf(id, userId)
    if (!targetRole) return fail('member_not_found', `This person is not a member of this ${this.scope.noun}.`)
    if (targetRole === 'owner') return fail('forbidden', "The owner's role cannot change, and the owner cannot be removed.")
    if (!mayManage(access.value.role, targetRole))
      return fail('forbidden', 'A facilitator may change or remove editors, reviewers and viewers only.')
    return ok(targetRole)
  }

  private async view(id: string, userId: string, connected: ReadonlySet<string>): Promise<MemberView | null> {
    const [role, account] = await Promise.all([this.scope.memberships.roleOf(id, userId), this.auth.users.get(userId)])
    if (!role || !account) return null
    return {
      userId,
      displayName: account.displayName,
      role,
      guest: isGuest(account),
      connected: connected.has(userId),
    }
  }
}
