import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedDemoIfEmpty } from '../../server/demo/seed-demo.ts'
import { createLogger } from '../../server/logger.ts'
import { applyOperation } from '../../shared/operations/apply-operation.ts'
import { api, createBoard, joinAs, signup } from '../helpers/api.ts'
import { axeViolations } from '../helpers/axe.ts'
import { launchBrowser, openPerson, signedInContext } from '../helpers/browser.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'
import { connectClient } from '../helpers/sync-client.ts'

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
    // a few elements, so the outline has frames, kinds, elements and a link to show
    const peer = connectClient(server.url, boardId, owner.token)
    await peer.synced
    const seeded = applyOperation(
      peer.doc,
      {
        type: 'element.add',
        elements: [
          { id: 'f-hall', kind: 'frame', x: 0, y: 0, w: 900, h: 600, label: 'Brew hall' },
          {
            id: 'a-coop',
            kind: 'actor',
            x: 100,
            y: 100,
            w: 180,
            h: 90,
            label: 'Brewers’ co-op',
            sector: 'commerce',
            commitment: 'idea',
          },
          { id: 'u-pub', kind: 'use', x: 400, y: 100, w: 180, h: 90, label: 'Taproom', category: 'gastronomy', areaM2: 120 },
          { id: 'n-ask', kind: 'note', x: 1200, y: 0, w: 160, h: 160, label: 'Ask the heritage office', color: 'yellow' },
        ],
      },
      'peer',
    )
    expect(seeded.ok).toBe(true)
    expect(
      applyOperation(
        peer.doc,
        { type: 'link.add', link: { id: 'l-1', from: 'a-coop', to: 'u-pub', relation: 'operates' } },
        'peer',
      ).ok,
    ).toBe(true)
    peer.destroy()

    // someone else on the board: their avatar in the header is a button
    const guest = await joinAs(server.url, owner.token, boardId, 'editor', 'Gita Gost')
    const guestContext = await signedInContext(browser, server.url, guest.token)
    const guestPage = await guestContext.newPage()
    await guestPage.goto(`${server.url}/boards/${boardId}`)

    const context = await signedInContext(browser, server.url, owner.token)
    const page = await context.newPage()
    await page.goto(`${server.url}/boards/${boardId}`)
    await expect
      .poll(() => page.getByTestId('connection-status').getAttribute('data-status'), { timeout: 10_000 })
      .toBe('connected')
    await page.getByTestId('board-canvas').waitFor()
    await expect.poll(() => page.locator('.presence-avatars__button').count(), { timeout: 10_000 }).toBe(1)
    for (const tab of ['inspect', 'outline', 'analysis', 'comments', 'snapshots']) {
      await page.getByTestId(`side-tab-${tab}`).click()
      await page.locator(`#side-panel-${tab}`).waitFor()
      if (tab === 'outline') await page.getByRole('treeitem', { name: 'Brewers’ co-op operates Taproom' }).first().waitFor()
      expect({ tab, violations: await axeViolations(page) }).toEqual({ tab, violations: [] })
    }

    // the outline with a line's actions menu open
    await page.getByTestId('side-tab-outline').click()
    await page.locator('#outline-item-a-coop').focus()
    await page.keyboard.press('Shift+F10')
    await page.getByTestId('outline-menu').waitFor()
    expect({ state: 'outline menu', violations: await axeViolations(page) }).toEqual({ state: 'outline menu', violations: [] })
    await page.keyboard.press('Escape')
    await page.getByTestId('side-tab-snapshots').click()

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

    // a dialog open: the export
    await page.getByTestId('export-open').click()
    const exportDialog = page.getByRole('dialog', { name: 'Export the board' })
    await exportDialog.getByTestId('export-dialog').waitFor()
    expect({ state: 'export', violations: await axeViolations(page) }).toEqual({ state: 'export', violations: [] })
    await page.keyboard.press('Escape')
    await exportDialog.waitFor({ state: 'hidden' })

    // the ? sheet
    await page.getByTestId('board-canvas').focus()
    await page.keyboard.press('?')
    await page.getByTestId('shortcuts-sheet').waitFor()
    expect({ state: 'shortcuts', violations: await axeViolations(page) }).toEqual({ state: 'shortcuts', violations: [] })
    await context.close()
    await guestContext.close()
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
