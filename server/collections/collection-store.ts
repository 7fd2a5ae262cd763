import type { Storage } from 'unstorage'
import { z } from 'zod'
import type { Review } from '../../shared/collections/collection.ts'
import { isUrlSafeId } from '../auth/ids.ts'
import { KeyedLock } from '../auth/keyed-lock.ts'
import { MembershipStore } from '../boards/membership-store.ts'
import { type ExpiringLock, RedisLock, redisUnder } from '../storage/compaction-lock.ts'
import { StorageUnavailableError } from '../storage/unavailable.ts'

const StoredSite = z.object({ boardId: z.string(), snapshotId: z.string().nullable(), addedAt: z.string() })
export type StoredSite = z.infer<typeof StoredSite>

/** A collection as stored (`collections:<id>`); the API adds the caller's role and the sites' titles. */
export const CollectionRecord = z.object({
  id: z.string(),
  title: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
  updatedAt: z.string(),
  sites: z.array(StoredSite),
  criteria: z.array(z.object({ id: z.string(), title: z.string() })),
  texts: z.record(z.string(), z.string()),
})
export type CollectionRecord = z.infer<typeof CollectionRecord>

const StoredReview = z.object({
  boardId: z.string(),
  reviewerId: z.string(),
  scores: z.record(
    z.string(),
    z.object({
      score: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.null()]),
      text: z.string(),
    }),
  ),
  summary: z.string(),
  updatedAt: z.string(),
})
/** A review as stored: the reviewer's name is read at answer time (it may change). */
export type StoredReview = Omit<Review, 'reviewerName'>

/** How long one change may hold a collection across instances, and how long another waits for it. */
const SHARED_LOCK_MS = 10_000

const collectionKey = (id: string) => `collections:${id}`
const reviewsBase = (collectionId: string) => `collectionreviews:${collectionId}`
const reviewKey = (collectionId: string, boardId: string, reviewerId: string) =>
  `${reviewsBase(collectionId)}:${boardId}:${reviewerId}`

/**
 * Collections of sites in unstorage (docs/architecture.md, "Storage keys"):
 * `collections:<id>` → the record; `collectionmembers:<id>:<userId>` → `{role, since}` and
 * `usercollections:<userId>:<id>` → 1 (the same membership store as boards');
 * `collectionreviews:<id>:<boardId>:<reviewerId>` → one review. A collection's invites are
 * invites (`invites:<token>`) with a `collectionId`, indexed by `collectioninvites:<id>:<token>`.
 * A record is read, changed and written back only inside `exclusive(id, …)`.
 */
export class CollectionStore {
  readonly members: MembershipStore
  readonly #lock = new KeyedLock()
  /** over Redis storage, where several instances share the records: Redis's lock too; else none is needed */
  readonly #shared: ExpiringLock | null

  constructor(private readonly storage: Storage) {
    this.members = new MembershipStore(storage, { members: 'collectionmembers', index: 'usercollections' })
    const redis = redisUnder(storage, 'collections:')
    this.#shared = redis ? new RedisLock(redis) : null
  }

  /**
   * Runs `task` as the only change of the collection: one at a time on this instance, and over
   * Redis storage one at a time across instances (two sites added on two instances at once
   * would otherwise each write the record back without the other's). 503 when another
   * instance holds it longer than SHARED_LOCK_MS.
   */
  exclusive<T>(id: string, task: () => Promise<T>): Promise<T> {
    return this.#lock.run(id, async () => {
      const shared = this.#shared
      if (!shared) return task()
      const name = `collection:${id}`
      const token = await acquire(shared, name)
      try {
        return await task()
      } finally {
        await shared.release(name, token)
      }
    })
  }

  async get(id: string): Promise<CollectionRecord | null> {
    if (!isUrlSafeId(id)) return null
    const parsed = CollectionRecord.safeParse(await this.storage.getItem(collectionKey(id)))
    return parsed.success ? parsed.data : null
  }

  async put(record: CollectionRecord): Promise<void> {
    await this.storage.setItem(collectionKey(record.id), record)
  }

  /** The record, its memberships and its reviews (its invites: `InviteStore.deleteAllOf`). */
  async delete(id: string): Promise<void> {
    if (!isUrlSafeId(id)) return
    for (const userId of await this.members.memberIds(id)) await this.members.removeMember(id, userId)
    for (const key of await this.storage.getKeys(reviewsBase(id))) await this.storage.removeItem(key)
    await this.storage.removeItem(collectionKey(id))
  }

  async putReview(collectionId: string, review: StoredReview): Promise<void> {
    await this.storage.setItem(reviewKey(collectionId, review.boardId, review.reviewerId), review)
  }

  async deleteReviewsOf(collectionId: string, boardId: string): Promise<void> {
    if (!isUrlSafeId(collectionId) || !isUrlSafeId(boardId)) return
    for (const key of await this.storage.getKeys(`${reviewsBase(collectionId)}:${boardId}`)) await this.storage.removeItem(key)
  }

  /** Every review in the collection. */
  async reviews(collectionId: string): Promise<StoredReview[]> {
    if (!isUrlSafeId(collectionId)) return []
    const reviews: StoredReview[] = []
    for (const key of await this.storage.getKeys(reviewsBase(collectionId))) {
      const parsed = StoredReview.safeParse(await this.storage.getItem(key))
      if (parsed.success) reviews.push(parsed.data)
    }
    return reviews
  }
}

/** The shared lock, tried again every few milliseconds until SHARED_LOCK_MS has passed. */
async function acquire(lock: ExpiringLock, name: string): Promise<string> {
  const until = Date.now() + SHARED_LOCK_MS
  for (;;) {
    const token = await lock.acquire(name, SHARED_LOCK_MS)
    if (token !== null) return token
    if (Date.now() > until) throw new StorageUnavailableError(`another instance holds ${name}`)
    await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20))
  }
}
