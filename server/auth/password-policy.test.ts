import { describe, expect, it } from 'vitest'
import { passwordProblem } from './password-policy.ts'

describe('passwordProblem', () => {
  it('refuses fewer than 10 characters, counting code points', () => {
    expect(passwordProblem('short')).toBe('too_short')
    expect(passwordProblem('😀'.repeat(9))).toBe('too_short')
    expect(passwordProblem('😀'.repeat(10))).toBeNull()
  })

  it('refuses common and breached passwords, in any case and with stray spaces', () => {
    for (const common of ['password123', 'PASSWORD123', 'Qwertyuiop', '1234567890', 'iloveyou12', ' basketball ', '1qaz2wsx3edc'])
      expect(passwordProblem(common), common).toBe('common')
  })

  it('refuses the account’s own email, its local part and display name', () => {
    const account = { email: 'ada.lovelace@example.org', displayName: 'Ada Lovelace 1815' }
    expect(passwordProblem('Ada.Lovelace@Example.org', account)).toBe('personal')
    expect(passwordProblem('ADA.LOVELACE', account)).toBe('personal')
    expect(passwordProblem('ada lovelace 1815', account)).toBe('personal')
  })

  it('accepts a long uncommon passphrase', () => {
    expect(passwordProblem('correct horse battery', { email: 'a@example.org', displayName: 'A' })).toBeNull()
    expect(passwordProblem('spinnerei pottendorf hall b')).toBeNull()
  })
})
