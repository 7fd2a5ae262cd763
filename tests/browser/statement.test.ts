import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { en } from '../../shared/i18n/en.ts'
import { hr } from '../../shared/i18n/hr.ts'
import type { Message } from '../../shared/i18n/types.ts'
import { createBoard, signup } from '../helpers/api.ts'
import { axeViolations } from '../helpers/axe.ts'
import { launchBrowser, openPerson, signedInContext } from '../helpers/browser.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'

/** The accessibility statement (issue 15, item 6): linked from every page, the operator's contact, every language, axe-clean. */

const CONTACT = 'barrieren@example.org'
const ENFORCEMENT = 'https://enforcement.example.eu/complaints'
const text = (message: Message | undefined): string => (typeof message === 'string' ? message : (message?.other ?? ''))

let server: TestServer
let browser: Browser
beforeAll(async () => {
  server = await startTestServer({ ACCESSIBILITY_CONTACT: CONTACT, ACCESSIBILITY_ENFORCEMENT_URL: ENFORCEMENT })
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

describe('the accessibility statement', () => {
  it('opens from the home page link, shows the operator’s contact, and axe finds no violation', async () => {
    const person = await openPerson(browser)
    await person.page.goto(`${server.url}/`)
    await person.page.getByRole('link', { name: text(en['statement.link']) }).click()
    await person.page.getByRole('heading', { level: 1, name: text(en['statement.title']) }).waitFor()
    expect(new URL(person.page.url()).pathname).toBe('/accessibility')
    const contact = person.page.getByTestId('statement-contact')
    await contact.waitFor()
    expect(await contact.textContent()).toBe(CONTACT)
    expect(await contact.getAttribute('href')).toBe(`mailto:${CONTACT}`)
    expect(await person.page.getByRole('link', { name: text(en['statement.enforcement.link']) }).getAttribute('href')).toBe(
      ENFORCEMENT,
    )
    const body = (await person.page.locator('main').textContent()) ?? ''
    expect(body).toContain(text(en['statement.status.body']))
    expect(body).toContain(text(en['statement.gap.exports']))
    expect(await axeViolations(person.page)).toEqual([])
    expect(person.problems).toEqual([])
    await person.context.close()
  }, 60_000)

  it('is in Croatian with ?lang=hr, with no English catalog string left', async () => {
    const person = await openPerson(browser)
    await person.page.goto(`${server.url}/accessibility?lang=hr`)
    await person.page.getByRole('heading', { level: 1, name: text(hr['statement.title']) }).waitFor()
    await person.page.getByTestId('statement-contact').waitFor()
    expect(await person.page.evaluate(() => document.documentElement.lang)).toBe('hr')
    const shown = await person.page.evaluate(() => {
      const out: string[] = []
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const value = node.textContent?.trim()
        if (value) out.push(value)
      }
      for (const el of document.querySelectorAll('[aria-label],[title],[placeholder]')) {
        for (const name of ['aria-label', 'title', 'placeholder']) {
          const value = el.getAttribute(name)?.trim()
          if (value) out.push(value)
        }
      }
      return out
    })
    const croatian = new Set(Object.values(hr as Record<string, Message>).map(text))
    const english = new Set(
      Object.values(en as Record<string, Message>)
        .map(text)
        .filter((form) => !form.includes('{') && form.length >= 3 && !croatian.has(form)),
    )
    expect(shown.filter((s) => english.has(s))).toEqual([])
    expect(shown).toContain(text(hr['statement.status.body']))
    expect(shown).toContain(text(hr['statement.link']))
    expect(await axeViolations(person.page)).toEqual([])
    await person.context.close()
  }, 60_000)

  it('is linked from the join, reset and not-found pages, and from the board page’s ? sheet', async () => {
    const owner = await signup(server.url, 'Olga Owner')
    const boardId = await createBoard(server.url, owner.token, { title: 'Salt warehouse' })
    const invite = await fetch(`${server.url}/api/boards/${boardId}/invites`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${owner.token}`, 'Content-Type': 'application/json', Origin: server.url },
      body: JSON.stringify({ role: 'editor' }),
    }).then((r) => r.json() as Promise<{ invite: { token: string } }>)
    const person = await openPerson(browser)
    const linkName = text(en['statement.link'])
    for (const [path, heading] of [
      [`/join/${invite.invite.token}`, text(en['join.title'])],
      ['/reset?token=not-a-real-token', null],
      ['/no/such/page', text(en['app.notFound.title'])],
    ] as const) {
      await person.page.goto(`${server.url}${path}`)
      if (heading) await person.page.getByRole('heading', { level: 1, name: heading }).waitFor()
      const link = person.page.getByRole('contentinfo').getByRole('link', { name: linkName })
      await link.waitFor()
      expect(await link.getAttribute('href'), path).toBe('/accessibility')
    }
    await person.context.close()

    // the board page: the ? sheet (opened by its key) links the statement in a new tab, so no one leaves the session
    const context = await signedInContext(browser, server.url, owner.token)
    const page = await context.newPage()
    await page.goto(`${server.url}/boards/${boardId}`)
    await page.getByTestId('board-canvas').waitFor()
    await page.getByTestId('board-canvas').focus()
    await page.keyboard.press('Shift+?')
    const sheet = page.getByTestId('shortcuts-sheet')
    await sheet.waitFor()
    const link = sheet.getByRole('link', { name: linkName })
    expect(await link.getAttribute('href')).toBe('/accessibility')
    const [tab] = await Promise.all([context.waitForEvent('page'), link.click()])
    await tab.getByRole('heading', { level: 1, name: text(en['statement.title']) }).waitFor()
    expect(new URL(tab.url()).pathname).toBe('/accessibility')
    expect(new URL(page.url()).pathname).toBe(`/boards/${boardId}`)
    await context.close()
  }, 60_000)
})
