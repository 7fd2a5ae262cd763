import type { AccessControl } from '../access.ts'
import type { AuthService } from '../auth/auth-service.ts'
import type { BoardService } from './board-service.ts'

/** What the sync endpoint asks of auth and boards (see server/access.ts). */
export function createAccessControl(auth: AuthService, boards: BoardService): AccessControl {
  return {
    userFromToken: (token) => auth.userFromToken(token),
    roleOf: (user, boardId) => boards.roleOf(user, boardId),
  }
}
