import { translatorFor } from '../../shared/i18n/index.ts'
import type { LanguageCode } from '../../shared/i18n/languages.ts'
import type { SessionUser } from '../access.ts'
import type { AppServices } from '../app.ts'
import { randomId } from '../auth/ids.ts'
import { toSessionUser } from '../auth/public-user.ts'
import { templateDocument } from '../boards/templates.ts'
import type { Config } from '../config.ts'
import { joinUrl } from '../invites/invite-routes.ts'
import type { Logger } from '../logger.ts'
import type { BoardContent } from '../sync/board-content.ts'

export const DEMO_EMAIL = 'demo@refresh-board.local'
const DEMO_INVITE_HOURS = 30 * 24

export interface DemoSeed {
  boardId: string
  boardUrl: string
  /** editor invite: the way into the demo (the owner's password is random and never shown) */
  joinUrl: string
  facilitatorJoinUrl: string
}

/** Where the links point: the config itself, or just the origin (e.g. the listening server's URL). */
export type SeedOrigin = Pick<Config, 'host' | 'port' | 'publicOrigin'> | { publicOrigin: string }

/** PUBLIC_ORIGIN (or the given origin), else the listen address (a wildcard host shown as localhost). */
export function seedOrigin(where: SeedOrigin): string {
  if (where.publicOrigin) return where.publicOrigin.replace(/\/+$/, '')
  if (!('host' in where)) throw new Error('seedOrigin: no origin given')
  const host = ['0.0.0.0', '::', '[::]', ''].includes(where.host) ? 'localhost' : where.host
  return `http://${host.includes(':') && !host.startsWith('[') ? `[${host}]` : host}:${where.port}`
}

/**
 * On a store without boards, creates the demo: an owner account (`demo@refresh-board.local`,
 * random password that is neither printed nor logged), the textile-mill board and long-lived
 * editor and facilitator invites. Returns the links to print, or null when boards exist.
 * `_content` is the same BoardContent the services write through; kept for the caller's wiring.
 * `language` (DEMO_LANG, default English) is the demo's language: its title, frames and notes.
 */
export async function seedDemoIfEmpty(
  services: AppServices,
  _content: BoardContent,
  where: SeedOrigin,
  logger: Logger,
  { language = 'en' }: { language?: LanguageCode } = {},
): Promise<DemoSeed | null> {
  const origin = seedOrigin(where)
  if (await services.boards.store.hasAny()) {
    await openExistingDemo(services)
    return null
  }
  const existing = await services.auth.users.getByEmail(DEMO_EMAIL)
  let owner: SessionUser
  if (existing) owner = toSessionUser(existing)
  else {
    const created = await services.auth.createAccount({
      email: DEMO_EMAIL,
      password: randomId(24),
      displayName: 'Demo facilitator',
    })
    if (!created.ok) throw new Error(`could not create the demo account: ${created.error}`)
    owner = created.value
  }
  const t = translatorFor(language)
  const document = await templateDocument('textile-mill', { t })
  const siteName = document?.site.name ?? document?.board.title ?? 'Spinnerei'
  const board = await services.boards.create(owner, {
    title: t('templates.demo.boardTitle', { site: siteName }),
    content: document ?? undefined,
  })
  if (!board.ok) throw new Error(`could not create the demo board: ${board.error} ${board.message ?? ''}`)
  const boardId = board.value.id
  await markPublicRead(services, boardId)
  const editor = await services.invites.create(owner, boardId, {
    role: 'editor',
    expiresInHours: DEMO_INVITE_HOURS,
    maxUses: 1000,
  })
  const facilitator = await services.invites.create(owner, boardId, {
    role: 'facilitator',
    expiresInHours: DEMO_INVITE_HOURS,
    maxUses: 50,
  })
  if (!editor.ok || !facilitator.ok) throw new Error('could not create the demo invites')
  logger.info('demo board created', { boardId })
  return {
    boardId,
    boardUrl: `${origin}/boards/${boardId}`,
    joinUrl: joinUrl(origin, editor.value.token),
    facilitatorJoinUrl: joinUrl(origin, facilitator.value.token),
  }
}

/** Every signed-in account may open the demo read-only (and copy it), so its printed URL works for all. */
async function markPublicRead(services: AppServices, boardId: string): Promise<void> {
  const store = services.boards.store
  await store.exclusive(boardId, async () => {
    const record = await store.get(boardId)
    if (record && record.publicRead !== true) await store.put({ ...record, publicRead: true })
  })
}

/** A store seeded by an earlier version: its demo board (the demo account's first) becomes readable too. */
async function openExistingDemo(services: AppServices): Promise<void> {
  const owner = await services.auth.users.getByEmail(DEMO_EMAIL)
  if (!owner) return
  const records = await Promise.all((await services.boards.store.boardIdsOf(owner.id)).map((id) => services.boards.store.get(id)))
  const boards = records.filter((r) => r !== null).sort((a, b) => a.createdAt.localeCompare(b.createdAt))
  const first = boards[0]
  if (first && !boards.some((b) => b.publicRead === true)) await markPublicRead(services, first.id)
}
