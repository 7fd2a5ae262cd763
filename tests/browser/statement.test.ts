import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { en } from '../../shared/i18n/en.ts'
import { hr } from '../../shared/i18n/hr.ts'
import type { Message } from '../../shared/i18n/types.ts'
import { axeViolations } from '../helpers/axe.ts'
import { launchBrowser, openPerson } from '../helpers/browser.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'

/** The accessibility statement (issue 15, item 6): linked from the home page, the operator's contact, every language, axe-clean. */

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
    expect(body).toContain(text(en['statement.gap.pdf']))
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
})
