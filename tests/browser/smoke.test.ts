import { randomUUID } from 'node:crypto'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, watchedPage } from '../helpers/browser.ts'
import { startTestServer } from '../helpers/server.ts'

/**
 * The client end to end in headless Chromium against a real server: sign up, create a board
 * with a site, see it live, invite a second person, both present; no console errors anywhere.
 */

/** Everyone in the presence list, by name. */
const presentNames = (page: Page) => page.getByTestId('presence-list').getByTestId('presence-name').allTextContents()

describe('browser smoke', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>
  let browser: Browser

  beforeAll(async () => {
    server = await startTestServer()
    browser = await launchBrowser()
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('signs up, creates a board, and two people see each other on it', async () => {
    const owner = await browser.newContext({ viewport: { width: 1280, height: 800 } })
    const guest = await browser.newContext({ viewport: { width: 1024, height: 768 } })
    try {
      const a = await watchedPage(owner)
      // Signed out, the app asks who we are and is told 401: expected.
      a.expect({ path: '/api/auth/me', status: 401 })
      await a.page.goto(`${server.url}/`)

      // Sign up
      await a.page.getByRole('tab', { name: 'Sign up' }).click()
      await a.page.getByLabel('Your name').fill('Ana Novak')
      await a.page.getByLabel('Email').fill(`ana-${randomUUID().slice(0, 8)}@example.org`)
      await a.page.getByLabel('Password', { exact: true }).fill('short')
      await a.page.getByRole('button', { name: 'Create account' }).click()
      await expect.poll(() => a.page.getByText('The password needs at least 10 characters.').count()).toBeGreaterThan(0)
      await a.page.getByLabel('Password', { exact: true }).fill('a long enough password')
      await a.page.getByRole('button', { name: 'Create account' }).click()
      await a.page.getByRole('heading', { name: 'Your boards' }).waitFor()

      // New board with a site profile
      await a.page.getByRole('button', { name: 'New board' }).click()
      const form = a.page.getByTestId('new-board-form')
      await form.getByLabel('Board title').fill('Salt warehouse reuse, round 1')
      await form.getByLabel('Site name').fill('Monfort salt warehouse')
      await form.getByLabel('Town or location').fill('Piran')
      await form.getByLabel('Country').selectOption('SI')
      await form.getByLabel('Floor area (m²)').fill('445')
      await form.getByLabel('Year built').fill('1820')
      await form.getByLabel('Former use').fill('salt storage')
      await form.getByLabel('Heritage status').selectOption('listed')
      await form.getByLabel('Condition').selectOption('fair')
      await form.getByRole('button', { name: 'Create board' }).click()

      // The board page: title, site, connected, me present
      await a.page.waitForURL(/\/boards\/[A-Za-z0-9_-]+$/)
      const boardId = new URL(a.page.url()).pathname.split('/').pop() ?? ''
      await expect.poll(() => a.page.getByTestId('board-title').textContent()).toBe('Salt warehouse reuse, round 1')
      await expect.poll(() => a.page.getByTestId('board-site').textContent()).toBe('Monfort salt warehouse · Piran')
      await expect
        .poll(() => a.page.getByTestId('connection-status').getAttribute('data-status'), { timeout: 10_000 })
        .toBe('connected')
      await expect.poll(() => a.page.getByTestId('connection-status').textContent()).toContain('Connected')
      await expect.poll(() => presentNames(a.page)).toEqual(['Ana Novak'])
      await expect.poll(() => a.page.getByTestId('element-total').textContent()).toBe('0 elements in total')
      await expect.poll(() => a.page.getByTestId('site-profile').textContent()).toContain('Slovenia')

      // An invite, created through the API with the owner's session (same origin, cookie)
      const invite = await a.page.evaluate(async (id) => {
        const response = await fetch(`/api/boards/${id}/invites`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ role: 'editor' }),
        })
        return (await response.json()) as { invite: { url: string; token: string } }
      }, boardId)
      const joinUrl = new URL(invite.invite.url, server.url)
      expect(joinUrl.pathname).toBe(`/join/${invite.invite.token}`)

      // The second person joins through the link
      const b = await watchedPage(guest)
      b.expect({ path: '/api/auth/me', status: 401 })
      await b.page.goto(new URL(joinUrl.pathname, server.url).href)
      await b.page.getByLabel('Your name').fill('Gábor Kovács')
      await b.page.getByRole('button', { name: 'Join board' }).click()
      await b.page.waitForURL(new RegExp(`/boards/${boardId}$`))
      await expect
        .poll(() => b.page.getByTestId('connection-status').getAttribute('data-status'), { timeout: 10_000 })
        .toBe('connected')

      // Both see two people present, each listing themselves first
      await expect.poll(() => b.page.getByTestId('presence-list').getByRole('listitem').count(), { timeout: 10_000 }).toBe(2)
      await expect.poll(() => presentNames(b.page)).toEqual(['Gábor Kovács', 'Ana Novak'])
      await expect.poll(() => presentNames(a.page), { timeout: 10_000 }).toEqual(['Ana Novak', 'Gábor Kovács'])
      expect(await b.page.locator('[data-role="editor"]').first().textContent()).toBe('Editor')

      // When the guest leaves, the owner sees one person again
      await b.page.close()
      await expect.poll(() => presentNames(a.page), { timeout: 10_000 }).toEqual(['Ana Novak'])

      // In-app navigation back to the list (no reload): the board is listed with its site
      await a.page.getByRole('link', { name: 'All boards' }).click()
      await a.page.getByRole('heading', { name: 'Your boards' }).waitFor()
      const card = a.page.getByTestId('board-list').getByRole('listitem').first()
      await expect.poll(() => card.textContent()).toContain('Monfort salt warehouse')
      await expect.poll(() => card.textContent()).toContain('Owner')

      expect(a.problems).toEqual([])
      expect(b.problems).toEqual([])
    } finally {
      await owner.close()
      await guest.close()
    }
  })

  it('explains a board that does not exist, an invite that does not work, and asks a signed-out visitor to sign in', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
    try {
      const visitor = await watchedPage(context)
      visitor.expect({ path: '/api/auth/me', status: 401 })
      visitor.expect({ path: '/api/boards/no-such-board', status: 401 })
      visitor.expect({ path: '/api/invites/no-such-token', status: 404 })

      // Signed out: the board link leads to sign-in, keeping the way back
      await visitor.page.goto(`${server.url}/boards/no-such-board`)
      await visitor.page.waitForURL((url) => url.pathname === '/' && url.searchParams.get('next') === '/boards/no-such-board')
      await visitor.page.getByText('Sign in to open that board.').waitFor()

      // A made-up invite link: said at once, before anyone types a name
      await visitor.page.goto(`${server.url}/join/no-such-token`)
      await visitor.page.getByRole('heading', { name: 'This invite link does not exist' }).waitFor()

      // Signed in (as the guest of no board, the join failed): sign up, then a missing board
      await visitor.page.goto(`${server.url}/?next=/boards/no-such-board`)
      visitor.expect({ path: '/api/boards/no-such-board', status: 404 })
      await visitor.page.getByRole('tab', { name: 'Sign up' }).click()
      await visitor.page.getByLabel('Your name').fill('Eva')
      await visitor.page.getByLabel('Email').fill(`eva-${randomUUID().slice(0, 8)}@example.org`)
      await visitor.page.getByLabel('Password', { exact: true }).fill('a long enough password')
      await visitor.page.getByRole('button', { name: 'Create account' }).click()
      await visitor.page.waitForURL((url) => url.pathname === '/boards/no-such-board')
      await visitor.page.getByRole('heading', { name: 'Board not found or no access' }).waitFor()

      expect(visitor.problems).toEqual([])
    } finally {
      await context.close()
    }
  })
})
