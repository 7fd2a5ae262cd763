import { execFileSync } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { callFromPage, elementsOf, launchBrowser, openPerson } from '../helpers/browser.ts'
import { startTestServer } from '../helpers/server.ts'
import { connectClient, type SyncClient } from '../helpers/sync-client.ts'

/**
 * Snapshots through the UI: the owner saves one, the board changes under them (another
 * y-websocket client), the owner opens the snapshot read-only, compares it with the live board
 * (the differences drawn on the canvas and listed in words), restores it (an editor in a second
 * browser context sees the board return), and downloads an export from the header's menu.
 */

const SHOTS = process.env.SNAPSHOTS_SHOTS
const LIVE = { timeout: 3000, interval: 25 }

interface Person {
  page: Page
  context: BrowserContext
  problems: string[]
}

const open = (browser: Browser): Promise<Person> =>
  openPerson(browser, { viewport: { width: 1440, height: 900 }, acceptDownloads: true })

/** Ids of the diff badges drawn on the canvas, per kind (the Konva stages' nodes). */
const badgeIds = (page: Page, kind: 'added' | 'removed' | 'changed') =>
  page.evaluate((name) => {
    const konva = (window as unknown as { Konva: { stages: { find(selector: string): { id(): string }[] }[] } }).Konva
    return konva.stages.flatMap((stage) => stage.find(`.diff-badge-${name}`).map((node) => node.id())).sort()
  }, kind)

/** How many outlines of a highlight kind the renderers draw. */
const highlightCount = (page: Page, kind: string) =>
  page.evaluate((name) => {
    const konva = (window as unknown as { Konva: { stages: { find(selector: string): { getChildren(): unknown[] }[] }[] } }).Konva
    return konva.stages
      .flatMap((stage) => stage.find(`.highlight-${name}`))
      .reduce((n, group) => n + group.getChildren().length, 0)
  }, kind)

type Viewport = { x: number; y: number; scale: number }
type Point = { x: number; y: number }

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

/** One mouse wheel notch towards the screen at `at` (page px); resolves once `read` shows a new view. */
async function wheelNotch(page: Page, at: Point, read: () => Promise<Viewport | null>): Promise<Viewport> {
  const before = await read()
  await page.mouse.move(at.x, at.y)
  await page.mouse.wheel(0, -100)
  await expect.poll(read).not.toEqual(before)
  return (await read()) as Viewport
}

async function waitConnected(page: Page) {
  await expect
    .poll(() => page.getByTestId('connection-status').getAttribute('data-status'), { timeout: 10_000 })
    .toBe('connected')
  await page.getByTestId('board-canvas').waitFor()
}

async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/snapshots-${name}.png` })
}

const box = { w: 200, h: 100 }
const content = {
  format: 'refresh-board',
  version: 1,
  board: { id: 'x', title: 'Přádelna Dvůr' },
  site: { name: 'Old spinning mill', location: 'Dvůr Králové', country: 'CZ', areaM2: 4000 },
  elements: [
    { id: 'a-anna', kind: 'actor', x: 0, y: 0, ...box, label: 'Anna Dvořák', sector: 'creative', commitment: 'interested' },
    { id: 'u-cafe', kind: 'use', x: 320, y: 0, ...box, label: 'Café', category: 'gastronomy', areaM2: 120 },
    { id: 'n-heating', kind: 'note', x: 0, y: 220, w: 160, h: 160, label: 'Heating?', color: 'yellow' },
  ],
}

describe('snapshots in the UI', () => {
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

  it('saves, opens read-only, compares with live, restores for everyone, and exports', { timeout: 120_000 }, async () => {
    const owner = await open(browser)
    const editor = await open(browser)
    let other: SyncClient | null = null
    try {
      await owner.page.goto(`${server.url}/`)
      const signup = await callFromPage<{ token: string }>(owner.page, 'POST', '/api/auth/signup', {
        email: `ana-${randomUUID().slice(0, 8)}@example.org`,
        password: 'a long enough password',
        displayName: 'Ana Novak',
      })
      expect(signup.status).toBe(201)
      const created = await callFromPage<{ board: { id: string } }>(owner.page, 'POST', '/api/boards', {
        title: 'Přádelna Dvůr',
        content,
      })
      expect(created.status).toBe(201)
      const boardId = created.body.board.id
      const invite = await callFromPage<{ invite: { token: string } }>(owner.page, 'POST', `/api/boards/${boardId}/invites`, {
        role: 'editor',
      })

      await owner.page.goto(`${server.url}/boards/${boardId}`)
      await waitConnected(owner.page)
      await expect.poll(async () => Object.keys(await elementsOf(owner.page)).length).toBe(3)

      // 1. Save a snapshot from the Snapshots tab; the label defaults to the next round.
      await owner.page.getByTestId('side-tab-snapshots').click()
      const panel = owner.page.getByTestId('snapshots-panel')
      const labelInput = panel.getByLabel('Label')
      await expect.poll(() => labelInput.inputValue()).toMatch(/^Round 1 – /)
      await labelInput.fill('Round 1')
      await panel.getByRole('button', { name: 'Save snapshot' }).click()
      const row = panel.getByTestId('snapshot-row').filter({ hasText: 'Round 1' })
      await row.waitFor()
      expect(await row.textContent()).toContain('3 elements')
      expect(await row.textContent()).toContain('by Ana Novak')
      await expect.poll(() => labelInput.inputValue()).toMatch(/^Round 2 – /)
      await shot(owner.page, 'saved')

      // 2. The board changes: another client adds an actor, enlarges the café, deletes the note.
      other = connectClient(server.url, boardId, signup.body.token)
      await other.synced
      const doc = other.doc
      doc.transact(() => {
        const elements = doc.getMap<Y.Map<unknown>>('elements')
        const makers = new Y.Map<unknown>()
        const fields = {
          id: 'a-makers',
          kind: 'actor',
          x: 640,
          y: 0,
          ...box,
          label: 'Makers e.V.',
          sector: 'creative',
          commitment: 'loi',
        }
        for (const [key, value] of Object.entries(fields)) makers.set(key, value)
        elements.set('a-makers', makers)
        elements.get('u-cafe')?.set('areaM2', 180)
        elements.delete('n-heating')
      })
      await expect.poll(async () => (await elementsOf(owner.page))['a-makers']?.label, LIVE).toBe('Makers e.V.')

      // 3. Open the snapshot read-only: its own stage over the canvas, clearly marked.
      await row.getByRole('button', { name: 'Open', exact: true }).click()
      const banner = owner.page.getByTestId('snapshot-banner')
      await expect.poll(() => banner.textContent()).toContain('Viewing snapshot “Round 1” — read-only')
      await owner.page.getByTestId('snapshot-stage').waitFor()
      await owner.page.waitForTimeout(200)
      await shot(owner.page, 'view')
      // keys do not reach the hidden live canvas
      await owner.page.getByTestId('snapshot-stage').focus()
      await owner.page.keyboard.press('Control+a')
      await owner.page.keyboard.press('Delete')
      await row.getByRole('button', { name: 'Open', exact: true }).focus()
      await owner.page.keyboard.press('Control+a')
      await owner.page.keyboard.press('Delete')
      await owner.page.waitForTimeout(200)
      expect(Object.keys(await elementsOf(owner.page)).sort()).toEqual(['a-anna', 'a-makers', 'u-cafe'])
      await banner.getByRole('button', { name: 'Back to live' }).click()
      await expect.poll(() => banner.count()).toBe(0)
      expect(await owner.page.getByTestId('snapshot-stage').count()).toBe(0)

      // 4. Compare with live: drawn on the canvas (outline + badge per kind) and listed in words.
      await row.getByRole('button', { name: 'Compare with live' }).click()
      const list = owner.page.getByTestId('diff-list')
      await expect
        .poll(() => list.getByRole('listitem').allTextContents())
        .toEqual(
          expect.arrayContaining([
            expect.stringContaining('Added actor “Makers e.V.”'),
            expect.stringContaining('Removed note “Heating?”'),
            expect.stringContaining('Changed use “Café”: area 120 m² → 180 m²'),
          ]),
        )
      expect(await list.getByTestId('diff-summary').textContent()).toBe('1 added, 1 removed, 1 changed')
      expect(await badgeIds(owner.page, 'added')).toEqual(['a-makers'])
      expect(await badgeIds(owner.page, 'changed')).toEqual(['u-cafe'])
      expect(await badgeIds(owner.page, 'removed')).toEqual(['n-heating'])
      expect(await highlightCount(owner.page, 'diff-added')).toBe(1)
      expect(await highlightCount(owner.page, 'diff-changed')).toBe(1)
      expect(await highlightCount(owner.page, 'diff-removed')).toBe(1)
      await list.getByRole('button', { name: /Changed use “Café”/ }).click()
      await expect
        .poll(() =>
          owner.page.evaluate(() =>
            (window as unknown as { __refreshBoard: { selection(): string[] } }).__refreshBoard.selection(),
          ),
        )
        .toEqual(['u-cafe'])
      await owner.page.waitForTimeout(400)
      await shot(owner.page, 'compare')
      await owner.page.getByTestId('snapshot-banner').getByRole('button', { name: 'End comparison' }).click()
      await expect.poll(() => highlightCount(owner.page, 'diff-added')).toBe(0)
      expect(await badgeIds(owner.page, 'changed')).toEqual([])

      // 5. An editor joins in a second browser context and sees the changed board.
      await editor.page.goto(`${server.url}/join/${invite.body.invite.token}`)
      await editor.page.getByLabel('Your name').fill('Gábor Kovács')
      await editor.page.getByRole('button', { name: 'Join board' }).click()
      await editor.page.waitForURL(new RegExp(`/boards/${boardId}$`))
      await waitConnected(editor.page)
      await expect
        .poll(async () => Object.keys(await elementsOf(editor.page)).sort(), LIVE)
        .toEqual(['a-anna', 'a-makers', 'u-cafe'])

      // 6. Restore (confirmed): everyone's board returns to the snapshot; a toast gives the counts.
      await row.getByRole('button', { name: 'Restore' }).click()
      const dialog = owner.page.getByTestId('restore-dialog')
      expect(await dialog.textContent()).toContain('new change that everyone on the board receives')
      await shot(owner.page, 'restore-dialog')
      await owner.page.getByRole('button', { name: 'Restore snapshot' }).click()
      await expect
        .poll(() => owner.page.getByTestId('toast').allTextContents())
        .toEqual(
          expect.arrayContaining([expect.stringContaining('Restored “Round 1”: 1 added back, 1 removed, 1 changed back.')]),
        )
      for (const page of [editor.page, owner.page]) {
        await expect.poll(async () => Object.keys(await elementsOf(page)).sort(), LIVE).toEqual(['a-anna', 'n-heating', 'u-cafe'])
        expect((await elementsOf(page))['u-cafe']?.areaM2).toBe(120)
      }
      await shot(owner.page, 'restored')

      // 7. The trend chart and its table have the rounds' indicators.
      await panel.getByLabel('Label').fill('Round 2')
      await panel.getByRole('button', { name: 'Save snapshot' }).click()
      await panel.getByTestId('snapshot-row').filter({ hasText: 'Round 2' }).waitFor()
      const trends = panel.getByTestId('snapshot-trends')
      await trends.locator('[data-indicator="actors"]').waitFor()
      if (SHOTS) await trends.screenshot({ path: `${SHOTS}/snapshots-trends-chart.png` })
      await trends.getByRole('button', { name: 'Show as table' }).click()
      const table = trends.getByTestId('trend-table')
      expect(await table.locator('thead th').allTextContents()).toEqual(['Indicator', 'Round 1', 'Round 2'])
      expect(
        await table
          .getByRole('row', { name: /^Actors/ })
          .locator('td')
          .allTextContents(),
      ).toEqual(['1', '1'])
      await shot(owner.page, 'trends')

      // 8. Compare two snapshots: the later one is shown read-only with the differences on it.
      await panel
        .getByTestId('snapshot-row')
        .filter({ hasText: 'Round 2' })
        .getByRole('button', { name: 'Compare with…' })
        .click()
      const picker = owner.page.getByRole('dialog', { name: 'Compare “Round 2” with…' })
      await picker.getByLabel('Snapshot').selectOption({ label: 'Round 1' })
      await picker.getByRole('button', { name: 'Compare', exact: true }).click()
      await expect.poll(() => banner.textContent()).toContain('Comparing “Round 1” with “Round 2”')
      await owner.page.getByTestId('snapshot-stage').waitFor()
      await expect.poll(() => owner.page.getByTestId('diff-list').textContent()).toContain('Nothing changed.')
      await banner.getByRole('button', { name: 'End comparison' }).click()
      await expect.poll(() => owner.page.getByTestId('snapshot-stage').count()).toBe(0)

      // 9. Export from the header: the strategy brief downloads under the server's file name.
      await owner.page.getByTestId('export-open').click()
      const exportDialog = owner.page.getByRole('dialog', { name: 'Export the board' })
      await exportDialog.waitFor()
      await shot(owner.page, 'export')
      const [brief] = await Promise.all([
        owner.page.waitForEvent('download'),
        exportDialog.locator('button[data-format="md"]').click(),
      ])
      expect(brief.suggestedFilename()).toBe('přádelna-dvůr.md')
      const markdown = await readFile((await brief.path()) as string, 'utf8')
      expect(markdown).toContain('# Přádelna Dvůr')
      expect(markdown).toContain('Anna Dvořák')
      await expect.poll(() => exportDialog.getByTestId('export-status').textContent()).toContain('přádelna-dvůr.md downloaded.')

      // …and the PDF, rendered on the server, with the names spelled right inside
      const [pdf] = await Promise.all([
        owner.page.waitForEvent('download', { timeout: 60_000 }),
        exportDialog.locator('button[data-format="pdf"]').click(),
      ])
      expect(pdf.suggestedFilename()).toBe('přádelna-dvůr.pdf')
      const pdfPath = (await pdf.path()) as string
      expect((await readFile(pdfPath)).subarray(0, 5).toString()).toBe('%PDF-')
      const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' })
      expect(text).toContain('Přádelna Dvůr')
      expect(text).toContain('Anna Dvořák')

      expect([...owner.problems, ...editor.problems]).toEqual([])
    } finally {
      other?.destroy()
      await owner.context.close()
      await editor.context.close()
    }
  })

  /**
   * Issue 12, "at the root": the snapshot view is no second canvas controller. Its stage is the
   * live canvas's stage controller, so a wheel notch zooms around the pointer on both alike, and
   * the snapshot keeps its own navigation (drag, arrows, +, fit) through it.
   */
  it('views a snapshot through the live stage controller: wheel, drag, arrows, + and fit', { timeout: 60_000 }, async () => {
    const { page, context, problems } = await open(browser)
    try {
      await page.goto(`${server.url}/`)
      const signup = await callFromPage(page, 'POST', '/api/auth/signup', {
        email: `ola-${randomUUID().slice(0, 8)}@example.org`,
        password: 'a long enough password',
        displayName: 'Ola',
      })
      expect(signup.status).toBe(201)
      const created = await callFromPage<{ board: { id: string } }>(page, 'POST', '/api/boards', { title: 'Stage', content })
      const boardId = created.body.board.id
      expect((await callFromPage(page, 'POST', `/api/boards/${boardId}/snapshots`, { label: 'Round 1' })).status).toBe(201)
      await page.goto(`${server.url}/boards/${boardId}`)
      await waitConnected(page)
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
        await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)))
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
          // the content spans (0, 0) to (520, 380) on the board
          const top = stageBox.y + fitted.y
          const left = stageBox.x + fitted.x
          return (
            top >= banner.y + banner.height &&
            top + 380 * fitted.scale <= stageBox.y + stageBox.height &&
            left >= stageBox.x &&
            left + 520 * fitted.scale <= stageBox.x + stageBox.width
          )
        })
        .toBe(true)

      // Escape goes back to live; the live view is untouched.
      await page.keyboard.press('Escape')
      await expect.poll(() => stage.count()).toBe(0)
      expect(await liveViewport(page)).toEqual(liveAfter)
      expect(problems).toEqual([])
    } finally {
      await context.close()
    }
  })
})
