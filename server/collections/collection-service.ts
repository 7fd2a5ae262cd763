import { analyse } from '../../shared/analysis/analyse.ts'
import type { Analysis } from '../../shared/analysis/types.ts'
import {
  type Collection,
  type CollectionSite,
  type Criterion,
  defaultCriteria,
  type Review,
  type ReviewScore,
  type StrategyTextKey,
  strategyTextKeys,
} from '../../shared/collections/collection.ts'
import {
  type ComparableKey,
  type CompareResult,
  type CompareSite,
  comparableValues,
  compareSites,
  meetingsOf,
} from '../../shared/collections/compare.ts'
import type { BoardDocument } from '../../shared/schema/document.ts'
import { hasRole, type Role } from '../../shared/schema/roles.ts'
import { isGuest, type SessionUser } from '../access.ts'
import { boardDocumentAt, type LoadSnapshotContent } from '../analysis/analysis-routes.ts'
import type { AuthService } from '../auth/auth-service.ts'
import { isUrlSafeId, randomId } from '../auth/ids.ts'
import type { BoardService } from '../boards/board-service.ts'
import type { MemberScope } from '../boards/member-service.ts'
import type { StrategyInput } from '../export/strategy/strategy-input.ts'
import { fail, ok, type Result } from '../http/result.ts'
import type { InviteStore } from '../invites/invite-store.ts'
import type { SnapshotStore } from '../snapshots/snapshot-store.ts'
import type { BoardContent } from '../sync/board-content.ts'
import type { CollectionRecord, CollectionStore, StoredSite } from './collection-store.ts'

export type CollectionAccessError = 'collection_not_found' | 'forbidden'

const forbidden = (action: string) => fail('forbidden', `Your role on this collection does not allow ${action}.`)

/** One site of a collection at the state it counts with: its document, analysis and snapshot label. */
export interface SiteState {
  site: CollectionSite
  snapshotLabel: string | null
  document: BoardDocument
  analysis: Analysis
}

/**
 * Collections of sites (issue 17): who may do what, the sites, criteria, texts, reviews and the
 * comparison. A role on a collection never opens a board: every board read here is for the
 * collection's own answers (compare, export), never handed out as board access. Sites whose board
 * was deleted are left out of every answer (the record keeps them until the next change).
 */
/** How many snapshots' trend values a process keeps (a snapshot never changes, so they never go stale). */
const TREND_CACHE_SIZE = 5000

export class CollectionService {
  /** `<boardId>:<snapshotId>` → the snapshot's comparable values, oldest entries evicted first */
  readonly #snapshotValues = new Map<string, Record<ComparableKey, number | null>>()

  constructor(
    readonly store: CollectionStore,
    private readonly boards: BoardService,
    private readonly content: BoardContent,
    private readonly snapshots: SnapshotStore,
    private readonly loadSnapshotContent: LoadSnapshotContent,
    private readonly invites: InviteStore,
    private readonly auth: AuthService,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The members scope for `MemberService` (collections have no live connections). */
  memberScope(): MemberScope<'collection_not_found'> {
    return {
      noun: 'collection',
      access: (user, id, min) => this.access(user, id, min),
      memberships: this.store.members,
      live: { memberChanged: () => {}, sessionEnded: () => {}, connectedUserIds: () => new Set<string>() },
      isOwnGuest: (user, id) => user.guestCollectionId === id,
    }
  }

  /** The record and the caller's role when it is at least `min`: 404 when they may not see it, 403 below `min`. */
  async access(
    user: SessionUser,
    id: string,
    min: Role,
  ): Promise<Result<{ record: CollectionRecord; role: Role }, CollectionAccessError>> {
    if (isGuest(user) && user.guestCollectionId !== id) return fail('collection_not_found')
    const [record, role] = await Promise.all([this.store.get(id), this.store.members.roleOf(id, user.id)])
    if (!record || !role) return fail('collection_not_found')
    if (!hasRole(role, min)) return forbidden('this action')
    return ok({ record, role })
  }

  /** The collection as the API shows it to the caller: sites whose board is gone are left out. */
  async view(record: CollectionRecord, role: Role): Promise<Collection> {
    const sites: CollectionSite[] = []
    for (const site of record.sites) {
      const board = await this.boards.store.get(site.boardId)
      if (board) sites.push({ ...site, title: board.title })
    }
    return {
      id: record.id,
      title: record.title,
      createdAt: record.createdAt,
      createdBy: record.createdBy,
      role,
      sites,
      criteria: record.criteria,
      texts: record.texts as Partial<Record<StrategyTextKey, string>>,
    }
  }

  async create(user: SessionUser, title: string): Promise<Result<Collection, 'forbidden'>> {
    if (isGuest(user)) return fail('forbidden', 'Guests cannot create collections; sign up for an account.')
    const stamp = this.now().toISOString()
    const record: CollectionRecord = {
      id: randomId(),
      title,
      createdAt: stamp,
      createdBy: user.id,
      updatedAt: stamp,
      sites: [],
      criteria: defaultCriteria(),
      texts: {},
    }
    await this.store.put(record)
    await this.store.members.setRole(record.id, user.id, 'owner', this.now())
    return ok(await this.view(record, 'owner'))
  }

  /** The collections the caller has a role on, most recently changed first. */
  async list(user: SessionUser): Promise<Collection[]> {
    const ids = isGuest(user) ? (user.guestCollectionId ? [user.guestCollectionId] : []) : await this.store.members.idsOf(user.id)
    const found = await Promise.all(
      ids.map(async (id) => {
        const access = await this.access(user, id, 'viewer')
        return access.ok
          ? { updatedAt: access.value.record.updatedAt, view: await this.view(access.value.record, access.value.role) }
          : null
      }),
    )
    return found
      .filter((f) => f !== null)
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
      .map((f) => f.view)
  }

  async get(user: SessionUser, id: string): Promise<Result<Collection, CollectionAccessError>> {
    const access = await this.access(user, id, 'viewer')
    return access.ok ? ok(await this.view(access.value.record, access.value.role)) : access
  }

  /** Owner/facilitator: the title, the criteria (replaced whole), texts (the keys given; `''` empties one). */
  async update(
    user: SessionUser,
    id: string,
    patch: {
      title?: string | undefined
      criteria?: Criterion[] | undefined
      texts?: Partial<Record<StrategyTextKey, string>> | undefined
    },
  ): Promise<Result<Collection, CollectionAccessError>> {
    return this.store.exclusive(id, async () => {
      const access = await this.access(user, id, 'facilitator')
      if (!access.ok) return access
      const { record, role } = access.value
      const texts = { ...record.texts }
      for (const key of strategyTextKeys) {
        const text = patch.texts?.[key]
        if (text === undefined) continue
        if (text === '') delete texts[key]
        else texts[key] = text
      }
      const next: CollectionRecord = {
        ...record,
        title: patch.title ?? record.title,
        criteria: patch.criteria ?? record.criteria,
        texts,
        updatedAt: this.now().toISOString(),
      }
      await this.store.put(next)
      return ok(await this.view(next, role))
    })
  }

  /** Owner only: the collection, its members, reviews, invites and its guests. */
  async delete(user: SessionUser, id: string): Promise<Result<null, CollectionAccessError>> {
    return this.store.exclusive(id, async () => {
      const access = await this.access(user, id, 'owner')
      if (!access.ok) return access
      await this.invites.deleteAllOf({ collectionId: id })
      for (const memberId of await this.store.members.memberIds(id)) {
        const member = await this.auth.users.get(memberId)
        if (member?.guestCollectionId === id) await this.auth.deleteGuest(memberId)
      }
      await this.store.delete(id)
      return ok(null)
    })
  }

  /**
   * Adds a board (or changes the state it counts with): owner/facilitator of the collection who
   * is also facilitator or owner of the board; `snapshotId` must be one of that board's snapshots.
   */
  async addSite(
    user: SessionUser,
    id: string,
    boardId: string,
    snapshotId: string | null,
  ): Promise<Result<Collection, CollectionAccessError | 'board_not_found' | 'snapshot_not_found'>> {
    return this.store.exclusive(id, async () => {
      const access = await this.access(user, id, 'facilitator')
      if (!access.ok) return access
      const board = await this.boards.access(user, boardId, 'facilitator')
      if (!board.ok)
        return board.error === 'forbidden'
          ? fail('forbidden', 'Adding a board to a collection needs the facilitator or owner role on the board.')
          : board
      if (snapshotId !== null && !(await this.snapshots.meta(boardId, snapshotId))) return fail('snapshot_not_found')
      const { record, role } = access.value
      const existing = record.sites.find((s) => s.boardId === boardId)
      const site: StoredSite = { boardId, snapshotId, addedAt: existing?.addedAt ?? this.now().toISOString() }
      const next: CollectionRecord = {
        ...record,
        sites: existing ? record.sites.map((s) => (s.boardId === boardId ? site : s)) : [...record.sites, site],
        updatedAt: this.now().toISOString(),
      }
      await this.store.put(next)
      return ok(await this.view(next, role))
    })
  }

  /** Owner/facilitator of the collection: the board leaves it, with its reviews. */
  async removeSite(user: SessionUser, id: string, boardId: string): Promise<Result<null, CollectionAccessError>> {
    return this.store.exclusive(id, async () => {
      const access = await this.access(user, id, 'facilitator')
      if (!access.ok) return access
      const { record } = access.value
      if (record.sites.some((s) => s.boardId === boardId)) {
        await this.store.put({
          ...record,
          sites: record.sites.filter((s) => s.boardId !== boardId),
          updatedAt: this.now().toISOString(),
        })
      }
      await this.store.deleteReviewsOf(id, boardId)
      return ok(null)
    })
  }

  /** Every review of the collection's sites (any member), by site order, then reviewer name. */
  async reviews(user: SessionUser, id: string): Promise<Result<Review[], CollectionAccessError>> {
    const access = await this.access(user, id, 'viewer')
    if (!access.ok) return access
    const { record } = access.value
    return ok(await this.reviewsOf(record, (await this.view(record, 'viewer')).sites))
  }

  /** The reviews of `sites` (the collection's sites whose board is there, as `view` gives them). */
  async reviewsOf(record: CollectionRecord, sites: CollectionSite[]): Promise<Review[]> {
    const order = new Map(sites.map((s, i) => [s.boardId, i]))
    const criteria = new Set(record.criteria.map((c) => c.id))
    const stored = (await this.store.reviews(record.id)).filter((r) => order.has(r.boardId))
    const reviews = await Promise.all(
      stored.map(async (r): Promise<Review> => {
        const reviewer = await this.auth.users.get(r.reviewerId)
        // scores of criteria the collection no longer has are not shown
        const scores = Object.fromEntries(Object.entries(r.scores).filter(([key]) => criteria.has(key)))
        return { ...r, reviewerName: reviewer?.displayName ?? '', scores }
      }),
    )
    return reviews.sort(
      (a, b) =>
        (order.get(a.boardId) ?? 0) - (order.get(b.boardId) ?? 0) ||
        a.reviewerName.localeCompare(b.reviewerName) ||
        a.reviewerId.localeCompare(b.reviewerId),
    )
  }

  /** Reviewer and up: the caller's own review of one site, replaced whole. Scores for the collection's criteria only. */
  async putReview(
    user: SessionUser,
    id: string,
    boardId: string,
    input: { scores: Record<string, ReviewScore>; summary: string },
  ): Promise<Result<Review, CollectionAccessError | 'board_not_found' | 'validation_failed'>> {
    // under the collection's lock: a site removed meanwhile (its reviews deleted) gets no review written after
    return this.store.exclusive(id, async () => {
      const access = await this.access(user, id, 'reviewer')
      if (!access.ok) return access
      const { record } = access.value
      if (!isUrlSafeId(boardId) || !record.sites.some((s) => s.boardId === boardId) || !(await this.boards.store.get(boardId)))
        return fail('board_not_found', 'This board is not a site of the collection.')
      const criteria = new Set(record.criteria.map((c) => c.id))
      const unknown = Object.keys(input.scores).find((key) => !criteria.has(key))
      if (unknown !== undefined)
        return fail('validation_failed', `scores.${unknown}: not a criterion of this collection (${[...criteria].join(', ')})`)
      const review = {
        boardId,
        reviewerId: user.id,
        scores: input.scores,
        summary: input.summary,
        updatedAt: this.now().toISOString(),
      }
      await this.store.putReview(id, review)
      return ok({ ...review, reviewerName: user.displayName })
    })
  }

  /**
   * The document and analysis of each site at the state it counts with — the same path as the
   * board's own `GET /api/boards/:id/analysis[?snapshot=]`. `sites` are the collection's sites
   * whose board is there (`view`); a site whose snapshot is gone is left out.
   */
  async siteStates(sites: CollectionSite[]): Promise<SiteState[]> {
    const states: SiteState[] = []
    for (const site of sites) {
      const board = { id: site.boardId, title: site.title }
      const document = await boardDocumentAt(this.content, this.loadSnapshotContent, board, site.snapshotId ?? undefined)
      if (!document) continue
      const meta = site.snapshotId ? await this.snapshots.meta(board.id, site.snapshotId) : null
      states.push({
        site,
        snapshotLabel: meta?.label ?? null,
        document,
        analysis: analyse(document),
      })
    }
    return states
  }

  /** `GET /api/collections/:id/compare` (any member), from the sites' states. */
  async compareOf(states: SiteState[]): Promise<CompareResult> {
    const sites: CompareSite[] = []
    for (const state of states) {
      const { site, document, analysis } = state
      const profile = document.site
      sites.push({
        boardId: site.boardId,
        title: site.title,
        snapshotId: site.snapshotId,
        snapshotLabel: state.snapshotLabel,
        site:
          Object.keys(profile).length === 0
            ? null
            : { name: profile.name ?? null, country: profile.country ?? null, areaM2: profile.areaM2 ?? null },
        indicators: analysis.indicators,
        matrix: analysis.matrix,
        meetings: meetingsOf(document),
        trend: await this.trend(site.boardId, site.title, site.snapshotId, analysis),
      })
    }
    return compareSites(sites)
  }

  async compare(user: SessionUser, id: string): Promise<Result<CompareResult, CollectionAccessError>> {
    const access = await this.access(user, id, 'viewer')
    if (!access.ok) return access
    const { record, role } = access.value
    return ok(await this.compareOf(await this.siteStates((await this.view(record, role)).sites)))
  }

  /**
   * What the regional strategy is written from (any member): the collection as the caller sees
   * it, each site at the state it counts with, the comparison and the reviews.
   */
  async strategyInput(user: SessionUser, id: string): Promise<Result<StrategyInput, CollectionAccessError>> {
    const access = await this.access(user, id, 'viewer')
    if (!access.ok) return access
    const { record, role } = access.value
    // each site's board record is read once, here: the states and the reviews' order take its sites
    const collection = await this.view(record, role)
    const states = await this.siteStates(collection.sites)
    return ok({
      collection,
      sites: states.map((state) => ({
        boardId: state.site.boardId,
        title: state.site.title,
        snapshotLabel: state.snapshotLabel,
        site: Object.keys(state.document.site).length === 0 ? null : state.document.site,
        document: state.document,
        analysis: state.analysis,
      })),
      compare: await this.compareOf(states),
      reviews: await this.reviewsOf(record, collection.sites),
      generatedAt: this.now(),
    })
  }

  /**
   * One point per snapshot of the board, oldest first, then the live board. A snapshot is
   * analysed once per process (its values are kept: it never changes); `analysis`, what the
   * caller has just analysed of the state `snapshotId` (`null`: the live board), saves reading
   * and analysing that state again.
   */
  async trend(boardId: string, title: string, snapshotId: string | null, analysis: Analysis): Promise<CompareSite['trend']> {
    if (snapshotId !== null) this.#keep(`${boardId}:${snapshotId}`, comparableValues(analysis.indicators))
    const live = snapshotId === null ? analysis : undefined
    const metas = (await this.snapshots.list(boardId)).reverse()
    const points: CompareSite['trend'] = []
    for (const meta of metas) {
      const values = await this.#valuesOfSnapshot(boardId, meta.id)
      if (values) points.push({ snapshotId: meta.id, label: meta.label, createdAt: meta.createdAt, values })
    }
    const liveAnalysis =
      live ??
      (await boardDocumentAt(this.content, this.loadSnapshotContent, { id: boardId, title }, undefined).then((document) =>
        document ? analyse(document) : null,
      ))
    if (liveAnalysis)
      points.push({
        snapshotId: 'live',
        label: '',
        createdAt: this.now().toISOString(),
        values: comparableValues(liveAnalysis.indicators),
      })
    return points
  }

  async #valuesOfSnapshot(boardId: string, snapshotId: string): Promise<Record<ComparableKey, number | null> | null> {
    const key = `${boardId}:${snapshotId}`
    const kept = this.#snapshotValues.get(key)
    if (kept) return kept
    const document = await this.loadSnapshotContent(boardId, snapshotId)
    if (!document) return null
    const values = comparableValues(analyse(document).indicators)
    this.#keep(key, values)
    return values
  }

  #keep(key: string, values: Record<ComparableKey, number | null>): void {
    if (this.#snapshotValues.has(key)) return
    this.#snapshotValues.set(key, values)
    if (this.#snapshotValues.size > TREND_CACHE_SIZE) {
      const oldest = this.#snapshotValues.keys().next()
      if (!oldest.done) this.#snapshotValues.delete(oldest.value)
    }
  }
}
