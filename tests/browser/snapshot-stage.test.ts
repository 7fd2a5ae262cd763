import { randomUUID } from 'node:crypto'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { callFromPage, elementsOf, launchBrowser, openPerson } from '../helpers/browser.ts'
import { startTestServer } from '../helpers/server.ts'

/**
 * Issue 12, "at the root": the snapshot view is no second canvas controller. Its stage is the
 * live canvas's stage controller, so a wheel notch zooms around the pointer on both alike, and
 * the snapshot keeps its own navigation (drag, arrows, +, fit) through it.
 */

type Viewport = { x: number; y: number; scale: number }
type Point = { x: number; y: number }

const box = { w: 200, h: 100 }
const content = {
  format: 'refresh-board',
  version: 1,
  board: { id: 'x', title: 'Stage test' },
  site: { name: 'Old dye works', location: 'Łódź', country: 'PL', areaM2: 3000 },
  elements: [
    { id: 'a-ola', kind: 'actor', x: 0, y: 0, ...box, label: 'Ola', sector: 'creative', commitment: 'interested' },
    { id: 'u-bakery', kind: 'use', x: 900, y: 300, ...box, label: 'Bakery', category: 'gastronomy', areaM2: 90 },
    { id: 'n-roof', kind: 'note', x: 200, y: 700, w: 160, h: 160, label: 'Roof?', color: 'yellow' },
  ],
}

const liveViewport = (page: Page): Promise<Viewport> =>
  page.evaluate(() => (window as unknown as { __refreshBoard: { viewport(): Viewport } }).__refreshBoard.viewport())

/** The snapshot stage's viewport, read from its Konva stage (the stage carries it). */
const snapshotViewport = (page: Page): Promise<Viewport | null> =>
  page.evaluate(() => {
    type Stage = { container(): HTMLElement; x(): number; y(): number; scaleX(): number }
    const stages = (window as unknown as { Konva: { stages: Stage[] } }).Konva.stages
    const stage = stages.find((s) => s.container().dataset.testid === 'snapshot-stage')
    return stage ? { x: stage.x(), y: stage.y(), scale: stage.scaleX() } : null
  })

const boardPointAt = (viewport: Viewport, screen: Point): Point => ({
  x: (screen.x - viewport.x) / viewport.scale,
  y: (screen.y - viewport.y) / viewport.scale,
})

const frame = (page: Page) => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)))

/** One mouse wheel notch towards the screen at `at` (page px); resolves once `read` shows a new view. */
async function wheelNotch(page: Page, at: Point, read: () => Promise<Viewport | null>): Promise<Viewport> {
  const before = await read()
  await page.mouse.move(at.x, at.y)
  await page.mouse.wheel(0, -100)
  await expect.poll(read).not.toEqual(before)
  return (await read()) as Viewport
}

describe('the snapshot stage is the live stage controller', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>
  let browser: Browser

  beforeAll(async () => {
    server = await startTestServer()
    browser = await launchBrowser()
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('zooms around the pointer on both stages alike; the snapshot pans by drag and arrows, zooms with + and fits', {
    timeout: 60_000,
  }, async () => {
    const { page, problems } = await openPerson(browser, { viewport: { width: 1280, height: 860 } })
    await page.goto(`${server.url}/`)
    const signup = await callFromPage(page, 'POST', '/api/auth/signup', {
      email: `stage-${randomUUID().slice(0, 8)}@example.org`,
      password: 'a long enough password',
      displayName: 'Ola',
    })
    expect(signup.status).toBe(201)
    const created = await callFromPage<{ board: { id: string } }>(page, 'POST', '/api/boards', { title: 'Stage test', content })
    expect(created.status).toBe(201)
    const boardId = created.body.board.id
    expect((await callFromPage(page, 'POST', `/api/boards/${boardId}/snapshots`, { label: 'Round 1' })).status).toBe(201)

    await page.goto(`${server.url}/boards/${boardId}`)
    await expect
      .poll(() => page.getByTestId('connection-status').getAttribute('data-status'), { timeout: 10_000 })
      .toBe('connected')
    await expect.poll(async () => Object.keys(await elementsOf(page)).length).toBe(3)
    await page.waitForTimeout(400) // the opening view settles

    // 1. The live canvas: a notch zooms ×1.1 around the pointer.
    const liveBox = await page.getByTestId('board-canvas').boundingBox()
    if (!liveBox) throw new Error('no canvas')
    const at = { x: liveBox.x + liveBox.width / 2, y: liveBox.y + liveBox.height / 2 }
    const inLive = { x: at.x - liveBox.x, y: at.y - liveBox.y }
    const liveBefore = await liveViewport(page)
    const liveAfter = await wheelNotch(page, at, () => liveViewport(page))
    expect(liveAfter.scale / liveBefore.scale).toBeCloseTo(1.1, 6)
    expect(boardPointAt(liveAfter, inLive).x).toBeCloseTo(boardPointAt(liveBefore, inLive).x, 3)
    expect(boardPointAt(liveAfter, inLive).y).toBeCloseTo(boardPointAt(liveBefore, inLive).y, 3)

    // 2. The snapshot opens where the live view is, and the same notch zooms it the same way.
    await page.getByTestId('side-tab-snapshots').click()
    await page
      .getByTestId('snapshot-row')
      .filter({ hasText: 'Round 1' })
      .getByRole('button', { name: 'Open', exact: true })
      .click()
    const stage = page.getByTestId('snapshot-stage')
    await stage.waitFor()
    await expect.poll(() => snapshotViewport(page)).toEqual(liveAfter)
    const stageBox = await stage.boundingBox()
    if (!stageBox) throw new Error('no snapshot stage')
    const inSnapshot = { x: at.x - stageBox.x, y: at.y - stageBox.y }
    const snapBefore = (await snapshotViewport(page)) as Viewport
    const snapAfter = await wheelNotch(page, at, () => snapshotViewport(page))
    expect(snapAfter.scale / snapBefore.scale).toBeCloseTo(liveAfter.scale / liveBefore.scale, 6)
    expect(boardPointAt(snapAfter, inSnapshot).x).toBeCloseTo(boardPointAt(snapBefore, inSnapshot).x, 3)
    expect(boardPointAt(snapAfter, inSnapshot).y).toBeCloseTo(boardPointAt(snapBefore, inSnapshot).y, 3)
    // the live view stayed where it was under the snapshot
    expect(await liveViewport(page)).toEqual(liveAfter)

    // 3. A drag pans the snapshot.
    await page.mouse.move(at.x, at.y)
    await page.mouse.down()
    for (let i = 1; i <= 8; i++) {
      await page.mouse.move(at.x + i * 10, at.y + i * 5)
      await frame(page)
    }
    await page.mouse.up()
    await expect.poll(() => snapshotViewport(page)).toEqual({ ...snapAfter, x: snapAfter.x + 80, y: snapAfter.y + 40 })

    // 4. Arrow keys pan, + zooms (animated) around the centre.
    await stage.focus()
    await page.keyboard.press('ArrowLeft')
    await expect.poll(() => snapshotViewport(page)).toEqual({ ...snapAfter, x: snapAfter.x + 140, y: snapAfter.y + 40 })
    await page.keyboard.press('+')
    await expect.poll(async () => (await snapshotViewport(page))?.scale).toBeCloseTo(snapAfter.scale * 1.25, 6)

    // 5. Fit: all content in view, below the banner.
    await page.getByTestId('snapshot-banner').getByRole('button', { name: 'Fit snapshot' }).click()
    const banner = await page.getByTestId('snapshot-banner').boundingBox()
    if (!banner) throw new Error('no banner')
    await expect
      .poll(async () => {
        const fitted = (await snapshotViewport(page)) as Viewport
        // the content spans (0, 0) to (1100, 860) on the board
        const top = stageBox.y + fitted.y
        const left = stageBox.x + fitted.x
        const bottom = top + 860 * fitted.scale
        const right = left + 1100 * fitted.scale
        return (
          top >= banner.y + banner.height &&
          bottom <= stageBox.y + stageBox.height &&
          left >= stageBox.x &&
          right <= stageBox.x + stageBox.width
        )
      })
      .toBe(true)

    // Escape goes back to live; the live view is untouched.
    await page.keyboard.press('Escape')
    await expect.poll(() => stage.count()).toBe(0)
    expect(await liveViewport(page)).toEqual(liveAfter)
    expect(problems).toEqual([])
  })
})
