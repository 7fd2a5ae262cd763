import type { Storage } from 'unstorage'
import { z } from 'zod'
import { plannedLanguages } from '../../shared/i18n/languages.ts'
import { isUrlSafeId, sha256Hex } from './ids.ts'

/** A person as stored: an account (email + password hash) or a guest of one board or one collection. */
export const StoredUser = z.object({
  id: z.string(),
  email: z.string().nullable(),
  displayName: z.string(),
  passwordHash: z.string().nullable(),
  guestBoardId: z.string().nullable(),
  /** set for a guest of a collection (issue 17); absent on older records and on everyone else */
  guestCollectionId: z.string().optional(),
  createdAt: z.string(),
  /** the UI language the person chose (a planned language code); absent: ?lang= and the browser decide */
  language: z.enum(plannedLanguages).optional(),
})
export type StoredUser = z.infer<typeof StoredUser>

export const normalizeEmail = (email: string) => email.trim().toLowerCase()

const userKey = (id: string) => `auth:users:${id}`
/** The email index is keyed by a hash so that addresses never appear in key names (file names). */
const emailKey = (email: string) => `auth:email:${sha256Hex(normalizeEmail(email))}`

/** Users in unstorage: `auth:users:<id>` and the index `auth:email:<sha256(lowercased email)>`. */
export class UserStore {
  constructor(private readonly storage: Storage) {}

  async get(id: string): Promise<StoredUser | null> {
    if (!isUrlSafeId(id)) return null
    const parsed = StoredUser.safeParse(await this.storage.getItem(userKey(id)))
    return parsed.success ? parsed.data : null
  }

  async exists(id: string): Promise<boolean> {
    return isUrlSafeId(id) && this.storage.hasItem(userKey(id))
  }

  async idByEmail(email: string): Promise<string | null> {
    const value = await this.storage.getItem(emailKey(email))
    return typeof value === 'string' ? value : null
  }

  async getByEmail(email: string): Promise<StoredUser | null> {
    const id = await this.idByEmail(email)
    return id ? this.get(id) : null
  }

  /** Writes the user (and, for accounts, the email index). */
  async put(user: StoredUser): Promise<void> {
    await this.storage.setItem(userKey(user.id), user)
    if (user.email !== null) await this.storage.setItem(emailKey(user.email), user.id)
  }

  async delete(user: StoredUser): Promise<void> {
    if (user.email !== null) await this.storage.removeItem(emailKey(user.email))
    await this.storage.removeItem(userKey(user.id))
  }
}
