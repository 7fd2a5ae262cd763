import { createServer } from 'node:net'
import { type Browser, chromium } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { api, createBoard, signup } from '../helpers/api.ts'
import { chromiumArgs, launchBrowser, openPerson, signedInContext, watchedPage } from '../helpers/browser.ts'
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

const HOUR_MS = 3_600_000

/** A port nobody listens on right now. */
const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })

describe('invite links in the UI', () => {
  it('creates a link with the validity shown, a QR code for the room, lists it, and revoking removes link and QR', async () => {
    const owner = await signup(server.url, 'Olga')
    const boardId = await createBoard(server.url, owner.token, { title: 'Invites' })
    const context = await signedInContext(browser, server.url, owner.token)
    const { page, problems } = await watchedPage(context)
    await page.goto(`${server.url}/boards/${boardId}`)
    await page.getByRole('button', { name: 'Invite' }).click()

    // on 127.0.0.1 without PUBLIC_ORIGIN: phones in the room could not open the links
    await expect.poll(() => page.getByTestId('invite-loopback').textContent()).toContain('PUBLIC_ORIGIN')
    expect(await page.getByTestId('invite-loopback').textContent()).toContain('HOST=0.0.0.0')

    // the validity the select shows is the one the link gets
    const validity = page.getByLabel('Link valid for')
    const shown = await validity.evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.textContent ?? '')
    expect(shown).toBe('7 days')
    await page.getByLabel('Role for people joining').selectOption('viewer')
    const before = Date.now()
    await page.getByRole('button', { name: 'Create link' }).click()
    const link = await page.getByTestId('invite-link').inputValue()
    expect(link).toMatch(new RegExp(`^${server.url}/join/[A-Za-z0-9_-]{20,}$`))
    const listed = await api<{ invites: { token: string; expiresAt: string }[] }>(
      server.url,
      'GET',
      `/api/boards/${boardId}/invites`,
      { token: owner.token },
    )
    const expiresAt = Date.parse(listed.body.invites[0]?.expiresAt ?? '')
    expect(expiresAt - before).toBeGreaterThan(7 * 24 * HOUR_MS - 60_000)
    expect(expiresAt - before).toBeLessThan(7 * 24 * HOUR_MS + 60_000)

    // the QR code is drawn, as SVG, for the room
    await expect.poll(() => page.locator('.invite-result .invite-qr svg path').count()).toBeGreaterThan(0)
    await page.getByRole('button', { name: 'Show to the room' }).first().click()
    await expect.poll(() => page.locator('.invite-room').textContent()).toContain(link)
    await page.locator('.invite-room').getByRole('button', { name: 'Close' }).click()

    // listed as active; revoking it takes the link and its QR code away and the link stops working
    await expect.poll(() => page.getByTestId('invite-row').count()).toBe(1)
    await page.getByTestId('invite-row').getByRole('button', { name: 'Revoke' }).click()
    await expect.poll(() => page.getByTestId('invite-row').count()).toBe(0)
    await expect.poll(() => page.getByTestId('invite-link').count()).toBe(0)
    expect(await page.locator('.invite-qr').count()).toBe(0)
    const token = link.split('/').pop() ?? ''
    const join = await api(server.url, 'POST', `/api/invites/${token}/join`, { body: { displayName: 'Late' } })
    expect(join.status).toBe(410)

    // a shorter validity chosen is the one used
    await validity.selectOption({ label: '24 hours' })
    const again = Date.now()
    await page.getByRole('button', { name: 'Create link' }).click()
    await expect.poll(() => page.getByTestId('invite-row').count()).toBe(1)
    const second = await api<{ invites: { expiresAt: string }[] }>(server.url, 'GET', `/api/boards/${boardId}/invites`, {
      token: owner.token,
    })
    expect(Math.abs(Date.parse(second.body.invites[0]?.expiresAt ?? '') - again - 24 * HOUR_MS)).toBeLessThan(60_000)
    expect(problems).toEqual([])
    await context.close()
  })

  it('offers the reviewer role, saying what each role may do; who joins by a reviewer link comments but gets no creation tools', async () => {
    const owner = await signup(server.url, 'Olga')
    const boardId = await createBoard(server.url, owner.token, { title: 'Review round' })
    const context = await signedInContext(browser, server.url, owner.token)
    const { page, problems } = await watchedPage(context)
    await page.goto(`${server.url}/boards/${boardId}`)
    await page.getByRole('button', { name: 'Invite' }).click()

    // every role an invite can give, from most to least, each with what it may do
    const select = page.getByLabel('Role for people joining')
    const offered = await select.evaluate((element: HTMLSelectElement) =>
      [...element.options].map((option) => [option.value, option.textContent]),
    )
    expect(offered).toEqual([
      ['facilitator', 'Facilitator'],
      ['editor', 'Editor'],
      ['reviewer', 'Reviewer'],
      ['viewer', 'Viewer'],
    ])
    const help = page.getByTestId('invite-role-help')
    expect(await help.locator('dt').allTextContents()).toEqual(['Facilitator', 'Editor', 'Reviewer', 'Viewer'])
    expect(await help.locator('dd').nth(2).textContent()).toBe('Reads, comments and reviews; changes nothing else.')
    await select.selectOption('reviewer')
    await expect.poll(() => help.locator('.role-help__row--chosen dt').textContent()).toBe('Reviewer')

    await page.getByRole('button', { name: 'Create link' }).click()
    const link = await page.getByTestId('invite-link').inputValue()
    await expect.poll(() => page.getByTestId('invite-row').textContent()).toContain('Reviewer')

    // the person joins through the link and is a reviewer: no creation tools, but the Comments tab works
    const person = await openPerson(browser)
    await person.page.goto(link)
    await expect
      .poll(() => person.page.getByTestId('invitation').textContent())
      .toBe('Olga invited you to “Review round” as Reviewer.')
    await person.page.getByLabel('Your name').fill('Rita')
    await person.page.getByRole('button', { name: 'Join board' }).click()
    await expect.poll(() => person.page.getByTestId('view-only').getAttribute('data-role')).toBe('reviewer')
    expect(await person.page.getByTestId('tool-note').count()).toBe(0)
    expect(await page.getByTestId('tool-note').count()).toBe(1)
    await person.page.getByTestId('side-tab-comments').click()
    const box = person.page.getByTestId('comment-new').getByLabel('Your comment')
    await box.fill('The roof repair belongs in the first phase.')
    await person.page.getByTestId('comment-new').getByRole('button', { name: 'Comment' }).click()
    await expect.poll(() => box.inputValue()).toBe('')
    const members = await api<{ members: { displayName: string; role: string }[] }>(
      server.url,
      'GET',
      `/api/boards/${boardId}/members`,
      { token: owner.token },
    )
    expect(members.body.members.find((member) => member.displayName === 'Rita')?.role).toBe('reviewer')
    const comments = await api<{ comments: { body: string }[] }>(server.url, 'GET', `/api/boards/${boardId}/comments`, {
      token: owner.token,
    })
    expect(comments.body.comments.map((comment) => comment.body)).toEqual(['The roof repair belongs in the first phase.'])
    expect(problems).toEqual([])
    expect(person.problems).toEqual([])
    await person.context.close()
    await context.close()
  })

  it('the join page names board, inviter and role, and says at once when a link is used up or expired', async () => {
    const owner = await signup(server.url, 'Olga Petrič')
    const boardId = await createBoard(server.url, owner.token, { title: 'Brewery workshop' })
    const mint = async (body: Record<string, unknown>) =>
      (
        await api<{ invite: { token: string } }>(server.url, 'POST', `/api/boards/${boardId}/invites`, {
          token: owner.token,
          body,
        })
      ).body.invite.token

    const person = await openPerson(browser)
    const active = await mint({ role: 'reviewer', maxUses: 1 })
    await person.page.goto(`${server.url}/join/${active}`)
    await expect
      .poll(() => person.page.getByTestId('invitation').textContent())
      .toBe('Olga Petrič invited you to “Brewery workshop” as Reviewer.')

    // used up by someone else: the page says so before anyone types a name
    const used = await api(server.url, 'POST', `/api/invites/${active}/join`, { body: { displayName: 'First' } })
    expect(used.status).toBe(200)
    await person.page.goto(`${server.url}/join/${active}`)
    await person.page.getByRole('heading', { name: 'This invite link is used up' }).waitFor()
    expect(await person.page.getByTestId('invite-gone').textContent()).toContain('Ask Olga Petrič for a new link')
    expect(await person.page.getByLabel('Your name').count()).toBe(0)

    // expired (valid for about a second)
    const expiring = await mint({ role: 'editor', expiresInHours: 1 / 3600 })
    await expect
      .poll(async () => (await api<{ status: string }>(server.url, 'GET', `/api/invites/${expiring}`)).body.status, {
        timeout: 10_000,
      })
      .toBe('expired')
    await person.page.goto(`${server.url}/join/${expiring}`)
    await person.page.getByRole('heading', { name: 'This invite link has expired' }).waitFor()
    expect(await person.page.getByTestId('invite-gone').textContent()).toContain('“Brewery workshop” from Olga Petrič')
    expect(person.problems).toEqual([])
    await person.context.close()
  })

  it('does not warn about loopback links when PUBLIC_ORIGIN names a reachable address', async () => {
    const port = await freePort()
    const origin = `http://board.workshop.test:${port}`
    const publicServer = await startTestServer({ PORT: String(port), PUBLIC_ORIGIN: origin })
    // the browser reaches the public name as the room's phones would (here: mapped to this machine)
    const mapped = await chromium.launch({
      executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
      args: [...chromiumArgs, '--host-resolver-rules=MAP board.workshop.test 127.0.0.1'],
    })
    try {
      const owner = await signup(publicServer.url, 'Pia')
      const boardId = await createBoard(publicServer.url, owner.token, { title: 'Public' })
      const context = await signedInContext(mapped, origin, owner.token)
      const { page, problems } = await watchedPage(context)
      await page.goto(`${origin}/boards/${boardId}`)
      await page.getByRole('button', { name: 'Invite' }).click()
      await page.getByRole('button', { name: 'Create link' }).click()
      expect(await page.getByTestId('invite-link').inputValue()).toMatch(new RegExp(`^${origin}/join/`))
      await expect.poll(() => page.getByTestId('invite-row').count()).toBe(1)
      expect(await page.getByTestId('invite-loopback').count()).toBe(0)
      // Chromium notes that it ignores the COOP header on plain http to a non-local name: a LAN
      // without TLS, as in a workshop room; not an error of the app
      expect(problems.filter((p) => !p.includes('Cross-Origin-Opener-Policy header has been ignored'))).toEqual([])
      await context.close()
    } finally {
      await mapped.close()
      await publicServer.stop()
    }
  })
})
