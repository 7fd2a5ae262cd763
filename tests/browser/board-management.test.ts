import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { api, createBoard, exportJson, signup } from '../helpers/api.ts'
import { elementsOf, launchBrowser, signedInContext, watchedPage } from '../helpers/browser.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'

/** Boards are managed as people do it: settings on the board page, import and the list on the home page. */

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

const brewery = {
  format: 'refresh-board',
  version: 1,
  board: { id: 'brewery', title: 'Pivovar Laško, round 1' },
  site: { name: 'Pivovar', location: 'Laško', country: 'SI', areaM2: 4000 },
  elements: [
    { id: 'z1', kind: 'zone', x: 0, y: 0, w: 400, h: 300, label: 'Brewhouse', areaM2: 900 },
    {
      id: 'a1',
      kind: 'actor',
      x: 20,
      y: 60,
      w: 180,
      h: 90,
      label: 'Klemen (brewery)',
      sector: 'gastronomy',
      commitment: 'interested',
      stance: 'supporter',
      influence: 3,
      interest: 4,
    },
    { id: 'u1', kind: 'use', x: 220, y: 60, w: 180, h: 90, label: 'Tap room', category: 'gastronomy', areaM2: 120, zone: 'z1' },
    { id: 'l1', kind: 'link', from: 'a1', to: 'u1', relation: 'operates' },
    { id: 'n1', kind: 'note', x: 450, y: 0, w: 160, h: 160, label: 'Roof leaks?', color: 'yellow' },
  ],
}

type Element = Record<string, unknown> & { id: string; kind: string }
const byId = (elements: readonly Element[]) => [...elements].sort((a, b) => a.id.localeCompare(b.id))

async function openBoard(page: Page, boardId: string) {
  await page.goto(`${server.url}/boards/${boardId}`)
  await expect
    .poll(() => page.getByTestId('connection-status').getAttribute('data-status'), { timeout: 10_000 })
    .toBe('connected')
}

describe('managing boards', () => {
  it('imports a board file via the picker (equal to its export) and by dropping it, refuses a bad one by name; the list shows thumbnail, template, date and filters', async () => {
    const owner = await signup(server.url, 'Ana')
    await createBoard(server.url, owner.token, { title: 'Salt warehouse', template: 'use-mix' })
    const context = await signedInContext(browser, server.url, owner.token)
    const { page, problems, expect: expectFailure } = await watchedPage(context)
    expectFailure({ path: '/api/boards', status: 400 })
    await page.goto(`${server.url}/`)
    await page.getByRole('heading', { name: 'Your boards' }).waitFor()

    // a file that is not a board: the server's 400 names the element and field
    const bad = structuredClone(brewery)
    ;(bad.elements[2] as Record<string, unknown>).category = 'brewery'
    await page.getByTestId('board-import-file').setInputFiles({
      name: 'bad.refresh-board.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(bad)),
    })
    await expect
      .poll(() => page.getByTestId('board-import').getByRole('alert').textContent())
      .toMatch(/“bad\.refresh-board\.json” is not a valid board file: .*u1.*category/)

    await page.getByTestId('board-import-file').setInputFiles({
      name: 'brewery.refresh-board.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(brewery)),
    })
    await page.waitForURL(/\/boards\/[A-Za-z0-9_-]+$/)
    const importedId = new URL(page.url()).pathname.split('/').pop() ?? ''
    await expect.poll(() => page.getByTestId('board-title').textContent()).toBe('Pivovar Laško, round 1')
    const exported = (await exportJson(server.url, owner.token, importedId)) as unknown as { elements: Element[] }
    expect(exported.elements.map(({ z: _z, ...element }) => element)).toEqual(byId(brewery.elements))

    // a file dropped on the home page is imported the same way
    await page.getByRole('link', { name: 'All boards' }).click()
    await page.getByRole('heading', { name: 'Your boards' }).waitFor()
    const dropped = { ...brewery, board: { id: 'dropped', title: 'Dropped brewery' } }
    await page.evaluate((text) => {
      const data = new DataTransfer()
      data.items.add(new File([text], 'dropped.refresh-board.json', { type: 'application/json' }))
      const target = document.querySelector('main') ?? document.body
      target.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }))
      target.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }))
    }, JSON.stringify(dropped))
    await page.waitForURL((url) => url.pathname.startsWith('/boards/') && !url.pathname.endsWith(importedId))
    await expect.poll(() => page.getByTestId('board-title').textContent()).toBe('Dropped brewery')

    // the list: a picture of each board, its template, when it last changed; the search filters
    await page.getByRole('link', { name: 'All boards' }).click()
    const cards = page.getByTestId('board-list').locator('.board-card')
    await expect.poll(() => cards.count()).toBe(3)
    const thumbnails = page.getByTestId('board-thumbnail')
    await expect
      .poll(() => thumbnails.evaluateAll((imgs) => imgs.map((img) => (img as HTMLImageElement).naturalWidth)))
      .toEqual([320, 320, 320])
    const salt = page.locator('.board-card', { hasText: 'Salt warehouse' })
    expect(await salt.getByTestId('board-template').textContent()).toBe('Template: Use mix on the site plan')
    expect(await salt.locator('time').textContent()).toMatch(/^Updated (now|\d+ seconds? ago)/)
    expect(await salt.locator('time').getAttribute('title')).toMatch(/\d{4}/)
    await page.getByLabel('Search boards').fill('round 1')
    await expect.poll(() => cards.allTextContents()).toHaveLength(1)
    expect(await cards.first().textContent()).toContain('Pivovar Laško, round 1')
    await page.getByLabel('Search boards').fill('use mix')
    await expect.poll(async () => (await cards.allTextContents()).map((text) => text.includes('Salt warehouse'))).toEqual([true])
    expect(problems).toEqual([])
    await context.close()
  })

  it('renames and edits the site, adds a template beside the content, duplicates and opens the copy, deletes after naming it', async () => {
    const owner = await signup(server.url, 'Ana')
    const boardId = await createBoard(server.url, owner.token, { title: 'Brewery', content: brewery })
    const context = await signedInContext(browser, server.url, owner.token)
    const { page, problems } = await watchedPage(context)
    await openBoard(page, boardId)
    const before = await elementsOf(page)
    expect(Object.keys(before)).toHaveLength(5)

    await page.getByTestId('board-settings-open').click()
    const settings = page.getByTestId('board-settings')
    const profile = settings.getByTestId('board-profile-form')
    await profile.getByLabel('Board title').fill('Pivovar Laško, workshop 2')
    await profile.getByLabel('Site name').fill('Old brewery')
    await profile.getByLabel('Town or location').fill('Laško')
    await profile.getByLabel('Floor area (m²)').fill('5200')
    await profile.getByRole('button', { name: 'Save changes' }).click()
    await expect.poll(() => profile.getByRole('status').textContent()).toBe('Saved.')
    await expect.poll(() => page.getByTestId('board-title').textContent()).toBe('Pivovar Laško, workshop 2')
    await expect.poll(() => page.getByTestId('board-site').textContent()).toBe('Old brewery · Laško')
    const record = await api<{ board: { title: string; site: Record<string, unknown> } }>(
      server.url,
      'GET',
      `/api/boards/${boardId}`,
      { token: owner.token },
    )
    expect(record.body.board).toMatchObject({ title: 'Pivovar Laško, workshop 2', site: { name: 'Old brewery', areaM2: 5200 } })

    // a template's frames beside the content, nothing existing changed
    const adder = settings.getByTestId('add-template')
    await adder.getByLabel('Template').selectOption('use-mix')
    await adder.getByRole('button', { name: 'Add to board' }).click()
    await expect.poll(() => adder.getByRole('status').textContent()).toMatch(/^Added \d+ elements\.$/)
    await expect.poll(async () => Object.keys(await elementsOf(page)).length, { timeout: 10_000 }).toBeGreaterThan(15)
    const after = await elementsOf(page)
    for (const [id, element] of Object.entries(before)) expect(after[id]).toEqual(element)
    const added = Object.values(after).filter((element) => !(String(element.id) in before))
    const frames = added.filter((element) => element.kind === 'frame')
    expect(frames.map((frame) => frame.label)).toContain('Site plan of Old brewery: zones and their floor areas')
    for (const element of added) if (typeof element.x === 'number') expect(element.x).toBeGreaterThanOrEqual(610)
    expect(added.filter((element) => element.kind === 'zone').map((zone) => zone.label)).toContain('Brewhouse')

    // duplicate, then open the copy
    await settings.getByRole('button', { name: 'Duplicate board' }).click()
    await page.waitForURL((url) => url.pathname.startsWith('/boards/') && !url.pathname.endsWith(boardId))
    const copyId = new URL(page.url()).pathname.split('/').pop() ?? ''
    await expect.poll(() => page.getByTestId('board-title').textContent()).toBe('Pivovar Laško, workshop 2 (copy)')
    await expect.poll(async () => Object.keys(await elementsOf(page)).length, { timeout: 10_000 }).toBe(Object.keys(after).length)

    // delete the copy: the confirmation names it; afterwards it is gone from the list
    await page.getByTestId('board-settings-open').click()
    await page.getByRole('button', { name: 'Delete board…' }).click()
    const confirm = page.getByRole('alertdialog')
    expect(await confirm.textContent()).toContain('Delete “Pivovar Laško, workshop 2 (copy)” for everyone?')
    await confirm.getByRole('button', { name: 'Delete “Pivovar Laško, workshop 2 (copy)”' }).click()
    await page.getByRole('heading', { name: 'Your boards' }).waitFor()
    await expect.poll(() => page.getByTestId('board-list').locator('.board-card').allTextContents()).toHaveLength(1)
    expect((await api(server.url, 'GET', `/api/boards/${copyId}`, { token: owner.token })).status).toBe(404)
    expect(problems).toEqual([])
    await context.close()
  })

  it('an editor may duplicate but sees neither the site form, the template adder nor delete', async () => {
    const owner = await signup(server.url, 'Ana')
    const boardId = await createBoard(server.url, owner.token, { title: 'Brewery', content: brewery })
    const editor = await signup(server.url, 'Edi')
    const invite = await api<{ invite: { token: string } }>(server.url, 'POST', `/api/boards/${boardId}/invites`, {
      token: owner.token,
      body: { role: 'editor' },
    })
    const joined = await api(server.url, 'POST', `/api/invites/${invite.body.invite.token}/join`, {
      token: editor.token,
      body: { displayName: 'Edi' },
    })
    expect(joined.status).toBe(200)
    const context = await signedInContext(browser, server.url, editor.token)
    const { page, problems } = await watchedPage(context)
    await openBoard(page, boardId)
    await page.getByTestId('board-settings-open').click()
    const settings = page.getByTestId('board-settings')
    await settings.getByRole('button', { name: 'Duplicate board' }).waitFor()
    expect(await settings.getByRole('button', { name: /Delete/ }).count()).toBe(0)
    expect(await settings.getByTestId('board-profile-form').count()).toBe(0)
    expect(await settings.getByTestId('add-template').count()).toBe(0)
    expect(problems).toEqual([])
    await context.close()
  })

  it('reads the site area as typed in the UI language: 1.200 in German is 1200, in English it asks', async () => {
    const owner = await signup(server.url, 'Ana')
    const boardId = await createBoard(server.url, owner.token, { title: 'Brewery', content: brewery })
    const context = await signedInContext(browser, server.url, owner.token)
    const { page, problems } = await watchedPage(context)
    const areaOnServer = async () =>
      (await api<{ board: { site: { areaM2?: number } } }>(server.url, 'GET', `/api/boards/${boardId}`, { token: owner.token }))
        .body.board.site.areaM2

    await openBoard(page, `${boardId}?lang=de`)
    await page.getByTestId('board-settings-open').click()
    let profile = page.getByTestId('board-profile-form')
    await profile.getByLabel(/m²/).fill('1.200')
    await profile.getByRole('button', { name: /Save changes|Änderungen speichern/ }).click()
    await expect.poll(areaOnServer).toBe(1200)
    await context.clearCookies()

    const english = await signedInContext(browser, server.url, owner.token)
    const en = await watchedPage(english)
    await openBoard(en.page, boardId)
    await en.page.getByTestId('board-settings-open').click()
    profile = en.page.getByTestId('board-profile-form')
    expect(await profile.getByLabel('Floor area (m²)').inputValue()).toBe('1,200')
    await profile.getByLabel('Floor area (m²)').fill('2.500')
    await profile.getByRole('button', { name: 'Save changes' }).click()
    const question = profile.locator('[data-question="areaM2"]')
    await expect.poll(() => question.textContent()).toContain('2500')
    expect(await areaOnServer()).toBe(1200)
    await question.getByRole('button', { name: '2500' }).click()
    await expect.poll(() => profile.getByLabel('Floor area (m²)').inputValue()).toBe('2,500')
    await profile.getByRole('button', { name: 'Save changes' }).click()
    await expect.poll(areaOnServer).toBe(2500)
    expect([...problems, ...en.problems]).toEqual([])
    await context.close()
    await english.close()
  })
})

describe('the timeline’s start month', () => {
  it('is set in the board settings, moves the phases with it (they keep their months) and is in the board file', async () => {
    const owner = await signup(server.url, 'Ana')
    const phase = {
      id: 'p1',
      kind: 'phase',
      label: 'Pilot',
      stage: 'pilot',
      start: '2027-03',
      end: '2027-08',
      x: 48,
      y: 400,
      w: 144,
      h: 60,
    }
    const boardId = await createBoard(server.url, owner.token, {
      title: 'Timeline',
      content: { ...brewery, board: { id: 'timeline', title: 'Timeline' }, elements: [...brewery.elements, phase] },
    })
    const context = await signedInContext(browser, server.url, owner.token)
    const { page, problems } = await watchedPage(context)
    await openBoard(page, boardId)
    await page.getByTestId('board-settings-open').click()
    const field = page.getByTestId('timeline-origin').getByLabel('The timeline starts in')
    expect(await field.inputValue()).toBe('2027-01')
    await field.fill('2026-01')
    const phaseOf = async () => (await exportJson(server.url, owner.token, boardId)).elements.find((e) => e.id === 'p1')
    await expect.poll(async () => (await phaseOf())?.x, { timeout: 10_000 }).toBe(48 + 12 * 24)
    const file = (await exportJson(server.url, owner.token, boardId)) as unknown as { settings?: { timelineOrigin?: string } }
    expect(file.settings?.timelineOrigin).toBe('2026-01')
    expect(await phaseOf()).toMatchObject({ start: '2027-03', end: '2027-08', w: 144 })
    // emptied: back to the default origin, and the phase back where it was
    await field.fill('')
    await expect.poll(async () => (await phaseOf())?.x, { timeout: 10_000 }).toBe(48)
    expect(problems).toEqual([])
    await context.close()
  })
})
