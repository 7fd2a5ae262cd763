import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedDemoIfEmpty } from '../../server/demo/seed-demo.ts'
import { createLogger } from '../../server/logger.ts'
import { api, createBoard, signup } from '../helpers/api.ts'
import { axeViolations } from '../helpers/axe.ts'
import { launchBrowser, openPerson, signedInContext } from '../helpers/browser.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'

/** axe-core, run in the page, finds nothing against WCAG 2.1 A/AA on the app's pages and states. */

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

describe('axe-core finds no WCAG 2.1 AA violation', () => {
  it('on the home page, signed out and signed in, and on an invite’s join page', async () => {
    const person = await openPerson(browser)
    await person.page.goto(`${server.url}/`)
    await person.page.getByRole('tab', { name: 'Sign up' }).waitFor()
    expect(await axeViolations(person.page)).toEqual([])
    // the check can fail: an image without a text alternative is found
    await person.page.evaluate(() => document.body.append(Object.assign(document.createElement('img'), { src: '/x.png' })))
    expect((await axeViolations(person.page)).map((v) => v.id)).toEqual(['image-alt'])
    await person.context.close()

    const owner = await signup(server.url, 'Olga Petrič')
    await createBoard(server.url, owner.token, { title: 'Brewery workshop' })
    const context = await signedInContext(browser, server.url, owner.token)
    const page = await context.newPage()
    await page.goto(`${server.url}/`)
    await page.getByRole('heading', { name: 'Your boards' }).waitFor()
    expect(await axeViolations(page)).toEqual([])
    await context.close()

    const boardId = await createBoard(server.url, owner.token, { title: 'Mill workshop' })
    const invite = await api<{ invite: { token: string } }>(server.url, 'POST', `/api/boards/${boardId}/invites`, {
      token: owner.token,
      body: { role: 'editor' },
    })
    const guest = await openPerson(browser)
    await guest.page.goto(`${server.url}/join/${invite.body.invite.token}`)
    await guest.page.getByTestId('invitation').waitFor()
    expect(await axeViolations(guest.page)).toEqual([])
    await guest.context.close()
  })

  it('on the board page with each side tab open', async () => {
    const owner = await signup(server.url, 'Olga Petrič')
    const boardId = await createBoard(server.url, owner.token, { title: 'Brewery workshop' })
    const context = await signedInContext(browser, server.url, owner.token)
    const page = await context.newPage()
    await page.goto(`${server.url}/boards/${boardId}`)
    await expect
      .poll(() => page.getByTestId('connection-status').getAttribute('data-status'), { timeout: 10_000 })
      .toBe('connected')
    await page.getByTestId('board-canvas').waitFor()
    for (const tab of ['inspect', 'analysis', 'snapshots']) {
      await page.getByTestId(`side-tab-${tab}`).click()
      await page.locator(`#side-panel-${tab}`).waitFor()
      expect({ tab, violations: await axeViolations(page) }).toEqual({ tab, violations: [] })
    }

    // a snapshot compared with the live board
    const panel = page.getByTestId('snapshots-panel')
    await panel.getByLabel('Label').fill('Round 1')
    await panel.getByRole('button', { name: 'Save snapshot' }).click()
    const row = panel.getByTestId('snapshot-row').filter({ hasText: 'Round 1' })
    await row.getByRole('button', { name: 'Compare with live' }).click()
    await page.getByTestId('diff-list').waitFor()
    expect({ state: 'compare', violations: await axeViolations(page) }).toEqual({ state: 'compare', violations: [] })
    await page.getByTestId('snapshot-banner').getByRole('button', { name: 'End comparison' }).click()

    // a dialog open: the board settings
    await page.getByTestId('board-settings-open').click()
    await page.getByTestId('board-settings').waitFor()
    expect({ state: 'settings', violations: await axeViolations(page) }).toEqual({ state: 'settings', violations: [] })
    await page.keyboard.press('Escape')

    // the ? sheet
    await page.getByTestId('board-canvas').focus()
    await page.keyboard.press('?')
    await page.getByTestId('shortcuts-sheet').waitFor()
    expect({ state: 'shortcuts', violations: await axeViolations(page) }).toEqual({ state: 'shortcuts', violations: [] })
    await context.close()
  })

  it('on the demo board, full of elements, read-only', async () => {
    const viewer = await signup(server.url, 'Ana Novak')
    const context = await signedInContext(browser, server.url, viewer.token)
    const page = await context.newPage()
    await page.goto(demoUrl)
    await expect.poll(() => page.locator('[data-role="viewer"]').count(), { timeout: 10_000 }).toBeGreaterThan(0)
    expect(await axeViolations(page)).toEqual([])
    await context.close()
  })
})
