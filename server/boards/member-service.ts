import { hasRole, type Role, roles } from '../../shared/schema/roles.ts'
import type { LiveAccess, SessionUser } from '../access.ts'
import type { AuthService } from '../auth/auth-service.ts'
import { KeyedLock } from '../auth/keyed-lock.ts'
import { fail, ok, type Result } from '../http/result.ts'
import type { AccessError, BoardService } from './board-service.ts'

/** A member as `GET /api/boards/:id/members` shows them. */
export interface MemberView {
  userId: string
  displayName: string
  role: Role
  guest: boolean
  /** has an open socket on this board (on this instance: see LiveAccess.connectedUserIds) */
  connected: boolean
}

export type MemberError = AccessError | 'member_not_found'

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

/** Board members: list, change a role, remove. Stores first, then tells the live side. */
export class MemberService {
  /** One change at a time per member of a board (within this instance). */
  private readonly lock = new KeyedLock()

  constructor(
    private readonly boards: BoardService,
    private readonly auth: AuthService,
    private readonly live: LiveAccess,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Any member: everyone with a role on the board, owner first, then by role and name. */
  async list(user: SessionUser, boardId: string): Promise<Result<MemberView[], AccessError>> {
    const access = await this.boards.access(user, boardId, 'viewer')
    if (!access.ok) return access
    const connected = this.live.connectedUserIds(boardId)
    const ids = await this.boards.store.memberIds(boardId)
    const members = await Promise.all(ids.map((id) => this.view(boardId, id, connected)))
    return ok(
      members
        .filter((m): m is MemberView => m !== null)
        .sort((a, b) => roleOrder(a.role) - roleOrder(b.role) || a.displayName.localeCompare(b.displayName)),
    )
  }

  /** Owner/facilitator: gives a member another role (never owner); their open connections get it at once. */
  async changeRole(user: SessionUser, boardId: string, userId: string, role: Role): Promise<Result<MemberView, MemberError>> {
    return this.lock.run(`${boardId}:${userId}`, async () => {
      const allowed = await this.checkManage(user, boardId, userId)
      if (!allowed.ok) return allowed
      if (role === 'owner') return fail('forbidden', 'A board has one owner; no one can be made owner.')
      if (role !== allowed.value) {
        await this.boards.store.setRole(boardId, userId, role, this.now())
        this.live.memberChanged(boardId, userId, role)
      }
      const member = await this.view(boardId, userId, this.live.connectedUserIds(boardId))
      return member ? ok(member) : fail('member_not_found')
    })
  }

  /**
   * Owner/facilitator: ends a member's access to the board. Their sockets on it close (4403);
   * a guest of this board loses their account and sessions too (their sockets close, 4401).
   */
  async remove(user: SessionUser, boardId: string, userId: string): Promise<Result<null, MemberError>> {
    return this.lock.run(`${boardId}:${userId}`, async () => {
      const allowed = await this.checkManage(user, boardId, userId)
      if (!allowed.ok) return allowed
      await this.boards.store.removeMember(boardId, userId)
      this.live.memberChanged(boardId, userId, null)
      const removed = await this.auth.users.get(userId)
      if (removed?.guestBoardId === boardId) await this.auth.deleteGuest(userId)
      return ok(null)
    })
  }

  /** The target's current role when the caller may change it: 404 board/member, 403 role. */
  private async checkManage(user: SessionUser, boardId: string, userId: string): Promise<Result<Role, MemberError>> {
    const access = await this.boards.access(user, boardId, 'facilitator')
    if (!access.ok) return access
    const targetRole = await this.boards.store.roleOf(boardId, userId)
    if (!targetRole) return fail('member_not_found')
    if (targetRole === 'owner') return fail('forbidden', "The owner's role cannot change, and the owner cannot be removed.")
    if (!mayManage(access.value.role, targetRole))
      return fail('forbidden', 'A facilitator may change or remove editors, reviewers and viewers only.')
    return ok(targetRole)
  }

  private async view(boardId: string, userId: string, connected: ReadonlySet<string>): Promise<MemberView | null> {
    const [role, account] = await Promise.all([this.boards.store.roleOf(boardId, userId), this.auth.users.get(userId)])
    if (!role || !account) return null
    return {
      userId,
      displayName: account.displayName,
      role,
      guest: account.guestBoardId !== null,
      connected: connected.has(userId),
    }
  }
}
