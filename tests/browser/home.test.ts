import { randomUUID } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedDemoIfEmpty } from '../../server/demo/seed-demo.ts'
import { createLogger } from '../../server/logger.ts'
import { launchBrowser, openPerson } from '../helpers/browser.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'

const root = path.resolve(import.meta.dirname, '../..')

let server: TestServer
let browser: Browser
let demoUrl = ''
beforeAll(async () => {
  server = await startTestServer()
  const demo = await seedDemoIfEmpty(server.app.services, server.rooms, { publicOrigin: server.url }, createLogger('error'))
  demoUrl = demo?.boardUrl ?? ''
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

const elementCount = async (text: string | null) => Number(/(\d+) elements? in total/.exec(text ?? '')?.[1] ?? 0)

describe('home page for a newcomer', () => {
  it('says what this is with a picture, and a fresh account opens the demo read-only or as its own copy', async () => {
    const { page, context, problems } = await openPerson(browser, { viewport: { width: 1280, height: 800 } })
    await page.goto(`${server.url}/`)
    await page.getByRole('heading', { name: 'One board for the people who bring an old factory back to life' }).waitFor()
    expect(await page.locator('.home-intro').textContent()).toContain('Refresh Board is a shared, live workshop board')
    const picture = page.locator('img.home-intro__picture')
    await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(720)
    expect(await picture.getAttribute('alt')).toContain('textile mill')
    expect(await page.getByText('Sign in or create an account to open the demo board.').count()).toBe(1)
    mkdirSync(path.join(root, 'docs/screenshots'), { recursive: true })
    await page.screenshot({ path: path.join(root, 'docs/screenshots/home.png'), fullPage: true })

    // a fresh account
    await page.getByRole('tab', { name: 'Sign up' }).click()
    await page.getByLabel('Your name').fill('Klemen Potočnik (brewery)')
    await page.getByLabel('Email').fill(`klemen-${randomUUID().slice(0, 8)}@example.org`)
    await page.getByLabel('Password', { exact: true }).fill('a long enough password')
    await page.getByRole('button', { name: 'Create account' }).click()
    await page.getByRole('heading', { name: 'Your boards' }).waitFor()
    // initials without the note in parentheses
    await expect.poll(() => page.locator('.app-bar .avatar').first().textContent()).toBe('KP')

    // the demo opens read-only: the same URL the server printed
    await page.getByTestId('demo-actions').getByRole('link', { name: 'Open the demo board' }).click()
    await page.waitForURL(demoUrl)
    await expect.poll(() => page.getByTestId('board-title').textContent()).toContain('Demo:')
    await expect.poll(() => page.locator('[data-role="viewer"]').count(), { timeout: 10_000 }).toBeGreaterThan(0)
    await expect
      .poll(async () => elementCount(await page.getByTestId('element-total').textContent()), { timeout: 10_000 })
      .toBeGreaterThan(20)
    const demoElements = await elementCount(await page.getByTestId('element-total').textContent())

    // …or as a personal copy, owned and complete: from the read-only board itself, or from home
    await page.getByRole('button', { name: 'Make a personal copy' }).click()
    await page.waitForURL((url) => url.pathname.startsWith('/boards/') && url.href !== demoUrl)
    await expect.poll(() => page.getByTestId('board-title').textContent()).toBe('My copy of Spinnerei Weißenau')
    await page.getByRole('link', { name: 'All boards' }).click()
    await page.getByTestId('demo-actions').getByRole('button', { name: 'Make a personal copy' }).click()
    await page.waitForURL((url) => url.pathname.startsWith('/boards/') && url.href !== demoUrl)
    await expect.poll(() => page.getByTestId('board-title').textContent()).toBe('My copy of Spinnerei Weißenau')
    await expect.poll(() => page.locator('[data-role="owner"]').count(), { timeout: 10_000 }).toBeGreaterThan(0)
    await expect
      .poll(async () => elementCount(await page.getByTestId('element-total').textContent()), { timeout: 10_000 })
      .toBe(demoElements)
    expect(problems).toEqual([])
    await context.close()
  })
})
