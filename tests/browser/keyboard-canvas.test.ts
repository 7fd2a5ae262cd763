import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { createBoard, joinAs, signup } from '../helpers/api.ts'
import { elementsOf } from '../helpers/browser.ts'
import { openBoardAs, type Person, serverAndBrowser } from '../helpers/workshop.ts'

/**
 * The canvas with the keyboard alone (issue 15, item 2), not one mouse event: Tab from the page
 * reaches the canvas, Tab walks its elements in reading order, a creation key then Enter places
 * an element beside the selected one, arrows move, Delete removes, Ctrl+Z brings back; a second
 * person sees each result.
 */

type Box = { id: string; kind: string; label?: string; x: number; y: number; w: number; h: number }

const env = serverAndBrowser()

const focusedTestId = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null)
const selected = (page: Page) =>
  page.evaluate(
    () => (window as unknown as { __refreshBoard?: { selection?(): string[] } }).__refreshBoard?.selection?.() ?? null,
  )
const boxes = async (page: Page) => Object.values(await elementsOf(page)) as unknown as Box[]
const ofKind = async (page: Page, kind: string) => (await boxes(page)).filter((e) => e.kind === kind)

/** A creation key, then Enter; types the label and keeps it (Ctrl+Enter); focus is back on the canvas. */
async function create(page: Page, key: string, kind: string, label: string): Promise<Box> {
  const before = (await ofKind(page, kind)).length
  await page.keyboard.press(key)
  await page.keyboard.press('Enter')
  await expect.poll(async () => (await ofKind(page, kind)).length).toBe(before + 1)
  await expect.poll(() => focusedTestId(page)).toBe('canvas-text-editor')
  await page.keyboard.press('Control+a')
  await page.keyboard.type(label)
  await page.keyboard.press('Control+Enter')
  await expect.poll(() => page.getByTestId('canvas-text-editor').count()).toBe(0)
  await expect.poll(() => focusedTestId(page)).toBe('board-canvas')
  const made = (await ofKind(page, kind)).find((e) => e.label === label)
  expect(made, `${kind} "${label}"`).toBeDefined()
  return made as Box
}

describe('keyboard canvas', () => {
  it('walks, places, moves, deletes and undoes with keys alone; another person sees it', async () => {
    const { server } = env
    const owner = await signup(server.url, 'Kim Keys')
    const boardId = await createBoard(server.url, owner.token, { title: 'Keys only' })
    const guest = await joinAs(server.url, owner.token, boardId, 'editor', 'Gita Guest')
    const people: Person[] = []
    try {
      const kim = await openBoardAs(env, people, boardId, 'Kim', owner.token)
      const gita = await openBoardAs(env, people, boardId, 'Gita', guest.token)
      const page = kim.page

      // Tab from the page until the canvas has focus
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
      for (let i = 0; i < 80 && (await focusedTestId(page)) !== 'board-canvas'; i++) await page.keyboard.press('Tab')
      expect(await focusedTestId(page)).toBe('board-canvas')

      // nothing selected: a note goes to the middle of the view; then an actor beside it, a use beside that
      const note = await create(page, 'n', 'note', 'Ask the owner')
      const actor = await create(page, 'a', 'actor', 'Makers e.V.')
      const use = await create(page, 'u', 'use', 'Open workshop')
      expect(actor.x).toBeGreaterThan(note.x + note.w)
      expect(use.x).toBeGreaterThan(actor.x + actor.w)

      // Tab walks in reading order (top to bottom, left to right); Shift+Tab and Alt+arrows walk back
      const order = (await boxes(page)).sort((a, b) => a.y - b.y || a.x - b.x).map((e) => e.id)
      await page.keyboard.press('Escape') // clears the selection: Tab starts at the first element
      await expect.poll(() => selected(page)).toEqual([])
      await page.keyboard.press('Tab')
      await expect.poll(() => selected(page)).toEqual([order[0]])
      // the focused element wears the keyboard's focus ring
      await expect.poll(() => page.getByTestId('board-canvas').getAttribute('data-key-focus')).toBe(order[0])
      await page.keyboard.press('Tab')
      await expect.poll(() => selected(page)).toEqual([order[1]])
      await page.keyboard.press('Shift+Tab')
      await expect.poll(() => selected(page)).toEqual([order[0]])
      await page.keyboard.press('Alt+ArrowRight')
      await expect.poll(() => selected(page)).toEqual([order[1]])
      await page.keyboard.press('Alt+ArrowLeft')
      await expect.poll(() => selected(page)).toEqual([order[0]])

      // walk to the actor and move it: 50 px right with Shift, 10 px down; each press one operation
      for (let i = 0; i < 5 && (await selected(page))?.[0] !== actor.id; i++) await page.keyboard.press('Tab')
      await expect.poll(() => selected(page)).toEqual([actor.id])
      await page.keyboard.press('Shift+ArrowRight')
      await page.keyboard.press('ArrowDown')
      const moved = async (p: Page) => (await elementsOf(p))[actor.id] as unknown as Box | undefined
      await expect.poll(async () => (await moved(page))?.x).toBe(actor.x + 50)
      await expect.poll(async () => (await moved(page))?.y).toBe(actor.y + 10)
      await expect.poll(async () => (await moved(gita.page))?.x).toBe(actor.x + 50)

      // link it by keyboard: Ctrl+K opens "Link to…", the filter narrows the list, Enter links
      await page.waitForTimeout(700) // a separate undo step
      await page.keyboard.press('Control+k')
      const dialog = page.getByTestId('link-dialog')
      await dialog.waitFor()
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('link-dialog-filter')
      await page.keyboard.type('open work')
      await expect.poll(() => dialog.locator('#link-dialog-target option').allTextContents()).toEqual(['Open workshop (Use)'])
      await page.keyboard.press('Tab')
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('link-dialog-target')
      await page.keyboard.press('Tab')
      expect(await dialog.locator('#link-dialog-relation').inputValue()).toBe('operates')
      await page.keyboard.press('Tab') // Cancel
      await page.keyboard.press('Tab') // Link
      expect(await focusedTestId(page)).toBe('link-dialog-submit')
      await page.keyboard.press('Enter')
      await dialog.waitFor({ state: 'hidden' })
      const linkOf = async (p: Page) =>
        Object.values(await elementsOf(p)).find((e) => e.kind === 'link' && e.from === actor.id && e.to === use.id)
      await expect.poll(async () => (await linkOf(gita.page))?.relation).toBe('operates')
      await expect.poll(() => focusedTestId(page)).toBe('board-canvas')
      await page.keyboard.press('Escape')
      for (let i = 0; i < 5 && (await selected(page))?.[0] !== actor.id; i++) await page.keyboard.press('Tab')
      await expect.poll(() => selected(page)).toEqual([actor.id])

      // resize it without a handle: Ctrl+Right 10 px wider, Ctrl+Shift+Down 50 px taller
      await page.keyboard.press('Control+ArrowRight')
      await page.keyboard.press('Control+Shift+ArrowDown')
      await expect.poll(async () => (await moved(gita.page))?.w).toBe(actor.w + 10)
      await expect.poll(async () => (await moved(gita.page))?.h).toBe(actor.h + 50)

      // walk to the note, delete it; Ctrl+Z brings it back, for the other person too
      await page.waitForTimeout(700) // a separate undo step
      for (let i = 0; i < 5 && (await selected(page))?.[0] !== note.id; i++) await page.keyboard.press('Shift+Tab')
      await expect.poll(() => selected(page)).toEqual([note.id])
      await page.keyboard.press('Delete')
      await expect.poll(async () => (await elementsOf(gita.page))[note.id]).toBeUndefined()
      await page.keyboard.press('Control+z')
      await expect.poll(async () => (await elementsOf(gita.page))[note.id]?.label).toBe('Ask the owner')
      expect(((await elementsOf(gita.page))[actor.id] as unknown as Box).x).toBe(actor.x + 50)
      expect(((await elementsOf(gita.page))[use.id] as unknown as Box).label).toBe('Open workshop')

      // past the last element Tab leaves the canvas (no keyboard trap)
      for (let i = 0; i < 6 && (await focusedTestId(page)) === 'board-canvas'; i++) await page.keyboard.press('Tab')
      expect(await focusedTestId(page)).not.toBe('board-canvas')

      for (const person of people) expect(person.problems, person.name).toEqual([])
    } finally {
      for (const person of people) await person.context.close()
    }
  }, 120_000)
})
