import type { Storage } from 'unstorage'
import { z } from 'zod'
import type { Ballot } from '../../shared/facilitation/resolve.ts'

const StoredBallot = z.object({
  userId: z.string(),
  name: z.string(),
  dots: z.record(z.string(), z.number().int().min(0)),
})

const VoterIds = z.array(z.string())

const base = (boardId: string, voteId: string) => `ballots:${boardId}:${voteId}`
const key = (boardId: string, voteId: string, userId: string) => `${base(boardId, voteId)}:${userId}`
/** who has a ballot with a dot (not where): beside the ballots, not under their prefix (fs keeps keys as paths) */
const votersKey = (boardId: string, voteId: string) => `ballot-voters:${boardId}:${voteId}`

const hasDots = (ballot: Ballot) => Object.values(ballot.dots).some((n) => n > 0)

/**
 * The ballots of open votes, held by the server alone (CONTRACT.md: no participant receives
 * another's dots by any path while a vote is open): `ballots:<boardId>:<voteId>:<userId>` → the
 * caller's whole ballot. Never part of the board document, a snapshot or an export; read back
 * only to count when the vote closes, then deleted. In storage rather than memory so that every
 * instance (scale-out) and a restart see the same ballots.
 *
 * Beside them, `ballot-voters:<boardId>:<voteId>` lists who has placed a dot, kept up to date by
 * `put`: counting voters on every ballot must not list every ballot (a key listing costs the
 * whole store on some drivers, and 50 people voting at once made it quadratic).
 */
export class BallotStore {
  constructor(private readonly storage: Storage) {}

  async put(boardId: string, voteId: string, ballot: Ballot): Promise<void> {
    const stored = await this.#storedVoters(boardId, voteId)
    const voters = new Set(stored ?? (await this.#countedVoters(boardId, voteId)))
    await this.storage.setItem(key(boardId, voteId, ballot.userId), ballot)
    if (stored !== null && hasDots(ballot) === voters.has(ballot.userId)) return
    if (hasDots(ballot)) voters.add(ballot.userId)
    else voters.delete(ballot.userId)
    await this.storage.setItem(votersKey(boardId, voteId), [...voters])
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
    return ((await this.#storedVoters(boardId, voteId)) ?? (await this.#countedVoters(boardId, voteId))).length
  }

  /** The stored voter list, or null without one (ballots stored before it existed, or a damaged list). */
  async #storedVoters(boardId: string, voteId: string): Promise<string[] | null> {
    const parsed = VoterIds.safeParse(await this.storage.getItem(votersKey(boardId, voteId)))
    return parsed.success ? parsed.data : null
  }

  /** Who has a dot, counted from the ballots themselves. */
  async #countedVoters(boardId: string, voteId: string): Promise<string[]> {
    return (await this.all(boardId, voteId)).filter(hasDots).map((b) => b.userId)
  }

  async clear(boardId: string, voteId: string): Promise<void> {
    const keys = await this.storage.getKeys(base(boardId, voteId))
    await Promise.all([...keys, votersKey(boardId, voteId)].map((k) => this.storage.removeItem(k)))
  }
}
