import { dictionary } from '@zxcvbn-ts/language-common'

/** NIST 800-63B / OWASP ASVS 2.1.1: at least this many characters (code points). */
export const MIN_PASSWORD_LENGTH = 10

/** Why a password is refused (all answered as 400 `weak_password`), or null when it may be used. */
export type PasswordProblem = 'too_short' | 'common' | 'personal'

export const passwordProblemMessage: Record<PasswordProblem, string> = {
  too_short: `The password must have at least ${MIN_PASSWORD_LENGTH} characters.`,
  common: 'This password is one of the most common or breached passwords; choose another.',
  personal: 'The password must not be your email address or your name.',
}

const normalize = (text: string) => text.normalize('NFKC').trim().toLowerCase()

/**
 * OWASP ASVS 2.1.7: the ~49,000 most common passwords of zxcvbn-ts's common list (collected
 * from leaked password corpora; maintained upstream, shipped offline in
 * `@zxcvbn-ts/language-common`), lower-cased. Built on first use: ~30 ms, ~3 MB.
 */
let commonPasswords: ReadonlySet<string> | null = null
function isCommonPassword(password: string): boolean {
  commonPasswords ??= new Set(dictionary['passwords-common'].map(normalize))
  return commonPasswords.has(normalize(password))
}

/**
 * What is wrong with a new password (signup, and any later password change), checked
 * case-insensitively: too short, on the common/breached list, or the account's own email,
 * the email's local part or display name.
 */
export function passwordProblem(
  password: string,
  account: { email?: string | null | undefined; displayName?: string | null | undefined } = {},
): PasswordProblem | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return 'too_short'
  if (isCommonPassword(password)) return 'common'
  const candidate = normalize(password)
  const email = account.email ? normalize(account.email) : ''
  const personal = [email, email.split('@')[0] ?? '', account.displayName ? normalize(account.displayName) : '']
  if (personal.some((value) => value !== '' && value === candidate)) return 'personal'
  return null
}
