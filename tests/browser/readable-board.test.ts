import { randomUUID } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { en, type MessageKey } from '../../shared/i18n/en.ts'
import { catalogs, type LanguageCode } from '../../shared/i18n/languages.ts'
import { sectors, useCategories } from '../../shared/schema/enums.ts'
import { callFromPage, launchBrowser, openPerson, toClient } from '../helpers/browser.ts'
import { startTestServer } from '../helpers/server.ts'

/**
 * Issue 12, item 11 (readable when projected) and the new-board form of item 2: a board opens
 * on its first frame at a readable zoom, fit-to-screen leaves the minimap free, the legend of
 * the card symbols is one click away, and the form reads `1.200` in German as 1200.
 */

const root = path.resolve(import.meta.dirname, '../..')

type Rect = { x: number; y: number; width: number; height: number }
const intersects = (a: Rect, b: Rect) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height

// three frames far apart: the whole board fits only at about 15 %
const frames = [
  { id: 'f-needs', kind: 'frame', x: 3000, y: 0, w: 900, h: 600, label: 'Needs inventory' },
  { id: 'f-scan', kind: 'frame', x: 0, y: 0, w: 900, h: 560, label: 'Site scan' },
  { id: 'f-phasing', kind: 'frame', x: 0, y: 4000, w: 1400, h: 600, label: 'Phasing' },
]
const cards = [
  { id: 'a-makers', kind: 'actor', x: 60, y: 80, w: 220, h: 100, label: 'Makers e.V.', sector: 'creative', commitment: 'loi' },
  { id: 'u-hall', kind: 'use', x: 3100, y: 120, w: 200, h: 90, label: 'Market hall', category: 'events' },
]

const viewportOf = (page: Page) =>
  page.evaluate(() => (window as unknown as { __refreshBoard: { viewport(): { scale: number } } }).__refreshBoard.viewport())

async function clientRect(page: Page, box: { x: number; y: number; w: number; h: number }): Promise<Rect> {
  const a = await toClient(page, { x: box.x, y: box.y })
  const b = await toClient(page, { x: box.x + box.w, y: box.y + box.h })
  return { x: a.x, y: a.y, width: b.x - a.x, height: b.y - a.y }
}

describe('a board readable when projected', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>
  let browser: Browser
  let page: Page
  let problems: string[]
  let boardUrl = ''

  beforeAll(async () => {
    server = await startTestServer()
    browser = await launchBrowser()
    ;({ page, problems } = await openPerson(browser, { viewport: { width: 1280, height: 860 } }))
    await page.goto(`${server.url}/`)
    const account = {
      email: `projector-${randomUUID().slice(0, 8)}@example.org`,
      password: 'a long enough password',
      displayName: 'Pia',
    }
    expect((await callFromPage(page, 'POST', '/api/auth/signup', account)).status).toBe(201)
    const created = await callFromPage<{ board: { id: string } }>(page, 'POST', '/api/boards', {
      title: 'Brewery workshop',
      content: {
        format: 'refresh-board',
        version: 1,
        board: { id: 'import', title: 'Brewery workshop' },
        elements: [...frames, ...cards],
      },
    })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    boardUrl = `${server.url}/boards/${created.body.board.id}`
  }, 60_000)

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('opens on the first frame at a readable zoom; fit-to-screen leaves the minimap free', async () => {
    await page.goto(boardUrl)
    const canvas = page.getByTestId('board-canvas')
    await canvas.waitFor()
    // the first frame in reading order (top row, leftmost) fills the view at a readable zoom
    await expect.poll(async () => (await viewportOf(page)).scale).toBeGreaterThanOrEqual(0.6)
    expect((await viewportOf(page)).scale).toBeLessThanOrEqual(1)
    const view = await canvas.boundingBox()
    if (!view) throw new Error('no canvas')
    const first = await clientRect(page, frames[1] as (typeof frames)[number])
    expect(first.x).toBeGreaterThanOrEqual(view.x)
    expect(first.y).toBeGreaterThanOrEqual(view.y)
    expect(first.x + first.width).toBeLessThanOrEqual(view.x + view.width)
    expect(first.y + first.height).toBeLessThanOrEqual(view.y + view.height)
    // filling it: more than half the view's width or height
    expect(Math.max(first.width / view.width, first.height / view.height)).toBeGreaterThan(0.5)

    // fit-to-screen shows everything, and nothing of it under the minimap
    const minimap = await page.getByTestId('minimap').boundingBox()
    if (!minimap) throw new Error('no minimap')
    await page.getByTestId('zoom-fit').click()
    const content = () => clientRect(page, { x: 0, y: 0, w: 3900, h: 4600 })
    await expect.poll(async () => (await viewportOf(page)).scale).toBeLessThan(0.3)
    // the fit animates: poll until it has settled where it leaves the minimap free
    await expect.poll(async () => intersects(await content(), minimap)).toBe(false)
    const fitted = await content()
    expect(fitted.y).toBeGreaterThanOrEqual(view.y)
    expect(fitted.y + fitted.height).toBeLessThanOrEqual(view.y + view.height + 0.5)

    // its shortcut does the same: back to 100 %, then Shift+1
    await page.getByTestId('zoom-level').click()
    await expect.poll(async () => (await viewportOf(page)).scale).toBe(1)
    await page.getByTestId('board-canvas').focus()
    await page.keyboard.press('Shift+Digit1')
    await expect.poll(async () => (await viewportOf(page)).scale).toBeLessThan(0.3)
    await expect.poll(async () => intersects(await content(), minimap)).toBe(false)
    expect(problems).toEqual([])
  }, 60_000)

  it('shows the legend of the card symbols from its button, and closes it on Escape', async () => {
    const legend = page.getByTestId('legend')
    await page.getByTestId('legend-button').click()
    await legend.waitFor({ state: 'visible' })
    for (const sector of sectors) {
      const entry = legend.locator(`[data-legend-section="sectors"] [data-legend-value="${sector}"]`)
      expect(await entry.textContent()).toContain(en[`enum.sector.${sector}`])
      expect(await entry.locator('svg path').count()).toBeGreaterThan(1)
    }
    for (const category of useCategories) {
      const entry = legend.locator(`[data-legend-section="categories"] [data-legend-value="${category}"]`)
      expect(await entry.textContent()).toContain(en[`enum.useCategory.${category}`])
    }
    for (const key of ['commitment', 'stance', 'stages', 'relations'])
      expect(await legend.locator(`[data-legend-section="${key}"] li`).count()).toBeGreaterThanOrEqual(5)
    const out = path.join(root, 'docs/screenshots/legend.png')
    mkdirSync(path.dirname(out), { recursive: true })
    await page.locator('dialog[open]').screenshot({ path: out })

    await page.keyboard.press('Escape')
    await legend.waitFor({ state: 'hidden' })
    // the keyboard opens it too (Shift+L, listed in the ? sheet), and Escape closes it again
    await page.getByTestId('board-canvas').focus()
    await page.keyboard.press('Shift+L')
    await legend.waitFor({ state: 'visible' })
    await page.keyboard.press('Escape')
    await legend.waitFor({ state: 'hidden' })
    await page.keyboard.press('Shift+/')
    await expect.poll(() => page.locator('[data-shortcut="legend"]').count()).toBe(1)
    await page.keyboard.press('Escape')
    expect(problems).toEqual([])
  }, 60_000)

  it('the new-board form stores 1.200 m² as 1200 in German and asks in English', async () => {
    const create = async (lang: LanguageCode, title: string, answer?: 'thousands') => {
      /** the form's words in the page's language */
      const say = (key: MessageKey) => String(catalogs[lang]?.[key] ?? en[key])
      await page.goto(`${server.url}/?lang=${lang}`)
      await page
        .getByRole('button', { name: say('boards.new') })
        .first()
        .click()
      const form = page.getByTestId('new-board-form')
      await form.getByLabel(say('newBoard.boardTitle')).fill(title)
      await form.getByLabel(say('site.areaM2')).fill('1.200')
      await form.getByRole('button', { name: say('newBoard.submit') }).click()
      if (answer) {
        await form.locator(`[data-question="areaM2"] [data-choice="${answer}"]`).click()
        await expect.poll(() => form.getByLabel(say('site.areaM2')).inputValue()).toBe('1,200')
        await form.getByRole('button', { name: say('newBoard.submit') }).click()
      }
      await page.waitForURL((url) => url.pathname.startsWith('/boards/'))
      const id = decodeURIComponent(new URL(page.url()).pathname.split('/')[2] ?? '')
      const detail = await callFromPage<{ board: { site?: { areaM2?: number } } }>(page, 'GET', `/api/boards/${id}`)
      return detail.body.board.site?.areaM2
    }
    expect(await create('de', 'Brauerei Laško')).toBe(1200)
    expect(await create('en', 'Brewery Laško', 'thousands')).toBe(1200)
  }, 60_000)
})
