import { Hono } from 'hono'
import { isGuest, type SessionUser } from '../access.ts'
import type { AuthService } from '../auth/auth-service.ts'
import { requireUser } from '../auth/authenticate.ts'
import type { BoardService } from '../boards/board-service.ts'
import type { AppEnv } from '../http/app-env.ts'
import { DEMO_EMAIL } from './seed-demo.ts'

/** The demo board: the oldest `publicRead` board of the demo account, or null. */
export async function findDemoBoard(auth: AuthService, boards: BoardService): Promise<{ id: string; title: string } | null> {
  const owner = await auth.users.getByEmail(DEMO_EMAIL)
  if (!owner) return null
  const records = await Promise.all((await boards.store.boardIdsOf(owner.id)).map((id) => boards.store.get(id)))
  const demo = records
    .filter((r) => r?.publicRead === true)
    .sort((a, b) => (a?.createdAt ?? '').localeCompare(b?.createdAt ?? ''))[0]
  return demo ? { id: demo.id, title: demo.title } : null
}

/** `GET /api/demo`: where the demo board is (`null`: none), for any signed-in account (it opens read-only for them). */
export function demoRoutes(auth: AuthService, boards: BoardService) {
  return new Hono<AppEnv>().get('/', async (c) => {
    const user: SessionUser = requireUser(c)
    // none (or a guest, who sees only their board): an answer, not an error; the home page just offers no demo
    const demo = !isGuest(user) ? await findDemoBoard(auth, boards) : null
    return c.json({ board: demo }, 200)
  })
}
