import { mkdirSync } from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { api, createBoard, signup } from '../helpers/api.ts'
import { launchBrowser, signedInContext, watchedPage } from '../helpers/browser.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'

/**
 * The side panel's five tabs (Inspect, Outline, Analysis, Comments, Snapshots) on one row of the
 * 380 px desktop panel and of a phone's bottom sheet in every language, each name whole (no
 * tab cut off, none hanging over the panel's edge), the open-comments count on its tab.
 * Screenshots go to /tmp/side-panel-tabs for a person to look at; none is compared.
 */

const SHOTS = '/tmp/side-panel-tabs'
const LANGUAGES = ['en', 'de', 'hu', 'sl', 'it', 'hr', 'cs', 'pl', 'sk'] as const
const DESKTOP = { width: 1280, height: 800 }
const PHONE = { width: 360, height: 740 }

let server: TestServer
let browser: Browser
let owner: Awaited<ReturnType<typeof signup>>
let boardId = ''

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true })
  server = await startTestServer()
  browser = await launchBrowser()
  owner = await signup(server.url, 'Olga')
  boardId = await createBoard(server.url, owner.token, { title: 'Tabs' })
  // one open thread, so the Comments tab carries its count
  const comment = await api(server.url, 'POST', `/api/boards/${boardId}/comments`, {
    token: owner.token,
    body: { body: 'Who owns the boiler house?' },
  })
  expect(comment.status).toBe(201)
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

interface TabBox {
  id: string
  name: string
  top: number
  selected: boolean
  left: number
  right: number
  clipped: boolean
  /** the name shown under the icon (not only to assistive technology) */
  named: boolean
  title: string | null
}

/** Each tab's box, whether its name is wider than the tab, and the tab list's own box. */
const tabBoxes = (page: Page) =>
  page.evaluate(() => {
    const list = document.querySelector('[role="tablist"]') as HTMLElement
    const frame = list.getBoundingClientRect()
    const tabs: TabBox[] = [...list.querySelectorAll<HTMLElement>('[role="tab"]')].map((tab) => {
      const box = tab.getBoundingClientRect()
      const label = tab.querySelector('.ws-side__tab-label') as HTMLElement
      return {
        id: tab.dataset.testid ?? '',
        name: label.textContent ?? '',
        top: Math.round(box.top),
        selected: tab.getAttribute('aria-selected') === 'true',
        left: box.left,
        right: box.right,
        named: !label.classList.contains('visually-hidden'),
        title: tab.getAttribute('title'),
        clipped:
          !label.classList.contains('visually-hidden') &&
          (label.scrollWidth > label.clientWidth + 1 || label.getBoundingClientRect().width > box.width),
      }
    })
    return { tabs, left: frame.left, right: frame.right, compact: list.dataset.compact === 'true' }
  })

async function openTabs(viewport: { width: number; height: number }, language: string) {
  const context = await signedInContext(browser, server.url, owner.token, viewport)
  const watched = await watchedPage(context)
  await watched.page.goto(`${server.url}/boards/${boardId}?lang=${language}`)
  await watched.page.getByTestId('side-tab-snapshots').waitFor()
  await expect.poll(() => watched.page.getByTestId('comments-tab-count').count()).toBe(1)
  return { ...watched, context }
}

function expectOneRow(layout: Awaited<ReturnType<typeof tabBoxes>>, language: string) {
  const { tabs } = layout
  expect(tabs.map((tab) => tab.id)).toEqual([
    'side-tab-inspect',
    'side-tab-outline',
    'side-tab-analysis',
    'side-tab-comments',
    'side-tab-snapshots',
  ])
  // one row: every tab at the same height, within the tab list, names whole
  expect({ language, tops: new Set(tabs.map((tab) => tab.top)).size }).toEqual({ language, tops: 1 })
  expect(tabs.filter((tab) => tab.left < layout.left - 0.5 || tab.right > layout.right + 0.5)).toEqual([])
  expect(tabs.filter((tab) => tab.clipped)).toEqual([])
  // the selected tab always shows its name; one that shows its icon alone has its name as tooltip
  const selected = tabs.find((tab) => tab.selected)
  expect(selected?.named).toBe(true)
  for (const tab of tabs.filter((each) => !each.named)) expect(tab.title).toBe(tab.name)
}

describe('the side panel’s tabs', () => {
  it('the measure catches a tab that wraps to a second row', async () => {
    const { page, context } = await openTabs(DESKTOP, 'de')
    await page.addStyleTag({ content: '.ws-side__tab { padding-inline: 40px }' })
    const tops = new Set((await tabBoxes(page)).tabs.map((tab) => tab.top))
    expect(tops.size).toBeGreaterThan(1)
    await context.close()
  }, 60_000)

  it('fit one row of the 380 px desktop panel in all nine languages, German and Hungarian too', async () => {
    for (const language of LANGUAGES) {
      const { page, problems, context } = await openTabs(DESKTOP, language)
      expect(await page.getByTestId('side-panel').evaluate((panel) => Math.round(panel.getBoundingClientRect().width))).toBe(380)
      await page.getByTestId('side-tab-comments').click()
      const layout = await tabBoxes(page)
      expectOneRow(layout, language)
      // where the names fit (English), every tab shows its name
      if (language === 'en')
        expect({ compact: layout.compact, named: layout.tabs.every((tab) => tab.named) }).toEqual({ compact: false, named: true })
      console.info(`side panel tabs, ${language}: ${layout.compact ? 'icons, the selected one named' : 'every tab named'}`)
      await page.getByTestId('side-panel').screenshot({ path: `${SHOTS}/desktop-${language}.png` })
      // still the WAI-ARIA tabs: arrows move along the row, End jumps to the last
      await page.getByTestId('side-tab-comments').focus()
      await page.keyboard.press('ArrowRight')
      await expect.poll(() => page.getByTestId('side-tab-snapshots').getAttribute('aria-selected')).toBe('true')
      await page.keyboard.press('Home')
      await expect.poll(() => page.getByTestId('side-tab-inspect').getAttribute('aria-selected')).toBe('true')
      expect(problems).toEqual([])
      await context.close()
    }
  }, 120_000)

  it('fit one row of a phone’s bottom sheet in German, Hungarian, Polish and English', async () => {
    for (const language of ['de', 'hu', 'pl', 'en']) {
      const { page, problems, context } = await openTabs(PHONE, language)
      expectOneRow(await tabBoxes(page), language)
      await page.screenshot({ path: `${SHOTS}/phone-${language}.png` })
      expect(problems).toEqual([])
      await context.close()
    }
  }, 120_000)
})
