import type { LiveAccess } from '../access.ts'
import { fail, ok, type Result } from '../http/result.ts'
import type { Logger } from '../logger.ts'
import type { Mailer } from '../mail/mailer.ts'
import type { SessionManager } from './lucia-sessions.ts'
import { hashPassword } from './password.ts'
import { passwordProblem, passwordProblemMessage } from './password-policy.ts'
import type { ResetTokenStore } from './reset-tokens.ts'
import type { UserStore } from './user-store.ts'

/** The page that takes a reset token; the token rides in the fragment, so no server log sees it. */
export const resetUrl = (origin: string, token: string) => `${origin.replace(/\/+$/, '')}/reset#${token}`

/** At most one reset mail per account in this window (a mailbox is not a target). */
const MAIL_INTERVAL_MS = 60_000

/**
 * Password reset. Without a mail server an operator prints a one-time link with
 * `npm run admin -- reset-link <email>`; with `SMTP_URL` the person asks for it by e-mail.
 * A reset sets a password that passes the signup policy and ends every session of the account.
 */
export class PasswordReset {
  readonly #lastMailAt = new Map<string, number>()

  constructor(
    private readonly users: UserStore,
    private readonly sessions: SessionManager,
    private readonly tokens: ResetTokenStore,
    private readonly live: LiveAccess,
    private readonly mailer: Mailer | null,
    private readonly logger: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  get canMail(): boolean {
    return this.mailer !== null
  }

  /** A one-time link for an account (the admin command), or null when no account has that e-mail. */
  async linkFor(email: string, origin: string): Promise<{ url: string; expiresAt: Date } | null> {
    const user = await this.users.getByEmail(email)
    if (!user?.email) return null
    const { token, expiresAt } = await this.tokens.issue(user.id)
    return { url: resetUrl(origin, token), expiresAt }
  }

  /**
   * Mails a link when the e-mail belongs to an account. The answer is the same either way, so
   * the endpoint does not tell who has an account; a failed delivery is logged, not shown.
   */
  async request(email: string, origin: string): Promise<Result<null, 'not_implemented'>> {
    if (!this.mailer) return fail('not_implemented', 'This server cannot send e-mail. Ask its administrator for a reset link.')
    const user = await this.users.getByEmail(email)
    if (!user?.email) return ok(null)
    const at = this.now().getTime()
    if (at - (this.#lastMailAt.get(user.id) ?? Number.NEGATIVE_INFINITY) < MAIL_INTERVAL_MS) return ok(null)
    this.#lastMailAt.set(user.id, at)
    const { token } = await this.tokens.issue(user.id)
    const url = resetUrl(origin, token)
    try {
      await this.mailer.send({
        to: user.email,
        subject: 'Reset your Refresh Board password',
        text: [
          `Hello ${user.displayName},`,
          '',
          'someone (probably you) asked to reset the password of your Refresh Board account.',
          'Open this link within an hour to choose a new one; it works once:',
          '',
          url,
          '',
          'If you did not ask for this, ignore this message: your password stays as it is.',
        ].join('\n'),
      })
    } catch (error) {
      this.logger.error('reset mail failed', { error: error instanceof Error ? error.message : String(error) })
    }
    return ok(null)
  }

  /** Sets the new password with a valid token (used up by it) and ends all the account's sessions. */
  async reset(token: string, password: string): Promise<Result<null, 'reset_link_invalid' | 'weak_password'>> {
    const userId = await this.tokens.peek(token)
    const user = userId ? await this.users.get(userId) : null
    if (!user) return fail('reset_link_invalid')
    // checked before the token is used up: a refused password leaves the link working
    const problem = passwordProblem(password, { email: user.email ?? '', displayName: user.displayName })
    if (problem) return fail('weak_password', passwordProblemMessage[problem])
    if ((await this.tokens.consume(token)) !== user.id) return fail('reset_link_invalid')
    await this.users.put({ ...user, passwordHash: await hashPassword(password) })
    // other links of the account (asked for earlier, maybe by someone else) stop working too
    await this.tokens.revokeAllOf(user.id)
    for (const hash of await this.sessions.invalidateUser(user.id)) this.live.sessionEnded(hash)
    return ok(null)
  }
}
