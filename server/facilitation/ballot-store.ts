import type { Storage } from 'unstorage'
import { z } from 'zod'
import type { Ballot } from '../../shared/facilitation/resolve.ts'

const StoredBallot = z.object({
  userId: z.string(),
  name: z.string(),
  dots: z.record(z.string(), z.number().int().min(0)),
})

const base = (boardId: string, voteId: string) => `ballots:${boardId}:${voteId}`
const key = (boardId: string, voteId: string, userId: string) => `${base(boardId, voteId)}:${userId}`

/**
 * The ballots of open votes, held by the server alone (CONTRACT.md: no participant receives
 * another's dots by any path while a vote is open): `ballots:<boardId>:<voteId>:<userId>` → the
 * caller's whole ballot. Never part of the board document, a snapshot or an export; read back
 * only to count when the vote closes, then deleted. In storage rather than memory so that every
 * instance (scale-out) and a restart see the same ballots.
 */
export class BallotStore {
  constructor(private readonly storage: Storage) {}

  async put(boardId: string, voteId: string, ballot: Ballot): Promise<void> {
    await this.storage.setItem(key(boardId, voteId, ballot.userId), ballot)
  }

  async get(boardId: string, voteId: string, userId: string): Promise<Ballot | null> {
    const parsed = StoredBallot.safeParse(await this.storage.getItem(key(boardId, voteId, userId)))
    return parsed.success ? parsed.data : null
  }

  /** Every ballot of the vote (unreadable ones are left out). */
  async all(boardId: string, voteId: string): Promise<Ballot[]> {
    const keys = await this.storage.getKeys(base(boardId, voteId))
    const values = await Promise.all(keys.map((k) => this.storage.getItem(k)))
    return values.flatMap((value) => {
      const parsed = StoredBallot.safeParse(value)
      return parsed.success ? [parsed.data] : []
    })
  }

  /** How many people have a ballot with at least one dot. */
  async voters(boardId: string, voteId: string): Promise<number> {
    return (await this.all(boardId, voteId)).filter((b) => Object.values(b.dots).some((n) => n > 0)).length
  }

  async clear(boardId: string, voteId: string): Promise<void> {
    const keys = await this.storage.getKeys(base(boardId, voteId))
    await Promise.all(keys.map((k) => this.storage.removeItem(k)))
  }
}
