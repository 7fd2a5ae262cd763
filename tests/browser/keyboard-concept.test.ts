import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { applyOperation } from '../../shared/operations/apply-operation.ts'
import { createBoard, joinAs, signup } from '../helpers/api.ts'
import { elementsOf } from '../helpers/browser.ts'
import { connectClient } from '../helpers/sync-client.ts'
import { openBoardAs, type Person, serverAndBrowser } from '../helpers/workshop.ts'

/**
 * A small concept built with the keyboard alone (issue 15, "must show"): not one mouse event
 * reaches the page. Create an actor and a use on the canvas, link them, set the use's area and
 * zone in the inspector, move the actor, delete a note. After each step the first person's
 * outline (its tab opened by keyboard) and the second person's canvas (its own document and
 * its accessible list of elements) show it.
 */

type Box = { id: string; kind: string; label?: string; x: number; y: number; w: number; h: number } & Record<string, unknown>

const env = serverAndBrowser()

/** Polls until the page shows it: a machine under load may take a few seconds for a remote change. */
const eventually = <T>(read: () => T | Promise<T>, message?: string) => expect.poll(read, { timeout: 15_000, message })

const activeTestId = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null)
const activeField = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-field') ?? null)
const selected = (page: Page) =>
  page.evaluate(() => (window as unknown as { __refreshBoard?: { selection?(): string[] } }).__refreshBoard?.selection?.() ?? [])
const boxes = async (page: Page) => Object.values(await elementsOf(page)) as Box[]
const ofKind = async (page: Page, kind: string) => (await boxes(page)).filter((e) => e.kind === kind)
const byId = async (page: Page, id: string) => (await elementsOf(page))[id] as Box | undefined

/** Presses `key` until `done` holds (at most `max` times); fails when it never does. */
async function pressUntil(page: Page, key: string, done: () => Promise<boolean>, max = 40, what = key) {
  for (let i = 0; i < max; i++) {
    if (await done()) return
    await page.keyboard.press(key)
  }
  expect(await done(), `${what} within ${max} presses`).toBe(true)
}

/** The outline tab's text, as the accessibility tree has it (names of its elements and links). */
const outline = (page: Page) => page.locator('#side-panel-outline').ariaSnapshot()
/** The second person's canvas as the accessibility tree has it: its list of elements. */
const canvasNames = (page: Page) =>
  page
    .getByTestId('canvas-mirror')
    .evaluate((list) => [...list.querySelectorAll('[role="option"]')].map((o) => o.textContent ?? ''))

/** Counts the mouse, pointer and wheel events the browser itself dispatches (a key's click on a button has detail 0). */
const countMouse = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as { __mouseEvents: string[] }
    w.__mouseEvents = []
    const types = [
      'pointerdown',
      'pointerup',
      'pointermove',
      'mousedown',
      'mouseup',
      'mousemove',
      'click',
      'dblclick',
      'contextmenu',
      'wheel',
    ]
    for (const type of types) {
      window.addEventListener(
        type,
        (event) => {
          if (!event.isTrusted) return
          if (
            (type === 'click' || type === 'contextmenu') &&
            (event as MouseEvent).detail === 0 &&
            (event as PointerEvent).pointerType !== 'mouse'
          )
            return
          w.__mouseEvents.push(type)
        },
        true,
      )
    }
  })
const mouseEvents = (page: Page) => page.evaluate(() => (window as unknown as { __mouseEvents: string[] }).__mouseEvents)

describe('a concept with the keyboard alone', () => {
  it('creates, links, sets area and zone, moves and deletes without a mouse; the outline and another person follow', async () => {
    const { server } = env
    const owner = await signup(server.url, 'Kai Keys')
    const boardId = await createBoard(server.url, owner.token, { title: 'Weaving mill concept' })
    const guest = await joinAs(server.url, owner.token, boardId, 'editor', 'Gita Guest')
    const peer = connectClient(server.url, boardId, owner.token)
    const people: Person[] = []
    try {
      await peer.synced
      const seeded = applyOperation(
        peer.doc,
        {
          type: 'element.add',
          elements: [
            { id: 'z-hall', kind: 'zone', x: -700, y: -420, w: 400, h: 260, label: 'Weaving hall' },
            { id: 'n-old', kind: 'note', x: -700, y: 200, w: 160, h: 160, label: 'Old idea', color: 'yellow' },
          ],
        },
        'peer',
      )
      expect(seeded.ok).toBe(true)
      peer.destroy()

      const kai = await openBoardAs(env, people, boardId, 'Kai', owner.token)
      const gita = await openBoardAs(env, people, boardId, 'Gita', guest.token)
      const page = kai.page
      await countMouse(page)

      // the Outline tab, by keyboard: Tab to the side panel's tabs, the arrow key opens it
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
      await pressUntil(page, 'Tab', async () => (await activeTestId(page)) === 'side-tab-inspect', 80, 'the Inspect tab')
      await page.keyboard.press('ArrowRight')
      await eventually(() => page.getByTestId('side-tab-outline').getAttribute('aria-selected')).toBe('true')
      await eventually(() => outline(page)).toContain('Old idea, note')
      // back to the canvas
      await pressUntil(page, 'Shift+Tab', async () => (await activeTestId(page)) === 'board-canvas', 80, 'the canvas')
      await page.keyboard.press('Escape')

      /** A creation key, then Enter, the label typed and kept; returns the new element. */
      const create = async (key: string, kind: string, label: string) => {
        const before = (await ofKind(page, kind)).length
        await page.keyboard.press(key)
        await page.keyboard.press('Enter')
        await eventually(async () => (await ofKind(page, kind)).length).toBe(before + 1)
        await eventually(() => activeTestId(page)).toBe('canvas-text-editor')
        await page.keyboard.press('Control+a')
        await page.keyboard.type(label)
        await page.keyboard.press('Control+Enter')
        await eventually(() => activeTestId(page)).toBe('board-canvas')
        const made = (await ofKind(page, kind)).find((e) => e.label === label)
        expect(made, `${kind} "${label}"`).toBeDefined()
        return made as Box
      }
      /** Walks the canvas with Tab until `id` is selected. */
      const walkTo = (id: string) =>
        pressUntil(page, 'Tab', async () => (await selected(page))[0] === id && (await selected(page)).length === 1, 20, id)

      // 1. an actor
      const actor = await create('a', 'actor', 'Makers e.V.')
      await eventually(() => outline(page)).toContain('Makers e.V., actor')
      await eventually(async () => (await byId(gita.page, actor.id))?.label).toBe('Makers e.V.')
      await eventually(async () => (await canvasNames(gita.page)).some((n) => n.startsWith('Makers e.V., actor'))).toBe(true)

      // 2. a use, placed beside it
      const use = await create('u', 'use', 'Open workshop')
      expect(use.x).toBeGreaterThan(actor.x + actor.w)
      await eventually(() => outline(page)).toContain('Open workshop, use')
      await eventually(async () => (await canvasNames(gita.page)).some((n) => n.startsWith('Open workshop, use'))).toBe(true)

      // 3. link them: on the actor, Ctrl+K, filter, Enter on Link
      await page.keyboard.press('Escape')
      await walkTo(actor.id)
      await page.waitForTimeout(700) // a separate undo step
      await page.keyboard.press('Control+k')
      const dialog = page.getByTestId('link-dialog')
      await dialog.waitFor()
      await page.keyboard.type('open work')
      await eventually(() => dialog.locator('#link-dialog-target option').allTextContents()).toEqual(['Open workshop (Use)'])
      await pressUntil(page, 'Tab', async () => (await activeTestId(page)) === 'link-dialog-submit', 6, 'the Link button')
      await page.keyboard.press('Enter')
      await dialog.waitFor({ state: 'hidden' })
      await eventually(() => outline(page)).toContain('Makers e.V. operates Open workshop')
      await eventually(() => canvasNames(gita.page)).toContain('Makers e.V. operates Open workshop')
      await eventually(() => activeTestId(page)).toBe('board-canvas')

      // 4. the use's area and zone, in the inspector: Shift+Enter takes the keys there
      await page.keyboard.press('Escape')
      await walkTo(use.id)
      await page.keyboard.press('Shift+Enter')
      await eventually(() => page.getByTestId('side-tab-inspect').getAttribute('aria-selected')).toBe('true')
      await eventually(() => page.evaluate(() => !!document.activeElement?.closest('#side-panel-inspect'))).toBe(true)
      await pressUntil(page, 'Tab', async () => (await activeField(page)) === 'areaM2', 20, 'the area field')
      await page.keyboard.type('240')
      await page.keyboard.press('Enter')
      await eventually(async () => (await byId(gita.page, use.id))?.areaM2).toBe(240)
      await pressUntil(page, 'Tab', async () => (await activeField(page)) === 'zone', 20, 'the zone field')
      await page.keyboard.press('ArrowDown') // the first zone after "none"
      await eventually(async () => (await byId(gita.page, use.id))?.zone).toBe('z-hall')
      await expect
        .poll(async () => (await canvasNames(gita.page)).some((n) => n.startsWith('Open workshop, use') && n.includes('240')))
        .toBe(true)
      // the outline again: back to the tabs, the arrow key
      await pressUntil(page, 'Shift+Tab', async () => (await activeTestId(page)) === 'side-tab-inspect', 40, 'the Inspect tab')
      await page.keyboard.press('ArrowRight')
      await eventually(() => page.getByTestId('side-tab-outline').getAttribute('aria-selected')).toBe('true')
      await eventually(() => outline(page)).toMatch(/Open workshop, use.*240 m²/)

      // 5. move the actor: back on the canvas, arrows (Shift: 50 px)
      await pressUntil(page, 'Shift+Tab', async () => (await activeTestId(page)) === 'board-canvas', 80, 'the canvas')
      await page.keyboard.press('Escape')
      await walkTo(actor.id)
      await page.keyboard.press('Shift+ArrowRight')
      await page.keyboard.press('ArrowDown')
      await eventually(async () => (await byId(gita.page, actor.id))?.x).toBe(actor.x + 50)
      await eventually(async () => (await byId(gita.page, actor.id))?.y).toBe(actor.y + 10)
      expect(await outline(page)).toContain('Makers e.V., actor')

      // 6. delete the note
      await page.keyboard.press('Escape')
      await walkTo('n-old')
      await page.keyboard.press('Delete')
      await eventually(async () => (await byId(gita.page, 'n-old')) === undefined).toBe(true)
      await eventually(() => outline(page)).not.toContain('Old idea')
      await eventually(async () => (await canvasNames(gita.page)).some((n) => n.startsWith('Old idea'))).toBe(false)

      // the whole concept, on the other person's canvas
      const names = await canvasNames(gita.page)
      expect(names.filter((n) => /^(Makers e\.V\., actor|Open workshop, use|Weaving hall, zone)/.test(n))).toHaveLength(3)
      expect(names).toContain('Makers e.V. operates Open workshop')

      expect(await mouseEvents(page)).toEqual([])
      for (const person of people) expect(person.problems, person.name).toEqual([])
    } finally {
      for (const person of people) await person.context.close()
    }
  }, 120_000)
})
