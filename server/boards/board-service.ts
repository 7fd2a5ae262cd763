import { createHash } from 'node:crypto'
import { translatorFor } from '../../shared/i18n/index.ts'
import type { LanguageCode } from '../../shared/i18n/languages.ts'
import type { AddableTemplate } from '../../shared/operations/operation.ts'
import type { OperationErrorCode } from '../../shared/operations/operation-error.ts'
import { type BoardDocument, emptyBoardDocument, parseBoardDocument } from '../../shared/schema/document.ts'
import { readTitle } from '../../shared/schema/layout.ts'
import { hasRole, type Role } from '../../shared/schema/roles.ts'
import type { Site } from '../../shared/schema/site.ts'
import { isGuest, type SessionUser } from '../access.ts'
import type { AuthService } from '../auth/auth-service.ts'
import { isUrlSafeId, randomId } from '../auth/ids.ts'
import { fail, ok, type Result } from '../http/result.ts'
import type { InviteStore } from '../invites/invite-store.ts'
import type { BoardWarning } from '../storage/quarantine.ts'
import type { BoardContent } from '../sync/board-content.ts'
import type { BoardRecord, BoardStore } from './board-store.ts'
import { type TemplateName, templateDocument } from './templates.ts'
import { ThumbnailCache, type ThumbnailLimits } from './thumbnails.ts'

/** A board as the API shows it to one caller. */
export type BoardView = BoardRecord & { role: Role }

/** `GET /api/boards/:id`: owners and facilitators also learn of the board's quarantined data. */
export type BoardDetail = BoardView & { warnings?: BoardWarning[] }

export interface CreateBoardInput {
  title: string
  /** null or absent: the imported document's site, else an empty profile */
  site?: Site | null | undefined
  template?: TemplateName | undefined
  content?: unknown
  /** the language a template's texts are written in (the caller's: `lang`, else the account's); English by default */
  language?: LanguageCode | undefined
}

/** What `POST /api/boards/:id/duplicate` calls the copy. */
export const copyTitle = (title: string) => `${title} (copy)`.slice(0, 200)

export type AccessError = 'board_not_found' | 'forbidden'

/** A refused server write as a REST error: a board at MAX_ELEMENTS_PER_BOARD answers 413, the rest 403. */
export const refusalCode = (code: OperationErrorCode): 'payload_too_large' | 'forbidden' =>
  code === 'too_many_elements' ? 'payload_too_large' : 'forbidden'

/** A board marked `publicRead` (the demo) opens read-only for any account that is not a member. */
function publicReadRole(board: BoardRecord, user: SessionUser): Role | null {
  return board.publicRead === true && !isGuest(user) ? 'viewer' : null
}

/** Boards and who may do what with them. Knows nothing of HTTP. */
export class BoardService {
  /** The board list's pictures (`thumbnails.ts`); `draws` counts the documents drawn. */
  readonly thumbnails: ThumbnailCache

  constructor(
    readonly store: BoardStore,
    private readonly content: BoardContent,
    private readonly invites: InviteStore,
    private readonly auth: AuthService,
    private readonly now: () => Date = () => new Date(),
    thumbnailLimits?: ThumbnailLimits,
  ) {
    // the picture draws the elements only: the title is not needed
    this.thumbnails = new ThumbnailCache(
      (boardId) => this.content.exportDocument(boardId, { id: boardId, title: '' }),
      thumbnailLimits,
    )
  }

  /** The caller's role on a board; null when they may not see it or it does not exist. */
  async roleOf(user: SessionUser, boardId: string): Promise<Role | null> {
    // a guest opens their own board only; a collection's guest no board at all
    if (isGuest(user) && user.guestBoardId !== boardId) return null
    const role = await this.store.roleOf(boardId, user.id)
    const record = await this.#record(boardId)
    return record ? (role ?? publicReadRole(record, user)) : null
  }

  /**
   * The board's record. When it was damaged (its JSON no longer parsed, so the storage moved it
   * to quarantine) it is rebuilt from what survives: the owner from the memberships, title and
   * site from the live document; the board then carries a `damaged_record` warning.
   */
  async #record(boardId: string): Promise<BoardRecord | null> {
    const record = await this.store.get(boardId)
    if (record || !isUrlSafeId(boardId) || !(await this.store.hasQuarantinedRecord(boardId))) return record
    const ownerId = await this.store.ownerOf(boardId)
    if (!ownerId) return null
    const title = await this.content.read(boardId, readTitle)
    const { site } = await this.content.exportDocument(boardId, { id: boardId, title: '' })
    const stamp = this.now().toISOString()
    const rebuilt: BoardRecord = { id: boardId, title: title ?? boardId, ownerId, createdAt: stamp, updatedAt: stamp, site }
    // not under `exclusive` (this runs inside it, for a PATCH); a request that rebuilt the
    // record meanwhile wins
    const current = await this.store.get(boardId)
    if (current) return current
    await this.store.put(rebuilt)
    return rebuilt
  }

  /** The board if the caller's role is at least `min`: 404 if they may not see it, 403 if the role is too low. */
  async access(user: SessionUser, boardId: string, min: Role): Promise<Result<BoardView, AccessError>> {
    if (isGuest(user) && user.guestBoardId !== boardId) return fail('board_not_found')
    const [board, memberRole] = await Promise.all([this.#record(boardId), this.store.roleOf(boardId, user.id)])
    const role = board ? (memberRole ?? publicReadRole(board, user)) : null
    if (!board || !role) return fail('board_not_found')
    if (!hasRole(role, min)) return fail('forbidden')
    return ok({ ...board, role })
  }

  /** The board for `GET /api/boards/:id`, with its warnings for owners and facilitators. */
  async detail(user: SessionUser, boardId: string): Promise<Result<BoardDetail, AccessError>> {
    const access = await this.access(user, boardId, 'viewer')
    if (!access.ok || !hasRole(access.value.role, 'facilitator')) return access
    const warnings = await this.store.warnings(boardId)
    return ok(warnings.length > 0 ? { ...access.value, warnings } : access.value)
  }

  async create(user: SessionUser, input: CreateBoardInput): Promise<Result<BoardView, 'forbidden' | 'invalid_document'>> {
    if (isGuest(user)) return fail('forbidden', 'Guests cannot create boards; sign up for an account.')
    let source: BoardDocument | null = null
    if (input.content !== undefined) {
      const parsed = parseBoardDocument(input.content)
      if (!parsed.ok) return fail('invalid_document', parsed.error.message)
      source = parsed.value
    } else if (input.template) {
      source = await templateDocument(input.template, {
        site: input.site ?? undefined,
        t: translatorFor(input.language ?? 'en'),
      })
    }
    const id = randomId()
    const stamp = this.now().toISOString()
    const site = input.site ?? source?.site ?? {}
    const document: BoardDocument = source
      ? { ...source, board: { id, title: input.title }, site }
      : emptyBoardDocument({ id, title: input.title }, site)
    // Content first: if it fails, no record points at a board without content.
    await this.content.initialize(id, document)
    const record: BoardRecord = {
      id,
      title: input.title,
      ownerId: user.id,
      createdAt: stamp,
      updatedAt: stamp,
      site,
      ...(input.template && input.template !== 'blank' ? { template: input.template } : {}),
    }
    await this.store.put(record)
    await this.store.setRole(id, user.id, 'owner', this.now())
    return ok({ ...record, role: 'owner' })
  }

  /**
   * A new board from the current content of one the caller may read: its live document, site
   * and template, titled "… (copy)"; the caller owns it (nobody else is a member).
   */
  async duplicate(user: SessionUser, boardId: string): Promise<Result<BoardView, AccessError | 'invalid_document'>> {
    const access = await this.access(user, boardId, 'viewer')
    if (!access.ok) return access
    if (isGuest(user)) return fail('forbidden', 'Guests cannot create boards; sign up for an account.')
    const source = access.value
    const content = await this.content.exportDocument(boardId, { id: boardId, title: source.title })
    const created = await this.create(user, { title: copyTitle(source.title), site: source.site, content })
    if (!created.ok || source.template === undefined) return created
    const { role, ...record } = created.value
    const next: BoardRecord = { ...record, template: source.template }
    await this.store.put(next)
    return ok({ ...next, role })
  }

  /**
   * Facilitator and owner: a method template's frames and cards beside the board's content
   * (the `template.add` operation, applied as the caller, so every client sees it at once).
   */
  async addTemplate(
    user: SessionUser,
    boardId: string,
    template: AddableTemplate,
    /** the caller's language, for the template's texts; English by default */
    language?: LanguageCode,
  ): Promise<Result<{ board: BoardView; added: number }, AccessError | 'payload_too_large'>> {
    return this.store.exclusive(boardId, async () => {
      const access = await this.access(user, boardId, 'facilitator')
      if (!access.ok) return access
      const { role, ...current } = access.value
      const op = { type: 'template.add' as const, template, ...(language && language !== 'en' ? { lang: language } : {}) }
      const written = await this.content.apply(boardId, op, { role })
      if (!written.ok) return fail(refusalCode(written.error.code), written.error.message)
      const next: BoardRecord = { ...current, updatedAt: this.now().toISOString() }
      await this.store.put(next)
      return ok({ board: { ...next, role }, added: written.summary?.added ?? 0 })
    })
  }

  /**
   * The board list's picture of a board (any member), with an ETag of the board's version: its
   * record's change and its content's last noted change. A caller that holds that version
   * (`ifNoneMatch`) gets `svg: null` and nothing is drawn, even after a restart; an unchanged
   * board is served from the cache without loading its document; a changed one is drawn anew
   * (within the few seconds the last-change stamp may lag behind a burst of edits), a few
   * boards at a time.
   */
  async thumbnail(
    user: SessionUser,
    boardId: string,
    ifNoneMatch?: string,
  ): Promise<Result<{ svg: string | null; etag: string }, AccessError>> {
    const [access, changed] = await Promise.all([this.access(user, boardId, 'viewer'), this.store.lastChange(boardId)])
    if (!access.ok) return access
    const version = `${access.value.updatedAt}|${changed ?? ''}`
    const etag = `"${createHash('sha1').update(`${boardId}|${version}`).digest('base64url')}"`
    if (ifNoneMatch === etag) return ok({ svg: null, etag })
    return ok({ svg: await this.thumbnails.svg(boardId, version), etag })
  }

  /** The boards the caller may open, most recently changed first. */
  async list(user: SessionUser): Promise<BoardView[]> {
    const ids = isGuest(user) ? (user.guestBoardId !== null ? [user.guestBoardId] : []) : await this.store.boardIdsOf(user.id)
    const views = await Promise.all(
      ids.map(async (id) => {
        const [result, changed] = await Promise.all([this.access(user, id, 'viewer'), this.store.lastChange(id)])
        if (!result.ok) return null
        // the list's "last change": the record's own change or the content's, whichever is later
        return changed && changed > result.value.updatedAt ? { ...result.value, updatedAt: changed } : result.value
      }),
    )
    return views.filter((v): v is BoardView => v !== null).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
  }

  /** Owner/facilitator: title and site, in the record and in the live document. `site: null` empties the profile. */
  async update(
    user: SessionUser,
    boardId: string,
    patch: { title?: string | undefined; site?: Site | null | undefined },
  ): Promise<Result<BoardView, AccessError>> {
    // one change of a board at a time: the record and the document end with the same title
    return this.store.exclusive(boardId, async () => {
      const access = await this.access(user, boardId, 'facilitator')
      if (!access.ok) return access
      const { role, ...current } = access.value
      const next: BoardRecord = {
        ...current,
        title: patch.title ?? current.title,
        site: patch.site === undefined ? current.site : (patch.site ?? {}),
        updatedAt: this.now().toISOString(),
      }
      const written = await this.content.apply(
        boardId,
        { type: 'board.profile', title: patch.title, site: patch.site === undefined ? undefined : next.site },
        { role },
      )
      if (!written.ok) return fail('forbidden', written.error.message)
      await this.store.put(next)
      return ok({ ...next, role })
    })
  }

  /** Owner only: the content, invites, memberships, guests of this board and the record. */
  async delete(user: SessionUser, boardId: string): Promise<Result<null, AccessError>> {
    // under the board's lock: a PATCH that started before cannot write the record back after
    return this.store.exclusive(boardId, async () => {
      const access = await this.access(user, boardId, 'owner')
      if (!access.ok) return access
      await this.content.destroy(boardId)
      await this.invites.deleteAllOf(boardId)
      for (const memberId of await this.store.memberIds(boardId)) {
        await this.store.removeMember(boardId, memberId)
        const member = await this.auth.users.get(memberId)
        if (member?.guestBoardId === boardId) await this.auth.deleteGuest(memberId)
      }
      await this.store.delete(boardId)
      this.thumbnails.forget(boardId)
      return ok(null)
    })
  }
}
