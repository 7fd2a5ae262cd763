import { randomUUID } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Analysis } from '../../shared/analysis/types.ts'
import { sectors, useCategories } from '../../shared/schema/enums.ts'
import { launchBrowser } from '../helpers/browser.ts'
import { startTestServer } from '../helpers/server.ts'

/**
 * Issue 12, item 8, in headless Chromium: the analysis panel shows what the briefs contain
 * (timeline conflicts, occupancy per phase, rent and viability) and the same gap count as the
 * API and the Markdown brief; an indicator explains itself; critical mass tells committed and
 * interested apart; the heat-map shows the sectors and kinds of use on the board and the full
 * matrix on demand, never wider than the panel; the analysis goes full screen and Escape
 * leaves. The full-screen view is saved as docs/screenshots/analysis-fullscreen.png.
 */

const root = path.resolve(import.meta.dirname, '../..')
const SHOTS = process.env.ANALYSIS_SHOTS

/** With ANALYSIS_SHOTS=<dir>, pictures of the side panel for a look by eye (like analysis.test.ts). */
async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/facilitator-${name}.png` })
}
const at = { x: 0, y: 0, w: 180, h: 90 }

describe('the analysis for facilitators', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>
  let browser: Browser
  let context: BrowserContext
  let page: Page
  let demoId = ''
  const problems: string[] = []

  const panel = () => page.getByTestId('analysis-panel')
  const get = async <T>(url: string): Promise<T> => {
    const response = await context.request.get(`${server.url}${url}`)
    expect(response.status(), url).toBe(200)
    return (await response.json()) as T
  }
  const markdownOf = async (id: string) => (await context.request.get(`${server.url}/api/boards/${id}/export/md`)).text()
  const openAnalysis = async (id: string) => {
    await page.goto(`${server.url}/boards/${id}`)
    await page.getByTestId('board-canvas').waitFor()
    await page.getByRole('tab', { name: 'Analysis' }).click()
    await panel().getByTestId('analysis-gaps').waitFor()
  }
  /** What scrolls sideways in the panel (the side panel's body, the heat-map): [] when nothing does. */
  const overflowingSideways = () =>
    page.evaluate(() =>
      ['#side-panel-analysis', '[data-testid="combination-matrix"]', '.an-heat__table'].flatMap((selector) => {
        const element = document.querySelector(selector)
        if (!element) return [`${selector} missing`]
        const parent = selector === '.an-heat__table' ? element.parentElement : element
        const fits = element.scrollWidth <= (parent?.clientWidth ?? 0) + 1
        return fits ? [] : [`${selector}: ${element.scrollWidth} > ${parent?.clientWidth}`]
      }),
    )

  beforeAll(async () => {
    server = await startTestServer()
    browser = await launchBrowser()
    context = await browser.newContext({ viewport: { width: 1440, height: 900 } })
    const signup = await context.request.post(`${server.url}/api/auth/signup`, {
      data: {
        email: `facilitator-${randomUUID().slice(0, 8)}@example.org`,
        password: 'a long enough password',
        displayName: 'Ana Novak',
      },
    })
    expect(signup.status()).toBe(201)
    const demo = await context.request.post(`${server.url}/api/boards`, {
      data: { title: 'Spinnerei', template: 'textile-mill' },
    })
    expect(demo.status()).toBe(201)
    demoId = ((await demo.json()) as { board: { id: string } }).board.id
    page = await context.newPage()
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console error: ${m.text()}`)
    })
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`))
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('shows conflicts, occupancy per phase, viability and the gap count of the API and the brief', async () => {
    const analysis = await get<Analysis>(`/api/boards/${demoId}/analysis`)
    const { phases, timelineConflicts, viability } = analysis.indicators
    expect(phases.length).toBeGreaterThan(0)
    expect(timelineConflicts.length).toBeGreaterThan(0)
    expect(viability.rentedAreaM2).toBeGreaterThan(0)
    await openAnalysis(demoId)

    // the same number of gaps in the panel, the API and the Markdown brief
    const gapCount = analysis.gaps.length
    await expect
      .poll(() => panel().getByTestId('analysis-gaps').locator('.an-card__summary').textContent())
      .toBe(`${gapCount} gaps`)
    expect(await markdownOf(demoId)).toContain(`## Gaps\n\n${gapCount} gaps.\n`)

    // timeline conflicts: one sentence per conflict, naming the use
    const conflicts = panel().getByTestId('timeline-conflict')
    await expect.poll(() => conflicts.count()).toBe(timelineConflicts.length)
    const firstUse = timelineConflicts[0]?.useId ?? ''
    expect(await conflicts.first().getAttribute('data-element-id')).toBe(firstUse)
    expect(await conflicts.first().textContent()).toMatch(/opens in .+ \(\w{3} \d{4}\)/)
    await panel().getByTestId('analysis-phases').scrollIntoViewIfNeeded()
    await shot(page, 'phases')

    // occupancy per phase: one row per phase with its share of the site
    const phaseRowsShown = panel().getByTestId('phase-occupancy')
    expect(await phaseRowsShown.count()).toBe(phases.length)
    const firstPhase = phases[0]
    if (!firstPhase || firstPhase.occupancy === null) throw new Error('the demo has a site area')
    const percent = `${Math.round(firstPhase.occupancy * 100)}%`
    expect(await phaseRowsShown.first().textContent()).toContain(percent)

    // rent and viability: income, mean rent and who can pay
    const card = panel().getByTestId('analysis-viability')
    expect(await card.locator('[data-figure="income"] dd').textContent()).toBe(
      `€${Math.round(viability.rentIncomeEurYear).toLocaleString('en')}`,
    )
    expect(await card.locator('[data-can-pay]').count()).toBe(viability.affordability.length)
    expect(await card.locator('[data-can-pay="false"]').count()).toBe(viability.unaffordableActors)
    expect(await card.locator('.an-card__summary').textContent()).toBe(
      `${viability.affordableActors} of ${viability.affordability.length} actors with a budget can pay the asking rent`,
    )

    await card.scrollIntoViewIfNeeded()
    await shot(page, 'viability')

    // vacancy, as the brief's indicator table has it
    const { vacancy } = analysis.indicators.area
    if (vacancy === null) throw new Error('the demo has a site area')
    expect(await panel().getByTestId('area-vacancy').textContent()).toBe(
      `Vacancy: ${Math.round(vacancy * 100)}% of the site stays empty`,
    )

    // critical mass: committed and merely interested apart
    await panel().getByTestId('analysis-critical-mass').scrollIntoViewIfNeeded()
    await shot(page, 'critical-mass')
    const { committed, interested, count } = analysis.indicators.creative
    expect(await panel().getByTestId('critical-mass-split').textContent()).toBe(
      `${committed} committed${interested} interested${count - committed - interested} idea only`,
    )
  })

  it('an indicator explains what it means and how it is computed', async () => {
    const explanation = panel().getByTestId('analysis-critical-mass').getByTestId('indicator-explanation')
    const how = explanation.locator('.an-explain__how')
    expect(await how.isVisible()).toBe(false)
    await explanation.getByText('What does this mean?').click()
    await expect.poll(() => how.isVisible()).toBe(true)
    expect(await how.textContent()).toContain('How it is computed:')
    expect(await explanation.locator('.an-explain__meaning').textContent()).toContain('critical mass')
    // every card has one
    const cards = await panel().locator('.an-card').count()
    expect(await panel().getByTestId('indicator-explanation').count()).toBe(cards)
  })

  it('the heat-map shows the sectors and kinds of use on the board, the full matrix on demand, never wider than the panel', async () => {
    const { elements } = await get<{ elements: { kind: string; sector?: string; category?: string }[] }>(
      `/api/boards/${demoId}/export/json`,
    )
    const presentSectors = new Set(elements.filter((e) => e.kind === 'actor').map((e) => e.sector))
    const presentCategories = new Set(elements.filter((e) => e.kind === 'use').map((e) => e.category))
    expect(presentSectors.size).toBeLessThan(sectors.length)
    const matrix = panel().getByTestId('combination-matrix')
    await matrix.scrollIntoViewIfNeeded()
    const rowSectors = async () => matrix.locator('tbody th').evaluateAll((ths) => ths.map((th) => th.textContent))
    expect(await matrix.getAttribute('data-rows')).toBe(String(presentSectors.size))
    expect(await matrix.getAttribute('data-columns')).toBe(String(presentCategories.size))
    expect(await rowSectors()).toHaveLength(presentSectors.size)
    expect(await overflowingSideways()).toEqual([])
    await shot(page, 'matrix')

    await panel().getByTestId('matrix-full-toggle').click()
    await expect.poll(() => matrix.getAttribute('data-full')).toBe('true')
    expect(await matrix.getAttribute('data-rows')).toBe(String(sectors.length))
    expect(await matrix.getAttribute('data-columns')).toBe(String(useCategories.length))
    expect(await matrix.locator('thead th').count()).toBe(useCategories.length)
    expect(await overflowingSideways()).toEqual([])
    await matrix.scrollIntoViewIfNeeded()
    await shot(page, 'matrix-full')
    // a cell of the full matrix still selects its links
    expect(await matrix.locator('button.an-heat__button').count()).toBeGreaterThan(0)

    await panel().getByTestId('matrix-full-toggle').click()
    await expect.poll(() => matrix.getAttribute('data-rows')).toBe(String(presentSectors.size))
  })

  it('goes full screen in large type; Escape leaves', async () => {
    await panel().getByTestId('analysis-fullscreen-open').click()
    const dialog = page.getByTestId('analysis-fullscreen')
    await dialog.waitFor()
    await expect.poll(() => dialog.evaluate((d) => (d as HTMLDialogElement).open)).toBe(true)
    // it covers the window, and its type is larger than the side panel's
    const size = await dialog.boundingBox()
    expect(size?.width).toBeGreaterThanOrEqual(1400)
    const fontOf = (selector: string) =>
      page.evaluate((s) => {
        const element = document.querySelector(s)
        if (!element) return 0
        const zoom = Number(getComputedStyle(element.closest('.an-fullscreen__body') ?? element).zoom || 1)
        return Number.parseFloat(getComputedStyle(element).fontSize) * zoom
      }, selector)
    const large = await fontOf('[data-testid="analysis-fullscreen"] .an-card__title')
    const small = await fontOf('[data-testid="analysis-panel"] .an-card__title')
    expect(large).toBeGreaterThan(small * 1.3)
    await dialog.getByTestId('timeline-conflict').first().waitFor()
    await dialog.getByTestId('phase-occupancy').first().waitFor()
    await page.waitForFunction(() => document.fonts.status === 'loaded')

    const out = path.join(root, 'docs/screenshots/analysis-fullscreen.png')
    mkdirSync(path.dirname(out), { recursive: true })
    await page.screenshot({ path: out })

    // the board behind is inert: a tool's key pressed here does not switch the board's tool
    const pressedTool = () => page.locator('[data-tool][aria-pressed="true"]').getAttribute('data-tool')
    const toolBefore = await pressedTool()
    await page.keyboard.press('h')
    await page.keyboard.press('Escape')
    await expect.poll(() => dialog.count()).toBe(0)
    expect(await pressedTool()).toBe(toolBefore)
    await expect.poll(() => page.evaluate(() => document.fullscreenElement === null)).toBe(true)
    expect(problems).toEqual([])
  })

  it('no creative-to-established combination is one board gap, counted alike by the panel, the API and the brief', async () => {
    const created = await context.request.post(`${server.url}/api/boards`, {
      data: {
        title: 'Pivovar',
        content: {
          format: 'refresh-board',
          version: 1,
          board: { id: 'pivovar', title: 'Pivovar' },
          site: { name: 'Pivovar', areaM2: 800 },
          elements: [
            { id: 'a1', kind: 'actor', ...at, label: 'Studio Žužek', sector: 'creative', commitment: 'interested' },
            { id: 'a2', kind: 'actor', ...at, y: 200, label: 'Pekarna Šmid', sector: 'gastronomy', commitment: 'signed' },
            { id: 'u1', kind: 'use', ...at, x: 400, label: 'Atelier', category: 'studio', areaM2: 100 },
            { id: 'l1', kind: 'link', from: 'a1', to: 'u1', relation: 'operates' },
          ],
        },
      },
    })
    expect(created.status()).toBe(201)
    const id = ((await created.json()) as { board: { id: string } }).board.id
    const analysis = await get<Analysis>(`/api/boards/${id}/analysis`)
    expect(analysis.gaps[0]).toEqual({ type: 'combination-missing', elementId: '' })
    await openAnalysis(id)
    const boardGap = panel().locator('[data-testid="gap-item"][data-gap-type="combination-missing"]')
    await boardGap.waitFor()
    expect(await boardGap.evaluate((e) => e.tagName)).toBe('P') // nothing on the board to show
    expect(await boardGap.textContent()).toContain('No creative or cultural actor works with an established business yet')
    const count = analysis.gaps.length
    const word = count === 1 ? 'gap' : 'gaps'
    expect(await panel().getByTestId('analysis-gaps').locator('.an-card__summary').textContent()).toBe(`${count} ${word}`)
    expect(await panel().getByTestId('gap-item').count()).toBe(count)
    expect(await markdownOf(id)).toContain(`## Gaps\n\n${count} ${word}.\n`)
    expect(problems).toEqual([])
  })
})
