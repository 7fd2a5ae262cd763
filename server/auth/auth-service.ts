import type { LanguageCode } from '../../shared/i18n/languages.ts'
import { isGuest, type LiveAccess, type SessionUser } from '../access.ts'
import { fail, ok, type Result } from '../http/result.ts'
import { randomId, sha256Hex } from './ids.ts'
import { KeyedLock } from './keyed-lock.ts'
import { defaultLoginLimits, type LoginGate, LoginThrottle } from './login-throttle.ts'
import type { SessionManager } from './lucia-sessions.ts'
import { hashPassword, verifyAgainstDummy, verifyPassword } from './password.ts'
import { passwordProblem, passwordProblemMessage } from './password-policy.ts'
import { toSessionUser } from './public-user.ts'
import { normalizeEmail, type StoredUser, type UserStore } from './user-store.ts'

export interface SignedIn {
  user: SessionUser
  token: string
}

export type LoginFailure =
  | { ok: false; error: 'invalid_credentials' }
  | { ok: false; error: 'too_many_requests'; retryAfterSeconds: number }

/**
 * Accounts, guests and sessions. Knows nothing of HTTP. An ended session is told to `live`
 * (the sync rooms) after it is deleted, so its open sockets close too.
 */
export class AuthService {
  private readonly emailLock = new KeyedLock()
  private readonly profileLock = new KeyedLock()

  constructor(
    readonly users: UserStore,
    readonly sessions: SessionManager,
    private readonly live: LiveAccess,
    private readonly throttle: LoginGate = new LoginThrottle(defaultLoginLimits),
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Creates an account (no session). */
  async createAccount(input: {
    email: string
    password: string
    displayName: string
  }): Promise<Result<SessionUser, 'weak_password' | 'email_taken'>> {
    const problem = passwordProblem(input.password, input)
    if (problem) return fail('weak_password', passwordProblemMessage[problem])
    const email = normalizeEmail(input.email)
    const passwordHash = await hashPassword(input.password)
    return this.emailLock.run(email, async () => {
      if (await this.users.idByEmail(email)) return fail('email_taken')
      const user: StoredUser = {
        id: randomId(),
        email,
        displayName: input.displayName,
        passwordHash,
        guestBoardId: null,
        createdAt: this.now().toISOString(),
      }
      await this.users.put(user)
      return ok(toSessionUser(user))
    })
  }

  async signup(input: {
    email: string
    password: string
    displayName: string
  }): Promise<Result<SignedIn, 'weak_password' | 'email_taken'>> {
    const created = await this.createAccount(input)
    if (!created.ok) return created
    return ok(await this.startSession(created.value))
  }

  /** Checks the password, throttled per account and per client address. */
  async login(input: {
    email: string
    password: string
    address: string
  }): Promise<{ ok: true; value: SignedIn } | LoginFailure> {
    const account = sha256Hex(normalizeEmail(input.email))
    const verdict = await this.throttle.begin(account, input.address)
    if (!verdict.allowed) return { ok: false, error: 'too_many_requests', retryAfterSeconds: verdict.retryAfterSeconds }
    const user = await this.users.getByEmail(input.email)
    const valid = user?.passwordHash
      ? await verifyPassword(user.passwordHash, input.password)
      : await verifyAgainstDummy(input.password)
    if (!user || !valid) return { ok: false, error: 'invalid_credentials' }
    await this.throttle.recordSuccess(account, input.address)
    return ok(await this.startSession(toSessionUser(user)))
  }

  /** A guest: a user without email or password, scoped to one board or (`{collectionId}`) one collection. */
  async createGuest(displayName: string, scope: string | { collectionId: string }): Promise<SignedIn> {
    const user: StoredUser = {
      id: randomId(),
      email: null,
      displayName,
      passwordHash: null,
      guestBoardId: typeof scope === 'string' ? scope : null,
      ...(typeof scope === 'string' ? {} : { guestCollectionId: scope.collectionId }),
      createdAt: this.now().toISOString(),
    }
    await this.users.put(user)
    return this.startSession(toSessionUser(user))
  }

  /** Removes a guest and all of their sessions (their board or collection was deleted, or they were removed from it). */
  async deleteGuest(userId: string): Promise<void> {
    const user = await this.users.get(userId)
    if (!user || !isGuest(user)) return
    const ended = await this.sessions.invalidateUser(userId)
    await this.users.delete(user)
    for (const hash of ended) this.live.sessionEnded(hash)
  }

  async startSession(user: SessionUser): Promise<SignedIn> {
    const { token } = await this.sessions.create(user.id)
    return { user, token }
  }

  /** The user behind a token, and whether the session's expiry moved (re-send the cookie). */
  async authenticate(token: string): Promise<{ user: SessionUser; fresh: boolean } | null> {
    const session = await this.sessions.validate(token)
    if (!session) return null
    const user = await this.users.get(session.userId)
    return user ? { user: toSessionUser(user), fresh: session.fresh } : null
  }

  async userFromToken(token: string): Promise<SessionUser | null> {
    return (await this.authenticate(token))?.user ?? null
  }

  /** Changes what a person may change of their own account: the UI language (null: none chosen). */
  async updateProfile(userId: string, patch: { language?: LanguageCode | null }): Promise<SessionUser | null> {
    return this.profileLock.run(userId, async () => {
      const user = await this.users.get(userId)
      if (!user) return null
      const { language: _old, ...rest } = user
      const next: StoredUser =
        patch.language === undefined ? user : patch.language === null ? rest : { ...rest, language: patch.language }
      await this.users.put(next)
      return toSessionUser(next)
    })
  }

  /** Ends the session; its sockets close (4401). */
  async logout(token: string): Promise<void> {
    this.live.sessionEnded(await this.sessions.invalidate(token))
  }
}
