import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { api, createBoard, signup } from '../helpers/api.ts'
import { launchBrowser, signedInContext, watchedPage } from '../helpers/browser.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'

let server: TestServer
let browser: Browser
beforeAll(async () => {
  server = await startTestServer()
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

describe('invite links in the UI', () => {
  it('creates a link with a QR code for the room, lists it, and revokes it', async () => {
    const owner = await signup(server.url, 'Olga')
    const boardId = await createBoard(server.url, owner.token, { title: 'Invites' })
    const context = await signedInContext(browser, server.url, owner.token)
    const { page, problems } = await watchedPage(context)
    await page.goto(`${server.url}/boards/${boardId}`)
    await page.getByRole('button', { name: 'Invite' }).click()
    await page.getByLabel('Role for people joining').selectOption('viewer')
    await page.getByRole('button', { name: 'Create link' }).click()

    const link = await page.getByTestId('invite-link').inputValue()
    expect(link).toMatch(new RegExp(`^${server.url}/join/[A-Za-z0-9_-]{20,}$`))
    // the QR code is drawn, as SVG, for the room
    await expect.poll(() => page.locator('.invite-result .invite-qr svg path').count()).toBeGreaterThan(0)
    await page.getByRole('button', { name: 'Show to the room' }).first().click()
    await expect.poll(() => page.locator('.invite-room').textContent()).toContain(link)
    await page.locator('.invite-room').getByRole('button', { name: 'Close' }).click()

    // listed as active; revoking it makes the link stop working
    await expect.poll(() => page.getByTestId('invite-row').count()).toBe(1)
    await page.getByTestId('invite-row').getByRole('button', { name: 'Revoke' }).click()
    await expect.poll(() => page.getByTestId('invite-row').count()).toBe(0)
    const token = link.split('/').pop() ?? ''
    const join = await api(server.url, 'POST', `/api/invites/${token}/join`, { body: { displayName: 'Late' } })
    expect(join.status).toBe(410)
    expect(problems).toEqual([])
    await context.close()
  })
})
