import type { Storage } from 'unstorage'
import { z } from 'zod'
import { isUrlSafeId, randomId, sha256Hex } from './ids.ts'
import { KeyedLock } from './keyed-lock.ts'

/** How long a password-reset link works. */
export const RESET_TOKEN_TTL_MS = 60 * 60 * 1000

const ResetRecord = z.object({ userId: z.string(), createdAt: z.string(), expiresAt: z.string() })

/** The token is known only to the link; storage holds its SHA-256, so a copy of the store resets nothing. */
const resetKey = (token: string) => `auth:reset:${sha256Hex(token)}`
/** Per-account index of its outstanding tokens (by hash), so a reset can end them all. */
const userResetsBase = (userId: string) => `auth:reset-of:${userId}`

/** One-time, expiring password-reset tokens in unstorage (`auth:reset:<sha256 of the token>`). */
export class ResetTokenStore {
  readonly #lock = new KeyedLock()

  constructor(
    private readonly storage: Storage,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** A new token for the account; earlier ones keep working until used or expired. */
  async issue(userId: string): Promise<{ token: string; expiresAt: Date }> {
    const token = randomId(32)
    const created = this.now()
    const expiresAt = new Date(created.getTime() + RESET_TOKEN_TTL_MS)
    await this.storage.setItem(resetKey(token), {
      userId,
      createdAt: created.toISOString(),
      expiresAt: expiresAt.toISOString(),
    })
    if (isUrlSafeId(userId)) await this.storage.setItem(`${userResetsBase(userId)}:${sha256Hex(token)}`, 1)
    return { token, expiresAt }
  }

  /** The account a token resets, without using it up (null: unknown, used or expired). */
  async peek(token: string): Promise<string | null> {
    if (!isUrlSafeId(token)) return null
    const parsed = ResetRecord.safeParse(await this.storage.getItem(resetKey(token)))
    if (!parsed.success) return null
    if (Date.parse(parsed.data.expiresAt) <= this.now().getTime()) {
      await this.storage.removeItem(resetKey(token))
      return null
    }
    return parsed.data.userId
  }

  /** Uses the token up: the account it resets, once; null when unknown, used or expired. */
  async consume(token: string): Promise<string | null> {
    if (!isUrlSafeId(token)) return null
    return this.#lock.run(token, async () => {
      const userId = await this.peek(token)
      if (userId) await this.storage.removeItem(resetKey(token))
      return userId
    })
  }

  /** Ends every outstanding token of the account (after its password was reset). */
  async revokeAllOf(userId: string): Promise<void> {
    if (!isUrlSafeId(userId)) return
    for (const key of await this.storage.getKeys(userResetsBase(userId))) {
      const hash = key.slice(key.lastIndexOf(':') + 1)
      await this.storage.removeItem(`auth:reset:${hash}`)
      await this.storage.removeItem(key)
    }
  }
}
