import { spawn } from 'node:child_process'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { SMTPServer } from 'smtp-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Account, api, signup } from '../helpers/api.ts'
import { launchBrowser, openPerson } from '../helpers/browser.ts'
import { startTestServer, type TestServer, tempDir } from '../helpers/server.ts'

const root = path.resolve(import.meta.dirname, '../..')
const OLD_PASSWORD = 'correct horse battery staple'
const NEW_PASSWORD = 'lantern over the brewery yard'

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

/** `npm run admin -- reset-link <email>` as an operator runs it, against the server's storage. */
function adminResetLink(env: Record<string, string>, email: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/admin.ts', 'reset-link', email], {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let out = ''
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString()
    })
    child.stderr.on('data', (d: Buffer) => {
      out += d.toString()
    })
    child.once('exit', (code) => resolve({ code, out }))
  })
}

/** On the reset page: a common password is refused, a good one is set. */
async function chooseNewPassword(page: Page) {
  await page.getByRole('heading', { name: 'Choose a new password' }).waitFor()
  await page.getByLabel('New password', { exact: true }).fill('password123')
  await page.getByRole('button', { name: 'Set the new password' }).click()
  await expect.poll(() => page.locator('.field__error').count()).toBe(1)
  await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD)
  await page.getByRole('button', { name: 'Set the new password' }).click()
  await page.getByTestId('reset-done').waitFor()
}

/** Signs in through the UI and lands on the board list. */
async function signIn(page: Page, baseUrl: string, email: string, password: string) {
  await page.goto(`${baseUrl}/`)
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password', { exact: true }).fill(password)
  await page.getByRole('button', { name: 'Log in' }).click()
}

/** Console errors other than the refusals these tests provoke (a weak password: 400; no mail server: 501). */
const unexpected = (problems: string[]) =>
  problems.filter(
    (p) => !/status of 400 .*\/api\/auth\/reset\)$/.test(p) && !/status of 501 .*\/api\/auth\/reset-request\)$/.test(p),
  )

const meStatus = async (baseUrl: string, account: Account) =>
  (await api(baseUrl, 'GET', '/api/auth/me', { token: account.token })).status

describe('password reset', () => {
  it('without a mail server: the page says to ask the administrator, whose command prints a one-time link', async () => {
    const data = tempDir()
    const storageEnv = { STORAGE_URL: `fs:${data.dir}` }
    const server: TestServer = await startTestServer(storageEnv)
    try {
      const account = await signup(server.url, 'Klemen Potočnik')
      const email = account.user.email ?? ''
      const person = await openPerson(browser)
      await person.page.goto(`${server.url}/`)
      await person.page.getByRole('link', { name: 'Forgot your password?' }).click()
      await person.page.getByLabel('Email').fill(email)
      await person.page.getByRole('button', { name: 'Send the link' }).click()
      await expect
        .poll(() => person.page.getByTestId('reset-no-mail').textContent())
        .toContain(`npm run admin -- reset-link ${email}`)

      const port = new URL(server.url).port
      const admin = await adminResetLink({ ...storageEnv, HOST: '127.0.0.1', PORT: port }, email)
      expect(admin.code).toBe(0)
      const link = /http:\/\/\S+\/reset#[A-Za-z0-9_-]+/.exec(admin.out)?.[0] ?? ''
      expect(link.startsWith(`${server.url}/reset#`)).toBe(true)

      await person.page.goto(link)
      await chooseNewPassword(person.page)
      // every session of the account ended; the old password is gone, the new one signs in
      expect(await meStatus(server.url, account)).toBe(401)
      const old = await api(server.url, 'POST', '/api/auth/login', { body: { email, password: OLD_PASSWORD } })
      expect(old.status).toBe(401)
      await signIn(person.page, server.url, email, NEW_PASSWORD)
      await person.page.getByRole('heading', { name: 'Your boards' }).waitFor()
      // the link worked once
      const again = await api(server.url, 'POST', '/api/auth/reset', {
        body: { token: link.split('#')[1], password: 'another long passphrase' },
      })
      expect(again.status).toBe(410)
      expect(unexpected(person.problems)).toEqual([])
      await person.context.close()
    } finally {
      await server.stop()
      data.cleanup()
    }
  })

  it('with SMTP_URL: the link arrives by e-mail at a real SMTP server, and following it sets the password', async () => {
    const mails: string[] = []
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      onData(stream, _session, callback) {
        let raw = ''
        stream.on('data', (chunk: Buffer) => {
          raw += chunk.toString()
        })
        stream.on('end', () => {
          mails.push(raw)
          callback()
        })
      },
    })
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve))
    const address = smtp.server.address()
    const smtpPort = typeof address === 'object' && address ? address.port : 0
    const server = await startTestServer({ SMTP_URL: `smtp://127.0.0.1:${smtpPort}` })
    try {
      const account = await signup(server.url, 'Ana Novak')
      const email = account.user.email ?? ''
      const person = await openPerson(browser)
      await person.page.goto(`${server.url}/reset`)
      await person.page.getByLabel('Email').fill(email)
      await person.page.getByRole('button', { name: 'Send the link' }).click()
      await person.page.getByTestId('reset-sent').waitFor()

      await expect.poll(() => mails.length, { timeout: 10_000 }).toBe(1)
      const mail = (mails[0] ?? '').replace(/=\r?\n/g, '')
      expect(mail).toContain(`To: ${email}`)
      expect(mail).toContain('Subject: Reset your Refresh Board password')
      const link = /http:\/\/\S+\/reset#[A-Za-z0-9_-]+/.exec(mail)?.[0] ?? ''
      expect(link.startsWith(`${server.url}/reset#`)).toBe(true)

      // an address without an account gets the same answer and no mail
      const nobody = await api(server.url, 'POST', '/api/auth/reset-request', { body: { email: 'nobody@example.org' } })
      expect(nobody.status).toBe(202)

      await person.page.goto(link)
      await chooseNewPassword(person.page)
      expect(await meStatus(server.url, account)).toBe(401)
      await signIn(person.page, server.url, email, NEW_PASSWORD)
      await person.page.getByRole('heading', { name: 'Your boards' }).waitFor()
      expect(mails.length).toBe(1)
      expect(unexpected(person.problems)).toEqual([])
      await person.context.close()
    } finally {
      await server.stop()
      await new Promise<void>((resolve) => smtp.close(() => resolve()))
    }
  })
})
