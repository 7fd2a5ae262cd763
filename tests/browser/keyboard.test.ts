import { randomUUID } from 'node:crypto'
import { copyFileSync, mkdirSync } from 'node:fs'
import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { elementsOf, launchBrowser, watchedPage } from '../helpers/browser.ts'
import { startTestServer } from '../helpers/server.ts'

/**
 * Typing never turns into commands: keys go through one keyboard router, which fires no
 * shortcut while a field, the in-place editor or a dialog has focus. An element placed with
 * the mouse opens for typing at once. The `?` sheet lists the shortcuts and turns the
 * single-key ones off; the right-click menu runs the same actions.
 */

type Point = { x: number; y: number }
type Box = { id: string; kind: string; label?: string; x: number; y: number; w: number; h: number }

declare global {
  interface Window {
    __refreshBoard?: { toClient(p: Point): Point; toBoard(p: Point): Point; toScreen(p: Point): Point }
  }
}

const root = path.resolve(import.meta.dirname, '../..')

describe('keyboard: typing, shortcuts sheet, context menu', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>
  let browser: Browser
  let context: BrowserContext
  let page: Page
  let problems: string[] = []
  let boardId = ''

  const tool = () => page.locator('.board-canvas').getAttribute('data-tool')
  const ofKind = async (kind: string) => Object.values(await elementsOf(page)).filter((e) => e.kind === kind) as Box[]
  const focusedTestId = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null)
  const centreOf = (e: Box) =>
    page.evaluate((p) => window.__refreshBoard?.toClient(p) ?? p, { x: e.x + e.w / 2, y: e.y + e.h / 2 })
  const canvasArea = async () => {
    const area = await page.getByTestId('board-canvas').boundingBox()
    if (!area) throw new Error('no canvas')
    return area
  }

  /** Picks a tool in the toolbar, clicks the canvas, types: the new element holds the text. */
  async function placeAndType(kind: 'note' | 'actor' | 'zone', at: Point, text: string) {
    const before = (await ofKind(kind)).length
    await page.getByTestId(`tool-${kind}`).click()
    await page.mouse.click(at.x, at.y)
    await expect.poll(async () => (await ofKind(kind)).length).toBe(before + 1)
    const editor = page.getByTestId('canvas-text-editor')
    await editor.waitFor({ timeout: 5000 })
    await expect.poll(focusedTestId).toBe('canvas-text-editor')
    await page.keyboard.type(text)
    // the editor is still open and holds every letter; no letter armed a tool
    expect(await editor.inputValue()).toBe(text)
    expect(await tool()).toBe('select')
    await page.keyboard.press('Control+Enter')
    await expect.poll(() => editor.count()).toBe(0)
    const created = (await ofKind(kind)).find((e) => e.label === text)
    expect(created, `${kind} labelled "${text}"`).toBeDefined()
    expect(await tool()).toBe('select')
    return created as Box
  }

  beforeAll(async () => {
    server = await startTestServer()
    browser = await launchBrowser()
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
    const signup = await context.request.post(`${server.url}/api/auth/signup`, {
      data: { email: `keys-${randomUUID().slice(0, 8)}@example.org`, password: 'a long enough password', displayName: 'Ana' },
    })
    expect(signup.status()).toBe(201)
    const created = await context.request.post(`${server.url}/api/boards`, { data: { title: 'Keyboard' } })
    boardId = ((await created.json()) as { board: { id: string } }).board.id
    const watched = await watchedPage(context)
    page = watched.page
    problems = watched.problems
    await page.goto(`${server.url}/boards/${boardId}`)
    await page.locator('[data-testid="connection-status"][data-status="connected"]').waitFor({ timeout: 30_000 })
    await page.waitForFunction(() => window.__refreshBoard !== undefined)
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('types into a note, an actor and a zone placed with the mouse; fields and dialogs take their keys', async () => {
    const area = await canvasArea()
    await placeAndType('note', { x: area.x + 300, y: area.y + 200 }, 'hello world')
    const actor = await placeAndType('actor', { x: area.x + 650, y: area.y + 200 }, 'Brewery cooperative')
    await placeAndType('zone', { x: area.x + 450, y: area.y + 520 }, 'Malt house')

    // A field of the inspector: letters, Delete and Ctrl+A stay in the field
    await page.mouse.click((await centreOf(actor)).x, (await centreOf(actor)).y)
    const label = page.locator('[data-testid="element-form"] input[data-field="label"]')
    await label.click()
    await page.keyboard.press('Control+a')
    await page.keyboard.type('Hop growers nlaz')
    await page.keyboard.press('Backspace')
    await page.keyboard.press('Delete')
    expect(await tool()).toBe('select')
    expect(await ofKind('actor')).toHaveLength(1)
    expect(await label.inputValue()).toBe('Hop growers nla')

    // A dialog: letters and Delete reach nothing behind it
    await page.getByTestId('export-open').click()
    await page.getByTestId('export-dialog').waitFor()
    for (const key of ['n', 'l', 'a', 'Delete', 'Control+d']) await page.keyboard.press(key)
    expect(await tool()).toBe('select')
    expect(await ofKind('actor')).toHaveLength(1)
    await page.keyboard.press('Escape')
    await page.getByTestId('export-dialog').waitFor({ state: 'hidden' })

    // On the canvas, the same letters are shortcuts
    await page.getByTestId('board-canvas').focus()
    await page.keyboard.press('l')
    await expect.poll(tool).toBe('link')
    await page.keyboard.press('v')
    await expect.poll(tool).toBe('select')
    expect(problems).toEqual([])
  }, 60_000)

  it('lists the shortcuts on "?" and turns the single-key ones off (remembered)', async () => {
    await page.getByTestId('board-canvas').focus()
    await page.keyboard.press('?')
    const sheet = page.getByTestId('shortcuts-sheet')
    await sheet.waitFor()
    // listed from the router's table: the note tool with its key, undo with its chord
    await expect.poll(() => sheet.locator('[data-shortcut="tool.note"] kbd').allTextContents()).toEqual(['N'])
    await expect.poll(() => sheet.locator('[data-shortcut="undo"] kbd').allTextContents()).toEqual(['Ctrl', 'Z'])
    mkdirSync(path.join(root, '.test-tmp'), { recursive: true })
    const shot = path.join(root, '.test-tmp/shortcuts.png')
    await page.screenshot({ path: shot })
    mkdirSync(path.join(root, 'docs/screenshots'), { recursive: true })
    copyFileSync(shot, path.join(root, 'docs/screenshots/shortcuts.png'))

    const toggle = page.getByTestId('single-key-shortcuts')
    expect(await toggle.isChecked()).toBe(true)
    await toggle.uncheck()
    await expect.poll(() => sheet.locator('[data-shortcut="tool.note"]').getAttribute('class')).toContain('kb-row--off')
    expect(await sheet.locator('[data-shortcut="undo"]').getAttribute('class')).not.toContain('kb-row--off')
    await page.screenshot({ path: path.join(root, '.test-tmp/shortcuts-off.png') })
    await page.keyboard.press('Escape')
    await sheet.waitFor({ state: 'hidden' })

    // the toolbar stops showing the letters
    expect(await page.getByTestId('tool-note').locator('.ws-tool__key').count()).toBe(0)
    await page.getByTestId('board-canvas').focus()
    for (const key of ['n', 'l', 'a', 'z']) {
      await page.keyboard.press(key)
      expect(await tool(), key).toBe('select')
    }
    // chords still work: Ctrl+A selects everything
    await page.keyboard.press('Control+a')
    await expect.poll(() => page.getByTestId('inspector').getAttribute('data-mode')).toBe('multi')
    await page.keyboard.press('Escape')

    // remembered across a reload; the help button opens the sheet in one click
    await page.reload()
    await page.locator('[data-testid="connection-status"][data-status="connected"]').waitFor({ timeout: 30_000 })
    await page.getByTestId('board-canvas').focus()
    await page.keyboard.press('n')
    expect(await tool()).toBe('select')
    await page.getByTestId('shortcuts-open').click()
    await sheet.waitFor()
    expect(await toggle.isChecked()).toBe(false)
    await toggle.check()
    await page.keyboard.press('Escape')
    await sheet.waitFor({ state: 'hidden' })
    await page.getByTestId('board-canvas').focus()
    await page.keyboard.press('n')
    await expect.poll(tool).toBe('note')
    expect(await page.getByTestId('tool-note').locator('.ws-tool__key').textContent()).toBe('N')
    await page.keyboard.press('v')
    expect(problems).toEqual([])
  }, 60_000)

  it('opens a context menu on right-click whose actions work, by mouse and keyboard', async () => {
    const [actor] = await ofKind('actor')
    if (!actor) throw new Error('no actor')
    const at = await centreOf(actor)
    const menu = page.getByTestId('context-menu')

    await page.mouse.click(at.x, at.y, { button: 'right' })
    await menu.waitFor()
    await expect.poll(focusedTestId).toBe('context-menu-item')
    const labels = await menu.getByRole('menuitem').allTextContents()
    expect(labels.some((l) => l.startsWith('Duplicate'))).toBe(true)
    expect(labels.some((l) => l.startsWith('Delete'))).toBe(true)
    await page.screenshot({ path: path.join(root, '.test-tmp/context-menu.png') })
    await menu.getByRole('menuitem', { name: /^Duplicate/ }).click()
    await menu.waitFor({ state: 'hidden' })
    await expect.poll(async () => (await ofKind('actor')).length).toBe(2)

    // Escape closes it, and nothing happened
    await page.mouse.click(at.x, at.y, { button: 'right' })
    await menu.waitFor()
    await page.keyboard.press('Escape')
    await menu.waitFor({ state: 'hidden' })
    expect(await ofKind('actor')).toHaveLength(2)

    // a click outside closes it too
    await page.mouse.click(at.x, at.y, { button: 'right' })
    await menu.waitFor()
    await page.getByTestId('board-title').click()
    await menu.waitFor({ state: 'hidden' })

    // keyboard: arrows to "Delete", Enter runs it
    await page.mouse.click(at.x, at.y, { button: 'right' })
    await menu.waitFor()
    const items = await menu.getByRole('menuitem').allTextContents()
    const steps = items.findIndex((l) => l.startsWith('Delete'))
    for (let i = 0; i < steps; i++) await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Enter')
    await menu.waitFor({ state: 'hidden' })
    await expect.poll(async () => (await ofKind('actor')).length).toBe(1)

    // from the keyboard: Shift+F10 on the canvas opens it at the selection; Escape gives focus back
    const [left] = await ofKind('actor')
    if (!left) throw new Error('no actor left')
    const leftAt = await centreOf(left)
    await page.mouse.click(leftAt.x, leftAt.y)
    await page.keyboard.press('Shift+F10')
    await menu.waitFor()
    await expect.poll(focusedTestId).toBe('context-menu-item')
    await page.keyboard.press('Escape')
    await menu.waitFor({ state: 'hidden' })
    await expect.poll(focusedTestId).toBe('board-canvas')
    expect(problems).toEqual([])
  }, 60_000)
})
